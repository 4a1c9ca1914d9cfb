/**
 * `territoires run [TERRITORY]`: evaluates a territory under the scenario packs and writes the outputs.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { InputError } from '../core/errors.js';
import { examplesDir } from '../core/paths.js';
import { evaluateRun, type PreparedRun, type RunOptions, type RunResults } from '../evaluate/engine.js';
import { prepareRun } from '../evaluate/load.js';
import type { OverrideLayer, OverrideValue } from '../evaluate/resolve.js';
import { loadTerritory, type LoadedTerritory } from '../io/territory.js';
import { loadScenarioPacks } from '../scenario/index.js';
import { metricsCsv, parametersCsv, resultsDocument, toJson, writeAtomically, yearlyCsv, type OutputFile } from '../io/writers.js';
import type { Theme } from '../report/theme.js';
import { formatNumber, integerOption, progressBar, table, type Lang } from './output.js';

export const DEFAULT_TERRITORY = 'ville-moyenne';

export interface RunCommandOptions {
  scenarios?: string[];
  useCases?: string[];
  out?: string;
  format: string[];
  lang: Lang;
  carbonValue?: '2025' | '2019';
  set: string[];
  /** Files printed by `territoires calibrate --parameter … --json`. */
  calibration?: string[];
  json?: boolean;
  /** Report theme file (html, md, xlsx, pdf). */
  theme?: string;
  /** Monte Carlo draws: when given, the run also computes its uncertainty (Monte Carlo and tornado). */
  draws?: string;
  /** Monte Carlo seed (default 1); only with `draws`. */
  seed?: string;
  /** Monte Carlo threads, the calling one included (default: up to 2); only with `draws`. */
  threads?: string;
}

/** What a format renderer may need beside the results and the language. */
export interface FormatContext {
  theme?: Theme;
}

/** Formats a run can write, and the renderer of each. Report formats join here with the report generator. */
export const FORMATS: Record<string, (r: RunResults, lang: Lang, context?: FormatContext) => Promise<OutputFile[]> | OutputFile[]> = {
  json: (r) => [{ name: 'results.json', content: toJson(resultsDocument(r)) }],
  csv: (r) => [
    { name: 'metrics.csv', content: metricsCsv(r) },
    { name: 'yearly.csv', content: yearlyCsv(r) },
    { name: 'parameters.csv', content: parametersCsv(r) },
  ],
  html: async (r, lang, context) => (await import('../report/index.js')).renderReport(r, ['html'], lang, context?.theme),
  md: async (r, lang, context) => (await import('../report/index.js')).renderReport(r, ['md'], lang, context?.theme),
  xlsx: async (r, lang, context) => (await import('../report/index.js')).renderReport(r, ['xlsx'], lang, context?.theme),
  pdf: async (r, lang, context) => (await import('../report/index.js')).renderReport(r, ['pdf'], lang, context?.theme),
};

/**
 * Reads a calibration file (the JSON `territoires calibrate --parameter NAME --json` prints) into a parameter
 * layer with origin `calibrated` and the data file's hash as its source.
 */
export function readCalibration(file: string): OverrideLayer {
  const path = resolve(file);
  let doc: { calibrated?: { name?: unknown; value?: unknown; source?: unknown; confidence?: unknown; note?: unknown; range?: unknown } | null };
  try {
    doc = JSON.parse(readFileSync(path, 'utf8')) as typeof doc;
  } catch (cause) {
    throw new InputError(`cannot read the calibration ${file}`, {
      file: path,
      path: '--calibration',
      expected: 'the JSON printed by `territoires calibrate DATA … --parameter NAME --json`',
      received: (cause as Error).message,
      fix: 'run territoires calibrate with --parameter and --json, and save its output',
      cause,
    });
  }
  const c = doc?.calibrated;
  if (!c || typeof c.name !== 'string' || typeof c.value !== 'number' || !Number.isFinite(c.value)) {
    throw new InputError(`${file} holds no calibrated parameter`, {
      file: path,
      path: 'calibrated',
      expected: 'an object {name, value, source, confidence} (calibrate was run with --parameter and --reporting-from)',
      received: c === undefined ? 'no `calibrated` key' : JSON.stringify(c).slice(0, 80),
      fix: 'rerun territoires calibrate with --parameter NAME --reporting-from DATE --json',
    });
  }
  return {
    origin: 'calibrated',
    file: path,
    path: 'calibrated',
    values: {
      [c.name]: {
        value: c.value,
        source: typeof c.source === 'string' ? c.source : `calibrated from data (${file})`,
        confidence: c.confidence === 'high' || c.confidence === 'medium' || c.confidence === 'low' ? c.confidence : 'assumption',
        note: typeof c.note === 'string' ? c.note : undefined,
        ...(isRange(c.range) ? { range: c.range } : {}),
      },
    },
  };
}

function isRange(r: unknown): r is { low: number; mode?: number; high: number } {
  const x = r as { low?: unknown; high?: unknown } | null;
  return !!x && typeof x.low === 'number' && typeof x.high === 'number' && x.low <= x.high;
}

/** Parses `--set name=value` flags. */
export function parseSets(sets: string[]): Record<string, OverrideValue> {
  const out: Record<string, OverrideValue> = {};
  for (const s of sets) {
    const at = s.indexOf('=');
    if (at <= 0) {
      throw new InputError(`invalid --set ${s}`, {
        path: '--set',
        expected: 'name=value, e.g. --set financialDiscountRate=0.04 or --set ledLuminaireCostEur="800 EUR"',
        received: s,
        fix: 'write the parameter name, an equals sign and the value',
      });
    }
    out[s.slice(0, at).trim()] = s.slice(at + 1).trim();
  }
  return out;
}

export async function runCommand(territoryArg: string | undefined, opts: RunCommandOptions): Promise<number> {
  const unknown = opts.format.filter((f) => !(f in FORMATS));
  if (unknown.length > 0) {
    throw new InputError(`unknown output format ${unknown.join(', ')}`, {
      path: '--format',
      expected: `formats among ${Object.keys(FORMATS).join(', ')}`,
      received: unknown.join(', '),
      fix: `use --format ${Object.keys(FORMATS).join(',')}`,
    });
  }
  if (opts.scenarios && opts.scenarios.length > 0) {
    const known = [...loadScenarioPacks().keys()].sort();
    const unknownIds = opts.scenarios.filter((id) => !known.includes(id));
    if (unknownIds.length > 0) {
      throw new InputError(`unknown scenario pack ${unknownIds.join(', ')}`, {
        path: '--scenarios',
        expected: `pack ids among ${known.join(', ')}`,
        received: unknownIds.join(', '),
        fix: `use --scenarios ${known.join(',')} (or a subset); \`territoires scenarios list\` shows them`,
      });
    }
  }
  const monteCarlo = monteCarloSettings(opts);
  const theme = opts.theme ? (await import('../report/theme.js')).loadTheme(opts.theme) : undefined;
  const file = territoryArg ? resolve(territoryArg) : join(examplesDir(), DEFAULT_TERRITORY, 'territory.yaml');
  const territory = await loadTerritory(file);
  const runOptions: RunOptions = {
    scenarios: opts.scenarios,
    useCases: opts.useCases,
    carbonValuePath: opts.carbonValue,
    overrides: parseSets(opts.set ?? []),
    calibrations: (opts.calibration ?? []).map(readCalibration),
    // The manifest records the seed of a run that draws.
    ...(monteCarlo ? { seed: monteCarlo.seed } : {}),
  };
  const run = prepareRun(territory, runOptions);
  const results = evaluateRun(run);
  if (monteCarlo) {
    const uncertainty = await runUncertainty(run, territory, runOptions, { ...monteCarlo, lang: opts.lang, progress: !opts.json && process.stderr.isTTY === true });
    if (uncertainty === null) return 130;
    results.uncertainty = uncertainty;
  }
  // Render everything before writing anything.
  const files: OutputFile[] = [];
  for (const f of opts.format) files.push(...(await FORMATS[f](results, opts.lang, { theme })));

  if (opts.json) {
    if (opts.out) writeAtomically(opts.out, files);
    process.stdout.write(toJson(resultsDocument(results)));
    return 0;
  }
  const outDir = opts.out ?? join('reports', territory.id);
  const written = writeAtomically(outDir, files);
  process.stdout.write(summaryTable(results, opts.lang) + '\n\n');
  process.stdout.write(
    (opts.lang === 'fr' ? 'Résultats écrits dans ' : 'Results written to ') + resolve(outDir) + '\n' + written.map((w) => `  ${w}`).join('\n') + '\n',
  );
  return 0;
}

/** Draws, seed and threads of `run --draws N [--seed S] [--threads K]`; null without --draws. */
function monteCarloSettings(opts: RunCommandOptions): { draws: number; seed: number; threads: number } | null {
  if (opts.draws === undefined) {
    const stray = opts.seed !== undefined ? '--seed' : opts.threads !== undefined ? '--threads' : null;
    if (stray) {
      throw new InputError(`${stray} needs --draws`, {
        path: stray,
        expected: `--draws N with ${stray}`,
        received: `${stray} without --draws`,
        fix: `add --draws (e.g. --draws 1000), or drop ${stray}`,
      });
    }
    return null;
  }
  return {
    draws: integerOption(opts.draws, '--draws', 1),
    seed: opts.seed === undefined ? 1 : integerOption(opts.seed, '--seed', 0),
    threads: opts.threads === undefined ? Math.min(2, availableParallelism()) : integerOption(opts.threads, '--threads', 1),
  };
}

/**
 * The uncertainty of a run: Monte Carlo over every comparison (worker threads, seeded chunks: the numbers do not
 * depend on the thread count), then a tornado on the run's first scenario (the 10 widest swings per output).
 * Returns null when stopped with Ctrl-C (a message is printed; the caller writes nothing).
 */
async function runUncertainty(
  run: PreparedRun,
  territory: LoadedTerritory,
  runOptions: RunOptions,
  settings: { draws: number; seed: number; threads: number; lang: Lang; progress: boolean },
): Promise<NonNullable<RunResults['uncertainty']> | null> {
  const [{ McInterrupted }, { runMonteCarloThreads }, { runTornado }] = await Promise.all([
    import('../evaluate/montecarlo.js'),
    import('../evaluate/montecarlo-threads.js'),
    import('../evaluate/sensitivity.js'),
  ]);
  const fr = settings.lang === 'fr';
  let stop = false;
  const onSigint = () => {
    stop = true;
  };
  process.once('SIGINT', onSigint);
  const bar = await progressBar(settings.draws, 'Monte Carlo', fr ? 'tirages' : 'draws', settings.progress);
  try {
    const montecarlo = await runMonteCarloThreads(run, territory, runOptions, {
      draws: settings.draws,
      seed: settings.seed,
      threads: settings.threads,
      onProgress: (done) => bar?.update(done),
      shouldStop: () => stop,
    });
    bar?.stop();
    const tornado = runTornado(run, { scenario: run.packs[0].id, top: 10 });
    return { montecarlo, tornado };
  } catch (error) {
    bar?.stop();
    if (error instanceof McInterrupted) {
      process.stderr.write(`${fr ? 'Interrompu' : 'Stopped'}: ${error.message}; ${fr ? 'rien n’a été écrit' : 'nothing was written'}\n`);
      return null;
    }
    throw error;
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
}

/** The terminal summary: for each use case, each variant against the status quo, per scenario. */
export function summaryTable(r: RunResults, lang: Lang): string {
  const fr = lang === 'fr';
  const header = fr
    ? ['Usage', 'Variante', 'Scénario', 'VAN financière k€', 'VAN socio-éco. k€', 'Retour (ans)', 'tCO2e évitées', '€/tCO2e']
    : ['Use case', 'Variant', 'Scenario', 'Financial NPV k€', 'Socio-eco. NPV k€', 'Payback (yr)', 'tCO2e avoided', '€/tCO2e'];
  const rows: string[][] = [];
  const byKey = new Map<string, { fin?: RunResults['results'][number]; soc?: RunResults['results'][number] }>();
  for (const x of r.results) {
    const statusQuo = r.variants.find((v) => v.useCase === x.useCase && v.kind === 'statusQuo')?.id;
    if (x.comparedTo !== statusQuo) continue;
    const key = `${x.useCase}|${x.variant}|${x.scenario}`;
    const e = byKey.get(key) ?? {};
    if (x.perspective === 'financial') e.fin = x;
    else e.soc = x;
    byKey.set(key, e);
  }
  for (const [key, e] of byKey) {
    const [useCase, variant, scenario] = key.split('|');
    const label = r.variants.find((v) => v.useCase === useCase && v.id === variant)?.name[lang] ?? variant;
    rows.push([
      useCase,
      label,
      scenario,
      formatNumber((e.fin?.metrics.npvEur ?? NaN) / 1000, 0, lang),
      formatNumber((e.soc?.metrics.npvEur ?? NaN) / 1000, 0, lang),
      formatNumber(e.fin?.metrics.simplePaybackYears ?? null, 1, lang),
      formatNumber(e.fin?.metrics.avoidedTco2e ?? null, 0, lang),
      formatNumber(e.soc?.metrics.abatementCostEurPerTco2e ?? null, 0, lang),
    ]);
  }
  const title = fr
    ? `${r.manifest.territory.name} — ${r.manifest.startYear} à ${r.manifest.startYear + r.manifest.horizonYears}, chaque variante comparée au statu quo`
    : `${r.manifest.territory.name} — ${r.manifest.startYear} to ${r.manifest.startYear + r.manifest.horizonYears}, each variant against the status quo`;
  return `${title}\n\n${table(header, rows, [false, false, false, true, true, true, true, true])}`;
}
