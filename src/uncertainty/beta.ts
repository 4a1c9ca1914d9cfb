/**
 * The beta distribution's special functions: ln Γ, the regularised incomplete beta function I_x(a, b) (the
 * Beta(a, b) distribution function) and its inverse (the Beta quantile), which PERT sampling needs.
 *
 * - ln Γ(x): Stirling's asymptotic series ln Γ(x) = (x − ½) ln x − x + ½ ln 2π + Σ B_2k / (2k(2k−1) x^(2k−1))
 *   (DLMF 5.11.1; Bernoulli terms 1/12, −1/360, 1/1260, −1/1680, 1/1188, −691/360360, 1/156) applied at x + k ≥ 15
 *   after the recurrence ln Γ(x) = ln Γ(x + k) − ln(x (x+1) ··· (x+k−1)). The series' truncation error is below
 *   1e-17; the recurrence's subtraction leaves an absolute error of a few 1e-15 (e.g. near x = 1 and 2, where
 *   ln Γ = 0), a relative error of about 1e-15 elsewhere.
 * - I_x(a, b) = x^a (1−x)^b / (a B(a, b)) · 1/(1 + d₁/(1 + d₂/(1 + …))) with
 *   d_{2m+1} = −(a+m)(a+b+m) x / ((a+2m)(a+2m+1)) and d_{2m} = m(b−m) x / ((a+2m−1)(a+2m)) (DLMF 8.17.22),
 *   evaluated by the modified Lentz method (Thompson & Barnett 1986); the fraction converges fast for
 *   x < (a+1)/(a+b+2), otherwise I_x(a, b) = 1 − I_{1−x}(b, a) is used (the approach of Press et al.,
 *   *Numerical Recipes*, 3rd ed., 2007, §6.4).
 * - Quantile: safeguarded Newton–Halley iteration on I_x(a, b) − p inside a bracket that always contains the
 *   root (the distribution function is increasing); a step that leaves the bracket is replaced by bisection.
 *   Halley's correction uses f''/f' = (a−1)/x − (b−1)/(1−x), which costs nothing extra.
 */

const HALF_LN_2PI = 0.9189385332046728; // ½ ln(2π)

/**
 * Natural logarithm of the gamma function, for x > 0.
 * @param x argument [-], > 0
 * @returns ln Γ(x) [-]; NaN when x ≤ 0 or not a number
 * @see NIST DLMF 5.11.1 (Stirling series) and 5.5.1 (recurrence)
 * @example lnGamma(5) // 3.1780538303479458 = ln 24
 */
export function lnGamma(x: number): number {
  if (!(x > 0)) return NaN;
  if (x === Infinity) return Infinity;
  let shift = 0;
  let product = 1;
  while (x < 15) {
    product *= x;
    x += 1;
    // Keep the running product far from overflow for tiny x (x·(x+1)·… stays below 15! ≈ 1.3e12).
    if (product < 1e-280) {
      shift += Math.log(product);
      product = 1;
    }
  }
  shift += Math.log(product);
  const inv = 1 / x;
  const inv2 = inv * inv;
  // Σ B_2k / (2k(2k−1) x^(2k−1)), k = 1…7, by Horner's rule in 1/x².
  const series =
    inv *
    (1 / 12 +
      inv2 * (-1 / 360 + inv2 * (1 / 1260 + inv2 * (-1 / 1680 + inv2 * (1 / 1188 + inv2 * (-691 / 360360 + inv2 / 156))))));
  return (x - 0.5) * Math.log(x) - x + HALF_LN_2PI + series - shift;
}

/**
 * Natural logarithm of the beta function, ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b).
 * @param a first shape [-], > 0
 * @param b second shape [-], > 0
 * @returns ln B(a, b) [-]
 * @example lnBeta(2, 3) // -2.4849066497880004 = ln(1/12)
 */
export function lnBeta(a: number, b: number): number {
  return lnGamma(a) + lnGamma(b) - lnGamma(a + b);
}

/** The continued fraction of DLMF 8.17.22 (without its prefactor), by modified Lentz. */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  const eps = 1e-16;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let f = d;
  for (let m = 1; m <= 1000; m++) {
    const m2 = 2 * m;
    // Even step: d_{2m}
    let num = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + num * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + num / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    f *= d * c;
    // Odd step: d_{2m+1}
    num = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + num * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + num / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    f *= delta;
    if (Math.abs(delta - 1) < eps) break;
  }
  return f;
}

/**
 * I_x(a, b) with ln B(a, b) supplied (so that repeated calls with the same shapes compute it once).
 * @internal
 */
export function incompleteBetaWithLnB(x: number, a: number, b: number, lnB: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(a * Math.log(x) + b * Math.log1p(-x) - lnB);
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
  return 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

function requireShapes(fn: string, a: number, b: number): void {
  if (!(a > 0 && Number.isFinite(a))) throw new RangeError(`${fn}: a must be a finite number > 0, received ${a}`);
  if (!(b > 0 && Number.isFinite(b))) throw new RangeError(`${fn}: b must be a finite number > 0, received ${b}`);
}

/**
 * The regularised incomplete beta function I_x(a, b) = B(x; a, b) / B(a, b): the distribution function of
 * Beta(a, b) at x.
 * @param x point [-], clamped to [0, 1]
 * @param a first shape [-], > 0
 * @param b second shape [-], > 0
 * @returns probability [-], in [0, 1]
 * @throws RangeError when a shape is not a finite positive number
 * @see NIST DLMF 8.17.22; Press et al., Numerical Recipes 3rd ed. §6.4
 * @example regularizedIncompleteBeta(0.5, 2, 2) // 0.5; and I_x(2, 2) = 3x² − 2x³
 */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  requireShapes('regularizedIncompleteBeta', a, b);
  if (Number.isNaN(x)) return NaN;
  return incompleteBetaWithLnB(x, a, b, lnBeta(a, b));
}

/** Density at the last `cdfAndDensity` point (a module scratch value, so that the hot loop allocates nothing). */
let lastDensity = 0;

/** I_x(a, b), and the Beta(a, b) density at x into `lastDensity`, sharing ln x and ln(1 − x); 0 < x < 1. */
function cdfAndDensity(x: number, a: number, b: number, lnB: number): number {
  const lx = Math.log(x);
  const l1x = Math.log1p(-x);
  const front = Math.exp(a * lx + b * l1x - lnB); // x^a (1−x)^b / B(a, b)
  lastDensity = front / (x * (1 - x)); // x^(a−1) (1−x)^(b−1) / B(a, b)
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
  return 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

/**
 * Solves I_x(a, b) = p for x inside [lo, hi], a bracket with I_lo ≤ p ≤ I_hi, from the initial guess x0.
 *
 * Stops when a step is below 4e-16 relative, or, when `acceptStep` > 0, as soon as one Halley step from a point
 * inside the bracket is shorter than `acceptStep`: Halley's method converges cubically, so a step of s leaves an
 * error of order s³ relative to the scale of the bracket (callers pass 1e-5 × the bracket width).
 * @internal
 */
export function solveBetaQuantile(
  p: number,
  a: number,
  b: number,
  lnB: number,
  lo: number,
  hi: number,
  x0: number,
  acceptStep = 0,
): number {
  let x = x0 > lo && x0 < hi ? x0 : 0.5 * (lo + hi);
  for (let iter = 0; iter < 200; iter++) {
    const f = cdfAndDensity(x, a, b, lnB) - p;
    if (f === 0) return x;
    if (f < 0) lo = x;
    else hi = x;
    const density = lastDensity;
    let next = NaN;
    if (density > 0 && Number.isFinite(density)) {
      const newton = f / density;
      // Halley: x − (f/f') / (1 − (f/f')·f''/(2 f')), with f''/f' = (a−1)/x − (b−1)/(1−x).
      const curvature = (a - 1) / x - (b - 1) / (1 - x);
      const denom = 1 - 0.5 * newton * curvature;
      next = x - (denom > 0.5 && denom < 2 ? newton / denom : newton);
      if (next > lo && next < hi && Math.abs(next - x) <= acceptStep) return next;
    }
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    const step = Math.abs(next - x);
    x = next;
    if (step <= 4e-16 * x || hi - lo <= 4e-16 * hi) return x;
  }
  return x;
}

/**
 * Quantile of the Beta(a, b) distribution: the x in [0, 1] with I_x(a, b) = p.
 *
 * Safeguarded Newton–Halley iteration on the regularised incomplete beta function (see the file header),
 * converged to about 1e-15 relative in x.
 * @param p probability [-], in [0, 1]
 * @param a first shape [-], > 0
 * @param b second shape [-], > 0
 * @returns quantile [-], in [0, 1]
 * @throws RangeError when a shape is not a finite positive number or p is outside [0, 1]
 * @example betaQuantile(0.5, 2, 2) // 0.5 (symmetric); betaQuantile(0.5, 1, 3) // 0.2062994740159002 = 1 − 0.5^(1/3)
 */
export function betaQuantile(p: number, a: number, b: number): number {
  requireShapes('betaQuantile', a, b);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`betaQuantile: p must be in [0, 1], received ${p}`);
  if (p === 0) return 0;
  if (p === 1) return 1;
  return solveBetaQuantile(p, a, b, lnBeta(a, b), 0, 1, a / (a + b));
}
