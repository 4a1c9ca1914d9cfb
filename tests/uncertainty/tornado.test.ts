import { describe, expect, it } from 'vitest';
import { tornado, tornadoBounds } from '../../src/uncertainty/tornado.js';

describe('tornado', () => {
  // Built so the answer is known: f(x) = 10·x1 + 2·x2 + 0·x3 around 0, each input swung over [−1, 1]:
  // swings |f(high) − f(low)| = 20, 4 and 0, so the ranking is x1, x2, x3.
  // A second output g(x) = x3 − 0.5·x1 + 3 ranks x3 (swing 2), x1 (swing 1), x2 (swing 0).
  const model = (x: Float64Array) => [10 * x[0] + 2 * x[1] + 0 * x[2], x[2] - 0.5 * x[0] + 3];
  const base = Float64Array.of(0, 0, 0);
  const lows = Float64Array.of(-1, -1, -1);
  const highs = Float64Array.of(1, 1, 1);
  const names = ['x1', 'x2', 'x3'];

  it('ranks the parameters by swing for each output', () => {
    const result = tornado(model, base, lows, highs, names);
    expect(result.base).toEqual([0, 3]);
    expect(result.rows[0].map((r) => r.name)).toEqual(['x1', 'x2', 'x3']);
    expect(result.rows[0].map((r) => r.swing)).toEqual([20, 4, 0]);
    expect(result.rows[1].map((r) => r.name)).toEqual(['x3', 'x1', 'x2']);
    expect(result.rows[1].map((r) => r.swing)).toEqual([2, 1, 0]);
  });

  it('reports the inputs and outputs at both ends of each bar', () => {
    const [first] = tornado(model, base, lows, highs, names).rows[0];
    // Hand calculation: f(−1, 0, 0) = −10, f(1, 0, 0) = 10.
    expect(first).toEqual({ name: 'x1', index: 0, low: -1, high: 1, outputAtLow: -10, outputAtHigh: 10, swing: 20 });
  });

  it('moves one parameter at a time, the others at base', () => {
    const calls: number[][] = [];
    tornado(
      (x) => {
        calls.push(Array.from(x));
        return [x[0] + x[1]];
      },
      Float64Array.of(5, 7),
      Float64Array.of(4, 6),
      Float64Array.of(6, 9),
      ['a', 'b'],
    );
    // 2d + 1 = 5 runs: base, a low, a high, b low, b high.
    expect(calls).toEqual([
      [5, 7],
      [4, 7],
      [6, 7],
      [5, 6],
      [5, 9],
    ]);
  });

  it('keeps the input order for equal swings and handles decreasing effects', () => {
    const rows = tornado((x) => [-3 * x[0] + 3 * x[1]], Float64Array.of(0, 0), Float64Array.of(-1, -1), Float64Array.of(1, 1), ['p', 'q'])
      .rows[0];
    expect(rows.map((r) => r.name)).toEqual(['p', 'q']);
    expect(rows[0].outputAtHigh).toBe(-3);
    expect(rows[0].swing).toBe(6);
  });

  it('rejects mismatched lengths, varying output counts and non-finite outputs', () => {
    expect(() => tornado(model, base, Float64Array.of(-1, -1), highs, names)).toThrow(/^tornado: lows must have 3 entries/);
    expect(() => tornado(model, base, lows, highs, ['x1'])).toThrow(/^tornado: names must have 3 entries/);
    expect(() => tornado(model, Float64Array.of(0, NaN, 0), lows, highs, names)).toThrow(/^tornado: base\[1\]/);
    expect(() => tornado((x) => (x[0] > 0 ? [1] : [1, 2]), base, lows, highs, names)).toThrow(/^tornado: the model must return 2 outputs/);
    // ln(−1) = NaN when x1 is at its low value.
    expect(() => tornado((x) => [Math.log(x[0])], Float64Array.of(1, 0, 0), lows, highs, names)).toThrow(
      /^tornado: output 0 is NaN \(x1 at low\)/,
    );
  });
});

describe('tornadoBounds', () => {
  it('takes P10, P50 and P90 of each distribution', () => {
    // Hand calculation: uniform on [0, 10] ⇒ P10 = 1, P50 = 5, P90 = 9. Normal(100, 15): P90 = 100 + 15 ×
    // 1.2815515655446004 (mpmath/scipy Φ⁻¹(0.9)) = 119.22327348316901.
    const { lows, medians, highs } = tornadoBounds([
      { type: 'uniform', low: 0, high: 10 },
      { type: 'normal', mean: 100, sd: 15 },
    ]);
    expect(Array.from(lows)[0]).toBeCloseTo(1, 14);
    expect(Array.from(medians)).toEqual([5, 100]);
    expect(highs[0]).toBeCloseTo(9, 14);
    expect(highs[1]).toBeCloseTo(119.22327348316901, 11);
    expect(lows[1]).toBeCloseTo(200 - 119.22327348316901, 11);
  });

  it('rejects probabilities out of order', () => {
    expect(() => tornadoBounds([], 0.9, 0.1)).toThrow(/^tornadoBounds: probabilities/);
  });
});
