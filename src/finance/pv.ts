import { requireFinite, whenToNumber, type When } from './internal/validate.js';

/**
 * Present value of a constant payment per period plus a future value, numpy-financial's `pv`: the `pv` that
 * solves
 *
 *     fv + pv·(1+rate)^nper + pmt·(1 + rate·when)/rate·((1+rate)^nper - 1) = 0
 *     (rate = 0:  fv + pv + pmt·nper = 0)
 *
 * Scalars only (no array broadcasting).
 *
 * @param rate interest rate per period [fraction]
 * @param nper number of periods [periods]
 * @param pmt payment each period [€]
 * @param fv future value [€]; default 0
 * @param when payments at the period's end (`'end'`, 0, default) or beginning (`'begin'`, 1)
 * @returns the present value [€]
 * @throws RangeError when an argument is not a finite number or `when` is unknown
 * @see https://numpy.org/numpy-financial/latest/pv.html (OpenFormula, OASIS 2009)
 * @example pv(0.05 / 12, 10 * 12, -100, 15692.93) // -100.00067 (numpy-financial example: -100.00067131625819)
 */
export function pv(rate: number, nper: number, pmt: number, fv = 0, when: When = 'end'): number {
  requireFinite('pv', 'rate', rate);
  requireFinite('pv', 'nper', nper);
  requireFinite('pv', 'pmt', pmt);
  requireFinite('pv', 'fv', fv);
  const w = whenToNumber('pv', when);
  const growth = (1 + rate) ** nper;
  const factor = rate === 0 ? nper : ((1 + rate * w) * (growth - 1)) / rate;
  return -(fv + pmt * factor) / growth;
}
