import { describe, expect, it } from 'vitest';
import { yearAxis } from '../../src/core/time.js';
import { seriesForPack, trajectoryOnAxis, valueAtYear, type TrajectoryPoints } from '../../src/scenario/index.js';

// A 3-point path used throughout: 100 in 2020, 200 in 2030, 800 in 2050.
const years = [2020, 2030, 2050];
const values = [100, 200, 800];
const path = (interpolation: TrajectoryPoints['interpolation']): TrajectoryPoints => ({ interpolation, years, values });

describe('valueAtYear', () => {
  it('linear', () => {
    const t = path('linear');
    expect(valueAtYear(t, 2025)).toBe(150); // 100 + 5/10 × (200 − 100)
    expect(valueAtYear(t, 2030)).toBe(200); // a point
    expect(valueAtYear(t, 2040)).toBe(500); // 200 + 10/20 × (800 − 200)
    expect(valueAtYear(t, 2045)).toBe(650); // 200 + 15/20 × 600
  });

  it('step: a point holds until the next one', () => {
    const t = path('step');
    expect(valueAtYear(t, 2025)).toBe(100);
    expect(valueAtYear(t, 2029)).toBe(100);
    expect(valueAtYear(t, 2030)).toBe(200);
    expect(valueAtYear(t, 2049)).toBe(200);
    expect(valueAtYear(t, 2050)).toBe(800);
  });

  it('geometric: constant growth rate between points', () => {
    const t = path('geometric');
    expect(valueAtYear(t, 2025)).toBeCloseTo(141.42135623730951, 10); // 100 × 2^(5/10) = 100 √2
    expect(valueAtYear(t, 2040)).toBeCloseTo(400, 10); // 200 × 4^(10/20) = 200 × 2
    expect(valueAtYear(t, 2045)).toBeCloseTo(565.685424949238, 9); // 200 × 4^(15/20) = 200 × 2^1.5
    expect(valueAtYear(t, 2030)).toBe(200);
  });

  it('holds the value flat before the first and after the last point, whatever the interpolation', () => {
    for (const kind of ['linear', 'step', 'geometric'] as const) {
      expect(valueAtYear(path(kind), 2000)).toBe(100);
      expect(valueAtYear(path(kind), 2019)).toBe(100);
      expect(valueAtYear(path(kind), 2051)).toBe(800);
      expect(valueAtYear(path(kind), 2100)).toBe(800);
    }
  });

  it('a one-point path is constant', () => {
    const t: TrajectoryPoints = { interpolation: 'linear', years: [2023], values: [19] };
    expect(valueAtYear(t, 2010)).toBe(19);
    expect(valueAtYear(t, 2060)).toBe(19);
  });

  it('refuses an empty path', () => {
    expect(() => valueAtYear({ interpolation: 'linear', years: [], values: [] }, 2030)).toThrow(RangeError);
  });
});

describe('trajectoryOnAxis', () => {
  it('gives the same values as valueAtYear on every year of an axis that starts before and ends after the points', () => {
    const axis = yearAxis(2015, 40); // 2015 … 2055
    for (const kind of ['linear', 'step', 'geometric'] as const) {
      const series = trajectoryOnAxis(path(kind), axis);
      expect(series).toBeInstanceOf(Float64Array);
      expect(series.length).toBe(41);
      for (let i = 0; i < axis.length; i++) expect(series[i]).toBe(valueAtYear(path(kind), axis.years[i]));
    }
  });

  it('linear values by hand on a short axis', () => {
    // 2028: 100 + 8/10 × 100 = 180; 2029: 190; 2030: 200; 2031: 200 + 1/20 × 600 = 230
    expect(Array.from(trajectoryOnAxis(path('linear'), yearAxis(2028, 3)))).toEqual([180, 190, 200, 230]);
  });

  it('step values by hand', () => {
    expect(Array.from(trajectoryOnAxis(path('step'), yearAxis(2028, 3)))).toEqual([100, 100, 200, 200]);
  });

  it('geometric values by hand', () => {
    const s = trajectoryOnAxis(path('geometric'), yearAxis(2029, 2));
    expect(s[0]).toBeCloseTo(100 * Math.pow(2, 0.9), 10); // 186.6…
    expect(s[1]).toBe(200);
    expect(s[2]).toBeCloseTo(200 * Math.pow(4, 1 / 20), 10); // 214.3…
  });
});

describe('seriesForPack', () => {
  it('puts every trajectory of a pack on the axis, by name', () => {
    const pack = {
      trajectories: {
        a: { interpolation: 'linear' as const, years, values, unit: 'fraction', confidence: 'high' as const, origin: { pack: 'T', file: 't.yaml' } },
        b: { interpolation: 'step' as const, years, values, unit: 'fraction', confidence: 'high' as const, origin: { pack: 'T', file: 't.yaml' } },
      },
    };
    const s = seriesForPack(pack, yearAxis(2025, 1));
    expect(Object.keys(s)).toEqual(['a', 'b']);
    expect(Array.from(s.a)).toEqual([150, 160]); // 100 + 5/10 × 100; 100 + 6/10 × 100
    expect(Array.from(s.b)).toEqual([100, 100]);
  });
});
