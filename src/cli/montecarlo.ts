/**
 * `territoires montecarlo [TERRITORY] --draws N --seed S [--threads K] [--json]`: propagates the uncertainty of
 * every ranged parameter and trajectory through cost and carbon together.
 */
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { InputError } from '../core/errors.js';
import { examplesDir } from '../core/paths.js';
import { runManifest } from '../evaluate/engine.js';
import { prepareRun } from '../evaluate/load.js';
import { McInterrupted, type MonteCarloResult } from '../evaluate/montecarlo.js';
import { runMonteCarloThreads } from '../evaluate/montecarlo-threads.js';
import { loadTerritory } from '../io/territory.js';
import { emitDocument, interruptible } from './emit.js';
import { formatNumber, integerOption as integer, table, type Lang } from './output.js';
import { DEFAULT_TERRITORY, parseSets } from './run.js';

export interface MonteCarloCommandOptions {
  draws: string;
  seed: string;
  threads?: string;
  scenarios?: string[];
  useCases?: string[];
  paybackWithin: string;
  set: string[];
  out?: string;
  json?: boolean;
  lang: Lang;
}

export async function monteCarloCommand(territoryArg: string | undefined, opts: MonteCarloCommandOptions): Promise<number> {
  const draws = integer(opts.draws, '--draws', 1);
  const seed = integer(opts.seed, '--seed', 0);
  const threads = opts.threads === undefined ? Math.min(2, availableParallelism()) : integer(opts.threads, '--threads', 1);
  const paybackWithinYears = Number(opts.paybackWithin);
  if (!(paybackWithinYears >= 0)) {
    throw new InputError('invalid --payback-within', { path: '--payback-within', expected: 'a number of years ≥ 0', received: opts.paybackWithin, fix: 'e.g. --payback-within 10' });
  }
  const file = territoryArg ? resolve(territoryArg) : join(examplesDir(), DEFAULT_TERRITORY, 'territory.yaml');
  const territory = await loadTerritory(file);
  const runOptions = { scenarios: opts.scenarios, useCases: opts.useCases, overrides: parseSets(opts.set ?? []) };
  const run = prepareRun(territory, runOptions);

  const outcome = await interruptible(
    opts,
    draws,
    'Monte Carlo',
    opts.lang === 'en' ? 'draws' : 'tirages',
    (onProgress, shouldStop) => runMonteCarloThreads(run, territory, runOptions, { draws, seed, threads, paybackWithinYears, onProgress, shouldStop }),
    (error): error is McInterrupted => error instanceof McInterrupted,
  );
  if ('exitCode' in outcome) return outcome.exitCode;
  const result = outcome.result;
  const document = {
    manifest: { ...runManifest(run, new Date()), seed },
    draws: result.draws,
    seed: result.seed,
    method: result.method,
    chunkSize: result.chunkSize,
    paybackWithinYears: result.paybackWithinYears,
    uncertain: result.quantities,
    results: result.results,
  };
  return emitDocument(opts, 'montecarlo.json', document, () => summary(result, opts.lang));
}

/** A terminal reading: for each variant vs status quo (socio-economic), NPV P10–P90 and the probabilities. */
export function summary(r: MonteCarloResult, lang: Lang): string {
  const fr = lang === 'fr';
  const header = fr
    ? ['Usage', 'Variante', 'Scénario', 'Perspective', 'VAN P10 k€', 'VAN P50 k€', 'VAN P90 k€', 'P(VAN>0)', 'P(tCO2e<0)', 'P(les deux)']
    : ['Use case', 'Variant', 'Scenario', 'Perspective', 'NPV P10 k€', 'NPV P50 k€', 'NPV P90 k€', 'P(NPV>0)', 'P(tCO2e<0)', 'P(both)'];
  const rows = r.results.map((x) => [
    x.useCase,
    x.variant,
    x.scenario,
    x.perspective,
    formatNumber((x.metrics.npvEur.p10 ?? NaN) / 1000, 0, lang),
    formatNumber((x.metrics.npvEur.p50 ?? NaN) / 1000, 0, lang),
    formatNumber((x.metrics.npvEur.p90 ?? NaN) / 1000, 0, lang),
    formatNumber(x.probabilities.npvPositive * 100, 0, lang) + ' %',
    formatNumber(x.probabilities.netNegative * 100, 0, lang) + ' %',
    formatNumber(x.probabilities.both * 100, 0, lang) + ' %',
  ]);
  const title = fr
    ? `${r.draws} tirages (graine ${r.seed}, hypercube latin par blocs de ${r.chunkSize}), ${r.quantities.length} grandeurs incertaines`
    : `${r.draws} draws (seed ${r.seed}, Latin hypercube in chunks of ${r.chunkSize}), ${r.quantities.length} uncertain quantities`;
  return `${title}\n\n${table(header, rows, [false, false, false, false, true, true, true, true, true, true])}`;
}
