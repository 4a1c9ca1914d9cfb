import { pmt } from './pmt.js';
import { requireInRange, requireInteger, requireRate } from './internal/validate.js';

/**
 * Cash flows of a loan with constant annuities (*emprunt à annuités constantes*) on the appraisal's time axis:
 * the principal is received at `startIndex` (positive), then the annuity `pmt(annualRate, years, principalEur)`
 * is paid (negative) in each of the `years` following years.
 *
 * Annuities that would fall after the last year of the series are dropped: the capital still owed at the
 * horizon (*capital restant dû*, see `loanSchedule`) is then not in these flows, so pick a horizon that covers
 * the loan or account for it. A pure function: returns a new array.
 *
 * @param principalEur amount borrowed [€], ≥ 0
 * @param annualRate interest rate per year [fraction], > -1 (0 gives equal repayments of principal/years)
 * @param years repayment period [years], integer ≥ 1
 * @param length length of the series, index 0 = investment year [years], integer ≥ 1
 * @param startIndex year the principal is received [index]; default 0
 * @returns the loan's flows per year [€]: +principal, then −annuity
 * @throws RangeError when an argument is out of range or `startIndex` ≥ `length`
 * @example loanFlows(100_000, 0.03, 2, 4) // Float64Array [100000, -52261.08, -52261.08, 0]
 */
export function loanFlows(
  principalEur: number,
  annualRate: number,
  years: number,
  length: number,
  startIndex = 0,
): Float64Array {
  requireInRange('loanFlows', 'principalEur', principalEur, 0);
  requireRate('loanFlows', 'annualRate', annualRate);
  requireInteger('loanFlows', 'years', years, 1);
  requireInteger('loanFlows', 'length', length, 1);
  requireInteger('loanFlows', 'startIndex', startIndex, 0, length - 1);
  const flows = new Float64Array(length);
  flows[startIndex] = principalEur;
  const annuity = pmt(annualRate, years, principalEur); // negative: paid out
  for (let k = 1; k <= years && startIndex + k < length; k++) flows[startIndex + k] = annuity;
  return flows;
}
