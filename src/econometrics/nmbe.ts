import { sums } from './cvRmse.js';

/**
 * Normalised mean bias error, with Guideline 14-2014's sign (measured minus model) and denominator:
 *
 *     NMBE = Σ(yᵢ − ŷᵢ) / ((n − p) · ȳ)
 *
 * Degrees-of-freedom convention: n − p, as Guideline 14-2014 writes it. IPMVP and some ASHRAE texts write n − 1
 * instead (and some secondary sources n); the sign is also reversed in texts that write model minus measured.
 * For a least-squares fit with an intercept the residuals sum to zero, so NMBE is zero up to rounding: it is a
 * check for models that are not fitted to these data (a simulation, or a baseline applied to other months).
 *
 * @param y measured values [any unit]
 * @param fitted model values [same unit]
 * @param p number of model parameters
 * @returns NMBE [fraction, −0.02 = the model over-predicts by 2 %]
 * @see ASHRAE Guideline 14-2014
 * @example nmbe([10, 12, 14, 16], [9, 11, 13, 15], 2) // 0.1538… (4 / (2 × 13))
 */
export function nmbe(y: ArrayLike<number>, fitted: ArrayLike<number>, p: number): number {
  const { bias, mean, n } = sums('nmbe', y, fitted, p);
  return bias / ((n - p) * mean);
}
