import { describe, expect, it } from 'vitest';
import * as finance from '../../src/finance/index.js';

describe('finance index', () => {
  it('re-exports every public function and the FCTVA default', () => {
    const names = [
      'discountFactors', 'npv', 'xnpv', 'irr', 'irrRoots', 'hasMultipleIrr', 'mirr', 'xirr',
      'pmt', 'ipmt', 'ppmt', 'pv', 'fv', 'nper', 'rate',
      'paybackPeriod', 'discountedPaybackPeriod', 'paybackReversal',
      'annuityFactor', 'lifecycleCost', 'equivalentAnnualCost', 'levelisedCostOfSavedEnergy', 'benefitCostRatio',
      'subsidy', 'fctvaRecovery', 'loanFlows', 'loanSchedule', 'intracting',
    ];
    for (const name of names) expect(typeof (finance as Record<string, unknown>)[name], name).toBe('function');
    expect(finance.FCTVA_RATE.confidence).toBe('low'); // reference/parameters.md marks the value R (not checked)
  });
});
