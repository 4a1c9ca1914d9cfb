import { describe, expect, it } from 'vitest';
import {
  authorityName,
  formatEur,
  formatEurCompact,
  formatEurRange,
  formatNumber,
  formatPercent,
  formatSignificant,
  formatTco2e,
  formatTco2eRange,
  formatValue,
  formatYears,
  labelWithUnit,
  METRIC_LABELS,
  NULL_MARK,
  roundSignificant,
  strings,
  useCaseName,
  YEARLY_LABELS,
} from '../../src/report/i18n.js';
import { metrics, yearly } from './fixtures.js';

// French formats (Intl 'fr-FR', CLDR): thousands grouped with U+202F (narrow no-break space), decimal comma,
// U+00A0 (no-break space) before € and %.
const NNBSP = '\u202f';
const NBSP = '\u00a0';

describe('French number formats', () => {
  it('formats euros, percentages and tonnes the French way', () => {
    expect(formatEur(1234.5, 'fr', 1)).toBe(`1${NNBSP}234,5${NBSP}€`);
    expect(formatPercent(0.123)).toBe(`12,3${NBSP}%`);
    expect(formatTco2e(1234.4)).toBe(`1${NNBSP}234 tCO2e`);
    expect(formatNumber(-1234.56, 1)).toBe(`-1${NNBSP}234,6`);
    expect(formatYears(5.46)).toBe('5,5 ans');
    expect(formatYears(1)).toBe('1,0 an');
  });

  it('formats the English way with lang en', () => {
    expect(formatEur(1234.5, 'en', 1)).toBe('€1,234.5');
    expect(formatPercent(0.123, 'en')).toBe('12.3%');
    expect(formatYears(5.46, 'en')).toBe('5.5 years');
  });

  it('shows a metric that does not exist as a dash, never as a number', () => {
    for (const f of [formatNumber(null), formatEur(null), formatPercent(NaN), formatTco2e(undefined), formatYears(Infinity), formatSignificant(null)]) {
      expect(f).toBe(NULL_MARK);
    }
    expect(strings('fr').nullFootnote).toMatch(/^— : .*n’existe pas sur l’horizon/);
  });

  it('keeps significant digits for parameter values', () => {
    expect(formatSignificant(0.0321234, 3)).toBe('0,0321');
    expect(formatSignificant(1050)).toBe(`1${NNBSP}050`);
  });

  it('rounds figures quoted in sentences to two significant digits', () => {
    expect(roundSignificant(2316)).toBe(2300);
    expect(roundSignificant(1280)).toBe(1300);
    expect(roundSignificant(-0.0456)).toBeCloseTo(-0.046, 12);
    expect(roundSignificant(0)).toBe(0);
  });

  it('writes ranges with one scale for both ends', () => {
    // 6 312 000 € and 8 485 000 € → 6,3 and 8,5 M€ (one decimal in millions).
    expect(formatEurRange(6_312_000, 8_485_000)).toBe(`6,3 à 8,5${NBSP}M€`);
    expect(formatEurRange(6_312_000, 8_485_000, 'en')).toBe(`€6.3${NBSP}M to €8.5${NBSP}M`);
    // 28 441 € and 35 363 € → k€ without decimals; equal ends collapse to one figure.
    expect(formatEurRange(-35_363, -28_441)).toBe(`-35 à -28${NBSP}k€`);
    expect(formatEurRange(1_190_000, 1_210_000)).toBe(`1,2${NBSP}M€`);
    expect(formatEurCompact(6_312_000)).toBe(`6,3${NBSP}M€`);
    expect(formatTco2eRange(1280, 2316)).toBe(`1${NNBSP}300 à 2${NNBSP}300 tCO2e`);
    expect(formatTco2eRange(336.2, 335.7)).toBe('340 tCO2e');
  });

  it('formats table cells by kind', () => {
    expect(formatValue(1234.4, 'eur')).toBe(`1${NNBSP}234`);
    expect(formatValue(0.0512, 'fraction')).toBe(`5,1${NBSP}%`);
    expect(formatValue(true, 'boolean')).toBe('oui');
    expect(formatValue(null, 'years')).toBe(NULL_MARK);
  });
});

describe('labels', () => {
  it('labels every metric and every yearly series of the engine, with its unit', () => {
    for (const name of Object.keys(metrics())) expect(METRIC_LABELS[name], name).toBeDefined();
    for (const name of Object.keys(yearly([0])).filter((k) => k !== 'year')) expect(YEARLY_LABELS[name], name).toBeDefined();
    expect(labelWithUnit(METRIC_LABELS.npvEur, 'fr')).toBe('VAN (€)');
    expect(labelWithUnit(METRIC_LABELS.avoidedTco2e, 'fr')).toBe('Émissions évitées (tCO2e)');
    expect(labelWithUnit(METRIC_LABELS.npvEur, 'en')).toBe('NPV (€)');
  });

  it('names use cases and authorities', () => {
    expect(useCaseName('lighting', 'fr')).toBe('Éclairage public');
    expect(useCaseName('unknown-id', 'fr')).toBe('unknown-id');
    expect(authorityName('syndicat', 'fr', 'of')).toBe('du syndicat');
    expect(authorityName('commune', 'fr')).toBe('la commune');
    expect(authorityName('epci', 'en')).toBe('the EPCI');
  });

  it('has the same keys in French and English', () => {
    const keys = (o: object): string[] =>
      Object.entries(o)
        .flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v).map((x) => `${k}.${x}`) : [k]))
        .sort();
    const fr = strings('fr');
    const en = strings('en');
    const { conventionText: _a, ...frRest } = fr;
    const { conventionText: _b, ...enRest } = en;
    expect(keys(enRest)).toEqual(keys(frRest));
  });
});
