import { futureValueOf } from './internal/annuityFormulas.js';
import { requireFinite, whenToNumber, type When } from './internal/validate.js';

/**
 * Future value, numpy-financial's `fv`: the value after `nper` periods of a present value `pv` plus a constant
 * payment `pmt` each period, i.e. the `fv` that solves
 *
 *     fv + pv·(1+rate)^nper + pmt·(1 + rate·when)/rate·((1+rate)^nper - 1) = 0
 *     (rate = 0:  fv + pv + pmt·nper = 0)
 *
 * Sign convention: money paid out negative, received positive. Scalars only (no array broadcasting).
 *
 * @param rate interest rate per period [fraction]
 * @param nper number of periods [periods]
 * @param pmt payment each period [€]
 * @param pv present value [€]
 * @param when payments at the period's end (`'end'`, 0, default) or beginning (`'begin'`, 1)
 * @returns the future value [€]
 * @throws RangeError when an argument is not a finite number or `when` is unknown
 * @see https://numpy.org/numpy-financial/latest/fv.html (OpenFormula, OASIS 2009)
 * @example fv(0.05 / 12, 10 * 12, -100, -100) // 15692.92889 (numpy-financial example: 15692.928894335748)
 */
export function fv(rate: number, nper: number, pmt: number, pv: number, when: When = 'end'): number {
  requireFinite('fv', 'rate', rate);
  requireFinite('fv', 'nper', nper);
  requireFinite('fv', 'pmt', pmt);
  requireFinite('fv', 'pv', pv);
  return futureValueOf(rate, nper, pmt, pv, whenToNumber('fv', when));
}
