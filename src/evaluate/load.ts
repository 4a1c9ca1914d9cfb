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

/** Reads scenario packs, reference data and every model's defaults (the only stage that touches files). */
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

/** Reads what a run needs and prepares it. */
export function prepareRun(territory: LoadedTerritory, options: RunOptions = {}): PreparedRun {
  return prepareRunWithData(territory, loadRunData(options), options);
}

/** Convenience: read, prepare and evaluate in one call. */
export function runTerritory(territory: LoadedTerritory, options: RunOptions = {}, now?: Date): RunResults {
  return evaluateRun(prepareRun(territory, options), now);
}
