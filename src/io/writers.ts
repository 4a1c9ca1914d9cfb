/**
 * Result writers. Every file is written to a temporary name in its folder and renamed once complete, and a run's
 * files are only renamed into place after all of them were rendered: a failed run never leaves a half report and
 * never touches its inputs.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import * as aq from 'arquero';
import type { RunResults } from '../evaluate/engine.js';

/**
 * The `results.json` document of DESIGN.md: manifest, results, parameters (plus scenario and variant labels), and
 * `uncertainty` (Monte Carlo summaries and tornado) only when the run computed it (`--draws`).
 */
export function resultsDocument(r: RunResults): Record<string, unknown> {
  return {
    manifest: r.manifest,
    results: r.results,
    parameters: r.parameters,
    scenarios: r.scenarios,
    variants: r.variants,
    ...(r.uncertainty ? { uncertainty: r.uncertainty } : {}),
  };
}

/** JSON text with non-finite numbers as null (a metric that does not exist is null, never a made-up number). */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) + '\n';
}

/**
 * A CSV table (comma-separated, `.` decimals, RFC 4180 quoting) from column arrays, written by arquero (the
 * project's columnar table library, DESIGN.md). A number that does not exist (null, NaN, ±Infinity) is an
 * empty cell, never a made-up value.
 * @example toCsv({ year: [2026, 2027], npvEur: [1.5, NaN] }) // 'year,npvEur\n2026,1.5\n2027,\n'
 */
export function toCsv(columns: Record<string, ArrayLike<unknown>>): string {
  const clean: Record<string, unknown[]> = {};
  for (const [name, column] of Object.entries(columns)) {
    clean[name] = Array.from(column, (v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v === undefined ? null : v));
  }
  const text = aq.table(clean).toCSV();
  return text.endsWith('\n') ? text : `${text}\n`;
}

/** metrics.csv: one row per result, one column per metric. */
export function metricsCsv(r: RunResults): string {
  const rows = r.results;
  const metricNames = rows.length ? Object.keys(rows[0].metrics) : [];
  const cols: Record<string, unknown[]> = {
    territory: rows.map((x) => x.territory),
    useCase: rows.map((x) => x.useCase),
    variant: rows.map((x) => x.variant),
    comparedTo: rows.map((x) => x.comparedTo),
    scenario: rows.map((x) => x.scenario),
    perspective: rows.map((x) => x.perspective),
  };
  for (const m of metricNames) cols[m] = rows.map((x) => (x.metrics as unknown as Record<string, unknown>)[m]);
  return toCsv(cols);
}

/** yearly.csv: one row per result and year (long format). */
export function yearlyCsv(r: RunResults): string {
  const cols: Record<string, unknown[]> = { territory: [], useCase: [], variant: [], comparedTo: [], scenario: [], perspective: [] };
  const seriesNames = r.results.length ? Object.keys(r.results[0].yearly) : [];
  for (const s of seriesNames) cols[s] = [];
  for (const x of r.results) {
    const n = x.yearly.year.length;
    for (let i = 0; i < n; i++) {
      cols.territory.push(x.territory);
      cols.useCase.push(x.useCase);
      cols.variant.push(x.variant);
      cols.comparedTo.push(x.comparedTo);
      cols.scenario.push(x.scenario);
      cols.perspective.push(x.perspective);
      for (const s of seriesNames) cols[s].push((x.yearly as unknown as Record<string, number[]>)[s][i]);
    }
  }
  return toCsv(cols);
}

/** parameters.csv: every parameter used with its origin, source and confidence. */
export function parametersCsv(r: RunResults): string {
  const p = r.parameters;
  return toCsv({
    useCase: p.map((x) => x.useCase),
    scenario: p.map((x) => x.scenario),
    name: p.map((x) => x.name),
    value: p.map((x) => x.value),
    unit: p.map((x) => x.unit),
    origin: p.map((x) => x.origin),
    source: p.map((x) => x.source),
    confidence: p.map((x) => x.confidence),
  });
}

export interface OutputFile {
  /** Path relative to the output folder. */
  name: string;
  content: string | Uint8Array;
}

/**
 * Writes files into `dir` atomically: each to `<name>.<pid>.tmp` first, then all renamed. On any failure the
 * temporary files are removed and nothing is left behind. Returns the absolute paths written.
 */
export function writeAtomically(dir: string, files: OutputFile[]): string[] {
  const root = resolve(dir);
  const staged: { tmp: string; final: string }[] = [];
  try {
    for (const f of files) {
      const final = join(root, f.name);
      mkdirSync(dirname(final), { recursive: true });
      const tmp = `${final}.${process.pid}.tmp`;
      writeFileSync(tmp, f.content);
      staged.push({ tmp, final });
    }
    for (const s of staged) renameSync(s.tmp, s.final);
  } catch (error) {
    for (const s of staged) rmSync(s.tmp, { force: true });
    throw error;
  }
  return staged.map((s) => s.final);
}
