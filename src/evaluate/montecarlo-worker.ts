/**
 * A Monte Carlo worker thread: prepares the run from the territory text, evaluates the chunks it is given and
 * writes their metrics into the shared columns. Chunks are sampled from (seed, chunk index), so which worker
 * computes a chunk changes nothing in the numbers.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseTerritory } from '../io/territory.js';
import { prepareRun } from './load.js';
import { evaluateChunk, MC_METRICS, planUncertainty } from './montecarlo.js';
import type { WorkerInput } from './montecarlo-threads.js';

const input = workerData as WorkerInput;
const territory = await parseTerritory(input.territoryText, input.territoryFile);
const run = prepareRun(territory, input.runOptions);
const plan = planUncertainty(run);
const columns = input.columns.map((row) => row.map((buffer) => new Float32Array(buffer)));
const metrics = MC_METRICS.length;
for (const chunk of input.chunks) {
  evaluateChunk(run, plan, chunk, input.seed, input.method, (row, metric, draw, value) => {
    columns[row][metric][draw] = value;
  });
  parentPort!.postMessage({ done: chunk.size, metrics });
}
parentPort!.postMessage({ finished: true });
