import { discountFactors } from '../discountFactors.js';

/** Σ series[t] · discountFactors(rate)[t] (internal; arguments already checked by the caller). */
export function presentValue(rate: number, series: ArrayLike<number>): number {
  const factors = discountFactors(rate, series.length);
  let sum = 0;
  for (let t = 0; t < series.length; t++) sum += series[t] * factors[t];
  return sum;
}
