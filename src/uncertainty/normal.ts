/**
 * The standard normal distribution: density φ, distribution function Φ and its inverse Φ⁻¹.
 *
 * Φ⁻¹ is Wichura's algorithm AS 241 (PPND16): three rational approximations of degree 7/7 (centre
 * |p − 0.5| ≤ 0.425, then r = √(−ln min(p, 1−p)) ≤ 5, then the far tails), accurate to about 1 part in 10^16
 * over (0, 1), i.e. to double precision. The coefficients are those printed in the paper.
 *
 * Φ is computed from the complementary error function, Φ(x) = erfc(−x/√2)/2, itself from
 * - the series erf(t) = (2/√π)·e^(−t²)·Σ_{k≥0} 2^k t^(2k+1) / (1·3·5···(2k+1)) for |x| < 1.5 (all terms positive,
 *   no cancellation; Abramowitz & Stegun 7.1.6), erfc = 1 − erf (≥ 0.13, so the subtraction costs little);
 * - the continued fraction erfc(t) = (e^(−t²)/√π) · 1/(t + (1/2)/(t + 1/(t + (3/2)/(t + …)))) for |x| ≥ 1.5
 *   (A&S 7.1.14, DLMF 7.9.2), evaluated by the modified Lentz method (under 170 terms).
 * The weight e^(−x²/2) is computed from x split as hi + lo (hi a multiple of 1/16) so that x² carries no rounding
 * error (Cody's device). Relative accuracy about 2e-15 in the lower tail, 1e-16 absolute elsewhere.
 *
 * References:
 * - M. J. Wichura, "Algorithm AS 241: The Percentage Points of the Normal Distribution", Applied Statistics
 *   37(3), 1988, pp. 477–484.
 * - M. Abramowitz, I. A. Stegun, *Handbook of Mathematical Functions*, 1964, §7.1; NIST DLMF §7.
 */

const SQRT_2 = Math.SQRT2;
const INV_SQRT_PI = 0.5641895835477563; // 1/√π
const INV_SQRT_2PI = 0.3989422804014327; // 1/√(2π)

/**
 * Density of the standard normal distribution, φ(x) = e^(−x²/2)/√(2π).
 * @param x standard score [-]
 * @returns density [-]
 * @example normalPdf(0) // 0.3989422804014327
 */
export function normalPdf(x: number): number {
  return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
}

/**
 * e^(−x²/2) without the rounding error of x²: x = hi + lo with hi a multiple of 1/16, so hi² is exact and
 * x² = hi² + lo·(x + hi) (the splitting W. J. Cody uses in his error-function codes).
 */
function expHalfSquare(x: number): number {
  const hi = Math.trunc(x * 16) / 16;
  const lo = x - hi;
  return Math.exp(-0.5 * hi * hi) * Math.exp(-0.5 * lo * (x + hi));
}

/** P(Z > x) = erfc(x/√2)/2 for x ≥ 0 (see the file header for the method). */
function upperTail(x: number): number {
  const t = x / SQRT_2;
  const weight = expHalfSquare(x); // e^(−t²)
  if (x < 1.5) {
    // erf(t) = (2/√π) e^{-t²} Σ 2^k t^{2k+1} / (2k+1)!!
    const t2 = t * t;
    let term = t;
    let sum = t;
    for (let k = 1; k < 200; k++) {
      term *= (2 * t2) / (2 * k + 1);
      sum += term;
      if (term < 1e-17 * sum) break;
    }
    return 0.5 * (1 - 2 * INV_SQRT_PI * weight * sum);
  }
  // Continued fraction t + (1/2)/(t + 1/(t + (3/2)/(t + …))), partial numerators k/2, by modified Lentz.
  const tiny = 1e-300;
  let f = t;
  let c = t;
  let d = 0;
  for (let k = 1; k < 500; k++) {
    const a = k / 2;
    d = t + a * d;
    d = d === 0 ? tiny : 1 / d;
    c = t + a / c;
    if (c === 0) c = tiny;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return (0.5 * INV_SQRT_PI * weight) / f;
}

/**
 * Distribution function of the standard normal distribution, Φ(x) = P(Z ≤ x).
 *
 * Accurate in relative terms in the lower tail (Φ(−30) ≈ 4.9e-198 is returned with its digits), so that
 * truncated normals far in a tail stay usable; for the upper tail use `normalCdf(−x)` = 1 − Φ(x).
 * @param x standard score [-]
 * @returns probability [-], in [0, 1]
 * @see Abramowitz & Stegun 7.1.6 and 7.1.14
 * @example normalCdf(1.959963984540054) // 0.975 (to 16 digits)
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x === Infinity) return 1;
  if (x === -Infinity) return 0;
  const tail = upperTail(Math.abs(x)); // P(Z > |x|)
  return x < 0 ? tail : 1 - tail;
}

// AS 241 (PPND16) coefficients, Wichura 1988, written with the paper's 20 significant digits so that they can be
// checked against it; each literal rounds to the nearest double, which is the intended value.
/* eslint-disable no-loss-of-precision */
const A = [
  3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125,
  45921.953931549871457, 67265.770927008700853, 33430.575583588128105, 2509.0809287301226727,
];
const B = [
  1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867,
  39307.89580009271061, 28729.085735721942674, 5226.495278852854561,
];
const C = [
  1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504,
  1.27045825245236838258, 0.24178072517745061177, 0.0227238449892691845833, 7.7454501427834140764e-4,
];
const D = [
  1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455, 0.14810397642748007459,
  0.0151986665636164571966, 5.475938084995344946e-4, 1.05075007164441684324e-9,
];
const E = [
  6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123,
  0.026532189526576123093, 0.0012426609473880784386, 2.71155556874348757815e-5, 2.01033439929228813265e-7,
];
const F = [
  1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525, 7.868691311456132591e-4,
  1.8463183175100546818e-5, 1.4215117583164458887e-7, 2.04426310338993978564e-15,
];
/* eslint-enable no-loss-of-precision */

/** Σ c[k] x^k by Horner's rule (degree 7). */
function poly7(c: readonly number[], x: number): number {
  return (((((((c[7] * x + c[6]) * x + c[5]) * x + c[4]) * x + c[3]) * x + c[2]) * x + c[1]) * x + c[0]);
}

/**
 * Inverse of the standard normal distribution function, Φ⁻¹(p): the z with P(Z ≤ z) = p.
 *
 * Wichura's AS 241 (PPND16), accurate to about 1 part in 10^16.
 * @param p probability [-], in [0, 1]
 * @returns standard score [-]; −Infinity at 0, +Infinity at 1, NaN outside [0, 1]
 * @see Wichura 1988, Applied Statistics 37(3):477–484
 * @example normalQuantile(0.975) // 1.959963984540054
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * poly7(A, r)) / poly7(B, r);
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let z: number;
  if (r <= 5) {
    r -= 1.6;
    z = poly7(C, r) / poly7(D, r);
  } else {
    r -= 5;
    z = poly7(E, r) / poly7(F, r);
  }
  return q < 0 ? -z : z;
}
