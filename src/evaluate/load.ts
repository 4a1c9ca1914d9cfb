/**
 * The file-reading side of a run: scenario packs, reference data and model defaults from disk. The engine
 * itself (engine.ts) is pure and runs anywhere, the browser included.
 */
import { join } from 'node:path';
import type { ParameterSpec } from '../core/parameter.js';
import { modelDir } from '../core/paths.js';
import type { LoadedTerritory } from '../io/territory.js';
import { loadParameterFile, loadReference, loadScenarioPacks } from '../scenario/index.js';
import { evaluateRun, prepareRunWithData, type PreparedRun, type RunData, type RunOptions, type RunResults } from './engine.js';
import { USE_CASE_IDS } from './registry.js';

/**
 * Reads scenario packs, reference data and every model's defaults (the only stage that touches files).
 * @param options.scenarioDir folder of scenario packs [path]; the built-in `scenarios/` by default
 * @example Object.keys(loadRunData().defaults) // ['lighting', 'water', 'climate-risk', 'buildings', 'digital']
 */
export function loadRunData(options: Pick<RunOptions, 'scenarioDir'> = {}): RunData {
  const packs = loadScenarioPacks(options.scenarioDir);
  const reference = loadReference();
  const defaults: Record<string, { file: string; parameters: Record<string, ParameterSpec> }> = {};
  for (const id of [...USE_CASE_IDS, 'digital']) {
    const file = join(modelDir(id), 'parameters.yaml');
    defaults[id] = { file, parameters: loadParameterFile(file).parameters };
  }
  return { packs, reference, defaults };
}

/**
 * Reads what a run needs and prepares it: the year axis, the resolved packs and each use case's defaults.
 * @example prepareRun(territory, { scenarios: ['TEND', 'S2'] }).packs.map((p) => p.id) // ['TEND', 'S2']
 */
export function prepareRun(territory: LoadedTerritory, options: RunOptions = {}): PreparedRun {
  return prepareRunWithData(territory, loadRunData(options), options);
}

/**
 * Convenience: read, prepare and evaluate in one call. Metrics are in EUR, tCO2e, years and fractions as their
 * names say (README, `results.json`); `now` sets `manifest.createdAt` (the current time by default).
 * @example
 * // `t`: the water service of `parseTerritory`'s example (12 km, 450 subscribers, 80 % efficiency). Scenario TEND
 * // gives 6 rows: two variants against the status quo, and the digital one against the manual alternative, each
 * // in two perspectives
 * const run = runTerritory(t, { scenarios: ['TEND'] });
 * run.results.length // 6
 * run.parameters.find((p) => p.name === 'socioEconomicDiscountRate')?.value // 0.032
 */
export function runTerritory(territory: LoadedTerritory, options: RunOptions = {}, now?: Date): RunResults {
  return evaluateRun(prepareRun(territory, options), now);
}
