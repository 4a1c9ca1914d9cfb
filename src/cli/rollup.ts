/**
 * `territoires rollup COMMUNES [--territory FILE] [--threads K] [--json]`: evaluates every commune of a communes
 * file under the parameters and scenarios of one territory file, and sums the additive metrics of each comparison
 * over the communes (src/evaluate/rollup.ts).
 */
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { examplesDir } from '../core/paths.js';
import { runManifest } from '../evaluate/engine.js';
import { prepareRun } from '../evaluate/load.js';
import { RollUpInterrupted, type RollUpResult } from '../evaluate/rollup.js';
import { rollUpThreads } from '../evaluate/rollup-threads.js';
import { loadCommunes, locateCommuneError } from '../io/communes.js';
import { loadTerritory } from '../io/territory.js';
import { emitDocument, interruptible } from './emit.js';
import { formatNumber, integerOption as integer, table, type Lang } from './output.js';
import { DEFAULT_TERRITORY, parseSets } from './run.js';

export interface RollUpCommandOptions {
  territory?: string;
  threads?: string;
  scenarios?: string[];
  useCases?: string[];
  set: string[];
  out?: string;
  json?: boolean;
  lang: Lang;
}

export async function rollUpCommand(communesArg: string, opts: RollUpCommandOptions): Promise<number> {
  const threads = opts.threads === undefined ? Math.min(2, availableParallelism()) : integer(opts.threads, '--threads', 1);
  const file = opts.territory ? resolve(opts.territory) : join(examplesDir(), DEFAULT_TERRITORY, 'territory.yaml');
  const territory = await loadTerritory(file);
  const loaded = await loadCommunes(resolve(communesArg));
  const runOptions = { scenarios: opts.scenarios, useCases: opts.useCases, overrides: parseSets(opts.set ?? []) };
  const run = prepareRun(territory, runOptions);

  const outcome = await interruptible(
    opts,
    loaded.communes.length,
    opts.lang === 'en' ? 'Roll-up' : 'Agrégation',
    'communes',
    (onProgress, shouldStop) => rollUpThreads(run, territory, runOptions, loaded.communes, { threads, onProgress, shouldStop }),
    (error): error is RollUpInterrupted => error instanceof RollUpInterrupted,
    (error) => locateCommuneError(error, loaded),
  );
  if ('exitCode' in outcome) return outcome.exitCode;
  const result = outcome.result;
  const manifest = runManifest(run, new Date());
  const document = {
    manifest: { ...manifest, inputs: [...manifest.inputs, ...loaded.inputs] },
    communes: result.communes,
    blockSize: result.blockSize,
    rows: result.rows,
  };
  return emitDocument(opts, 'rollup.json', document, () => summary(result, opts.lang));
}

/** A terminal reading: per comparison, the sums of NPV, investment and tonnes, and how many communes gain. */
export function summary(r: RollUpResult, lang: Lang): string {
  const fr = lang === 'fr';
  const header = fr
    ? ['Usage', 'Variante', 'Scénario', 'Perspective', 'Σ VAN k€', 'Σ investissement k€', 'Σ tCO2e évitées', 'Communes VAN>0', 'Communes tCO2e<0']
    : ['Use case', 'Variant', 'Scenario', 'Perspective', 'Σ NPV k€', 'Σ investment k€', 'Σ tCO2e avoided', 'Communes NPV>0', 'Communes tCO2e<0'];
  const rows = r.rows.map((x) => [
    x.useCase,
    x.variant,
    x.scenario,
    x.perspective,
    formatNumber(x.sums.npvEur / 1000, 0, lang),
    formatNumber(x.sums.capexEur / 1000, 0, lang),
    formatNumber(x.sums.avoidedTco2e, 0, lang),
    `${x.npvPositive} / ${x.communes}`,
    `${x.netNegative} / ${x.communes}`,
  ]);
  // Communes lacking a use case are not in its rows: say so when there are some.
  const partial = r.rows.some((x) => x.communes !== r.communes);
  const title = fr
    ? `${r.communes} communes, sommes sur les communes (chacune évaluée avec les paramètres du territoire donné${partial ? ' ; une ligne ne somme que les communes qui décrivent son usage' : ''})`
    : `${r.communes} communes, sums over the communes (each evaluated with the given territory's parameters${partial ? '; a row sums only the communes that describe its use case' : ''})`;
  return `${title}\n\n${table(header, rows, [false, false, false, false, true, true, true, true, true])}`;
}
