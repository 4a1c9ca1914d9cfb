/**
 * Finance library: numpy-financial's functions with the same names, argument order, defaults and sign
 * convention (cash paid out negative, received positive), Excel's dated XNPV/XIRR, paybacks, appraisal helpers
 * and French local-authority financing as cash-flow transformations. Scalars only: no array broadcasting.
 */

// Types
export type { When } from './internal/validate.js';
export type { DateInput } from './internal/dates.js';

// Discounting and present values
export { discountFactors } from './discountFactors.js';
export { npv } from './npv.js';
export { xnpv } from './xnpv.js';

// Rates of return
export { irr } from './irr.js';
export { irrRoots } from './irrRoots.js';
export { hasMultipleIrr } from './hasMultipleIrr.js';
export { mirr } from './mirr.js';
export { xirr } from './xirr.js';

// Annuities and loans (numpy-financial)
export { pmt } from './pmt.js';
export { ipmt } from './ipmt.js';
export { ppmt } from './ppmt.js';
export { pv } from './pv.js';
export { fv } from './fv.js';
export { nper } from './nper.js';
export { rate } from './rate.js';

// Paybacks
export { paybackPeriod } from './paybackPeriod.js';
export { discountedPaybackPeriod } from './discountedPaybackPeriod.js';
export { paybackReversal } from './paybackReversal.js';

// Appraisal helpers
export { annuityFactor } from './annuityFactor.js';
export { lifecycleCost } from './lifecycleCost.js';
export { equivalentAnnualCost } from './equivalentAnnualCost.js';
export { levelisedCostOfSavedEnergy } from './levelisedCostOfSavedEnergy.js';
export { benefitCostRatio } from './benefitCostRatio.js';

// Financing (French local authorities)
export { subsidy, type SubsidyRule } from './subsidy.js';
export { fctvaRecovery, FCTVA_RATE } from './fctvaRecovery.js';
export { loanFlows } from './loanFlows.js';
export { loanSchedule, type LoanSchedule } from './loanSchedule.js';
export { intracting, type IntractingOptions, type IntractingResult } from './intracting.js';
