import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatNumber,
  formatWithUnit,
  formatYear,
  maxAbs,
  moneyScale,
  round,
  roundOrNull,
  tickFormatter,
  yearTick,
} from '../../../src/report/charts/format.js';

// Separators as Intl (ICU/CLDR) writes them: fr-FR groups thousands with U+202F NARROW NO-BREAK SPACE and uses a
// comma for decimals; en-GB groups with a comma and uses a point.
const NNBSP = '\u202f';
const NBSP = '\u00a0';

describe('formatNumber', () => {
  it('writes French numbers with a narrow no-break space and a decimal comma', () => {
    expect(formatNumber(1234.5, 'fr')).toBe(`1${NNBSP}234,5`);
    expect(formatNumber(-1234567.891, 'fr', 2)).toBe(`-1${NNBSP}234${NNBSP}567,89`);
  });

  it('writes English numbers with a comma and a decimal point', () => {
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
  });

  it('never writes -0 for a value that rounds to zero', () => {
    expect(formatNumber(-0.0004, 'fr', 2)).toBe('0');
  });
});

describe('tickFormatter', () => {
  it('turns 1234.5 into the exact string Intl gives for fr-FR', () => {
    const tick = tickFormatter('fr');
    expect(tick(1234.5)).toBe(new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 }).format(1234.5));
    expect(tick(1234.5)).toBe(`1${NNBSP}234,5`);
  });

  it('leaves category labels (strings) as they are', () => {
    expect(tickFormatter('fr')('TEND')).toBe('TEND');
  });
});

describe('years', () => {
  it('are never grouped', () => {
    expect(yearTick(2030)).toBe('2030');
    expect(formatYear(2031.1, 'fr')).toBe('2031,1');
    expect(formatYear(2031.1, 'en')).toBe('2031.1');
  });

  it('yearTick hides fractional ticks', () => {
    expect(yearTick(2030.5)).toBe('');
  });
});

describe('round', () => {
  it('rounds to the given decimals', () => {
    expect(round(1234.5678, 1)).toBe(1234.6);
    expect(round(1234.5678, -2)).toBe(1200);
  });

  it('gives 0, not -0', () => {
    expect(Object.is(round(-0.0001, 2), 0)).toBe(true);
  });

  it('roundOrNull keeps a missing metric missing', () => {
    expect(roundOrNull(null, 1)).toBeNull();
    expect(roundOrNull(2.346, 2)).toBe(2.35);
  });
});

describe('formatWithUnit', () => {
  it('puts a no-break space before the unit', () => {
    expect(formatWithUnit(1234.5, 'k€', 'fr')).toBe(`1${NNBSP}234,5${NBSP}k€`);
  });
});

describe('moneyScale', () => {
  it('chooses M€ from one million, k€ from one thousand, € below', () => {
    expect(moneyScale(6_379_453)).toEqual({ factor: 1e6, unit: 'M€', decimals: 3 });
    expect(moneyScale(999_999)).toEqual({ factor: 1e3, unit: 'k€', decimals: 1 });
    expect(moneyScale(999)).toEqual({ factor: 1, unit: '€', decimals: 0 });
  });

  it('maxAbs ignores nulls and non-finite values', () => {
    expect(maxAbs([-5, null, 3, Number.NaN])).toBe(5);
    expect(maxAbs([])).toBe(0);
  });
});

describe('formatDate', () => {
  it('writes the manifest date in UTC, whatever the machine’s zone', () => {
    expect(formatDate('2026-01-01T00:00:00.000Z', 'fr')).toBe('1 janvier 2026');
    expect(formatDate('2026-01-01T00:00:00.000Z', 'en')).toBe('1 January 2026');
  });
});
