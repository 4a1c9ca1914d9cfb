/**
 * Monte Carlo over worker threads. Each worker prepares the run once, then takes chunks one at a time as it
 * finishes the previous one (a slow or busy core takes fewer), writing their metrics into shared columns; when
 * every draw is in, the workers summarise their share of the rows (percentiles of 100,000 draws for a thousand
 * columns are real work too) and the main thread assembles the result. Same seed ⇒ same numbers whatever the
 * number of threads or the order chunks are computed in (each chunk's draws depend only on the seed and the chunk
 * index; see montecarlo.ts).
 */
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { InputError } from '../core/errors.js';
import type { LoadedTerritory } from '../io/territory.js';
import type { PreparedRun, RunOptions } from './engine.js';
import {
  DEFAULT_CHUNK_SIZE,
  MC_METRICS,
  McInterrupted,
  planUncertainty,
  rowKeys,
  runMonteCarlo,
  type MonteCarloOptions,
  type MonteCarloResult,
  type MonteCarloRow,
} from './montecarlo.js';
import { planChunks } from '../uncertainty/chunks.js';

/** What a worker receives when it starts. */
export interface WorkerInput {
  territoryText: string;
  territoryFile: string;
  runOptions: RunOptions;
  seed: number;
  method: 'lhs' | 'random';
  paybackWithinYears: number;
  /** Metric columns by row then metric: `draws` Float32 values each. */
  columns: SharedArrayBuffer[][];
}

/** Messages from the main thread: a chunk to evaluate, or rows to summarise. */
export type WorkerRequest = { chunk: { index: number; start: number; size: number } } | { summarise: { from: number; to: number } };

/** Messages from a worker. */
export type WorkerReply =
  | { ready: true }
  | { done: number }
  | { summaries: { from: number; rows: Pick<MonteCarloRow, 'metrics' | 'probabilities'>[] } };

/**
 * Runs the Monte Carlo of a prepared run on `threads` worker threads (1: on the calling thread). The workers
 * re-read the territory file, so the territory must come from a file.
 */
export async function runMonteCarloThreads(
  run: PreparedRun,
  territory: LoadedTerritory,
  runOptions: RunOptions,
  options: MonteCarloOptions & { threads?: number },
): Promise<MonteCarloResult> {
  const threads = Math.max(1, Math.floor(options.threads ?? 1));
  if (threads === 1 || options.draws <= (options.chunkSize ?? DEFAULT_CHUNK_SIZE)) return runMonteCarlo(run, options);
  if (!Number.isSafeInteger(options.draws) || options.draws < 1) {
    throw new InputError('invalid number of draws', { path: '--draws', expected: 'a whole number ≥ 1', received: String(options.draws), fix: 'e.g. --draws 10000' });
  }
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const method = options.method ?? 'lhs';
  const paybackWithinYears = options.paybackWithinYears ?? 10;
  const keys = rowKeys(run);
  const plan = planUncertainty(run);
  const buffers = keys.map(() => MC_METRICS.map(() => new SharedArrayBuffer(options.draws * Float32Array.BYTES_PER_ELEMENT)));
  const pending = planChunks(options.draws, chunkSize);
  const input: WorkerInput = {
    territoryText: readFileSync(territory.file, 'utf8'),
    territoryFile: territory.file,
    runOptions,
    seed: options.seed,
    method,
    paybackWithinYears,
    columns: buffers,
  };
  // Run from the TypeScript sources (tsx, vitest), a worker first registers tsx's loader (a small .mjs
  // bootstrap); the built package (dist/) starts the compiled worker directly.
  const fromSource = import.meta.url.endsWith('.ts');
  const url = new URL(fromSource ? './montecarlo-worker-tsx.mjs' : './montecarlo-worker.js', import.meta.url);
  const summaries: Pick<MonteCarloRow, 'metrics' | 'probabilities'>[] = new Array(keys.length);
  // Rows to summarise, split evenly between the workers once every chunk is done.
  const share = Math.ceil(keys.length / threads);
  let done = 0;
  let summarising = false;
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let idle = 0;
      let finished = 0;
      const assign = (worker: Worker): void => {
        const chunk = pending.shift();
        if (chunk) {
          worker.postMessage({ chunk } satisfies WorkerRequest);
          return;
        }
        idle++;
        if (idle < threads) return; // others still computing: the rows are summarised when all draws are in
        summarising = true;
        workers.forEach((other, k) => {
          const from = Math.min(k * share, keys.length);
          const to = Math.min(from + share, keys.length);
          if (from < to) other.postMessage({ summarise: { from, to } } satisfies WorkerRequest);
          else finished++;
        });
        if (finished === threads) resolve();
      };
      for (let w = 0; w < threads; w++) {
        const worker = new Worker(url, { workerData: input });
        workers.push(worker);
        worker.on('message', (m: WorkerReply) => {
          if ('ready' in m) assign(worker);
          else if ('done' in m) {
            done += m.done;
            options.onProgress?.(done, options.draws);
            if (options.shouldStop?.()) reject(new McInterrupted(done, options.draws));
            else assign(worker);
          } else {
            m.summaries.rows.forEach((row, i) => (summaries[m.summaries.from + i] = row));
            finished++;
            if (finished === threads) resolve();
          }
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (!summarising || finished < threads) reject(new Error(`Monte Carlo worker ${w} stopped (exit code ${code}) before its work was done`));
        });
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return {
    draws: options.draws,
    seed: options.seed,
    method,
    chunkSize,
    paybackWithinYears,
    quantities: plan.quantities,
    results: keys.map((key, r) => ({ ...key, ...summaries[r] })),
  };
}
