import { describe, expect, it } from 'vitest';
import { changePointPredict, changePointRegressors, fitChangePoint, type ChangePointModel } from '../../src/econometrics/changePoint.js';
import { mulberry32, normalGenerator } from './support.js';

/** Known-parameter generators, one per model: β0, slopes and change points as in changePoint.ts. */
const TRUE: Record<ChangePointModel, { b: number[]; cp: number[]; f: (t: number) => number }> = {
  '3p-heating': { b: [200, 12], cp: [16], f: (t) => 200 + 12 * Math.max(16 - t, 0) },
  '3p-cooling': { b: [150, 8], cp: [21], f: (t) => 150 + 8 * Math.max(t - 21, 0) },
  '4p': { b: [300, -9, 3], cp: [12], f: (t) => 300 - 9 * Math.min(t - 12, 0) + 3 * Math.max(t - 12, 0) },
  '5p': { b: [250, 10, 6], cp: [14, 22], f: (t) => 250 + 10 * Math.max(14 - t, 0) + 6 * Math.max(t - 22, 0) },
};

/** n days with temperatures uniform in [−5, 32] °C (seeded), consumption from the model plus N(0, σ). */
function generate(model: ChangePointModel, seed: number, n: number, sigma: number) {
  const u = mulberry32(seed);
  const z = normalGenerator(seed + 1);
  const t = Array.from({ length: n }, () => -5 + 37 * u());
  const y = t.map((x) => TRUE[model].f(x) + sigma * z());
  return { t, y };
}

describe('fitChangePoint: recovery of known parameters', () => {
  for (const model of ['3p-heating', '3p-cooling', '4p', '5p'] as const) {
    it(`${model}: exact data give the exact parameters`, () => {
      // Noise-free data from TRUE[model]: the search must land on the change point(s) and the slopes exactly.
      const { t, y } = generate(model, 11, 150, 0);
      const fit = fitChangePoint(y, t, model);
      fit.changePoints.forEach((cp, i) => expect(cp.value).toBeCloseTo(TRUE[model].cp[i], 4));
      fit.fit.coefficients.forEach((c, j) => expect(c.estimate).toBeCloseTo(TRUE[model].b[j], 3));
      expect(fit.fit.rmse).toBeLessThan(1e-3);
    });

    it(`${model}: noisy data (σ = 8, n = 365, seeded) give estimates within 3 standard errors`, () => {
      // Daily-like series; the slopes' standard errors are conditional on the change point (see changePoint.ts).
      const { t, y } = generate(model, 2024, 365, 8);
      const fit = fitChangePoint(y, t, model);
      fit.changePoints.forEach((cp, i) => expect(Math.abs(cp.value - TRUE[model].cp[i])).toBeLessThan(1.0));
      fit.fit.coefficients.forEach((c, j) => expect(Math.abs(c.estimate - TRUE[model].b[j])).toBeLessThan(3 * c.stdError));
      // the residual SD estimates σ = 8
      expect(fit.fit.rmse).toBeGreaterThan(7);
      expect(fit.fit.rmse).toBeLessThan(9);
    });
  }

  it('counts the change points as parameters: p = 3, 4, 5', () => {
    const { t, y } = generate('5p', 3, 60, 5);
    expect(fitChangePoint(y, t, '3p-heating').fit.p).toBe(3);
    expect(fitChangePoint(y, t, '4p').fit.p).toBe(4);
    const five = fitChangePoint(y, t, '5p');
    expect(five.fit.p).toBe(5);
    expect(five.fit.residualDf).toBe(55);
    expect(five.changePoints.map((c) => c.name)).toEqual(['heatingChangePoint', 'coolingChangePoint']);
    expect(five.changePoints[0].value).toBeLessThanOrEqual(five.changePoints[1].value);
  });

  it('names the slopes after the temperature column', () => {
    const { t, y } = generate('4p', 5, 80, 2);
    expect(fitChangePoint(y, t, '4p', { name: 't_ext_c' }).fit.coefficients.map((c) => c.name)).toEqual(['intercept', 't_ext_c.below', 't_ext_c.above']);
  });

  it('predicts with the fitted change point', () => {
    const { t, y } = generate('3p-heating', 9, 100, 0);
    const fit = fitChangePoint(y, t, '3p-heating');
    // TRUE: 200 + 12·(16 − 6) = 320 at 6 °C; 200 above 16 °C.
    const p = changePointPredict(fit, [6, 25]);
    expect(p[0]).toBeCloseTo(320, 3);
    expect(p[1]).toBeCloseTo(200, 3);
  });
});

describe('changePointRegressors', () => {
  it('builds the hinge terms', () => {
    // (18 − T)⁺ for T = 5, 15, 25: 13, 3, 0; 4p: (T − 10)⁻ and (T − 10)⁺.
    expect(Array.from(changePointRegressors('3p-heating', [5, 15, 25], [18])[0].values)).toEqual([13, 3, 0]);
    const [below, above] = changePointRegressors('4p', [5, 15], [10]);
    expect(Array.from(below.values)).toEqual([-5, 0]);
    expect(Array.from(above.values)).toEqual([0, 5]);
  });
});

describe('fitChangePoint: bad input', () => {
  it('refuses temperatures that leave too few points on a side, and too few observations', () => {
    const t = [10, 10, 10, 10, 10, 10, 11, 12];
    expect(() => fitChangePoint([1, 2, 3, 4, 5, 6, 7, 8], t, '3p-heating')).toThrow(/3 distinct observations on each side/);
    expect(() => fitChangePoint([1, 2, 3, 4], [1, 2, 3, 4], '3p-heating')).toThrow(/needs more than 4 observations/);
    expect(() => fitChangePoint([1, 2, NaN, 4, 5, 6], [1, 2, 3, 4, 5, 6], '3p-cooling')).toThrow(/observation 2 is not finite/);
  });
});
