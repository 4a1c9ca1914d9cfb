import { describe, it, expect } from 'vitest';
import { avoidedEmissions } from '../../src/carbon/avoidedEmissions.js';

describe('avoidedEmissions', () => {
  it('is baseline − variant, year by year', () => {
    // Documentation example: 1000 − 1500 = −500, 1000 − 600 = 400 (hand calculation).
    const avoided = avoidedEmissions([1000, 1000, 1000], [1500, 600, 600]);
    expect(avoided).toBeInstanceOf(Float64Array);
    expect(Array.from(avoided)).toEqual([-500, 400, 400]);
  });

  it('works per phase: the avoided phases add up to the avoided total', () => {
    // Baseline: manufacturing 0, use 800 per year; variant: manufacturing 300 at index 0, use 500 per year.
    const baseEmbodied = [0, 0, 0];
    const baseUse = [800, 800, 800];
    const varEmbodied = [300, 0, 0];
    const varUse = [500, 500, 500];
    const byPhase = [avoidedEmissions(baseEmbodied, varEmbodied), avoidedEmissions(baseUse, varUse)];
    // Hand calculation: embodied avoided −300, 0, 0; use avoided 300, 300, 300; total 0, 300, 300.
    expect(Array.from(byPhase[0])).toEqual([-300, 0, 0]);
    expect(Array.from(byPhase[1])).toEqual([300, 300, 300]);
    const total = avoidedEmissions([800, 800, 800], [800, 500, 500]);
    expect(Array.from(total)).toEqual([0, 300, 300]);
    for (let t = 0; t < 3; t++) expect(byPhase[0][t] + byPhase[1][t]).toBe(total[t]);
  });

  it('does not drop a NaN', () => {
    expect(Number.isNaN(avoidedEmissions([1, Number.NaN], [0, 0])[1])).toBe(true);
  });

  it('refuses series of different lengths, naming the function', () => {
    expect(() => avoidedEmissions([1, 2, 3], [1, 2])).toThrow(RangeError);
    expect(() => avoidedEmissions([1, 2, 3], [1, 2])).toThrow(/^avoidedEmissions: .*3 and 2/);
  });
});
