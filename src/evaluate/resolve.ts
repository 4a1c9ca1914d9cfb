/**
 * Parameter resolution with an origin trail: model default → scenario pack → territory → override.
 *
 * Each step that sets a parameter is recorded (origin, value, source, file), so that `results.json` and the
 * report's assumptions annex say where every number the models used comes from. A value set by the territory or
 * on the command line has no published source: its `source` names the file or the flag, and its confidence is
 * the one the user gives (default `assumption`, since the toolkit cannot vouch for it).
 */
import { InputError } from '../core/errors.js';
import type { Confidence, Origin, ParameterSpec, Range, ResolvedParameter } from '../core/parameter.js';
import { toUnit, UnitConversionError } from '../core/units.js';

/** A value given by a territory file or the command line: a number, a quantity string, or a documented value. */
export type OverrideValue =
  | number
  | string
  | { value: number | string; source?: string; confidence?: Confidence; note?: string; range?: Range };

export interface OverrideLayer {
  origin: Origin;
  /** File (or `--set` flag) that holds these values, for the trail and for errors. */
  file: string;
  values: Readonly<Record<string, OverrideValue>>;
  /** Path prefix of these values inside the file, for error messages (e.g. `useCases.lighting.overrides`). */
  path?: string;
  /** Line of each name in the file, when known. */
  lineOf?: (name: string) => number | undefined;
}

/**
 * Turns declared defaults into resolved parameters with a one-step trail (origin `default`, the defining file).
 * Values stay in their declared units.
 * @example fromDefaults({ ledPowerFraction: { value: 0.4, unit: 'fraction', confidence: 'low', source: 'derived' } },
 *   'models/lighting/parameters.yaml').ledPowerFraction.trail // [{ origin: 'default', value: 0.4, source: 'derived', file: … }]
 */
export function fromDefaults(defaults: Readonly<Record<string, ParameterSpec>>, file: string): Record<string, ResolvedParameter> {
  const out: Record<string, ResolvedParameter> = {};
  for (const [name, spec] of Object.entries(defaults)) {
    out[name] = {
      name,
      value: spec.value,
      unit: spec.unit,
      origin: 'default',
      source: spec.source ?? null,
      confidence: spec.confidence,
      range: spec.range,
      distribution: spec.distribution,
      note: spec.note,
      description: spec.description,
      ...(spec.descriptionFr ? { descriptionFr: spec.descriptionFr } : {}),
      trail: [{ origin: 'default', value: spec.value, source: spec.source ?? null, file }],
    };
  }
  return out;
}

/**
 * Applies a layer of values on top of resolved parameters, returning a new table.
 * Scenario-pack parameters carry a full spec; territory and command-line values carry a value (with unit).
 * Unknown names are an error listing the close names, so a typo never silently does nothing.
 * Values are checked for consistency too: a service life (`…LifetimeYears`) must be > 0.
 * A quantity text is converted into the parameter's declared unit.
 * @throws InputError for an unknown name (listing close ones), a unit of the wrong dimension, or an inconsistent value
 * @example
 * // `d` from fromDefaults' example: --set ledPowerFraction="35 %" → 0.35 [fraction], origin override, confidence
 * // assumption (the user's value has no published source), trail default 0.4 → override 0.35
 * applyLayer(d, { origin: 'override', file: 'command line --set', values: { ledPowerFraction: '35 %' } }).ledPowerFraction.value // 0.35
 */
export function applyLayer(
  params: Readonly<Record<string, ResolvedParameter>>,
  layer: OverrideLayer,
  options: { ignoreUnknown?: boolean } = {},
): Record<string, ResolvedParameter> {
  const out: Record<string, ResolvedParameter> = { ...params };
  for (const [name, raw] of Object.entries(layer.values)) {
    const current = out[name];
    const path = layer.path ? `${layer.path}.${name}` : name;
    if (!current) {
      if (options.ignoreUnknown) continue;
      const known = Object.keys(params);
      const close = known.filter((k) => similar(k, name)).slice(0, 5);
      throw new InputError(`unknown parameter ${name}`, {
        file: layer.file,
        line: layer.lineOf?.(name),
        path,
        expected: close.length ? `a parameter name such as ${close.join(', ')}` : 'a parameter name the model declares',
        received: name,
        fix: 'check the spelling; `territoires run --json` lists every parameter under `parameters`',
      });
    }
    const spec = typeof raw === 'object' && raw !== null ? raw : { value: raw };
    let value: number;
    try {
      value = toUnit(spec.value, current.unit);
    } catch (cause) {
      const e = cause as UnitConversionError;
      throw new InputError(`invalid value for ${name}`, {
        file: layer.file,
        line: layer.lineOf?.(name),
        path,
        expected: e.expected ?? `a quantity in ${current.unit}`,
        received: String(spec.value),
        fix: `write a number in ${current.unit}, or a quantity such as "12 ${current.unit}"`,
        cause,
      });
    }
    if (!Number.isFinite(value)) {
      throw new InputError(`invalid value for ${name}`, {
        file: layer.file,
        line: layer.lineOf?.(name),
        path,
        expected: `a finite number in ${current.unit}`,
        received: String(spec.value),
        fix: 'replace it with a number',
      });
    }
    if (isLifetime(name) && !(value > 0)) {
      throw new InputError(`invalid value for ${name}: a lifetime must be positive`, {
        file: layer.file,
        line: layer.lineOf?.(name),
        path,
        expected: `a service life > 0 [${current.unit}]`,
        received: String(spec.value),
        fix: `give a positive service life in ${current.unit}, e.g. ${current.value} (the value before this one)`,
      });
    }
    const source = 'source' in spec && spec.source ? spec.source : `${layer.origin === 'override' ? 'command line' : 'file'} ${layer.file}`;
    const confidence: Confidence = ('confidence' in spec && spec.confidence) || 'assumption';
    out[name] = {
      ...current,
      value,
      origin: layer.origin,
      source,
      confidence,
      note: 'note' in spec && spec.note ? spec.note : current.note,
      // A value given with its own range (a calibration's uncertainty) replaces the default's range and
      // distribution; a bare value keeps the default's range for reference (Monte Carlo holds it fixed).
      ...('range' in spec && spec.range ? { range: spec.range, distribution: undefined } : {}),
      trail: [...current.trail, { origin: layer.origin, value, source, file: layer.file }],
    };
  }
  return out;
}

/** Applies a scenario pack's parameters (full specs with their own source and confidence). */
export function applyScenarioParameters(
  params: Readonly<Record<string, ResolvedParameter>>,
  packId: string,
  file: string,
  specs: Readonly<Record<string, ParameterSpec>>,
): Record<string, ResolvedParameter> {
  const out: Record<string, ResolvedParameter> = { ...params };
  for (const [name, spec] of Object.entries(specs)) {
    const current = out[name];
    if (!current) continue; // a pack parameter for another model or for the finance rules
    out[name] = {
      ...current,
      value: spec.value,
      origin: 'scenario',
      source: spec.source ?? null,
      confidence: spec.confidence,
      range: spec.range ?? current.range,
      distribution: spec.distribution ?? current.distribution,
      note: spec.note ?? current.note,
      trail: [...current.trail, { origin: 'scenario', value: spec.value, source: spec.source ?? `scenario ${packId}`, file }],
    };
  }
  return out;
}

/**
 * The plain `name → value` table the models read (`p.name`), each value in its declared unit.
 * @example valuesOf(fromDefaults({ lampCostEur: { value: 60, unit: 'EUR/unit', confidence: 'assumption' } }, 'f.yaml')) // { lampCostEur: 60 }
 */
export function valuesOf(params: Readonly<Record<string, ResolvedParameter>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, p] of Object.entries(params)) out[name] = p.value;
  return out;
}

/**
 * True for a parameter that is a service life (`…LifetimeYears`): consistency requires it to be > 0, since a
 * replacement cycle of zero or negative years has no meaning.
 * @example isLifetime('ledLuminaireLifetimeYears') // true
 * @example isLifetime('fctvaLagYears') // false (0 is a valid lag)
 */
export function isLifetime(name: string): boolean {
  return /LifetimeYears$/i.test(name);
}

/**
 * True when two names are close enough that one may be a misspelling of the other (case aside: one contains the
 * other, or they differ by a few edits), for the "did you mean" of an error.
 * @example similar('lightning', 'lighting') // true
 */
export function similar(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x.includes(y) || y.includes(x)) return true;
  return levenshtein(x, y) <= Math.max(2, Math.floor(Math.min(x.length, y.length) / 4));
}

function levenshtein(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}
