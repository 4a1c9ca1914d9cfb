/**
 * The regularised incomplete beta function I_x(a, b) and ln Γ, as the Student-t p-values of the regressions
 * need them. The project computes them once, in src/uncertainty/beta.ts (Numerical Recipes, 3rd ed., §6.4: the
 * continued fraction for I_x(a, b) by the modified Lentz method, with the symmetry I_x(a, b) = 1 − I_{1−x}(b, a)
 * where it converges faster; ln Γ by the Lanczos approximation); these wrappers keep the econometrics names and
 * their argument checks.
 */
import { lnGamma, regularizedIncompleteBeta } from '../uncertainty/beta.js';

/**
 * Natural logarithm of the gamma function for x > 0.
 *
 * @param x argument [dimensionless], > 0
 * @returns ln Γ(x)
 * @example logGamma(5) // 3.1780538303479458 (= ln 24, since Γ(5) = 4! = 24)
 */
export function logGamma(x: number): number {
  if (!(x > 0)) throw new RangeError(`logGamma: x must be > 0, received ${x}`);
  return lnGamma(x);
}

/**
 * Regularised incomplete beta function I_x(a, b) = B(x; a, b) / B(a, b), the cumulative distribution function
 * of the Beta(a, b) distribution at x.
 *
 * @param x point [dimensionless], 0 ≤ x ≤ 1
 * @param a first shape parameter, > 0
 * @param b second shape parameter, > 0
 * @returns I_x(a, b) in [0, 1]
 * @see Numerical Recipes, 3rd ed., §6.4
 * @example incompleteBeta(0.5, 2, 3) // 0.6875 (= 11/16: I_x(2, 3) = 6x² − 8x³ + 3x⁴)
 */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (!(a > 0) || !(b > 0)) throw new RangeError(`incompleteBeta: a and b must be > 0, received a=${a}, b=${b}`);
  if (!(x >= 0 && x <= 1)) throw new RangeError(`incompleteBeta: x must be in [0, 1], received ${x}`);
  if (x === 0) return 0;
  if (x === 1) return 1;
  return regularizedIncompleteBeta(x, a, b);
}
