/**
 * A Monte Carlo worker thread: prepares the run from the territory text and the run's data once, then claims chunks
 * from the shared counter until none is left (or the run is stopped), writing their metrics into the shared
 * columns, and at the end summarises the rows it is asked to. Chunks are sampled from (seed, chunk index), so which
 * thread computes a chunk changes nothing in the numbers.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseTerritory } from '../io/territory.js';
import { prepareRunWithData, runDataFromThread } from './engine.js';
import { evaluateChunk, planUncertainty, summariseRow } from './montecarlo.js';
import { NEXT_CHUNK, STOP, type WorkerInput, type WorkerReply, type WorkerRequest } from './montecarlo-threads.js';

const input = workerData as WorkerInput;
const territory = await parseTerritory(input.territoryText, input.territoryFile);
const run = prepareRunWithData(territory, runDataFromThread(input.data), input.runOptions);
const plan = planUncertainty(run);
const columns = input.columns.map((row) => row.map((buffer) => new Float32Array(buffer)));
const counters = new Int32Array(input.control);
const reply = (m: WorkerReply): void => parentPort!.postMessage(m);

parentPort!.on('message', (m: WorkerRequest) => {
  const { from, to } = m.summarise;
  const scratch = new Float64Array(columns[0][0].length);
  const rows = [];
  for (let r = from; r < to; r++) rows.push(summariseRow(columns[r], input.paybackWithinYears, scratch));
  reply({ summaries: { from, rows } });
});

reply({ ready: true });
while (Atomics.load(counters, STOP) === 0) {
  const i = Atomics.add(counters, NEXT_CHUNK, 1);
  if (i >= input.chunks.length) break;
  evaluateChunk(run, plan, input.chunks[i], input.seed, input.method, columns);
  reply({ done: input.chunks[i].size });
}
reply({ idle: true });
