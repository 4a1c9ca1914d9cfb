import { interestPaymentOf, paymentOf } from './internal/annuityFormulas.js';
import { requireFinite, whenToNumber, type When } from './internal/validate.js';

/**
 * Principal part of the payment of period `per` (counted from 1), numpy-financial's `ppmt`: `pmt - ipmt`
 * (*amortissement du capital* of an *annuité constante*). Scalars only (no array broadcasting).
 *
 * @param rate interest rate per period [fraction]
 * @param per the period, 1 for the first [period]; NaN for `per` < 1, as numpy-financial
 * @param nper number of periods [periods]
 * @param pv present value, e.g. the amount borrowed [€]
 * @param fv future value [€]; default 0
 * @param when payments at the period's end (`'end'`, 0, default) or beginning (`'begin'`, 1)
 * @returns the principal repaid in period `per` [€], negative for a loan received
 * @throws RangeError when an argument is not a finite number or `when` is unknown
 * @see https://numpy.org/numpy-financial/latest/ppmt.html
 * @example ppmt(0.0824 / 12, 1, 12, 2500) // -200.58 (numpy-financial example, rounded to cents)
 */
export function ppmt(rate: number, per: number, nper: number, pv: number, fv = 0, when: When = 'end'): number {
  requireFinite('ppmt', 'rate', rate);
  requireFinite('ppmt', 'per', per);
  requireFinite('ppmt', 'nper', nper);
  requireFinite('ppmt', 'pv', pv);
  requireFinite('ppmt', 'fv', fv);
  const w = whenToNumber('ppmt', when);
  return paymentOf(rate, nper, pv, fv, w) - interestPaymentOf(rate, per, nper, pv, fv, w);
}
