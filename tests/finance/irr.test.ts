import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { irr as fIrr } from 'financial';
import { irr } from '../../src/finance/irr.js';
import { irrRoots } from '../../src/finance/irrRoots.js';
import { npv } from '../../src/finance/npv.js';
import { anySeries, conventionalSeries, discountedScale, expectClose } from './support.js';

describe('irr', () => {
  it('reproduces the numpy-financial documentation examples', () => {
    // https://numpy.org/numpy-financial/latest/irr.html, each rounded to 5 decimals there.
    expect(irr([-100, 39, 59, 55, 20])).toBeCloseTo(0.28095, 5);
    expect(irr([-100, 0, 0, 74])).toBeCloseTo(-0.0955, 4);
    expect(irr([-100, 100, 0, -7])).toBeCloseTo(-0.0833, 4);
    expect(irr([-100, 100, 0, 7])).toBeCloseTo(0.06206, 5);
    expect(irr([-5, 10.5, 1, -8, 1])).toBeCloseTo(0.0886, 4);
  });

  it('reproduces the numpy-financial test values', () => {
    // numpy-financial tests/test_financial.py, TestIrr.test_basic_values and test_trailing_zeros.
    expect(irr([-150_000, 15_000, 25_000, 35_000, 45_000, 60_000])).toBeCloseTo(0.0524, 4);
    expect(irr([-5, 10.5, 1, -8, 1, 0, 0, 0])).toBeCloseTo(0.0886, 4);
    // TestIrr.test_npv_irr_congruence: npv(irr(x), x) = 0 to 1e-10.
    const cashflows = [-40_000, 5_000, 8_000, 12_000, 30_000];
    expect(Math.abs(npv(irr(cashflows), cashflows))).toBeLessThan(1e-10);
  });

  it('finds the rate near -100 % of numpy-financial issue 15', () => {
    // numpy-financial tests/test_financial.py, TestIrr.test_gh_15: desired -0.9999999990596069, rtol 1e-9.
    const v = [
      -3000.0, 2.3926932267015667e-7, 4.1672087103345505e-16, 5.3965110036378706e-25, 5.1962551071806174e-34,
      3.7202955645436402e-43, 1.9804961711632469e-52, 7.8393517651814181e-62, 2.3072565113911438e-71,
      5.0491839233308912e-81, 8.2159177668499263e-91, 9.9403244366963527e-101, 8.942410813633967e-111,
      5.9816122646481191e-121, 2.9750309031844241e-131, 1.1002067043497954e-141, 3.0252876563518021e-152,
      6.1854121948207909e-163, 9.4032980015353301e-174, 1.0629218520017728e-184, 8.9337141847171845e-196,
      5.5830607698467935e-207, 2.5943122036622652e-218, 8.9635842466507006e-230, 2.3027710094332358e-241,
      4.3987510596745562e-253, 6.2476630372575209e-265, 6.598046841695288e-277, 5.1811095266842017e-289,
      3.0250999925830644e-301, 1.3133070599585015e-313,
    ];
    expectClose(irr(v), -0.9999999990596069, 1e-9);
  });

  it('returns NaN when all flows have the same sign', () => {
    // numpy-financial tests/test_financial.py, TestIrr.test_numpy_gh_6744.
    expect(irr([-1, -2, -3])).toBeNaN();
    expect(irr([5, 0, 3])).toBeNaN();
    expect(irr([0, 0])).toBeNaN();
  });

  it('returns NaN when the flows change sign but no real root exists', () => {
    // NPV(x) = 1 - 3x + 3x² with x = 1/(1+r): discriminant 9 - 4·3·1 = -3 < 0, so no real x at all.
    expect(irr([1, -3, 3])).toBeNaN();
  });

  it('returns the root Newton reaches from the guess when there are several', () => {
    // -100 + 230/(1+r) - 132/(1+r)² = 0 ⇔ 100y² - 230y + 132 = (10y - 11)(10y - 12) = 0, y = 1+r: 10 % and 20 %.
    expect(irr([-100, 230, -132], 0.05)).toBeCloseTo(0.1, 10);
    expect(irr([-100, 230, -132], 0.25)).toBeCloseTo(0.2, 10);
  });

  it('falls back to the exact roots when Newton does not converge', () => {
    // One Newton iteration cannot reach 1e-12: numpy-financial would return NaN, irr returns the real root.
    expectClose(irr([-100, 39, 59, 55, 20], 0.1, 1e-12, 1), 0.2809484211599611, 1e-10);
  });

  it('accepts a Float64Array', () => {
    expect(irr(Float64Array.from([-100, 39, 59, 55, 20]))).toBeCloseTo(0.28095, 5);
  });

  it('gives a rate where the NPV is zero (property)', () => {
    fc.assert(
      fc.property(conventionalSeries, (values) => {
        const r = irr(values);
        expect(Number.isFinite(r)).toBe(true);
        expect(Math.abs(npv(r, values))).toBeLessThanOrEqual(1e-9 * discountedScale(r, values));
      }),
    );
  });

  it('returns one of irrRoots whenever it returns a number (property)', () => {
    fc.assert(
      fc.property(anySeries, (values) => {
        const r = irr(values);
        const roots = irrRoots(values);
        if (Number.isNaN(r)) expect(roots).toEqual([]);
        else expect(roots.some((root) => Math.abs(root - r) <= 1e-8 * Math.max(1, Math.abs(r)))).toBe(true);
      }),
    );
  });

  it('matches the financial npm package to 1e-9 on random conventional series', () => {
    let compared = 0;
    fc.assert(
      fc.property(conventionalSeries, (values) => {
        const theirs = fIrr(values, 0.1, 1e-12, 100);
        const ours = irr(values);
        if (Number.isFinite(theirs) && Number.isFinite(ours)) {
          compared++;
          expect(Math.abs(ours - theirs)).toBeLessThanOrEqual(1e-9);
        }
      }),
      { numRuns: 300 },
    );
    expect(compared).toBeGreaterThan(250); // the comparison really ran
  });

  it('agrees with the financial npm package on random mixed series: its root is one of ours', () => {
    let compared = 0;
    fc.assert(
      fc.property(anySeries, (values) => {
        // `financial` also stops when |NPV| < tol, an absolute test: on cent-sized flows such as
        // [0, 0.01, -56100.27] (root 5,610,026) it stops 1e-9 short in relative terms. The IRR does not depend
        // on the scale of the flows, so hand it the series scaled to a largest flow of 1e6.
        const largest = Math.max(...values.map(Math.abs));
        if (largest === 0) return;
        const theirs = fIrr(values.map((v) => (v * 1e6) / largest), 0.1, 1e-12, 100);
        // Only rates from -99 % to +1000 %: beyond, the NPV is so flat that `financial`'s |NPV| < tol test stops
        // early or runs off to infinity (e.g. [0, -0.03, 0, 0.01] → 3.3e18, where the NPV merely tends to 0).
        if (!(theirs > -0.99 && theirs < 10)) return;
        compared++;
        const roots = irrRoots(values);
        expect(roots.some((root) => Math.abs(root - theirs) <= 1e-9 * Math.max(1, Math.abs(theirs)))).toBe(true);
      }),
      { numRuns: 300 },
    );
    expect(compared).toBeGreaterThan(30);
  });

  it('rejects invalid arguments with a RangeError naming irr', () => {
    expect(() => irr([])).toThrow(/^irr: values must be/);
    expect(() => irr([-1, Number.NaN])).toThrow('irr: values[1] must be a finite number, received NaN');
    expect(() => irr([-1, 2], -1)).toThrow('irr: guess must be a finite number greater than -1, received -1');
    expect(() => irr([-1, 2], 0.1, 0)).toThrow('irr: tol must be a finite number greater than 0, received 0');
    expect(() => irr([-1, 2], 0.1, 1e-12, 0)).toThrow('irr: maxiter must be an integer ≥ 1, received 0');
  });
});
