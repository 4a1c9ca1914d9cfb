/**
 * Second validation stage of scenario data, after the schema: each rule lists the offending entry with its file,
 * line and path, what was expected, what was received and the fix.
 *
 * Rules for a trajectory: years are whole years from 2000 to 2100 written in increasing order; values convert
 * into the declared unit and are finite; the unit is known to src/core/units.ts and, for a known name
 * (TRAJECTORY_UNITS), of the canonical dimension; geometric interpolation needs values of one sign, none zero.
 * Rules for any entry: a `source` unless the confidence is `assumption`; an assumption has a `note` (its
 * reasoning) and a range (`range` for a parameter, `relativeRange` for a trajectory); low ≤ value ≤ high.
 */
import { InputError } from '../core/errors.js';
import type { Distribution, Range } from '../core/parameter.js';
import { sameDimension, toUnit, UnitConversionError } from '../core/units.js';
import { describeValue } from '../io/yaml.js';
import { TRAJECTORY_UNITS } from './required.js';
import { MAX_YEAR, MIN_YEAR, type PackParameterDocument, type ModelParameterDocument, type Quantity, type TrajectoryDocument } from './schema.js';
import type { LineOf, ResolvedTrajectory } from './types.js';

type Path = ReadonlyArray<string | number>;

/** The document a check reports against. */
export interface CheckContext {
  file: string;
  lineOf: LineOf;
  /** Collected problems; the caller throws them together. */
  errors: InputError[];
}

/** Records one consistency problem at `path` of the context's file. */
export function report(
  ctx: CheckContext,
  path: Path,
  message: string,
  details: { expected: string; received: string; fix: string; cause?: unknown },
): void {
  ctx.errors.push(
    new InputError(`${ctx.file}: ${message}`, {
      file: ctx.file,
      line: ctx.lineOf(path),
      path: path.join('.'),
      ...details,
    }),
  );
}

const KNOWN_UNITS_HINT = 'a unit known to the toolkit, e.g. kgCO2e/kWh, EUR/kWh, EUR/m^3, kWh/GB, fraction, degC, years';

/** Checks that a declared unit is known (and of the canonical dimension when `canonical` is given). */
function checkUnit(ctx: CheckContext, path: Path, unit: string, canonical: string | undefined, what: string): boolean {
  if (!sameDimension(unit, unit)) {
    report(ctx, path, `unknown unit "${unit}" for ${what}`, {
      expected: KNOWN_UNITS_HINT,
      received: describeValue(unit),
      fix: 'write the unit in mathjs syntax (kgCO2e/kWh, EUR/MWh, m^3); see src/core/units.ts for the units the toolkit adds',
    });
    return false;
  }
  if (canonical !== undefined && !sameDimension(unit, canonical)) {
    report(ctx, path, `${what} must be in a unit of the same dimension as ${canonical}`, {
      expected: `a unit convertible to ${canonical}`,
      received: describeValue(unit),
      fix: `declare unit: ${canonical} (other code reads this trajectory in ${canonical})`,
    });
    return false;
  }
  return true;
}

/** Converts a quantity into `unit`; records a problem and returns undefined when it cannot or is not finite. */
function convert(ctx: CheckContext, path: Path, input: Quantity, unit: string, what: string): number | undefined {
  let value: number;
  try {
    value = toUnit(input, unit);
  } catch (cause) {
    if (!(cause instanceof UnitConversionError)) throw cause;
    report(ctx, path, `${what}: ${cause.message}`, {
      expected: cause.expected,
      received: describeValue(input),
      fix: `write a number in ${unit}, or a quantity whose unit converts to ${unit}`,
      cause,
    });
    return undefined;
  }
  if (!Number.isFinite(value)) {
    report(ctx, path, `${what} is not a finite number`, {
      expected: `a finite number in ${unit}`,
      received: describeValue(input),
      fix: 'write a finite value (no .nan, .inf or overflowing exponent)',
    });
    return undefined;
  }
  return value;
}

/** Source and assumption rules shared by trajectories and parameters. */
function checkProvenance(
  ctx: CheckContext,
  path: Path,
  entry: { source?: string; confidence: string; note?: string },
  hasRange: boolean,
  rangeKey: 'range' | 'relativeRange',
  what: string,
): void {
  if (entry.confidence !== 'assumption' && entry.source === undefined) {
    report(ctx, [...path, 'source'], `${what} has confidence ${entry.confidence} but no source`, {
      expected: `a source (citation) for a value of confidence ${entry.confidence}`,
      received: describeValue(undefined),
      fix: 'add source: "<title, publisher, date, URL>"; if there is no source, set confidence: assumption and give a note (reasoning) and a range',
    });
  }
  if (entry.confidence === 'assumption') {
    if (entry.note === undefined) {
      report(ctx, [...path, 'note'], `${what} is an assumption without a note`, {
        expected: 'a note giving the reasoning behind the assumed value',
        received: describeValue(undefined),
        fix: 'add note: "<why this value>" (an assumption is never a silent number)',
      });
    }
    if (!hasRange) {
      report(ctx, [...path, rangeKey], `${what} is an assumption without a ${rangeKey}`, {
        expected:
          rangeKey === 'range'
            ? 'a range { low, high } wide enough for sensitivity analysis'
            : 'a relativeRange { low, high } (multipliers on the whole path, e.g. 0.7 and 1.5)',
        received: describeValue(undefined),
        fix: `add ${rangeKey}: { low: …, high: … }`,
      });
    }
  }
}

/**
 * Checks a trajectory of a document and returns it with its points converted and sorted, or undefined when a
 * problem prevents it (the problems are in `ctx.errors`).
 * @param path path of the trajectory in the document, e.g. ['trajectories', 'gridFactorKgCo2ePerKwh']
 * @example checkTrajectory(ctx, ['trajectories', 'x'], 'x', { unit: 'fraction', interpolation: 'linear', points: { 2023: 1 }, confidence: 'assumption', note: '…', relativeRange: { low: 0.8, high: 1.2 } })
 *   // { unit: 'fraction', years: [2023], values: [1], … }
 */
export function checkTrajectory(ctx: CheckContext, path: Path, name: string, doc: TrajectoryDocument): ResolvedTrajectory | undefined {
  const before = ctx.errors.length;
  const what = `trajectory ${name}`;
  const canonical = TRAJECTORY_UNITS[name];
  const unitOk = checkUnit(ctx, [...path, 'unit'], doc.unit, canonical, what);

  const keys = Object.keys(doc.points);
  if (keys.length === 0) {
    report(ctx, [...path, 'points'], `${what} has no points`, {
      expected: 'at least one point { <year>: <value> }',
      received: 'an empty object',
      fix: 'add points, e.g. points: { 2023: …, 2050: … }',
    });
  }
  const points: { year: number; value: number; line: number | undefined }[] = [];
  for (const key of keys) {
    const year = Number(key);
    const pointPath = [...path, 'points', key];
    if (!/^\d{4}$/.test(key) || year < MIN_YEAR || year > MAX_YEAR) {
      report(ctx, pointPath, `${what}: year ${key} is outside ${MIN_YEAR}–${MAX_YEAR}`, {
        expected: `a whole calendar year from ${MIN_YEAR} to ${MAX_YEAR}`,
        received: `the year ${key}`,
        fix: `use years from ${MIN_YEAR} to ${MAX_YEAR}; the value is held flat beyond the last point`,
      });
      continue;
    }
    if (!unitOk) continue;
    const value = convert(ctx, pointPath, doc.points[key], doc.unit, `${what} in ${key}`);
    if (value !== undefined) points.push({ year, value, line: ctx.lineOf(pointPath) });
  }
  points.sort((a, b) => a.year - b.year);
  // JavaScript orders integer keys numerically; the document order is recovered from the lines.
  for (let i = 0; i + 1 < points.length; i++) {
    const here = points[i].line;
    const next = points[i + 1].line;
    if (here !== undefined && next !== undefined && next < here) {
      report(ctx, [...path, 'points', String(points[i].year)], `${what}: years are not in increasing order`, {
        expected: 'years in increasing order',
        received: `${points[i].year} written after ${points[i + 1].year}`,
        fix: 'sort the points by year',
      });
    }
  }

  if (doc.interpolation === 'geometric' && points.length > 0) {
    const sign = Math.sign(points[0].value);
    const bad = points.filter((p) => p.value === 0 || Math.sign(p.value) !== sign);
    if (sign === 0 || bad.length > 0) {
      const first = sign === 0 ? points[0] : bad[0];
      report(ctx, [...path, 'points', String(first.year)], `${what}: geometric interpolation needs values of one sign, none zero`, {
        expected: 'non-zero values, all of the same sign',
        received: `the value ${first.value} in ${first.year}`,
        fix: 'use interpolation: linear, or change the value',
      });
    }
  }

  const range = doc.relativeRange;
  if (range !== undefined && !(range.low > 0 && range.low <= 1 && range.high >= 1 && Number.isFinite(range.high))) {
    report(ctx, [...path, 'relativeRange'], `${what}: relativeRange must bracket 1`, {
      expected: '0 < low ≤ 1 ≤ high (multipliers on the whole path)',
      received: `low ${range.low}, high ${range.high}`,
      fix: 'e.g. relativeRange: { low: 0.8, high: 1.2 }',
    });
  }
  checkProvenance(ctx, path, doc, range !== undefined, 'relativeRange', what);

  if (ctx.errors.length > before) return undefined;
  let unit = doc.unit;
  let values = points.map((p) => p.value);
  let declaredUnit: string | undefined;
  if (canonical !== undefined && canonical !== doc.unit) {
    values = values.map((v) => toUnit(`${v} ${doc.unit}`, canonical));
    declaredUnit = doc.unit;
    unit = canonical;
  }
  const out: ResolvedTrajectory = {
    unit,
    interpolation: doc.interpolation,
    years: points.map((p) => p.year),
    values,
    confidence: doc.confidence,
  };
  if (declaredUnit !== undefined) out.declaredUnit = declaredUnit;
  if (doc.description !== undefined) out.description = doc.description;
  if (doc.source !== undefined) out.source = doc.source;
  if (doc.note !== undefined) out.note = doc.note;
  if (range !== undefined) out.relativeRange = { low: range.low, high: range.high };
  return out;
}

/** The checked, converted fields of a parameter (description left to the caller: its type differs by format). */
export interface CheckedParameter {
  value: number;
  unit: string;
  source?: string;
  confidence: PackParameterDocument['confidence'];
  range?: Range;
  distribution?: Distribution;
  note?: string;
}

function checkDistribution(ctx: CheckContext, path: Path, d: Distribution, what: string): void {
  const bad = (expected: string, received: string): void =>
    report(ctx, path, `${what}: inconsistent ${d.type} distribution`, {
      expected,
      received,
      fix: 'correct the distribution parameters (numbers in the declared unit)',
    });
  switch (d.type) {
    case 'uniform':
      if (!(d.low < d.high)) bad('low < high', `low ${d.low}, high ${d.high}`);
      break;
    case 'triangular':
    case 'pert':
      if (!(d.low <= d.mode && d.mode <= d.high && d.low < d.high)) {
        bad('low ≤ mode ≤ high, low < high', `low ${d.low}, mode ${d.mode}, high ${d.high}`);
      }
      break;
    case 'normal':
      if (!(d.sd > 0)) bad('sd > 0', `sd ${d.sd}`);
      break;
    case 'lognormal':
      if (!(d.sigma > 0)) bad('sigma > 0', `sigma ${d.sigma}`);
      break;
    case 'discrete':
      if (d.weights !== undefined && (d.weights.length !== d.values.length || d.weights.some((w) => !(w >= 0)))) {
        bad('one non-negative weight per value', `${d.values.length} value(s), weights ${d.weights.join(', ')}`);
      }
      break;
  }
}

/**
 * Checks a parameter of a document (pack, reference or model defaults) and returns its value and range converted
 * into its declared unit, or undefined when a problem prevents it.
 * @example checkParameter(ctx, ['parameters', 'vatRate'], 'vatRate', { value: '20 %', unit: 'fraction', source: 'CGI art. 278', confidence: 'high' })
 *   // { value: 0.2, unit: 'fraction', source: 'CGI art. 278', confidence: 'high' }
 */
export function checkParameter(
  ctx: CheckContext,
  path: Path,
  name: string,
  doc: PackParameterDocument | ModelParameterDocument,
): CheckedParameter | undefined {
  const before = ctx.errors.length;
  const what = `parameter ${name}`;
  let value: number | undefined;
  let range: Range | undefined;
  if (checkUnit(ctx, [...path, 'unit'], doc.unit, undefined, what)) {
    value = convert(ctx, [...path, 'value'], doc.value, doc.unit, what);
    if (doc.range !== undefined) {
      const low = convert(ctx, [...path, 'range', 'low'], doc.range.low, doc.unit, `${what}: range.low`);
      const high = convert(ctx, [...path, 'range', 'high'], doc.range.high, doc.unit, `${what}: range.high`);
      const mode = doc.range.mode === undefined ? undefined : convert(ctx, [...path, 'range', 'mode'], doc.range.mode, doc.unit, `${what}: range.mode`);
      if (low !== undefined && high !== undefined) {
        range = mode === undefined ? { low, high } : { low, mode, high };
        const modeOk = mode === undefined || (low <= mode && mode <= high);
        if (!(low <= high) || !modeOk || (value !== undefined && !(low <= value && value <= high))) {
          report(ctx, [...path, 'range'], `${what}: the range does not contain the value`, {
            expected: 'low ≤ value ≤ high (and low ≤ mode ≤ high)',
            received: `low ${low}, ${mode === undefined ? '' : `mode ${mode}, `}high ${high}, value ${value ?? '?'} (${doc.unit})`,
            fix: 'correct the range or the value (both in the declared unit)',
          });
        }
      }
    }
  }
  if (doc.distribution !== undefined) checkDistribution(ctx, [...path, 'distribution'], doc.distribution, what);
  checkProvenance(ctx, path, doc, doc.range !== undefined, 'range', what);
  if (ctx.errors.length > before || value === undefined) return undefined;
  const out: CheckedParameter = { value, unit: doc.unit, confidence: doc.confidence };
  if (doc.source !== undefined) out.source = doc.source;
  if (range !== undefined) out.range = range;
  if (doc.distribution !== undefined) out.distribution = doc.distribution;
  if (doc.note !== undefined) out.note = doc.note;
  return out;
}

/** Checks a year-valued field (price base year) is within 2000–2100. */
export function checkYear(ctx: CheckContext, path: Path, year: number, what: string): void {
  if (!(Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR)) {
    report(ctx, path, `${what} is outside ${MIN_YEAR}–${MAX_YEAR}`, {
      expected: `a whole year from ${MIN_YEAR} to ${MAX_YEAR}`,
      received: describeValue(year),
      fix: `use a year from ${MIN_YEAR} to ${MAX_YEAR}`,
    });
  }
}
