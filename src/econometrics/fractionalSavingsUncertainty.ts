/**
 * Fractional savings uncertainty (FSU) of avoided energy computed from a regression baseline, ASHRAE Guideline 14
 * Annex B (after T. A. Reddy and D. E. Claridge, "Uncertainty of 'measured' energy savings from statistical
 * baseline models", HVAC&R Research 6(1), 2000, 3–20):
 *
 *     ΔE_save / E_save = t · k · CV · √( (n/n′) · (1 + 2/n′) · (1/m) ) / F
 *
 * - t: Student's t at the chosen confidence (two-sided), with n − p degrees of freedom (n′ − p when n′ is used);
 * - CV: the baseline's CV(RMSE) (n − p convention);
 * - n: baseline observations; m: reporting-period observations;
 * - F: savings fraction, E_save / (adjusted baseline consumption of the reporting period);
 * - n′ = n (1 − ρ)/(1 + ρ): the effective number of observations when the baseline residuals have lag-1
 *   autocorrelation ρ;
 * - k: 1.26 in the Guideline's formula, an empirical factor for the approximation of the prediction variance.
 *   CalTRACK 2.0 (§4.3.2.4, https://github.com/openeemeter/caltrack docs/methods.rst) writes the same formula
 *   with k = a M² + b M + d, M the months in the reporting period, from Sun & Baltazar (2013): billing data
 *   a = −0.00022, b = 0.03306, d = 0.94054; daily data a = −0.00024, b = 0.03535, d = 1.00286 (`k: 'sun-baltazar'`).
 *
 * When to use n′: the nmecr package (kW Engineering, R/calculate_savings_and_uncertainty.R, citing Guideline
 * 14-2014 p. 91) applies the autocorrelation correction only to daily or hourly data with ρ ≥ 0.5, and never to
 * monthly data; that is the default here (`autocorrelation: 'guideline14'`). This reading could not be checked
 * against the Guideline's text (confidence low); `'always'` applies n′ whenever ρ > 0, `'never'` never.
 */
import { studentTCritical } from './studentT.js';
import type { DataInterval } from './guideline14.js';

export interface FsuInput {
  /** Baseline CV(RMSE) [fraction]. */
  cvRmse: number;
  /** Baseline observations. */
  n: number;
  /** Baseline model parameters (change points included). */
  p: number;
  /** Reporting-period observations. */
  m: number;
  /** Savings fraction F = savings / adjusted baseline [fraction]; ≤ 0 gives a NaN fraction. */
  savingsFraction: number;
  /** Two-sided confidence level [fraction] (default 0.9, CalTRACK's usual level). */
  confidence?: number;
  /** Lag-1 autocorrelation of the baseline residuals (default 0). */
  rho?: number;
  /** Data interval, for the autocorrelation rule and the Sun & Baltazar factor (default monthly). */
  interval?: DataInterval | null;
  /** When to replace n by n′ (default `guideline14`). */
  autocorrelation?: 'guideline14' | 'always' | 'never';
  /** The factor k: Guideline 14's constant 1.26 (default) or Sun & Baltazar's polynomial in M. */
  k?: 'guideline14' | 'sun-baltazar';
  /** Months in the reporting period, for `sun-baltazar` (default: m for monthly data, m/30.4375 for daily). */
  reportingMonths?: number;
}

export interface FsuResult {
  /** ΔE_save / E_save [fraction]; NaN when F ≤ 0. */
  fractionalUncertainty: number;
  /** ΔE_save / E_baseline = t·k·CV·√(…): the uncertainty as a fraction of the adjusted baseline. */
  baselineFractionUncertainty: number;
  confidence: number;
  tStat: number;
  /** Degrees of freedom of t. */
  df: number;
  k: number;
  rho: number;
  /** n′ when the correction applies, else n. */
  nEffective: number;
  autocorrelationApplied: boolean;
}

/**
 * Guideline 14's fractional savings uncertainty.
 *
 * @param input see `FsuInput`
 * @returns the fractional uncertainty [fraction of the savings] and the intermediate terms
 * @example
 * // n = 24 monthly, p = 2, CV = 10 %, m = 12, F = 20 %, 90 %: t(22) = 1.7171
 * // 1.7171 × 1.26 × 0.10 × √((1 + 2/24)/12) / 0.20 = 0.3250
 * fractionalSavingsUncertainty({ cvRmse: 0.1, n: 24, p: 2, m: 12, savingsFraction: 0.2 }).fractionalUncertainty // 0.32504…
 */
export function fractionalSavingsUncertainty(input: FsuInput): FsuResult {
  const { cvRmse, n, p, m, savingsFraction, confidence = 0.9, rho = 0, interval = 'monthly', autocorrelation = 'guideline14', k: kind = 'guideline14' } = input;
  for (const [name, v] of Object.entries({ cvRmse, n, p, m, savingsFraction, confidence, rho })) {
    if (!Number.isFinite(v)) throw new RangeError(`fractionalSavingsUncertainty: ${name} must be a finite number, received ${v}`);
  }
  if (!(n > p) || !(m >= 1) || !(p >= 1)) throw new RangeError(`fractionalSavingsUncertainty: needs n > p ≥ 1 and m ≥ 1, received n=${n}, p=${p}, m=${m}`);
  if (rho <= -1 || rho >= 1) throw new RangeError(`fractionalSavingsUncertainty: rho must be in (−1, 1), received ${rho}`);
  const apply =
    autocorrelation === 'always' ? rho > 0 : autocorrelation === 'never' ? false : interval !== 'monthly' && interval !== null && rho >= 0.5;
  const nEffective = apply ? (n * (1 - rho)) / (1 + rho) : n;
  const df = nEffective - p;
  if (!(df > 0)) {
    throw new RangeError(
      `fractionalSavingsUncertainty: the effective number of observations n′ = ${nEffective.toFixed(1)} (ρ = ${rho.toFixed(3)}) leaves no degrees of freedom for ${p} parameters; the baseline model misses a pattern of the data`,
    );
  }
  let k = 1.26;
  if (kind === 'sun-baltazar') {
    const months = input.reportingMonths ?? (interval === 'daily' ? m / 30.4375 : m);
    const [a, b, d] = interval === 'daily' ? [-0.00024, 0.03535, 1.00286] : [-0.00022, 0.03306, 0.94054];
    k = a * months * months + b * months + d;
  }
  const tStat = studentTCritical(confidence, df);
  const baselineFractionUncertainty = tStat * k * cvRmse * Math.sqrt((n / nEffective) * (1 + 2 / nEffective) * (1 / m));
  return {
    fractionalUncertainty: savingsFraction > 0 ? baselineFractionUncertainty / savingsFraction : NaN,
    baselineFractionUncertainty,
    confidence,
    tStat,
    df,
    k,
    rho,
    nEffective,
    autocorrelationApplied: apply,
  };
}
