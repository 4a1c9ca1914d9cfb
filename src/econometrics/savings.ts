/**
 * Avoided energy use in a reporting period (IPMVP option C, "reporting-period basis"; ASHRAE Guideline 14):
 *
 *     savings = Σ (adjusted baseline − measured) over the m reporting periods
 *
 * where the adjusted baseline is the baseline model's prediction with the reporting period's weather (its degree
 * days or temperatures), so that a cold winter after the works does not hide the savings. With its fractional
 * savings uncertainty per Guideline 14 (fractionalSavingsUncertainty.ts), at the chosen confidence and at 68 %
 * for Guideline 14's criterion (uncertainty < 50 % of the savings).
 */
import { predictBaseline, type BaselineFit } from './baseline.js';
import { fractionalSavingsUncertainty, type FsuInput, type FsuResult } from './fractionalSavingsUncertainty.js';
import { SAVINGS_UNCERTAINTY_CRITERION, type DataInterval } from './guideline14.js';
import { lag1Autocorrelation } from './lag1Autocorrelation.js';

export interface SavingsOptions {
  /** Two-sided confidence of the reported uncertainty [fraction] (default 0.9). */
  confidence?: number;
  /** Data interval (default monthly). */
  interval?: DataInterval | null;
  autocorrelation?: FsuInput['autocorrelation'];
  k?: FsuInput['k'];
  reportingMonths?: number;
}

export interface SavingsResult {
  /** Reporting periods. */
  m: number;
  /** Adjusted baseline, per period [unit of y]. */
  adjustedBaseline: Float64Array;
  /** Measured, per period [unit of y]. */
  measured: Float64Array;
  /** adjusted − measured, per period [unit of y]. */
  savingsPerPeriod: Float64Array;
  adjustedBaselineTotal: number;
  measuredTotal: number;
  /** Avoided energy over the reporting period [unit of y]. */
  savings: number;
  /** savings / adjustedBaselineTotal [fraction]. */
  savingsFraction: number;
  /** Uncertainty at `confidence`. */
  uncertainty: FsuResult & { absolute: number };
  /** Uncertainty at 68 %, for Guideline 14's criterion. */
  uncertainty68: FsuResult & { absolute: number };
  /** Fractional uncertainty at 68 % below 50 % (null when the savings are not positive). */
  guideline14UncertaintyMet: boolean | null;
  /** The baseline the savings rest on. */
  baseline: { model: BaselineFit['model']; n: number; p: number; cvRmse: number; nmbe: number; interval: DataInterval | null; rho: number };
}

/**
 * Avoided energy and its Guideline 14 uncertainty.
 *
 * @param baseline fitted baseline model
 * @param reporting measured consumption and the same explanatory columns over the reporting period
 * @param options confidence (default 0.9), interval, autocorrelation rule, factor k
 * @returns savings, savings fraction, uncertainties
 * @example
 * // baseline 1000 + 50·DJU; one reporting month with 200 DJU measured at 9,000 kWh:
 * // adjusted baseline 11,000 kWh, savings 2,000 kWh, F = 18.2 %
 * avoidedEnergy(fit, { y: [9000], x: [[200]] }).savings // 2000
 */
export function avoidedEnergy(baseline: BaselineFit, reporting: { y: ArrayLike<number>; x: readonly ArrayLike<number>[] }, options: SavingsOptions = {}): SavingsResult {
  const { confidence = 0.9, interval = 'monthly' } = options;
  const m = reporting.y.length;
  if (m === 0) throw new RangeError('avoidedEnergy: the reporting period has no observations');
  const adjustedBaseline = predictBaseline(baseline, reporting.x);
  if (adjustedBaseline.length !== m) throw new RangeError(`avoidedEnergy: ${m} measured values but ${adjustedBaseline.length} periods of explanatory data`);
  const measured = Float64Array.from(reporting.y);
  const savingsPerPeriod = new Float64Array(m);
  let adjustedBaselineTotal = 0;
  let measuredTotal = 0;
  for (let i = 0; i < m; i++) {
    if (!Number.isFinite(measured[i])) throw new RangeError(`avoidedEnergy: measured value ${i} is ${measured[i]}`);
    savingsPerPeriod[i] = adjustedBaseline[i] - measured[i];
    adjustedBaselineTotal += adjustedBaseline[i];
    measuredTotal += measured[i];
  }
  const savings = adjustedBaselineTotal - measuredTotal;
  const savingsFraction = savings / adjustedBaselineTotal;
  const rho = baseline.n >= 3 ? lag1Autocorrelation(baseline.residuals) : 0;
  const common = {
    cvRmse: baseline.cvRmse,
    n: baseline.n,
    p: baseline.p,
    m,
    savingsFraction,
    rho: Number.isFinite(rho) ? rho : 0,
    interval,
    autocorrelation: options.autocorrelation,
    k: options.k,
    reportingMonths: options.reportingMonths,
  };
  const at = (c: number) => {
    const u = fractionalSavingsUncertainty({ ...common, confidence: c });
    return { ...u, absolute: u.baselineFractionUncertainty * adjustedBaselineTotal };
  };
  const uncertainty = at(confidence);
  const uncertainty68 = at(SAVINGS_UNCERTAINTY_CRITERION.confidence);
  return {
    m,
    adjustedBaseline,
    measured,
    savingsPerPeriod,
    adjustedBaselineTotal,
    measuredTotal,
    savings,
    savingsFraction,
    uncertainty,
    uncertainty68,
    guideline14UncertaintyMet: savings > 0 ? uncertainty68.fractionalUncertainty < SAVINGS_UNCERTAINTY_CRITERION.maxFractionalUncertainty : null,
    baseline: { model: baseline.model, n: baseline.n, p: baseline.p, cvRmse: baseline.cvRmse, nmbe: baseline.nmbe, interval, rho: common.rho },
  };
}
