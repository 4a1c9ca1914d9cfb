/**
 * Units: quantities written with a unit in input files (`"150 W"`, `"52 gCO2e/kWh"`, `"2 MEUR"`) are converted
 * by mathjs into the unit a parameter declares, with a clear error on a dimension mismatch.
 *
 * Defined here beyond mathjs's SI set: `gCO2e` (with SI prefixes: `kgCO2e`, `MgCO2e`), `tCO2e` (= 1000 kgCO2e),
 * `ktCO2e`, `MtCO2e`, `EUR` (with prefixes: `kEUR`, `MEUR`; `€` is read as `EUR`) and `pcs`, a dimensionless count
 * (aliases `unit`, `device`, `luminaire`, `station`, `building`, `gateway`; not `meter`, which mathjs reads as a length) so that per-device figures such
 * as `kgCO2e/luminaire` convert to `kgCO2e/unit`.
 *
 * Units mathjs does not know are handled before it: `fraction` and `1` (plain numbers; `"20 %"` converts to
 * `0.2`), `%`, and `year` / `years` / `yr`.
 */
import type { MathJsInstance, Unit } from 'mathjs';
import { loadMathjs } from './mathjs.js';

let instance: MathJsInstance | undefined;

/**
 * The shared mathjs instance with the toolkit's units defined, created on first use: mathjs itself is loaded then
 * (src/core/mathjs.ts), so a process that converts no unit text never loads it.
 */
export function math(): MathJsInstance {
  if (instance) return instance;
  const { create, all } = loadMathjs();
  const m = create(all);
  m.createUnit('gCO2e', { prefixes: 'short', aliases: ['gCO2eq', 'gCO2'] });
  m.createUnit('tCO2e', { definition: '1000 kgCO2e', aliases: ['tCO2eq', 'tCO2'] });
  m.createUnit('ktCO2e', { definition: '1000 tCO2e' });
  m.createUnit('MtCO2e', { definition: '1000000 tCO2e' });
  m.createUnit('EUR', { prefixes: 'short', aliases: ['euro', 'euros'] });
  m.createUnit('pcs', {
    aliases: ['unit', 'units', 'device', 'devices', 'luminaire', 'luminaires', 'station', 'stations',
      'building', 'buildings', 'gateway', 'gateways', 'inhabitant', 'inhabitants', 'subscriber', 'subscribers'],
  });
  instance = m;
  return m;
}

const DIMENSIONLESS = new Set(['fraction', '1', '', 'ratio', 'factor', 'count', 'share']);

/** Normalises spellings users write but mathjs does not read. */
function normalise(text: string): string {
  return text
    .replace(/€/g, 'EUR')
    .replace(/m³/g, 'm^3')
    .replace(/m²/g, 'm^2')
    .replace(/\bm3\b/g, 'm^3')
    .replace(/\bm2\b/g, 'm^2')
    .replace(/\bans?\b/g, 'year')
    .replace(/\byrs?\b/g, 'year')
    .replace(/\bjours?\b/g, 'day')
    .replace(/CO2eq\b/g, 'CO2e')
    .trim();
}

export class UnitConversionError extends Error {
  constructor(
    message: string,
    readonly expected: string,
    readonly received: string,
  ) {
    super(message);
    this.name = 'UnitConversionError';
  }
}

/**
 * Converts a value written in a file into the number a parameter declared in `unit` holds.
 * A number is taken as already in `unit`. A string is `"<number> <unit>"` (mathjs units plus the toolkit's EUR,
 * gCO2e/kgCO2e/tCO2e and `fraction`/`%`).
 * @param input a number [`unit`] or a quantity text such as `"52 gCO2e/kWh"`
 * @param unit the unit the result is in, e.g. `kgCO2e/kWh`
 * @returns the value [`unit`]
 * @example toUnit('0.15 kW', 'W') // 150
 * @example toUnit('52 gCO2e/kWh', 'kgCO2e/kWh') // 0.052
 * @example toUnit('20 %', 'fraction') // 0.2
 * @throws UnitConversionError when the text is not a quantity or its dimension differs from `unit`'s.
 */
export function toUnit(input: number | string, unit: string): number {
  if (typeof input === 'number') return input;
  const text = normalise(String(input));
  const target = normalise(unit);
  const match = /^([-+]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:e[-+]?\d+)?)\s*(.*)$/i.exec(text);
  if (!match) {
    throw new UnitConversionError(`"${input}" is not a quantity`, `a number followed by a unit of ${unit}`, String(input));
  }
  const value = Number(match[1].replace(',', '.'));
  const from = match[2].trim();
  if (from === '%') {
    if (DIMENSIONLESS.has(target)) return value / 100;
    if (target === '%') return value;
  }
  if (from === '' || DIMENSIONLESS.has(from)) {
    if (DIMENSIONLESS.has(target)) return value;
    if (target === '%') return value * 100;
    if (from === '') return value;
  }
  if (DIMENSIONLESS.has(target) || target === '%') {
    throw new UnitConversionError(`"${input}" has a unit but ${unit} is dimensionless`, `a plain number (${unit})`, String(input));
  }
  let quantity: Unit;
  try {
    quantity = math().unit(value, from);
  } catch {
    throw new UnitConversionError(`unknown unit "${from}" in "${input}"`, `a unit of the same dimension as ${unit}`, String(input));
  }
  try {
    return quantity.toNumber(target);
  } catch {
    throw new UnitConversionError(
      `"${input}" cannot be converted to ${unit}: the dimensions differ`,
      `a quantity convertible to ${unit}`,
      String(input),
    );
  }
}

/**
 * True when units `a` and `b` have the same dimension (both dimensionless counts as the same), i.e. a quantity in
 * `a` converts into `b`.
 * @example sameDimension('kWh', 'J') // true
 * @example sameDimension('kWh', 'W') // false (energy against power)
 */
export function sameDimension(a: string, b: string): boolean {
  try {
    toUnit(`1 ${a}`, b);
    return true;
  } catch {
    return false;
  }
}
