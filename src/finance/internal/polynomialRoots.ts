/**
 * Real roots of a polynomial on the unit interval (internal: used by `irrRoots` and `irr`'s fallback).
 *
 * Method: the roots of f lie between consecutive roots of f′ ("critical points"), and f is monotone between two
 * consecutive critical points, so each such piece holds at most one root, found by safeguarded Halley–bisection.
 * The critical points are found the same way from f″, and so on down to a linear polynomial (recursion on the
 * derivative; exact up to rounding, no starting guess). A critical point where f vanishes (a tangent, i.e.
 * double, root) counts once. Cost O(degree³) evaluations at most, which is small for appraisal horizons.
 *
 * Working on [0, 1] only keeps every power ≤ 1, so nothing overflows; `irrRoots` maps its two half-lines of
 * rates onto [0, 1] (x = 1/(1+r) for r ≥ 0, g = 1+r for -1 < r < 0).
 *
 * Shortcut (performance, same results): most polynomials met along the recursion (the NPV for negative rates, the
 * higher derivatives) have no root in [0, 1] at all. Before recursing, two cheap exact tests prove it when they
 * can — no sign change among the coefficients (Descartes), or Bernstein coefficients all of one sign with a wide
 * margin (`certifiedNoRootInUnitInterval`) — and the answer is then `[]`, which is what the full search returns
 * for such a polynomial (proof beside the test). The roots that are found are found by the same steps as without
 * the shortcut, bit for bit.
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
 * The root of f in [lo, hi] where f(lo) and f(hi) have opposite signs, from the starting point `start` inside the
 * bracket: Halley steps x − (f/f′) / (1 − (f/f′)·f″/(2f′)) (Newton's step corrected by the curvature: cubic
 * convergence, about 4 evaluations of f, f′ and f″ where Newton needs 7 on appraisal cash flows), in the
 * safeguarded scheme of Press et al.'s `rtsafe` (Numerical Recipes): a step that would leave the bracket, or would
 * not at least halve the step before the last, is replaced by a bisection (so that a polynomial on which the
 * steps crawl, such as a high power far from its root, still converges: the bracket halves every other iteration
 * at worst). It stops when a step is below a few ulps of x (the answer is then that step's end point), or when the
 * bracket is.
 *
 * The step is tested for convergence before the halving rule: near the root f(x) is rounding noise, and a
 * noise-sized step next to a tiny previous one must end the search, not send it into bisections of the bracket.
 */
function bracketedRoot(a: ArrayLike<number>, deg: number, lo: number, hi: number, fLo: number, start: number): number {
  let x = start;
  let step = hi - lo; // the last step
  let stepBefore = hi - lo; // the step before it
  for (let iter = 0; iter < 300; iter++) {
    // f, f′ and f″/2 together by Horner's rule.
    let f = a[deg];
    let df = 0;
    let halfD2f = 0;
    for (let k = deg - 1; k >= 0; k--) {
      halfD2f = halfD2f * x + df;
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
    const newtonStep = f / df;
    const halleyStep = newtonStep / (1 - (newtonStep * halfD2f) / df);
    const halley = x - halleyStep;
    if (Math.abs(halleyStep) <= 4 * Number.EPSILON * Math.abs(x)) return halley;
    let next = halley;
    if (!(next > lo && next < hi) || Math.abs(2 * halleyStep) > stepBefore) next = 0.5 * (lo + hi);
    stepBefore = step;
    step = Math.abs(next - x);
    x = next;
    if (hi - lo <= 4 * Number.EPSILON * Math.abs(x)) break;
  }
  return x;
}

/** Margin of the Bernstein test, relative to Σ |a_k| (far above the rounding of the test and of Horner's rule). */
const CERTIFY_RELATIVE = 1e-9;
/** Largest degree the Bernstein test handles (binomial coefficients stay far from overflow). */
const CERTIFY_MAX_DEGREE = 200;

/**
 * True when the polynomial `a` (ascending powers, degree `deg`, `a[deg]` ≠ 0) provably keeps one strict sign on
 * [0, 1], with a margin: every coefficient of its Bernstein form on [0, 1] is beyond `1e-9 · Σ |a_k|`, all of
 * one sign. Since P(x) = Σ b_i·B_i(x) with B_i ≥ 0 and Σ B_i = 1, P(x) is then at least that margin away from 0
 * everywhere on [0, 1]. False means "not proven" (the polynomial may or may not have a root).
 *
 * Why the full search would return [] for such a polynomial: at every knot x ∈ [0, 1] the computed f(x) differs
 * from P(x) by at most ≈ 2·deg·ε·Σ|a_k| (Horner's rule), far below the margin, so every computed f(x) has the
 * sign of the b_i and |f(x)| > 1e-12 · termScale(x) (termScale ≤ Σ|a_k|): no knot counts as a root and no
 * interval brackets a sign change.
 *
 * Method: the Bernstein coefficients (`bernsteinCoefficients`), O(deg²) additions, against O(deg³) for the search
 * it avoids.
 *
 * @example certifiedNoRootInUnitInterval([1, -1, 1], 2) // true: 1 - x + x² ≥ 3/4 on [0, 1] (Bernstein 1, 1/2, 1)
 */
export function certifiedNoRootInUnitInterval(a: ArrayLike<number>, deg: number): boolean {
  if (deg > CERTIFY_MAX_DEGREE) return false;
  let sumAbs = 0;
  for (let k = 0; k <= deg; k++) sumAbs += Math.abs(a[k]);
  const margin = CERTIFY_RELATIVE * sumAbs;
  // b_0 = P(0) = a_0 and b_deg = P(1) = Σ a_k: cheap necessary conditions first.
  const sign = a[0] > margin ? 1 : a[0] < -margin ? -1 : 0;
  if (sign === 0) return false;
  let atOne = 0;
  for (let k = 0; k <= deg; k++) atOne += a[k];
  if (!(sign * atOne > margin)) return false;
  const c = bernsteinCoefficients(a, deg);
  for (let i = 0; i <= deg; i++) if (!(sign * c[i] > margin)) return false;
  return true;
}

/**
 * Coefficients of the polynomial `a` (ascending powers, degree `deg`) in the Bernstein basis of degree `deg` on
 * [0, 1]: b_i = Σ_{k≤i} C(i,k)/C(deg,k)·a_k, computed as c_k = a_k / C(deg,k) then `deg` passes of running sums
 * (c_i += c_{i-1}, i from deg down to j), which builds Σ_k C(i,k)·c_k; every term is bounded by |a_k|, so the
 * rounding error stays below deg·ε·Σ|a_k|. O(deg²) additions.
 */
function bernsteinCoefficients(a: ArrayLike<number>, deg: number): number[] {
  const c: number[] = []; // a plain array: no buffer to allocate for a short-lived temporary
  let binomial = 1; // C(deg, k)
  for (let k = 0; k <= deg; k++) {
    c.push(a[k] / binomial);
    binomial = (binomial * (deg - k)) / (k + 1);
  }
  for (let j = 1; j <= deg; j++) {
    for (let i = deg; i >= j; i--) c[i] += c[i - 1];
  }
  return c;
}

/** Number of sign changes among a[0..deg], zeros skipped. */
function coefficientSignChanges(a: ArrayLike<number>, deg: number): number {
  let changes = 0;
  let previous = 0;
  for (let i = 0; i <= deg; i++) {
    const v = a[i];
    if (v === 0) continue;
    if (previous !== 0 && v < 0 !== previous < 0) changes++;
    previous = v;
  }
  return changes;
}

/**
 * The distinct real roots in (0, 1] of the polynomial with ascending coefficients `a`, sorted ascending.
 * A root at exactly 0 is not reported.
 *
 * `shortcut` (default true) lets the function answer `[]` at once when a cheap exact test proves there is no root
 * (see the file header); false runs the full search everywhere (the reference the tests compare it with).
 */
export function rootsInUnitInterval(a: ArrayLike<number>, shortcut = true): number[] {
  let deg = a.length - 1;
  while (deg > 0 && a[deg] === 0) deg--;
  if (deg <= 0) return [];
  if (deg === 1) {
    const r = -a[0] / a[1];
    return r > 0 && r <= 1 ? [r] : [];
  }
  // Descartes: without a sign change among the coefficients there is no positive root; the Bernstein test
  // proves a constant sign on [0, 1]. Either way the full search below would return [] (see the file header).
  if (shortcut && (coefficientSignChanges(a, deg) === 0 || certifiedNoRootInUnitInterval(a, deg))) return [];
  const derivative: number[] = [];
  for (let k = 1; k <= deg; k++) derivative.push(k * a[k]);
  const knots = [0];
  for (const c of rootsInUnitInterval(derivative, shortcut)) if (c < 1) knots.push(c);
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
    else if (!leftIsRoot && fLeft < 0 !== fRight < 0) roots.push(bracketedRoot(a, deg, left, right, fLeft, 0.5 * (left + right)));
    left = right;
    fLeft = fRight;
    leftIsRoot = rightIsRoot;
  }
  return roots;
}

/**
 * The roots in the open interval (0, 1) of the polynomial with ascending coefficients `a`, when a cheap test proves
 * there are none or exactly one; `null` when it cannot (then use `rootsInUnitInterval`). Two tests, the second
 * only when the first is inconclusive:
 *
 * 1. Norström's criterion, linear time (C. J. Norström, "A sufficient condition for a unique nonnegative internal
 *    rate of return", Journal of Financial and Quantitative Analysis 7(3), 1972, pp. 1835–1839): with the partial
 *    sums S_k = a_0 + … + a_k, P(x) = (1 − x)·Σ_{k<m} S_k x^k + S_m x^m, so on (0, 1) the roots of P are those of
 *    the power series Σ_{k<m} S_k x^k + S_m·(x^m + x^(m+1) + …), whose coefficients change sign exactly as often as
 *    S_0, …, S_m do; by Descartes' rule of signs (which holds for power series inside their radius of
 *    convergence) P has at most that many roots in (0, 1), counted with multiplicity.
 * 2. Descartes' rule in the Bernstein basis, O(m²): P has at most as many roots in (0, 1) as its Bernstein
 *    coefficients on [0, 1] have sign changes, and the same parity. The test is used only when every coefficient
 *    is clear of zero by the margin of `certifiedNoRootInUnitInterval` (1e-9 · Σ|a_k|, far above the rounding of
 *    their computation), so that the sign changes counted are those of the exact coefficients.
 *
 * Either way: no sign change gives `[]`; one sign change with P(0) and P(1) of opposite signs gives exactly one
 * root, a simple one, found by the safeguarded Halley–bisection `rootsInUnitInterval` uses, on the bracket [0, 1],
 * starting from x = 0.9 (a rate of 11 %, near most appraisal IRRs: about 4 evaluations of P on the cash flows of
 * the example territories, 5 from the midpoint; the start changes the root by rounding only).
 * Typical appraisal cash flows (an investment, savings, a replacement now and then) pass one of the tests even
 * when their own signs change several times: this is the fast path of `irrRoots`.
 * @example rootsInOpenUnitIntervalIfSimple([-1, 0.5, 0.3, 0.4]) // one root: the partial sums −1, −0.5, −0.2, 0.2 change sign once
 */
export function rootsInOpenUnitIntervalIfSimple(a: ArrayLike<number>): number[] | null {
  const x = simpleRootInOpenUnitInterval(a, a.length - 1);
  return Number.isNaN(x) ? null : x < 0 ? [] : [x];
}

/** Where the root search of `simpleRootInOpenUnitInterval` starts: x = 1/(1 + 11 %), a typical appraisal IRR. */
const SIMPLE_ROOT_START = 0.9;

/**
 * `rootsInOpenUnitIntervalIfSimple` without an array for the answer (the inner loop of `irrRootsInto`): the tests
 * and the root are the same, on the coefficients a[0..m] (`a` may be longer).
 * @param a coefficients in ascending powers; only a[0..m] are read
 * @param m degree
 * @returns the root x in (0, 1) when the tests prove there is exactly one; -1 when they prove there is none; NaN
 *   when they cannot tell (then use `rootsInUnitInterval`)
 * @example simpleRootInOpenUnitInterval([-1, 0.5, 0.3, 0.4], 3) // 0.9076…: −1 + 0.5x + 0.3x² + 0.4x³ = 0
 */
export function simpleRootInOpenUnitInterval(a: ArrayLike<number>, m: number): number {
  if (m < 1 || a[0] === 0) return NaN;
  let sum = 0;
  let sumAbs = 0;
  let previous = 0;
  let changes = 0;
  for (let k = 0; k <= m; k++) {
    sum += a[k];
    sumAbs += Math.abs(a[k]);
    if (sum !== 0) {
      if (previous !== 0 && sum < 0 !== previous < 0) changes++;
      previous = sum;
    }
  }
  if (sum === 0) return NaN; // a root at x = 1 itself
  if (changes > 1 && m <= CERTIFY_MAX_DEGREE) {
    const b = bernsteinCoefficients(a, m);
    const margin = CERTIFY_RELATIVE * sumAbs;
    changes = 0;
    for (let i = 0; i <= m; i++) {
      if (!(Math.abs(b[i]) > margin)) return NaN;
      if (i > 0 && b[i] < 0 !== b[i - 1] < 0) changes++;
    }
  }
  if (changes === 0) return -1;
  if (changes > 1 || a[0] < 0 === sum < 0) return NaN;
  return bracketedRoot(a, m, 0, 1, a[0], SIMPLE_ROOT_START);
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
