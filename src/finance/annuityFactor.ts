import { requireInRange, requireRate } from './internal/validate.js';

/**
 * Annuity factor (*coefficient d'actualisation d'une annuité*): the present value of 1 per year paid at the end
 * of years 1 … `years`,
 *
 *     annuityFactor = Σ_{t=1}^{years} (1 + rate)^-t = (1 - (1 + rate)^-years) / rate,   and `years` when rate = 0.
 *
 * Fractional `years` use the closed form.
 *
 * @param rate discount rate per year [fraction], > -1
 * @param years number of yearly payments [years], ≥ 0
 * @returns the factor [years, i.e. € of present value per €/yr]
 * @throws RangeError when `rate` ≤ -1 or is not finite, or `years` is negative or not finite
 * @example annuityFactor(0.04, 10) // 8.110895779 = (1 - 1.04^-10) / 0.04
 */
export function annuityFactor(rate: number, years: number): number {
  requireRate('annuityFactor', 'rate', rate);
  requireInRange('annuityFactor', 'years', years, 0);
  if (rate === 0) return years;
  return (1 - (1 + rate) ** -years) / rate;
}
