import { ipmt } from './ipmt.js';
import { pmt } from './pmt.js';
import { ppmt } from './ppmt.js';
import { requireInRange, requireInteger, requireRate } from './internal/validate.js';

/** Yearly schedule of a constant-annuity loan (*tableau d'amortissement*), on the appraisal's time axis. */
export interface LoanSchedule {
  /** Annuity paid each year (*annuité*), negative [€]. */
  annuityEur: Float64Array;
  /** Interest part of the annuity (*intérêts*), negative [€]. */
  interestEur: Float64Array;
  /** Principal part of the annuity (*amortissement du capital*), negative [€]. */
  principalRepaymentEur: Float64Array;
  /** Capital still owed at the end of each year (*capital restant dû*), positive [€]; 0 before the loan. */
  outstandingEur: Float64Array;
}

/**
 * Schedule of a loan with constant annuities (*tableau d'amortissement d'un emprunt à annuités constantes*):
 * for each year after `startIndex`, the annuity `pmt`, its interest part `ipmt` and its principal part `ppmt`
 * (`annuity = interest + principal repayment`), and the capital still owed. Same arguments and horizon rule as
 * `loanFlows`: years after the end of the series are dropped, and `outstandingEur` at the last index tells what
 * is still owed then.
 *
 * @param principalEur amount borrowed [€], ≥ 0
 * @param annualRate interest rate per year [fraction], > -1
 * @param years repayment period [years], integer ≥ 1
 * @param length length of the series, index 0 = investment year [years], integer ≥ 1
 * @param startIndex year the principal is received [index]; default 0
 * @returns the schedule, four series of `length` values [€]
 * @throws RangeError when an argument is out of range or `startIndex` ≥ `length`
 * @example loanSchedule(100_000, 0.03, 2, 3).interestEur // Float64Array [0, -3000, -1522.17]
 */
export function loanSchedule(
  principalEur: number,
  annualRate: number,
  years: number,
  length: number,
  startIndex = 0,
): LoanSchedule {
  requireInRange('loanSchedule', 'principalEur', principalEur, 0);
  requireRate('loanSchedule', 'annualRate', annualRate);
  requireInteger('loanSchedule', 'years', years, 1);
  requireInteger('loanSchedule', 'length', length, 1);
  requireInteger('loanSchedule', 'startIndex', startIndex, 0, length - 1);
  const annuityEur = new Float64Array(length);
  const interestEur = new Float64Array(length);
  const principalRepaymentEur = new Float64Array(length);
  const outstandingEur = new Float64Array(length);
  const annuity = pmt(annualRate, years, principalEur);
  let outstanding = principalEur;
  outstandingEur[startIndex] = outstanding;
  for (let k = 1; k <= years && startIndex + k < length; k++) {
    const t = startIndex + k;
    annuityEur[t] = annuity;
    interestEur[t] = ipmt(annualRate, k, years, principalEur);
    principalRepaymentEur[t] = ppmt(annualRate, k, years, principalEur);
    outstanding += principalRepaymentEur[t];
    outstandingEur[t] = k === years ? 0 : outstanding; // exactly repaid at the last annuity
  }
  return { annuityEur, interestEur, principalRepaymentEur, outstandingEur };
}
