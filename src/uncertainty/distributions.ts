/**
 * Probability distributions of uncertain parameters: quantile (inverse distribution function), distribution
 * function, mean and variance, for the shapes a parameter may declare (`Distribution` in src/core/parameter.ts).
 *
 * - uniform(a = low, b = high): Q(u) = a + u(b − a); mean (a + b)/2; variance (b − a)²/12.
 * - triangular(a = low, c = mode, b = high): Q(u) = a + √(u(b−a)(c−a)) for u < (c−a)/(b−a), else
 *   b − √((1−u)(b−a)(b−c)); mean (a + b + c)/3; variance (a² + b² + c² − ab − ac − bc)/18.
 * - pert(a = low, m = mode, b = high, λ = 4 by default): a + (b − a)·Beta(α, β) with α = 1 + λ(m−a)/(b−a),
 *   β = 1 + λ(b−m)/(b−a); Q(u) = a + (b − a)·Beta⁻¹(u; α, β); mean μ = (a + λm + b)/(λ + 2) (the classic
 *   (a + 4m + b)/6); variance (μ − a)(b − μ)/(λ + 3).
 * - normal(μ = mean, σ = sd, optional low/high): with α = (low − μ)/σ, β = (high − μ)/σ, Z = Φ(β) − Φ(α),
 *   Q(u) = μ + σ Φ⁻¹(Φ(α) + u·Z) (truncated when a bound is given; computed in the reflected upper tail when
 *   α > 0 so that no digits are lost); mean μ + σ(φ(α) − φ(β))/Z; variance
 *   σ²[1 + (αφ(α) − βφ(β))/Z − ((φ(α) − φ(β))/Z)²]. Without bounds: Q(u) = μ + σ Φ⁻¹(u), mean μ, variance σ².
 * - lognormal(mu, sigma of ln X): Q(u) = exp(mu + sigma Φ⁻¹(u)); mean exp(mu + sigma²/2); variance
 *   (exp(sigma²) − 1)·exp(2 mu + sigma²).
 * - discrete(values, weights, equal by default): Q(u) = the smallest value v with F(v) ≥ u, over the sorted
 *   values; mean Σ wᵢvᵢ; variance Σ wᵢ(vᵢ − mean)² (weights normalised to sum 1).
 *
 * Zero-width uniform, triangular and PERT distributions (low = high) are allowed and give that constant.
 *
 * References:
 * - N. L. Johnson, S. Kotz, N. Balakrishnan, *Continuous Univariate Distributions*, vol. 1, 2nd ed., Wiley 1994
 *   (ch. 13 normal and truncated normal, ch. 14 lognormal); vol. 2, 1995 (ch. 25 beta, ch. 26 uniform and
 *   triangular).
 * - D. Vose, *Risk Analysis: A Quantitative Guide*, 3rd ed., Wiley 2008, PERT distribution (α, β above and the
 *   modified PERT with shape λ); D. G. Malcolm et al., "Application of a technique for research and
 *   development program evaluation", Operations Research 7(5), 1959 (the original PERT mean (a + 4m + b)/6).
 */
import type { Distribution, Range } from '../core/parameter.js';
import { incompleteBetaWithLnB, lnBeta, solveBetaQuantile } from './beta.js';
import { normalCdf, normalPdf, normalQuantile } from './normal.js';

/** The default PERT shape λ (Vose 2008): the classic PERT mean (a + 4m + b)/6. */
export const DEFAULT_PERT_LAMBDA = 4;

function fail(fn: string, what: string, expected: string, received: unknown): never {
  throw new RangeError(`${fn}: ${what} must be ${expected}, received ${String(received)}`);
}

function finite(fn: string, what: string, x: number): void {
  if (typeof x !== 'number' || !Number.isFinite(x)) fail(fn, what, 'a finite number', x);
}

function ordered(fn: string, type: string, low: number, high: number): void {
  finite(fn, `${type}.low`, low);
  finite(fn, `${type}.high`, high);
  if (!(low <= high)) fail(fn, `${type}.low`, `≤ ${type}.high (${high})`, low);
}

/**
 * Checks a distribution's parameters: finite numbers, low ≤ mode ≤ high, positive spreads, weights ≥ 0 with a
 * positive sum, truncation bounds that keep some probability.
 * @param dist the distribution
 * @param fn name of the calling function, used in the error message
 * @throws RangeError naming `fn` and the offending field
 * @example validateDistribution({ type: 'pert', low: 1, mode: 5, high: 3 }, 'quantile') // throws "quantile: pert.mode …"
 */
export function validateDistribution(dist: Distribution, fn = 'validateDistribution'): void {
  switch (dist.type) {
    case 'uniform':
      ordered(fn, 'uniform', dist.low, dist.high);
      return;
    case 'triangular':
    case 'pert':
      ordered(fn, dist.type, dist.low, dist.high);
      finite(fn, `${dist.type}.mode`, dist.mode);
      if (!(dist.mode >= dist.low && dist.mode <= dist.high)) {
        fail(fn, `${dist.type}.mode`, `within [low, high] = [${dist.low}, ${dist.high}]`, dist.mode);
      }
      if (dist.type === 'pert' && dist.lambda !== undefined) {
        if (!(Number.isFinite(dist.lambda) && dist.lambda > 0)) fail(fn, 'pert.lambda', 'a finite number > 0', dist.lambda);
      }
      return;
    case 'normal': {
      finite(fn, 'normal.mean', dist.mean);
      finite(fn, 'normal.sd', dist.sd);
      if (!(dist.sd > 0)) fail(fn, 'normal.sd', '> 0', dist.sd);
      const low = dist.low ?? -Infinity;
      const high = dist.high ?? Infinity;
      if (dist.low !== undefined) finite(fn, 'normal.low', dist.low);
      if (dist.high !== undefined) finite(fn, 'normal.high', dist.high);
      if (!(low < high)) fail(fn, 'normal.low', `< normal.high (${high})`, low);
      const { mass } = truncation(dist.mean, dist.sd, low, high);
      if (!(mass > 0)) {
        fail(fn, 'normal.low/high', 'an interval holding some probability of the untruncated normal', `[${low}, ${high}]`);
      }
      return;
    }
    case 'lognormal':
      finite(fn, 'lognormal.mu', dist.mu);
      finite(fn, 'lognormal.sigma', dist.sigma);
      if (!(dist.sigma > 0)) fail(fn, 'lognormal.sigma', '> 0', dist.sigma);
      return;
    case 'discrete': {
      const { values, weights } = dist;
      if (!Array.isArray(values) || values.length === 0) fail(fn, 'discrete.values', 'a non-empty array', values);
      values.forEach((v, i) => finite(fn, `discrete.values[${i}]`, v));
      if (weights !== undefined) {
        if (!Array.isArray(weights) || weights.length !== values.length) {
          fail(fn, 'discrete.weights', `an array of ${values.length} weights (one per value)`, weights);
        }
        let total = 0;
        weights.forEach((w, i) => {
          finite(fn, `discrete.weights[${i}]`, w);
          if (w < 0) fail(fn, `discrete.weights[${i}]`, '≥ 0', w);
          total += w;
        });
        if (!(total > 0)) fail(fn, 'discrete.weights', 'weights with a positive sum', total);
      }
      return;
    }
    default:
      fail(
        fn,
        'distribution.type',
        'uniform, triangular, pert, normal, lognormal or discrete',
        (dist as { type?: unknown }).type,
      );
  }
}

/** Standardised truncation points and the probabilities of the untruncated normal below/above them. */
function truncation(mean: number, sd: number, low: number, high: number) {
  const alpha = (low - mean) / sd;
  const beta = (high - mean) / sd;
  // Work in the lower tail for accuracy: when the interval lies above the mean, reflect it.
  const upper = alpha > 0;
  const pLow = upper ? normalCdf(-alpha) : normalCdf(alpha); // P(Z > α) or P(Z ≤ α)
  const pHigh = upper ? normalCdf(-beta) : normalCdf(beta); // P(Z > β) or P(Z ≤ β)
  const mass = upper ? pLow - pHigh : pHigh - pLow;
  return { alpha, beta, upper, pLow, pHigh, mass };
}

/** α and β shapes of a PERT distribution. */
function pertShapes(low: number, mode: number, high: number, lambda: number): [number, number] {
  const width = high - low;
  return [1 + (lambda * (mode - low)) / width, 1 + (lambda * (high - mode)) / width];
}

/** Sorted support, normalised cumulative weights (zero-weight values dropped). */
function discreteTable(values: number[], weights: number[] | undefined) {
  const pairs = values
    .map((v, i) => ({ v, w: weights === undefined ? 1 : weights[i] }))
    .filter((p) => p.w > 0)
    .sort((x, y) => x.v - y.v);
  const total = pairs.reduce((s, p) => s + p.w, 0);
  const support = new Float64Array(pairs.length);
  const cumulative = new Float64Array(pairs.length);
  let acc = 0;
  pairs.forEach((p, i) => {
    acc += p.w;
    support[i] = p.v;
    cumulative[i] = acc / total;
  });
  cumulative[pairs.length - 1] = 1;
  return { support, cumulative, probability: pairs.map((p) => p.w / total) };
}

/** Number of cells of the PERT inverse table used to bracket and start the Beta quantile. */
const PERT_TABLE_SIZE = 256;

/**
 * Compiles a distribution into its quantile function Q(u), with every per-distribution constant (PERT shapes and
 * ln B, truncation probabilities, discrete cumulative weights) computed once. The returned function allocates
 * nothing, so sampling 100,000 draws is a loop of calls into preallocated `Float64Array`s.
 *
 * For PERT, a table of the exact Beta quantiles x_k at u = k/256 and of their slopes dx/du = 1/density is built
 * once (about a millisecond); each call then starts from the cubic Hermite interpolant inside the bracket
 * [x_k, x_{k+1}] (error O(256⁻⁴)) and takes one Halley step on I_x(α, β) = u, accepted when shorter than 1e-5 of
 * the cell (leaving an error of order 1e-15 of the cell); otherwise, and in the two end cells, it iterates to
 * full convergence. Compile once per run and pass the compiled functions to `sampleColumns`/`sampleChunk`.
 *
 * @param dist the distribution (validated here)
 * @returns Q, taking u in [0, 1] to a value [parameter unit]; Q(0) and Q(1) are the support's ends
 *   (±Infinity for unbounded normal and lognormal tails), NaN for u outside [0, 1]
 * @throws RangeError naming `compileQuantile` on invalid parameters
 * @example compileQuantile({ type: 'uniform', low: 10, high: 20 })(0.25) // 12.5
 */
export function compileQuantile(dist: Distribution, fn = 'compileQuantile'): (u: number) => number {
  validateDistribution(dist, fn);
  switch (dist.type) {
    case 'uniform': {
      const { low, high } = dist;
      const width = high - low;
      return (u) => (u >= 0 && u <= 1 ? low + u * width : NaN);
    }
    case 'triangular': {
      const { low: a, mode: c, high: b } = dist;
      if (a === b) return (u) => (u >= 0 && u <= 1 ? a : NaN);
      const split = (c - a) / (b - a);
      const left = (b - a) * (c - a);
      const right = (b - a) * (b - c);
      return (u) => {
        if (!(u >= 0 && u <= 1)) return NaN;
        return u < split ? a + Math.sqrt(u * left) : b - Math.sqrt((1 - u) * right);
      };
    }
    case 'pert': {
      const { low, mode, high } = dist;
      if (low === high) return (u) => (u >= 0 && u <= 1 ? low : NaN);
      const [alpha, beta] = pertShapes(low, mode, high, dist.lambda ?? DEFAULT_PERT_LAMBDA);
      const lnB = lnBeta(alpha, beta);
      const width = high - low;
      const n = PERT_TABLE_SIZE;
      const h = 1 / n;
      // Exact Beta quantiles at u = k/n and their slopes dx/du = 1/density, for Hermite interpolation.
      const nodes = new Float64Array(n + 1);
      const slopes = new Float64Array(n + 1);
      nodes[n] = 1;
      for (let k = 1; k < n; k++) {
        nodes[k] = solveBetaQuantile(k * h, alpha, beta, lnB, nodes[k - 1], 1, nodes[k - 1] + h);
        const x = nodes[k];
        slopes[k] = Math.exp(lnB - (alpha - 1) * Math.log(x) - (beta - 1) * Math.log1p(-x));
      }
      return (u) => {
        if (!(u >= 0 && u <= 1)) return NaN;
        if (u === 1) return high;
        const scaled = u * n;
        const k = Math.min(Math.floor(scaled), n - 1);
        const lo = nodes[k];
        const hi = nodes[k + 1];
        const t = scaled - k;
        if (t === 0) return low + width * lo;
        if (k === 0 || k === n - 1) {
          // End cells: the slope is infinite at a bound when the shape exceeds 1; solve fully from a linear guess.
          return low + width * solveBetaQuantile(u, alpha, beta, lnB, lo, hi, lo + t * (hi - lo));
        }
        // Cubic Hermite guess (error O(h⁴)), then one Halley step, accepted when shorter than 1e-5 of the cell.
        const t2 = t * t;
        const t3 = t2 * t;
        const guess =
          (2 * t3 - 3 * t2 + 1) * lo +
          (t3 - 2 * t2 + t) * h * slopes[k] +
          (-2 * t3 + 3 * t2) * hi +
          (t3 - t2) * h * slopes[k + 1];
        return low + width * solveBetaQuantile(u, alpha, beta, lnB, lo, hi, guess, 1e-5 * (hi - lo));
      };
    }
    case 'normal': {
      const { mean, sd } = dist;
      if (dist.low === undefined && dist.high === undefined) {
        return (u) => mean + sd * normalQuantile(u);
      }
      const low = dist.low ?? -Infinity;
      const high = dist.high ?? Infinity;
      const { upper, pLow, mass } = truncation(mean, sd, low, high);
      // Below the mean: Φ(z) = Φ(α) + u·Z. Above it (reflected): Φ(−z) = P(Z > α) − u·Z.
      return (u) => {
        if (!(u >= 0 && u <= 1)) return NaN;
        const x = upper ? mean - sd * normalQuantile(pLow - u * mass) : mean + sd * normalQuantile(pLow + u * mass);
        return Math.min(Math.max(x, low), high); // guard the last ulp
      };
    }
    case 'lognormal': {
      const { mu, sigma } = dist;
      return (u) => Math.exp(mu + sigma * normalQuantile(u));
    }
    case 'discrete': {
      const { support, cumulative } = discreteTable(dist.values, dist.weights);
      const last = support.length - 1;
      return (u) => {
        if (!(u >= 0 && u <= 1)) return NaN;
        // Smallest k with cumulative[k] ≥ u, by binary search.
        let lo = 0;
        let hi = last;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (cumulative[mid] >= u) hi = mid;
          else lo = mid + 1;
        }
        return support[lo];
      };
    }
  }
}

/**
 * Quantile (inverse distribution function) of a distribution: the value below which a share u of the
 * probability lies. Sampling a parameter is `quantile(dist, U)` with U uniform on (0, 1).
 *
 * For many draws of one distribution, compile it once with `compileQuantile`.
 * @param dist the distribution
 * @param u probability [-], in [0, 1]
 * @returns the quantile [parameter unit]; NaN when u is outside [0, 1]
 * @throws RangeError naming `quantile` on invalid parameters
 * @see Johnson, Kotz & Balakrishnan 1994–1995; Vose 2008 (PERT); Wichura 1988 (normal)
 * @example quantile({ type: 'pert', low: 0.3, mode: 0.55, high: 1 }, 0.5)
 * // 0.5754804286789985 kWh/m³: the PERT median (scipy's beta.ppf agrees)
 */
export function quantile(dist: Distribution, u: number): number {
  return compileQuantile(dist, 'quantile')(u);
}

/**
 * Distribution function F(x) = P(X ≤ x).
 * @param dist the distribution
 * @param x value [parameter unit]
 * @returns probability [-], in [0, 1]
 * @throws RangeError naming `cdf` on invalid parameters
 * @example cdf({ type: 'triangular', low: 0, mode: 0, high: 2 }, 1) // 0.75
 */
export function cdf(dist: Distribution, x: number): number {
  validateDistribution(dist, 'cdf');
  if (Number.isNaN(x)) return NaN;
  switch (dist.type) {
    case 'uniform':
      if (x < dist.low) return 0;
      if (x >= dist.high) return 1;
      return (x - dist.low) / (dist.high - dist.low);
    case 'triangular': {
      const { low: a, mode: c, high: b } = dist;
      if (x < a) return 0;
      if (x >= b) return 1;
      return x <= c ? ((x - a) * (x - a)) / ((b - a) * (c - a)) : 1 - ((b - x) * (b - x)) / ((b - a) * (b - c));
    }
    case 'pert': {
      const { low, mode, high } = dist;
      if (x < low) return 0;
      if (x >= high) return 1;
      const [alpha, beta] = pertShapes(low, mode, high, dist.lambda ?? DEFAULT_PERT_LAMBDA);
      return incompleteBetaWithLnB((x - low) / (high - low), alpha, beta, lnBeta(alpha, beta));
    }
    case 'normal': {
      const low = dist.low ?? -Infinity;
      const high = dist.high ?? Infinity;
      if (x < low) return 0;
      if (x >= high) return 1;
      const z = (x - dist.mean) / dist.sd;
      const { upper, pLow, mass } = truncation(dist.mean, dist.sd, low, high);
      return upper ? (pLow - normalCdf(-z)) / mass : (normalCdf(z) - pLow) / mass;
    }
    case 'lognormal':
      return x <= 0 ? 0 : normalCdf((Math.log(x) - dist.mu) / dist.sigma);
    case 'discrete': {
      const { support, probability } = discreteTable(dist.values, dist.weights);
      let p = 0;
      for (let i = 0; i < support.length && support[i] <= x; i++) p += probability[i];
      return Math.min(p, 1);
    }
  }
}

/** Mean and variance of a normal truncated to [low, high] (Johnson, Kotz & Balakrishnan 1994, ch. 13). */
function truncatedNormalMoments(mean: number, sd: number, low: number, high: number): [number, number] {
  const { alpha, beta, mass } = truncation(mean, sd, low, high);
  const phiA = Number.isFinite(alpha) ? normalPdf(alpha) : 0;
  const phiB = Number.isFinite(beta) ? normalPdf(beta) : 0;
  const aPhiA = Number.isFinite(alpha) ? alpha * phiA : 0;
  const bPhiB = Number.isFinite(beta) ? beta * phiB : 0;
  const shift = (phiA - phiB) / mass;
  return [mean + sd * shift, sd * sd * (1 + (aPhiA - bPhiB) / mass - shift * shift)];
}

/**
 * Mean (expected value) of a distribution, from its closed form (see the table in this file's header).
 * @param dist the distribution
 * @returns mean [parameter unit]
 * @throws RangeError naming `mean` on invalid parameters
 * @example mean({ type: 'pert', low: 2, mode: 6, high: 22 }) // 8 = (2 + 4·6 + 22)/6
 */
export function mean(dist: Distribution): number {
  validateDistribution(dist, 'mean');
  switch (dist.type) {
    case 'uniform':
      return (dist.low + dist.high) / 2;
    case 'triangular':
      return (dist.low + dist.mode + dist.high) / 3;
    case 'pert': {
      const lambda = dist.lambda ?? DEFAULT_PERT_LAMBDA;
      return (dist.low + lambda * dist.mode + dist.high) / (lambda + 2);
    }
    case 'normal':
      if (dist.low === undefined && dist.high === undefined) return dist.mean;
      return truncatedNormalMoments(dist.mean, dist.sd, dist.low ?? -Infinity, dist.high ?? Infinity)[0];
    case 'lognormal':
      return Math.exp(dist.mu + (dist.sigma * dist.sigma) / 2);
    case 'discrete': {
      const { support, probability } = discreteTable(dist.values, dist.weights);
      let m = 0;
      for (let i = 0; i < support.length; i++) m += probability[i] * support[i];
      return m;
    }
  }
}

/**
 * Variance of a distribution, from its closed form (see the table in this file's header).
 * @param dist the distribution
 * @returns variance [parameter unit squared]
 * @throws RangeError naming `variance` on invalid parameters
 * @example variance({ type: 'uniform', low: 0, high: 12 }) // 12 = 12²/12
 */
export function variance(dist: Distribution): number {
  validateDistribution(dist, 'variance');
  switch (dist.type) {
    case 'uniform':
      return ((dist.high - dist.low) * (dist.high - dist.low)) / 12;
    case 'triangular': {
      const { low: a, mode: c, high: b } = dist;
      return (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
    }
    case 'pert': {
      const lambda = dist.lambda ?? DEFAULT_PERT_LAMBDA;
      const m = (dist.low + lambda * dist.mode + dist.high) / (lambda + 2);
      return ((m - dist.low) * (dist.high - m)) / (lambda + 3);
    }
    case 'normal':
      if (dist.low === undefined && dist.high === undefined) return dist.sd * dist.sd;
      return truncatedNormalMoments(dist.mean, dist.sd, dist.low ?? -Infinity, dist.high ?? Infinity)[1];
    case 'lognormal': {
      const s2 = dist.sigma * dist.sigma;
      return Math.expm1(s2) * Math.exp(2 * dist.mu + s2);
    }
    case 'discrete': {
      const { support, probability } = discreteTable(dist.values, dist.weights);
      let m = 0;
      for (let i = 0; i < support.length; i++) m += probability[i] * support[i];
      let v = 0;
      for (let i = 0; i < support.length; i++) v += probability[i] * (support[i] - m) * (support[i] - m);
      return v;
    }
  }
}

/**
 * The distribution of a parameter that declares only a `range`: **PERT(low, mode ?? value, high) with λ = 4**
 * (Vose 2008). PERT keeps the range's bounds, peaks at the most likely value and puts less weight on the
 * extremes than a triangular distribution; its mean is (low + 4·mode + high)/6.
 *
 * @param value the parameter's value, used as the mode when the range has none [parameter unit]
 * @param range low, optional mode, high [parameter unit]
 * @returns a PERT distribution
 * @throws RangeError naming `defaultDistribution` when low > high or the mode lies outside the range
 * @example defaultDistribution(0.55, { low: 0.3, high: 1 }) // { type: 'pert', low: 0.3, mode: 0.55, high: 1, lambda: 4 }
 */
export function defaultDistribution(value: number, range: Range): Distribution {
  const dist: Distribution = {
    type: 'pert',
    low: range.low,
    mode: range.mode ?? value,
    high: range.high,
    lambda: DEFAULT_PERT_LAMBDA,
  };
  validateDistribution(dist, 'defaultDistribution');
  return dist;
}
