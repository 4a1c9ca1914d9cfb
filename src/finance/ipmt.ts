import { interestPaymentOf } from './internal/annuityFormulas.js';
import { requireFinite, whenToNumber, type When } from './internal/validate.js';

/**
 * Interest part of the payment of period `per` (counted from 1), numpy-financial's `ipmt`: the balance
 * outstanding after `per - 1` payments times the rate (*intérêts* of an *annuité constante*).
 * `pmt = ppmt + ipmt` every period. Scalars only (no array broadcasting).
 *
 * Edge cases as numpy-financial: NaN for `per` < 1; 0 for the first period when payments are at the beginning
 * (no interest has accrued yet); with payments at the beginning, later periods are discounted by one period.
 *
 * @param rate interest rate per period [fraction]
 * @param per the period, 1 for the first [period]
 * @param nper number of periods [periods]
 * @param pv present value, e.g. the amount borrowed [€]
 * @param fv future value [€]; default 0
 * @param when payments at the period's end (`'end'`, 0, default) or beginning (`'begin'`, 1)
 * @returns the interest paid in period `per` [€], negative for a loan received
 * @throws RangeError when an argument is not a finite number or `when` is unknown
 * @see https://numpy.org/numpy-financial/latest/ipmt.html
 * @example ipmt(0.0824 / 12, 1, 12, 2500) // -17.166666666666668 (numpy-financial example: 1st month of a 1-year loan)
 */
export function ipmt(rate: number, per: number, nper: number, pv: number, fv = 0, when: When = 'end'): number {
  requireFinite('ipmt', 'rate', rate);
  requireFinite('ipmt', 'per', per);
  requireFinite('ipmt', 'nper', nper);
  requireFinite('ipmt', 'pv', pv);
  requireFinite('ipmt', 'fv', fv);
  return interestPaymentOf(rate, per, nper, pv, fv, whenToNumber('ipmt', when));
}
