import { describe, expect, it } from 'vitest';
import type { Distribution } from '../../src/core/parameter.js';
import {
  cdf,
  compileQuantile,
  defaultDistribution,
  mean,
  quantile,
  variance,
  validateDistribution,
} from '../../src/uncertainty/distributions.js';
import { sampleColumns } from '../../src/uncertainty/lhs.js';
import { createRng } from '../../src/uncertainty/rng.js';

function expectRelative(actual: number, expected: number, rel: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.abs(expected));
}

/** Sample mean and (n − 1) variance of 100,000 Latin hypercube draws. */
function sampleMoments(dist: Distribution): [number, number] {
  const [x] = sampleColumns([dist], 100_000, createRng(11));
  let m = 0;
  for (const v of x) m += v;
  m /= x.length;
  let s = 0;
  for (const v of x) s += (v - m) ** 2;
  return [m, s / (x.length - 1)];
}

/** Checks closed-form mean and variance against 100,000 LHS draws (tolerances: 0.2 % of sd, 1 % of variance). */
function expectMomentsMatchSample(dist: Distribution): void {
  const [m, v] = sampleMoments(dist);
  expect(Math.abs(m - mean(dist))).toBeLessThanOrEqual(0.002 * Math.sqrt(variance(dist)));
  expectRelative(v, variance(dist), 0.01);
}

describe('uniform', () => {
  const dist: Distribution = { type: 'uniform', low: 10, high: 20 };
  it('has quantile a + u(b − a), mean (a + b)/2, variance (b − a)²/12', () => {
    // Hand calculation: Q(0.25) = 12.5; mean 15; variance 100/12.
    expect(quantile(dist, 0.25)).toBe(12.5);
    expect(mean(dist)).toBe(15);
    expect(variance(dist)).toBeCloseTo(100 / 12, 14);
    expect(cdf(dist, 12.5)).toBe(0.25);
    expectMomentsMatchSample(dist);
  });
});

describe('triangular', () => {
  const dist: Distribution = { type: 'triangular', low: 0, mode: 2, high: 10 };
  it('matches scipy.stats.triang quantiles', () => {
    // scipy 1.17.1: triang.ppf([0.1, 0.5, 0.9], c=0.2, loc=0, scale=10) = [1.4142135623730954, 3.675444679663241,
    // 7.17157287525381]. Hand check of the first: u = 0.1 < (c−a)/(b−a) = 0.2 ⇒ √(0.1 × 10 × 2) = √2.
    const expected = [1.4142135623730954, 3.675444679663241, 7.17157287525381];
    [0.1, 0.5, 0.9].forEach((u, i) => expectRelative(quantile(dist, u), expected[i], 1e-14));
    expect(quantile(dist, 0.2)).toBeCloseTo(2, 14); // F(mode) = (c − a)/(b − a)
  });

  it('has mean (a + b + c)/3 and variance (a² + b² + c² − ab − ac − bc)/18', () => {
    // Johnson, Kotz & Balakrishnan 1995, vol. 2, ch. 26: mean (0 + 10 + 2)/3 = 4; variance (0 + 100 + 4 − 0 − 0 − 20)/18
    // = 84/18 = 4.666…
    expect(mean(dist)).toBeCloseTo(4, 14);
    expect(variance(dist)).toBeCloseTo(84 / 18, 14);
    expectMomentsMatchSample(dist);
  });
});

describe('PERT', () => {
  const dist: Distribution = { type: 'pert', low: 0.3, mode: 0.55, high: 1 };
  it('matches scipy.stats.beta quantiles scaled to [low, high]', () => {
    // scipy 1.17.1: 0.3 + 0.7·beta.ppf(u, α, β), α = 1 + 4(0.55 − 0.3)/0.7, β = 1 + 4(1 − 0.55)/0.7.
    const expected = [0.41581333755672, 0.5754804286789985, 0.7626849833675126];
    [0.1, 0.5, 0.9].forEach((u, i) => expectRelative(quantile(dist, u), expected[i], 1e-13));
    // scipy 1.17.1: 2 + 18·beta.ppf(u, 1 + 16/18, 1 + 56/18) for PERT(2, 6, 20).
    const wide: Distribution = { type: 'pert', low: 2, mode: 6, high: 20 };
    const expectedWide = [3.1971626964757918, 7.277065553217396, 13.476676004251896];
    [0.05, 0.5, 0.95].forEach((u, i) => expectRelative(quantile(wide, u), expectedWide[i], 1e-13));
  });

  it('has the classic PERT mean (a + 4m + b)/6 and variance (μ − a)(b − μ)/7 for λ = 4', () => {
    // Malcolm et al. 1959 / Vose 2008: μ = (0.3 + 4 × 0.55 + 1)/6 = 3.5/6; variance (μ − a)(b − μ)/(λ + 3).
    const mu = 3.5 / 6;
    expect(mean(dist)).toBeCloseTo(mu, 15);
    expect(variance(dist)).toBeCloseTo(((mu - 0.3) * (1 - mu)) / 7, 15);
    // Same variance from the Beta(α, β) formula αβ/((α+β)²(α+β+1)) × (b − a)², α + β = 6.
    const alpha = 1 + (4 * 0.25) / 0.7;
    const beta = 1 + (4 * 0.45) / 0.7;
    expect(variance(dist)).toBeCloseTo(((alpha * beta) / (36 * 7)) * 0.49, 15);
    expectMomentsMatchSample(dist);
  });

  it('honours λ: mean (a + λm + b)/(λ + 2)', () => {
    // Vose 2008, modified PERT: λ = 2 ⇒ mean (0 + 2 × 3 + 10)/4 = 4.
    const flat: Distribution = { type: 'pert', low: 0, mode: 3, high: 10, lambda: 2 };
    expect(mean(flat)).toBeCloseTo(4, 14);
    expectMomentsMatchSample(flat);
  });

  it('handles a mode at a bound (α = 1) and a zero-width range', () => {
    // mode = low ⇒ α = 1, β = 5: Beta(1, 5) has F(x) = 1 − (1 − x)^5, so Q(0.5) = 1 − 0.5^(1/5).
    const edge: Distribution = { type: 'pert', low: 0, mode: 0, high: 1 };
    expect(quantile(edge, 0.5)).toBeCloseTo(1 - 0.5 ** 0.2, 14);
    const point: Distribution = { type: 'pert', low: 3, mode: 3, high: 3 };
    expect(quantile(point, 0.7)).toBe(3);
    // The ends of the support at u = 0 and 1.
    expect(quantile(dist, 0)).toBe(0.3);
    expect(quantile(dist, 1)).toBe(1);
    expect(mean(point)).toBe(3);
    expect(variance(point)).toBe(0);
  });
});

describe('normal', () => {
  it('has quantile μ + σ Φ⁻¹(u)', () => {
    // Φ⁻¹(0.975) = 1.959963984540054 (mpmath; scipy.special.ndtri): 100 + 15 × 1.959963984540054 = 129.39945976810083.
    const dist: Distribution = { type: 'normal', mean: 100, sd: 15 };
    expect(quantile(dist, 0.975)).toBeCloseTo(129.39945976810083, 12);
    expect(quantile(dist, 0.5)).toBe(100);
    expect(mean(dist)).toBe(100);
    expect(variance(dist)).toBe(225);
    expect(quantile(dist, 0)).toBe(-Infinity);
    expectMomentsMatchSample(dist);
  });

  it('truncated on both sides matches scipy.stats.truncnorm', () => {
    // scipy 1.17.1, truncnorm(a=−0.5, b=3, loc=10, scale=2): ppf(0.1, 0.5, 0.9), mean, var.
    const dist: Distribution = { type: 'normal', mean: 10, sd: 2, low: 9, high: 16 };
    const expected = [9.376150177923748, 10.790082733561775, 12.946213091423061];
    [0.1, 0.5, 0.9].forEach((u, i) => expectRelative(quantile(dist, u), expected[i], 1e-13));
    // Mean μ + σ(φ(α) − φ(β))/Z (Johnson, Kotz & Balakrishnan 1994, ch. 13) = 11.00746891700989 (scipy).
    expectRelative(mean(dist), 11.00746891700989, 1e-14);
    expectRelative(variance(dist), 1.8876305692410327, 1e-13);
    expect(quantile(dist, 0)).toBe(9);
    expect(quantile(dist, 1)).toBe(16);
    expectMomentsMatchSample(dist);
  });

  it('truncated in the upper tail keeps its precision (reflected computation)', () => {
    // scipy 1.17.1, truncnorm(a=3, b=5): ppf(0.1, 0.5, 0.9), mean, var. Here Φ(3) ≈ 0.99865: working with
    // Φ(α) directly would lose three digits.
    const dist: Distribution = { type: 'normal', mean: 0, sd: 1, low: 3, high: 5 };
    const expected = [3.031940147748348, 3.2050938082099796, 3.642030914652575];
    [0.1, 0.5, 0.9].forEach((u, i) => expectRelative(quantile(dist, u), expected[i], 1e-13));
    expectRelative(mean(dist), 3.282694379942302, 1e-13);
    expectRelative(variance(dist), 0.06979756607043286, 1e-11);
    expectMomentsMatchSample(dist);
  });

  it('truncated on one side only matches scipy.stats.truncnorm', () => {
    // scipy 1.17.1, truncnorm(a=−1, b=inf, loc=1): mean, var, median.
    const dist: Distribution = { type: 'normal', mean: 1, sd: 1, low: 0 };
    expectRelative(mean(dist), 1.2875999709391783, 1e-14);
    expectRelative(variance(dist), 0.6296862857766055, 1e-13);
    expectRelative(quantile(dist, 0.5), 1.2001736861668908, 1e-14);
  });
});

describe('lognormal', () => {
  const dist: Distribution = { type: 'lognormal', mu: 1, sigma: 0.5 };
  it('matches scipy.stats.lognorm quantiles', () => {
    // scipy 1.17.1: lognorm.ppf([0.1, 0.5, 0.9], s=0.5, scale=e).
    const expected = [1.432217893498685, 2.718281828459045, 5.159170355622591];
    [0.1, 0.5, 0.9].forEach((u, i) => expectRelative(quantile(dist, u), expected[i], 1e-14));
  });

  it('has mean exp(μ + σ²/2) and variance (exp(σ²) − 1)·exp(2μ + σ²)', () => {
    // Johnson, Kotz & Balakrishnan 1994, ch. 14: exp(1.125) = 3.080216848918031; (e^0.25 − 1)e^2.25 =
    // 2.694758124344946 (scipy lognorm.mean and .var agree).
    expectRelative(mean(dist), 3.080216848918031, 1e-15);
    expectRelative(variance(dist), 2.694758124344946, 1e-14);
    expectMomentsMatchSample(dist);
  });
});

describe('discrete', () => {
  const dist: Distribution = { type: 'discrete', values: [3, 1, 2], weights: [1, 1, 2] };
  it('has the left-continuous inverse Q(u) = min{v : F(v) ≥ u} over sorted values', () => {
    // Hand calculation: P(1) = 0.25, P(2) = 0.5, P(3) = 0.25; F = 0.25, 0.75, 1.
    expect(quantile(dist, 0.1)).toBe(1);
    expect(quantile(dist, 0.25)).toBe(1);
    expect(quantile(dist, 0.2500001)).toBe(2);
    expect(quantile(dist, 0.75)).toBe(2);
    expect(quantile(dist, 0.76)).toBe(3);
    expect(quantile(dist, 1)).toBe(3);
    expect(cdf(dist, 2.5)).toBeCloseTo(0.75, 15);
  });

  it('has mean Σ w v and variance Σ w (v − mean)²', () => {
    // Hand calculation: 0.25 + 1 + 0.75 = 2; 0.25 × 1 + 0 + 0.25 × 1 = 0.5.
    expect(mean(dist)).toBeCloseTo(2, 15);
    expect(variance(dist)).toBeCloseTo(0.5, 15);
    expectMomentsMatchSample(dist);
  });

  it('uses equal weights by default and never draws a zero-weight value', () => {
    expect(mean({ type: 'discrete', values: [1, 2, 3, 10] })).toBe(4);
    const q = compileQuantile({ type: 'discrete', values: [5, 7, 9], weights: [1, 0, 1] });
    for (let u = 0.001; u < 1; u += 0.001) expect(q(u)).not.toBe(7);
  });
});

describe('cdf and quantile are inverse', () => {
  const dists: Distribution[] = [
    { type: 'uniform', low: -1, high: 3 },
    { type: 'triangular', low: 50, mode: 120, high: 250 },
    { type: 'pert', low: 15, mode: 20, high: 25 },
    { type: 'pert', low: 2, mode: 6, high: 20, lambda: 6 },
    { type: 'normal', mean: 0.55, sd: 0.1 },
    { type: 'normal', mean: 0.55, sd: 0.2, low: 0.3, high: 1 },
    { type: 'normal', mean: 0, sd: 1, low: 2.5 },
    { type: 'lognormal', mu: Math.log(6), sigma: 0.6 },
  ];
  it('F(Q(u)) = u', () => {
    for (const dist of dists) {
      const q = compileQuantile(dist);
      for (const u of [1e-6, 0.003, 0.1, 0.37, 0.5, 0.81, 0.99, 1 - 1e-6]) {
        expect(Math.abs(cdf(dist, q(u)) - u)).toBeLessThan(1e-12);
      }
    }
  });

  it('Q is non-decreasing and NaN outside [0, 1]', () => {
    for (const dist of dists) {
      const q = compileQuantile(dist);
      let previous = -Infinity;
      for (let u = 0.0005; u < 1; u += 0.001) {
        const x = q(u);
        expect(x).toBeGreaterThanOrEqual(previous);
        previous = x;
      }
      expect(q(-0.01)).toBeNaN();
      expect(q(1.01)).toBeNaN();
    }
  });
});

describe('defaultDistribution', () => {
  it('is PERT(low, mode ?? value, high) with λ = 4', () => {
    // Documented default for a parameter with only a range (Vose 2008 PERT).
    expect(defaultDistribution(0.55, { low: 0.3, high: 1 })).toEqual({
      type: 'pert',
      low: 0.3,
      mode: 0.55,
      high: 1,
      lambda: 4,
    });
    expect(defaultDistribution(20, { low: 15, mode: 18, high: 25 })).toMatchObject({ mode: 18 });
  });

  it('rejects a value outside the range, naming defaultDistribution', () => {
    expect(() => defaultDistribution(30, { low: 15, high: 25 })).toThrow(/^defaultDistribution: pert\.mode/);
    expect(() => defaultDistribution(20, { low: 25, high: 15 })).toThrow(/^defaultDistribution: pert\.low/);
  });
});

describe('validateDistribution', () => {
  it('names the function and the field', () => {
    const bad: [Distribution, RegExp][] = [
      [{ type: 'uniform', low: 2, high: 1 }, /^quantile: uniform\.low must be ≤/],
      [{ type: 'triangular', low: 0, mode: 5, high: 4 }, /^quantile: triangular\.mode/],
      [{ type: 'pert', low: 0, mode: 1, high: 4, lambda: 0 }, /^quantile: pert\.lambda/],
      [{ type: 'normal', mean: 0, sd: 0 }, /^quantile: normal\.sd must be > 0/],
      [{ type: 'normal', mean: 0, sd: 1, low: 2, high: 1 }, /^quantile: normal\.low/],
      [{ type: 'normal', mean: 0, sd: 1, low: 40, high: 50 }, /^quantile: normal\.low\/high/],
      [{ type: 'lognormal', mu: 0, sigma: -1 }, /^quantile: lognormal\.sigma/],
      [{ type: 'discrete', values: [] }, /^quantile: discrete\.values/],
      [{ type: 'discrete', values: [1, 2], weights: [1] }, /^quantile: discrete\.weights/],
      [{ type: 'discrete', values: [1, 2], weights: [1, -1] }, /^quantile: discrete\.weights\[1\]/],
      [{ type: 'discrete', values: [1, 2], weights: [0, 0] }, /^quantile: discrete\.weights must be weights with a positive sum/],
      [{ type: 'uniform', low: NaN, high: 1 }, /^quantile: uniform\.low must be a finite number/],
      [{ type: 'gamma' } as unknown as Distribution, /^quantile: distribution\.type/],
    ];
    for (const [dist, message] of bad) expect(() => quantile(dist, 0.5)).toThrow(message);
    expect(() => mean({ type: 'normal', mean: 0, sd: -1 })).toThrow(/^mean: normal\.sd/);
    expect(() => validateDistribution({ type: 'pert', low: 0, mode: 2, high: 1 })).toThrow(/^validateDistribution:/);
  });
});
