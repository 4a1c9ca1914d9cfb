/**
 * Number formats of the charts: French by default (`1 234,5` with a narrow no-break space, Intl's `fr-FR`),
 * English (`en-GB`: `1,234.5`) with `lang = 'en'`; rounding that keeps chart configurations stable for snapshots;
 * the scale (€, k€, M€) that keeps money axes readable.
 */
import type { Lang } from './labels.js';

const LOCALES: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };

/**
 * Intl locale of a chart language.
 * @example localeOf('fr') // 'fr-FR'
 */
export function localeOf(lang: Lang): string {
  return LOCALES[lang];
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(lang: Lang, maximumFractionDigits: number, minimumFractionDigits: number): Intl.NumberFormat {
  const key = `${lang}|${maximumFractionDigits}|${minimumFractionDigits}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits, minimumFractionDigits });
    formatters.set(key, f);
  }
  return f;
}

/**
 * Rounds to a number of decimals, without a negative zero (so `-0.0001` rounded to 2 decimals is `0`, and a
 * snapshot never shows `-0`).
 * @param x value
 * @param decimals decimals kept [-], may be negative (−3 rounds to thousands)
 * @example round(1234.5678, 1) // 1234.6
 */
export function round(x: number, decimals: number): number {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** decimals;
  const r = Math.round(x * f) / f;
  return r === 0 ? 0 : r;
}

/**
 * `round` that keeps `null` (a metric that does not exist).
 * @example roundOrNull(null, 1) // null; roundOrNull(2.346, 2) // 2.35
 */
export function roundOrNull(x: number | null, decimals: number): number | null {
  return x === null ? null : round(x, decimals);
}

/**
 * Formats a number for a chart in the chosen language: groups of thousands, at most `maximumFractionDigits`
 * decimals, no `-0`.
 * @param x value
 * @param lang 'fr' (`1 234,5`, narrow no-break space U+202F) or 'en' (`1,234.5`)
 * @param maximumFractionDigits decimals shown at most [-]
 * @example formatNumber(1234.5, 'fr') // '1 234,5' (U+202F between 1 and 234)
 */
export function formatNumber(x: number, lang: Lang, maximumFractionDigits = 1, minimumFractionDigits = 0): string {
  const r = round(x, maximumFractionDigits);
  return formatter(lang, maximumFractionDigits, Math.min(minimumFractionDigits, maximumFractionDigits)).format(r);
}

/**
 * A (possibly fractional) year, never grouped: `2031,1` in French, `2031.1` in English.
 * @example formatYear(2031.1, 'fr') // '2031,1'
 */
export function formatYear(x: number, lang: Lang, maximumFractionDigits = 1): string {
  return new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits, useGrouping: false }).format(round(x, maximumFractionDigits));
}

/**
 * A value with its unit, separated by a no-break space (French typography; also fine in English).
 * @example formatWithUnit(1234.5, 'k€', 'fr') // '1 234,5 k€'
 */
export function formatWithUnit(x: number, unit: string, lang: Lang, maximumFractionDigits = 1): string {
  return `${formatNumber(x, lang, maximumFractionDigits)}\u00a0${unit}`;
}

/**
 * A chart.js tick callback that formats the tick value in the chosen language (the unit is on the axis title).
 * @example tickFormatter('fr')(1234.5) // '1 234,5'
 */
export function tickFormatter(lang: Lang, maximumFractionDigits = 2): (value: number | string) => string {
  return (value: number | string) => (typeof value === 'number' ? formatNumber(value, lang, maximumFractionDigits) : value);
}

/**
 * A tick callback for years on a linear axis: integers only, never grouped (`2030`, not `2 030`).
 * @example yearTick(2030) // '2030'
 */
export function yearTick(value: number | string): string {
  const v = Number(value);
  return Number.isInteger(v) ? String(v) : '';
}

export interface MoneyScale {
  /** Euros per displayed unit [EUR]. */
  factor: number;
  /** Displayed unit. */
  unit: '€' | 'k€' | 'M€';
  /** Decimals kept for values in this unit. */
  decimals: number;
}

/**
 * The unit that keeps money readable: M€ from one million, k€ from one thousand, € below.
 * @param maxAbsEur largest absolute value shown [EUR]
 * @example moneyScale(6_379_453) // { factor: 1e6, unit: 'M€', decimals: 3 }
 */
export function moneyScale(maxAbsEur: number): MoneyScale {
  if (maxAbsEur >= 1e6) return { factor: 1e6, unit: 'M€', decimals: 3 };
  if (maxAbsEur >= 1e3) return { factor: 1e3, unit: 'k€', decimals: 1 };
  return { factor: 1, unit: '€', decimals: 0 };
}

/**
 * Largest absolute finite value of a list (0 for an empty list).
 * @example maxAbs([-5, null, 3]) // 5
 */
export function maxAbs(values: Iterable<number | null>): number {
  let m = 0;
  for (const v of values) if (v !== null && Number.isFinite(v) && Math.abs(v) > m) m = Math.abs(v);
  return m;
}

/**
 * A date of the run manifest, in UTC so that the text does not depend on the machine's time zone.
 * @example formatDate('2026-01-01T00:00:00.000Z', 'fr') // '1 janvier 2026'
 */
export function formatDate(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long', timeZone: 'UTC' }).format(d);
}

/** Tonnes of CO2e, as written on the charts. */
export const TCO2E = 'tCO\u2082e';
