/**
 * Real roots of a polynomial on the unit interval (internal: used by `irrRoots` and `irr`'s fallback).
 *
 * Method: the roots of f lie between consecutive roots of f′ ("critical points"), and f is monotone between two
 * consecutive critical points, so each such piece holds at most one root, found by safeguarded Newton–bisection.
 * The critical points are found the same way from f″, and so on down to a linear polynomial (recursion on the
 * derivative; exact up to rounding, no starting guess). A critical point where f vanishes (a tangent, i.e.
 * double, root) counts once. Cost O(degree³) evaluations at most, which is small for appraisal horizons.
 *
 * Working on [0, 1] only keeps every power ≤ 1, so nothing overflows; `irrRoots` maps its two half-lines of
 * rates onto [0, 1] (x = 1/(1+r) for r ≥ 0, g = 1+r for -1 < r < 0).
 */

/** f(x) for coefficients in ascending powers (`a[k]` multiplies x^k), degree `deg`, by Horner's rule. */
export function evaluatePolynomial(a: ArrayLike<number>, deg: number, x: number): number {
  let p = a[deg];
  for (let k = deg - 1; k >= 0; k--) p = p * x + a[k];
  return p;
}

/** Σ |a_k| x^k: the size of the terms, against which "f(x) is zero up to rounding" is judged. */
function termScale(a: ArrayLike<number>, deg: number, x: number): number {
  let p = Math.abs(a[deg]);
  for (let k = deg - 1; k >= 0; k--) p = p * x + Math.abs(a[k]);
  return p;
}

/** Relative size under which a polynomial value counts as zero (rounding noise of a sum of ≈ 10² terms). */
const ZERO_RELATIVE = 1e-12;

/**
 * The root of f in [lo, hi] where f(lo) and f(hi) have opposite signs: Newton steps, replaced by a bisection
 * whenever a step would leave the bracket, until the step is below a few ulps.
 */
function bracketedRoot(a: ArrayLike<number>, deg: number, lo: number, hi: number, fLo: number): number {
  let x = 0.5 * (lo + hi);
  for (let iter = 0; iter < 300; iter++) {
    // f and f′ together by Horner's rule.
    let f = a[deg];
    let df = 0;
    for (let k = deg - 1; k >= 0; k--) {
      df = df * x + f;
      f = f * x + a[k];
    }
    if (f === 0) return x;
    if (f < 0 === fLo < 0) {
      lo = x;
      fLo = f;
    } else {
      hi = x;
    }
    let next = x - f / df;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    const step = Math.abs(next - x);
    x = next;
    if (step <= 4 * Number.EPSILON * Math.abs(x) || hi - lo <= 4 * Number.EPSILON * Math.abs(x)) break;
  }
  return x;
}

/**
 * The distinct real roots in (0, 1] of the polynomial with ascending coefficients `a`, sorted ascending.
 * A root at exactly 0 is not reported.
 */
export function rootsInUnitInterval(a: ArrayLike<number>): number[] {
  let deg = a.length - 1;
  while (deg > 0 && a[deg] === 0) deg--;
  if (deg <= 0) return [];
  if (deg === 1) {
    const r = -a[0] / a[1];
    return r > 0 && r <= 1 ? [r] : [];
  }
  const derivative = new Float64Array(deg);
  for (let k = 1; k <= deg; k++) derivative[k - 1] = k * a[k];
  const knots = [0];
  for (const c of rootsInUnitInterval(derivative)) if (c < 1) knots.push(c);
  knots.push(1);

  const roots: number[] = [];
  let left = knots[0];
  let fLeft = evaluatePolynomial(a, deg, left);
  let leftIsRoot = Math.abs(fLeft) <= ZERO_RELATIVE * termScale(a, deg, left);
  for (let i = 1; i < knots.length; i++) {
    const right = knots[i];
    const fRight = evaluatePolynomial(a, deg, right);
    const rightIsRoot = Math.abs(fRight) <= ZERO_RELATIVE * termScale(a, deg, right);
    if (rightIsRoot) roots.push(right);
    else if (!leftIsRoot && fLeft < 0 !== fRight < 0) roots.push(bracketedRoot(a, deg, left, right, fLeft));
    left = right;
    fLeft = fRight;
    leftIsRoot = rightIsRoot;
  }
  return roots;
}

/** Number of sign changes in a sequence, zeros skipped (Descartes' bound on the number of positive roots). */
export function signChanges(values: ArrayLike<number>): number {
  let changes = 0;
  let previous = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === 0) continue;
    if (previous !== 0 && v < 0 !== previous < 0) changes++;
    previous = v;
  }
  return changes;
}
