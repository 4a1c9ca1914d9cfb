import { paymentOf } from './internal/annuityFormulas.js';
import { requireFinite, whenToNumber, type When } from './internal/validate.js';

/**
 * Constant payment per period that repays a present value `pv` (and leaves `fv`) over `nper` periods,
 * numpy-financial's `pmt`: the `pmt` that solves
 *
 *     fv + pv·(1+rate)^nper + pmt·(1 + rate·when)/rate·((1+rate)^nper - 1) = 0
 *     (rate = 0:  fv + pv + pmt·nper = 0)
 *
 * For a loan (`pv` > 0 received) it is the *annuité constante*, negative (paid out).
 * Scalars only (no array broadcasting).
 *
 * @param rate interest rate per period [fraction]
 * @param nper number of periods [periods]
 * @param pv present value, e.g. the amount borrowed [€]
 * @param fv future value left after the last payment [€]; default 0
 * @param when payments at the period's end (`'end'`, 0, default) or beginning (`'begin'`, 1)
 * @returns the payment per period [€]; ±Infinity or NaN for `nper` = 0, as numpy-financial
 * @throws RangeError when an argument is not a finite number or `when` is unknown
 * @see https://numpy.org/numpy-financial/latest/pmt.html (OpenFormula, OASIS 2009)
 * @example pmt(0.075 / 12, 12 * 15, 200_000) // -1854.0247200054619 (numpy-financial example)
 */
export function pmt(rate: number, nper: number, pv: number, fv = 0, when: When = 'end'): number {
  requireFinite('pmt', 'rate', rate);
  requireFinite('pmt', 'nper', nper);
  requireFinite('pmt', 'pv', pv);
  requireFinite('pmt', 'fv', fv);
  return paymentOf(rate, nper, pv, fv, whenToNumber('pmt', when));
}
