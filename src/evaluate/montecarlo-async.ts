/**
 * Monte Carlo that yields to the event loop between chunks, for a server that streams progress while it
 * computes (`territoires serve`). Same numbers as `runMonteCarlo` (same chunks, same seeds); it only awaits
 * between chunks, and stops when `signal` is aborted.
 */
import { setImmediate as nextTick } from 'node:timers/promises';
import { planChunks } from '../uncertainty/chunks.js';
import type { PreparedRun } from './engine.js';
import {
  DEFAULT_CHUNK_SIZE,
  evaluateChunk,
  MC_METRICS,
  McInterrupted,
  planUncertainty,
  rowKeys,
  summariseColumns,
  type MonteCarloOptions,
  type MonteCarloResult,
} from './montecarlo.js';

export async function runMonteCarloAsync(
  run: PreparedRun,
  options: Omit<MonteCarloOptions, 'shouldStop'> & { signal?: AbortSignal },
): Promise<MonteCarloResult> {
  const { draws, seed } = options;
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const method = options.method ?? 'lhs';
  const plan = planUncertainty(run);
  const keys = rowKeys(run);
  const columns = keys.map(() => MC_METRICS.map(() => new Float32Array(draws)));
  let done = 0;
  for (const chunk of planChunks(draws, chunkSize)) {
    if (options.signal?.aborted) throw new McInterrupted(done, draws);
    evaluateChunk(run, plan, chunk, seed, method, (row, metric, draw, value) => {
      columns[row][metric][draw] = value;
    });
    done += chunk.size;
    options.onProgress?.(done, draws);
    await nextTick();
  }
  return summariseColumns(keys, columns, { draws, seed, method, chunkSize, paybackWithinYears: options.paybackWithinYears ?? 10, quantities: plan.quantities });
}
