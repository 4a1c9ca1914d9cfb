import { describe, it, expect } from 'vitest';
import { avoidedEmissions } from '../../src/carbon/avoidedEmissions.js';
import { netEmissions } from '../../src/carbon/netEmissions.js';

describe('netEmissions', () => {
  it('is variant − baseline, year by year', () => {
    // Documentation example: 1500 − 1000 = 500, 600 − 1000 = −400 (hand calculation).
    const net = netEmissions([1500, 600, 600], [1000, 1000, 1000]);
    expect(net).toBeInstanceOf(Float64Array);
    expect(Array.from(net)).toEqual([500, -400, -400]);
  });

  it('is the opposite of avoidedEmissions', () => {
    const variant = [12.5, 3, -7, 0];
    const baseline = [2, 4.25, 1, 9];
    const net = netEmissions(variant, baseline);
    const avoided = avoidedEmissions(baseline, variant);
    // variant − baseline = −(baseline − variant), exactly in floating point (same operands, swapped).
    for (let t = 0; t < variant.length; t++) expect(net[t]).toBe(-avoided[t]);
  });

  it('refuses series of different lengths, naming the function', () => {
    expect(() => netEmissions([1], [1, 2])).toThrow(/^netEmissions: /);
  });
});
