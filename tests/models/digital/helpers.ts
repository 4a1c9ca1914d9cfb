/**
 * Test inputs for models/digital: `p` read from models/digital/parameters.yaml (`.value` of each entry) and
 * scenario trajectories as constant series.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { YearAxis } from '../../../src/core/time.js';
import { constant } from '../../../src/core/time.js';

export const CATALOGUE_FILE = fileURLToPath(new URL('../../../models/digital/parameters.yaml', import.meta.url));

export interface YamlEntry {
  value: unknown;
  unit?: unknown;
  description?: unknown;
  source?: unknown;
  confidence?: unknown;
  range?: { low?: unknown; mode?: unknown; high?: unknown };
  note?: unknown;
}

/** The parsed parameters.yaml document. */
export function catalogueDocument(): { model: unknown; parameters: Record<string, YamlEntry> } {
  return parse(readFileSync(CATALOGUE_FILE, 'utf8')) as { model: unknown; parameters: Record<string, YamlEntry> };
}

/** `p` built from the defaults of parameters.yaml. */
export function defaultParameters(): Record<string, number> {
  const p: Record<string, number> = {};
  for (const [name, entry] of Object.entries(catalogueDocument().parameters)) p[name] = Number(entry.value);
  return p;
}

/** Scenario series the digital helpers read, constant unless given. */
export function scenario(
  axis: YearAxis,
  values: Partial<Record<
    'gridFactorKgCo2ePerKwh' | 'electricityPriceEurPerKwh' | 'digitalEmbodiedFactor' | 'digitalCostFactor' | 'networkEnergyKwhPerGb',
    number | number[]
  >> = {},
): Record<string, Float64Array> {
  const defaults = {
    gridFactorKgCo2ePerKwh: 0.05,
    electricityPriceEurPerKwh: 0.2,
    digitalEmbodiedFactor: 1,
    digitalCostFactor: 1,
    networkEnergyKwhPerGb: 0.0165,
    ...values,
  };
  const out: Record<string, Float64Array> = {};
  for (const [name, v] of Object.entries(defaults)) {
    out[name] = Array.isArray(v) ? Float64Array.from(v) : constant(axis, v);
  }
  return out;
}
