/**
 * The page's computation: the territory document is validated exactly as `territoires run` validates a file
 * (`parseTerritory`, the same zod schemas), then the pure engine runs on the run data the server sent. Runs in the
 * browser; nothing here touches files.
 */
import type { RunData, RunResults, ThreadRunData } from '../../evaluate/engine.js';
import { evaluateRun, prepareRunWithData, runDataFromThread } from '../../evaluate/engine.js';
import { parseTerritory, type LoadedTerritory } from '../../io/territory.js';
import type { ScenarioPackFile } from '../../scenario/index.js';
import { documentFileName, pageOverrides, type TerritoryDocument } from '../document.js';

/**
 * The run data as `/api/data` sends it: JSON, so the packs are an object rather than a Map, and neither the packs
 * nor the reference files have the `lineOf` function that points an error at a line (as a worker thread's copy).
 */
export interface PageRunData {
  packs: Record<string, Omit<ScenarioPackFile, 'lineOf'>>;
  reference: ThreadRunData['reference'];
  defaults: RunData['defaults'];
}

/**
 * The engine's RunData from the page's copy, each file's `lineOf` knowing no line (`runDataFromThread`): an error
 * about a pack then names its file and path without a line, instead of failing on a missing function.
 * @example
 * toRunData(await (await fetch('/api/data')).json().then((d) => d.runData)).packs.get('TEND')?.id // → 'TEND'
 */
export function toRunData(data: PageRunData): RunData {
  return runDataFromThread({ packs: new Map(Object.entries(data.packs)), reference: data.reference, defaults: data.defaults });
}

let lastParsed: { text: string; name: string; territory: LoadedTerritory } | null = null;

/** The page's choices. */
export interface ComputeChoices {
  scenarios: string[];
  useCases: string[];
  /** Slider values by parameter name [the parameter's unit]. */
  overrides: Record<string, number>;
}

/**
 * Validates the document and evaluates it. Throws the InputError(s) of the validation, with paths into the
 * document (`useCases.lighting.inventory.luminaires.0.count`), for the page to show beside the fields.
 * @example
 * const results = await computeResults(townDocument, runData, { scenarios: ['TEND'], useCases: ['lighting'], overrides: {} });
 * // results.results: each lighting variant against the status quo (and digital ones against the best alternative)
 */
export async function computeResults(doc: TerritoryDocument, runData: RunData, choices: ComputeChoices, now?: Date): Promise<RunResults> {
  const text = JSON.stringify(doc);
  const name = documentFileName(doc);
  // A slider edit leaves the document as it was: its validation is reused (the engine only reads the territory).
  let territory = lastParsed !== null && lastParsed.text === text && lastParsed.name === name ? lastParsed.territory : null;
  if (!territory) {
    territory = await parseTerritory(text, name);
    lastParsed = { text, name, territory };
  }
  const prepared = prepareRunWithData(territory, runData, {
    scenarios: choices.scenarios,
    useCases: choices.useCases,
    overrides: pageOverrides(choices.overrides),
  });
  return evaluateRun(prepared, now);
}
