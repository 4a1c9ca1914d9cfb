/**
 * Monte Carlo over worker threads: chunks are dealt round-robin to K workers that write into shared columns;
 * the main thread summarises. Same seed ⇒ same numbers whatever K (each chunk's draws depend only on the seed
 * and the chunk index; see montecarlo.ts).
 */
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { InputError } from '../core/errors.js';
import type { LoadedTerritory } from '../io/territory.js';
import type { PreparedRun, RunOptions } from './engine.js';
import { DEFAULT_CHUNK_SIZE, MC_METRICS, McInterrupted, planUncertainty, rowKeys, runMonteCarlo, summariseColumns, type MonteCarloOptions, type MonteCarloResult } from './montecarlo.js';
import { planChunks } from '../uncertainty/chunks.js';

export interface WorkerInput {
  territoryText: string;
  territoryFile: string;
  runOptions: RunOptions;
  chunks: { index: number; start: number; size: number }[];
  seed: number;
  method: 'lhs' | 'random';
  columns: SharedArrayBuffer[][];
}

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
  const keys = rowKeys(run);
  const plan = planUncertainty(run);
  const buffers = keys.map(() => MC_METRICS.map(() => new SharedArrayBuffer(options.draws * Float32Array.BYTES_PER_ELEMENT)));
  const chunks = planChunks(options.draws, chunkSize);
  const text = readFileSync(territory.file, 'utf8');
  // Run from the TypeScript sources (tsx, vitest), a worker first registers tsx's loader (a small .mjs
  // bootstrap); the built package (dist/) starts the compiled worker directly.
  const fromSource = import.meta.url.endsWith('.ts');
  const url = new URL(fromSource ? './montecarlo-worker-tsx.mjs' : './montecarlo-worker.js', import.meta.url);
  const start = (input: WorkerInput): Worker => new Worker(url, { workerData: input });
  let done = 0;
  const workers: Worker[] = [];
  try {
    await Promise.all(
      Array.from({ length: threads }, (_, w) => {
        const mine = chunks.filter((c) => c.index % threads === w);
        const input: WorkerInput = { territoryText: text, territoryFile: territory.file, runOptions, chunks: mine, seed: options.seed, method, columns: buffers };
        return new Promise<void>((resolve, reject) => {
          const worker = start(input);
          workers.push(worker);
          worker.on('message', (m: { done?: number; finished?: boolean }) => {
            if (m.done) {
              done += m.done;
              options.onProgress?.(done, options.draws);
              if (options.shouldStop?.()) reject(new McInterrupted(done, options.draws));
            }
            if (m.finished) resolve();
          });
          worker.on('error', reject);
          worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`Monte Carlo worker ${w} exited with code ${code}`))));
        });
      }),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  const columns = buffers.map((row) => row.map((b) => new Float32Array(b)));
  return summariseColumns(keys, columns, {
    draws: options.draws,
    seed: options.seed,
    method,
    chunkSize,
    paybackWithinYears: options.paybackWithinYears ?? 10,
    quantities: plan.quantities,
  });
}
