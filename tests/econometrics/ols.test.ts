import { describe, expect, it } from 'vitest';
import { qr } from 'mathjs';
import { ols, olsPredict } from '../../src/econometrics/ols.js';
import { LONGLEY, NORRIS, WAMPLER1, type CertifiedRegression } from './data/nist.js';
import { lre } from './support.js';

function fitNist(d: CertifiedRegression) {
  return ols(
    d.y,
    d.x.map((values, j) => ({ name: d.xNames[j], values })),
  );
}

describe('ols against NIST StRD certified values', () => {
  it('Norris: coefficients, standard errors, residual SD and R² to at least 9 significant digits', () => {
    // Certified values from Norris.dat (tests/econometrics/data/nist.ts). Measured agreement is about 12–13
    // digits; the brief's floor is 9, the test asks 11 so a regression in the solver shows.
    const f = fitNist(NORRIS);
    NORRIS.coefficients.forEach((b, j) => expect(lre(f.coefficients[j].estimate, b)).toBeGreaterThanOrEqual(11));
    NORRIS.stdErrors.forEach((s, j) => expect(lre(f.coefficients[j].stdError, s)).toBeGreaterThanOrEqual(11));
    expect(lre(f.rmse, NORRIS.residualSd)).toBeGreaterThanOrEqual(11);
    expect(lre(f.rSquared, NORRIS.rSquared)).toBeGreaterThanOrEqual(11);
    expect(f.coefficients.map((c) => c.name)).toEqual(['intercept', 'x']);
    expect(f.n).toBe(36);
    expect(f.p).toBe(2);
    expect(f.residualDf).toBe(34); // certified ANOVA table: residual degrees of freedom 34
  });

  it('Longley: coefficients to at least 7 significant digits (measured ≈ 12), standard errors and R² too', () => {
    // Longley is multicollinear: solving the normal equations in double precision loses about half the digits.
    const f = fitNist(LONGLEY);
    LONGLEY.coefficients.forEach((b, j) => expect(lre(f.coefficients[j].estimate, b)).toBeGreaterThanOrEqual(10));
    LONGLEY.stdErrors.forEach((s, j) => expect(lre(f.coefficients[j].stdError, s)).toBeGreaterThanOrEqual(10));
    expect(lre(f.rmse, LONGLEY.residualSd)).toBeGreaterThanOrEqual(10);
    expect(lre(f.rSquared, LONGLEY.rSquared)).toBeGreaterThanOrEqual(10);
    expect(f.residualDf).toBe(9); // 16 observations − 7 parameters
  });

  it('Wampler1: recovers the exact polynomial (certified coefficients all 1, residual SD 0)', () => {
    const f = fitNist(WAMPLER1);
    // Certified B0…B5 = 1; x⁵ reaches 3.2e6, so the problem has condition number ≈ 1e7 even after QR.
    f.coefficients.forEach((c) => expect(lre(c.estimate, 1)).toBeGreaterThanOrEqual(8));
    expect(f.rmse).toBeLessThan(1e-6);
    expect(f.rSquared).toBeCloseTo(1, 12);
  });

  it('agrees with a solve through mathjs qr (the decomposition the brief names) on Longley', () => {
    // mathjs builds the full Q; solve R b = Qᵀy from its factors and compare with the Householder solver here.
    const n = LONGLEY.y.length;
    const X = LONGLEY.y.map((_, i) => [1, ...LONGLEY.x.map((c) => c[i])]);
    const { Q, R } = qr(X) as unknown as { Q: number[][]; R: number[][] };
    const p = 7;
    const qty = Array.from({ length: p }, (_, j) => LONGLEY.y.reduce((s, y, i) => s + Q[i][j] * y, 0));
    const b = new Array<number>(p).fill(0);
    for (let j = p - 1; j >= 0; j--) {
      let s = qty[j];
      for (let k = j + 1; k < p; k++) s -= R[j][k] * b[k];
      b[j] = s / R[j][j];
    }
    const f = fitNist(LONGLEY);
    b.forEach((v, j) => expect(lre(f.coefficients[j].estimate, v)).toBeGreaterThanOrEqual(10));
    expect(n).toBe(16);
  });
});

describe('ols: a published degree-day regression', () => {
  it('reproduces the Minitab output of the gas-consumption example (Moore & McCabe)', () => {
    // Nine months of household gas consumption (100 ft³) against degree days (base 65 °F), with Minitab's output
    // as published on https://www.jiskha.com/display.cgi?id=1366151280 (exercise from Moore & McCabe's IPS):
    // Constant 0.9595 (SE 0.1678, T 5.72, P 0.001); D-Days 0.189634 (SE 0.005845, T 32.44, P 0.000);
    // S = 0.303674, R-Sq = 99.3 %.
    const dd = [6, 4, 12, 43, 0, 52, 26, 30, 33];
    const gas = [2.1, 1.7, 3.1, 8.9, 1.2, 11.0, 5.3, 6.9, 7.5];
    const f = ols(gas, [{ name: 'dd', values: dd }]);
    const [b0, b1] = f.coefficients;
    expect(b0.estimate).toBeCloseTo(0.9595, 4);
    expect(b0.stdError).toBeCloseTo(0.1678, 4);
    expect(b0.tStat).toBeCloseTo(5.72, 2);
    expect(b0.pValue).toBeCloseTo(0.001, 3);
    expect(b1.estimate).toBeCloseTo(0.189634, 6);
    expect(b1.stdError).toBeCloseTo(0.005845, 6);
    expect(b1.tStat).toBeCloseTo(32.44, 2);
    expect(b1.pValue).toBeLessThan(0.0005); // printed as 0.000
    expect(f.rmse).toBeCloseTo(0.303674, 6);
    expect(f.rSquared).toBeCloseTo(0.993, 3);
  });
});

describe('ols: conventions and errors', () => {
  it('uses the uncentred R² without an intercept, as NIST and R do', () => {
    // y = 2x exactly except the last point: x = [1, 2, 3], y = [2, 4, 7]. Through the origin:
    // b = Σxy/Σx² = (2 + 8 + 21)/14 = 31/14; SSE = Σy² − b·Σxy = 69 − 31²/14 = 0.3571428…;
    // R² = 1 − SSE/Σy² = 1 − 0.3571428/69 = 0.994824…
    const f = ols([2, 4, 7], [{ name: 'x', values: [1, 2, 3] }], { intercept: false });
    expect(f.coefficients).toHaveLength(1);
    expect(f.coefficients[0].estimate).toBeCloseTo(31 / 14, 14);
    expect(f.sse).toBeCloseTo(69 - (31 * 31) / 14, 12);
    expect(f.rSquared).toBeCloseTo(1 - (69 - (31 * 31) / 14) / 69, 12);
    // adjusted: 1 − (1 − R²)(n − 0)/(n − p) = 1 − (1 − R²)·3/2
    expect(f.adjustedRSquared).toBeCloseTo(1 - ((69 - (31 * 31) / 14) / 69) * 1.5, 12);
  });

  it('counts extra parameters (change points) in the degrees of freedom', () => {
    // Hand case: y = [1, 2, 2, 3], x = [0, 1, 2, 3]: b1 = 0.6, b0 = 1.1, residuals [−0.1, 0.3, −0.3, 0.1],
    // SSE = 0.2; with one extra parameter n − p = 4 − 3 = 1, so RMSE = √0.2.
    const f = ols([1, 2, 2, 3], [{ name: 'x', values: [0, 1, 2, 3] }], { extraParameters: 1 });
    expect(f.p).toBe(3);
    expect(f.residualDf).toBe(1);
    expect(f.coefficients[1].estimate).toBeCloseTo(0.6, 14);
    expect(f.rmse).toBeCloseTo(Math.sqrt(0.2), 14);
  });

  it('predicts new values', () => {
    // Hand: fit y = 2x through [1, 2, 3] → ŷ(10) = 20.
    expect(olsPredict(ols([2, 4, 6], [{ name: 'x', values: [1, 2, 3] }]), [[10]])[0]).toBeCloseTo(20, 10);
  });

  it('names a constant or collinear column', () => {
    expect(() => ols([1, 2, 3, 4], [{ name: 'jours', values: [30, 30, 30, 30] }])).toThrow(/jours is constant or a linear combination/);
    expect(() =>
      ols([1, 2, 3, 5], [
        { name: 'a', values: [1, 2, 3, 4] },
        { name: 'b', values: [2, 4, 6, 8] },
      ]),
    ).toThrow(/column b/);
  });

  it('rejects too few observations and non-finite values', () => {
    expect(() => ols([1, 2], [{ name: 'x', values: [1, 2] }])).toThrow(/2 observations for 2 parameters/);
    expect(() => ols([1, NaN, 3], [{ name: 'x', values: [1, 2, 3] }])).toThrow(/y\[1\] is NaN/);
    expect(() => ols([1, 2, 3], [{ name: 'x', values: [1, Infinity, 3] }])).toThrow(/x\[1\] is Infinity/);
  });
});
