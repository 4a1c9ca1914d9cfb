import { describe, expect, it } from 'vitest';
import { baselineParameterCount, fitBaseline, predictBaseline } from '../../src/econometrics/baseline.js';

// Hand case used across these tests: 4 baseline months, DJU = [100, 200, 300, 400], gas = [6000, 10900, 16100, 21000].
// x̄ = 250, ȳ = 13,500, Sxx = 50,000, Sxy = 2,510,000 → slope 50.2 kWh/DJU, intercept 13,500 − 50.2 × 250 = 950 kWh.
// Fitted [5970, 10990, 16010, 21030], residuals [30, −90, 90, −30], SSE = 18,000, n − p = 2,
// RMSE = √9000 = 94.868 kWh, CV(RMSE) = 94.868/13,500 = 0.70273 %.
const DJU = [100, 200, 300, 400];
const GAS = [6000, 10900, 16100, 21000];

describe('fitBaseline (linear, degree days)', () => {
  it('fits the hand case with Guideline 14 statistics', () => {
    const f = fitBaseline(GAS, [{ name: 'dju_18', values: DJU }]);
    expect(f.model).toBe('linear');
    expect(f.coefficients.map((c) => c.name)).toEqual(['intercept', 'dju_18']);
    expect(f.coefficients[0].estimate).toBeCloseTo(950, 9);
    expect(f.coefficients[1].estimate).toBeCloseTo(50.2, 11);
    expect(Array.from(f.residuals)).toEqual([30, -90, 90, -30].map((v) => expect.closeTo(v, 8)));
    expect(f.rmse).toBeCloseTo(Math.sqrt(9000), 9);
    expect(f.cvRmse).toBeCloseTo(Math.sqrt(9000) / 13500, 12);
    expect(f.nmbe).toBeCloseTo(0, 12);
    expect(f.durbinWatson).toBeCloseTo(3.4, 10); // hand: 61,200 / 18,000
    expect(f.changePoints).toEqual([]);
    expect(f.p).toBe(2);
  });

  it('predicts the adjusted baseline for new degree days', () => {
    const f = fitBaseline(GAS, [{ name: 'dju_18', values: DJU }]);
    // 950 + 50.2 × 150 = 8480; 950 + 50.2 × 250 = 13,500
    expect(Array.from(predictBaseline(f, [[150, 250]]))).toEqual([expect.closeTo(8480, 8), expect.closeTo(13500, 8)]);
  });

  it('takes several columns (heating and cooling degree days)', () => {
    // y = 500 + 40·HDD + 70·CDD exactly
    const hdd = [300, 200, 100, 20, 0, 0, 50, 250];
    const cdd = [0, 0, 10, 40, 90, 120, 30, 0];
    const y = hdd.map((h, i) => 500 + 40 * h + 70 * cdd[i]);
    const f = fitBaseline(y, [
      { name: 'hdd', values: hdd },
      { name: 'cdd', values: cdd },
    ]);
    expect(f.coefficients.map((c) => [c.name, c.estimate])).toEqual([
      ['intercept', expect.closeTo(500, 8)],
      ['hdd', expect.closeTo(40, 10)],
      ['cdd', expect.closeTo(70, 10)],
    ]);
  });
});

describe('fitBaseline (change-point models)', () => {
  it('requires exactly one temperature column', () => {
    expect(() =>
      fitBaseline([1, 2, 3, 4, 5, 6, 7, 8], [
        { name: 'a', values: [1, 2, 3, 4, 5, 6, 7, 8] },
        { name: 'b', values: [1, 3, 2, 4, 5, 7, 6, 8] },
      ], '3p-heating'),
    ).toThrow(/takes exactly one column, the outdoor temperature/);
  });

  it('reports the change point and predicts with it', () => {
    // y = 100 + 10·(15 − T)⁺ on T = 0…25: change point 15, slope 10 (exact data).
    const t = Array.from({ length: 26 }, (_, i) => i);
    const y = t.map((x) => 100 + 10 * Math.max(15 - x, 0));
    const f = fitBaseline(y, [{ name: 'T', values: t }], '3p-heating');
    expect(f.changePoints[0].value).toBeCloseTo(15, 4);
    expect(f.p).toBe(3);
    expect(predictBaseline(f, [[5]])[0]).toBeCloseTo(200, 4);
  });

  it('counts parameters as the model names say', () => {
    expect(baselineParameterCount('linear', 2)).toBe(3);
    expect(baselineParameterCount('3p-cooling', 1)).toBe(3);
    expect(baselineParameterCount('4p', 1)).toBe(4);
    expect(baselineParameterCount('5p', 1)).toBe(5);
  });
});
