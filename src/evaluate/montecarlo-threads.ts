/**
 * Monte Carlo over threads: the calling thread and `threads − 1` worker threads share the chunks. The calling
 * thread has the run prepared already, so it starts at once; each worker prepares the run from the territory's
 * text and the run's data (`run.data`: the packs and defaults are not read again; a few tenths of a second, mostly
 * loading modules) and then takes chunks one at a time as it finishes the previous one, so a slow or busy core
 * takes fewer. A short run is over before the workers are ready: it then costs what one thread
 * costs, and the workers are stopped unused. Every thread claims the next chunk itself from a shared counter
 * (`Atomics.add`), so no thread waits for another to hand it work. Metrics go into shared columns; when every draw
 * is in, the calling thread and the ready workers summarise a share of the rows each (percentiles of 100,000 draws
 * for a thousand columns are real work too).
 *
 * Same seed ⇒ same numbers whatever the number of threads or which thread computes which chunk: each chunk's
 * draws depend only on the seed and the chunk index (see montecarlo.ts).
 */
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { InputError } from '../core/errors.js';
import type { LoadedTerritory } from '../io/territory.js';
import { runDataForThread, type PreparedRun, type RunOptions, type ThreadRunData } from './engine.js';
import {
  DEFAULT_CHUNK_SIZE,
  evaluateChunk,
  MC_METRICS,
  McInterrupted,
  planUncertainty,
  rowKeys,
  runMonteCarlo,
  summariseRow,
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
  /** The run's data (`run.data`), from which the worker prepares the same run without reading files again. */
  data: ThreadRunData;
  seed: number;
  method: 'lhs' | 'random';
  paybackWithinYears: number;
  /** Metric columns by row then metric: `draws` Float32 values each. */
  columns: SharedArrayBuffer[][];
  /** The chunks, in index order; threads claim them by index. */
  chunks: { index: number; start: number; size: number }[];
  /** Two Int32 slots: the index of the next chunk to claim, and a stop flag (1: claim no more). */
  control: SharedArrayBuffer;
}

/** Messages from the calling thread: rows to summarise once every draw is in. */
export type WorkerRequest = { summarise: { from: number; to: number } };

/** Messages from a worker. */
export type WorkerReply =
  | { ready: true }
  | { done: number }
  | { idle: true }
  | { summaries: { from: number; rows: Pick<MonteCarloRow, 'metrics' | 'probabilities'>[] } };

/** Index of the next chunk to claim, in `WorkerInput.control`. */
export const NEXT_CHUNK = 0;
/** Stop flag in `WorkerInput.control`: 1 once the run is stopped (Ctrl-C) or has failed. */
export const STOP = 1;

type Summary = Pick<MonteCarloRow, 'metrics' | 'probabilities'>;

/** Lets the event loop deliver the workers' messages between two chunks of the calling thread. */
const yieldToEvents = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Runs the Monte Carlo of a prepared run on `threads` threads: the calling thread and `threads − 1` workers
 * (1: the calling thread alone). The workers re-read the territory file, so the territory must come from a file.
 */
export async function runMonteCarloThreads(
  run: PreparedRun,
  territory: LoadedTerritory,
  runOptions: RunOptions,
  options: MonteCarloOptions & {
    threads?: number;
    /**
     * Whether the calling thread computes chunks too (default true). False leaves them all to the workers, e.g.
     * for a caller whose event loop must stay responsive, or to test the workers themselves.
     */
    callerComputes?: boolean;
  },
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
  const columns = buffers.map((row) => row.map((b) => new Float32Array(b)));
  const chunks = planChunks(options.draws, chunkSize);
  const control = new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT);
  const counters = new Int32Array(control);
  const input: WorkerInput = {
    territoryText: readFileSync(territory.file, 'utf8'),
    territoryFile: territory.file,
    runOptions,
    data: runDataForThread(run.data),
    seed: options.seed,
    method,
    paybackWithinYears,
    columns: buffers,
    chunks,
    control,
  };
  // Run from the TypeScript sources (tsx, vitest), a worker first registers tsx's loader (a small .mjs
  // bootstrap); the built package (dist/) starts the compiled worker directly.
  const fromSource = import.meta.url.endsWith('.ts');
  const url = new URL(fromSource ? './montecarlo-worker-tsx.mjs' : './montecarlo-worker.js', import.meta.url);

  let done = 0;
  let failure: unknown = null;
  const stop = (reason: unknown): void => {
    failure ??= reason;
    Atomics.store(counters, STOP, 1);
  };
  const progress = (size: number): void => {
    done += size;
    options.onProgress?.(done, options.draws);
    if (failure === null && options.shouldStop?.()) stop(new McInterrupted(done, options.draws));
  };
  let settle: () => void = () => {};
  const changed = (): void => settle();
  const waitForChange = (): Promise<void> => new Promise((resolve) => (settle = resolve));
  const summaries: Summary[] = new Array(keys.length);
  let summariesExpected = 0;
  const pool = Array.from({ length: threads - 1 }, (_, w) => {
    const state = { worker: new Worker(url, { workerData: input }), ready: false, computing: false };
    state.worker.on('message', (m: WorkerReply) => {
      if ('ready' in m) {
        state.ready = true;
        state.computing = true;
      } else if ('done' in m) progress(m.done);
      else if ('idle' in m) state.computing = false;
      else {
        m.summaries.rows.forEach((row, i) => (summaries[m.summaries.from + i] = row));
        summariesExpected--;
      }
      changed();
    });
    state.worker.on('error', (error) => {
      stop(error);
      changed();
    });
    state.worker.on('exit', (code) => {
      if (state.computing || summariesExpected > 0) stop(new Error(`Monte Carlo worker ${w} stopped (exit code ${code}) before its work was done`));
      changed();
    });
    return state;
  });

  try {
    // The calling thread claims chunks like the workers, letting their messages in between two of its chunks.
    if (options.callerComputes ?? true) {
      for (;;) {
        if (failure !== null) throw failure;
        const i = Atomics.add(counters, NEXT_CHUNK, 1);
        if (i >= chunks.length) break;
        evaluateChunk(run, plan, chunks[i], options.seed, method, columns);
        progress(chunks[i].size);
        await yieldToEvents();
      }
    }
    // Every chunk is claimed (or, the calling thread not computing, will be): wait until every draw is in.
    while (failure === null && done < options.draws) await waitForChange();
    if (failure !== null) throw failure;

    // Summaries: the calling thread and every ready worker take an equal share of the rows.
    const ready = pool.filter((s) => s.ready);
    const share = Math.ceil(keys.length / (ready.length + 1));
    ready.forEach((state, k) => {
      const from = Math.min((k + 1) * share, keys.length);
      const to = Math.min(from + share, keys.length);
      if (from < to) {
        summariesExpected++;
        state.worker.postMessage({ summarise: { from, to } } satisfies WorkerRequest);
      }
    });
    const scratch = new Float64Array(options.draws);
    for (let r = 0; r < Math.min(share, keys.length); r++) summaries[r] = summariseRow(columns[r], paybackWithinYears, scratch);
    while (failure === null && summariesExpected > 0) await waitForChange();
    if (failure !== null) throw failure;
  } finally {
    Atomics.store(counters, STOP, 1);
    await Promise.all(pool.map((s) => s.worker.terminate()));
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
