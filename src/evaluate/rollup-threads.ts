/**
 * The roll-up over threads: the calling thread and `threads − 1` worker threads share the blocks of communes.
 * Each worker prepares the run from the territory file's text and the run's data (`run.data`: the packs and
 * defaults are not read again; a few tenths of a second), then evaluates the blocks it is sent and returns each
 * block's sums; the calling thread evaluates blocks itself meanwhile, and keeps every worker two blocks ahead so
 * that none waits. Blocks are summed in block order at the end, so the numbers are those of `rollUp` on one
 * thread, to the last bit.
 */
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { InputError, InputErrors } from '../core/errors.js';
import type { LoadedTerritory } from '../io/territory.js';
import { runDataForThread, type PreparedRun, type RunOptions, type ThreadRunData } from './engine.js';
import {
  checkCommuneIds,
  rollUp,
  rollUpBlock,
  rollUpBlockLength,
  rollUpBlockSize,
  rollUpContext,
  rollUpResult,
  RollUpInterrupted,
  type RollUpCommune,
  type RollUpOptions,
  type RollUpResult,
} from './rollup.js';

/** What a roll-up worker receives when it starts. */
export interface RollUpWorkerInput {
  territoryText: string;
  territoryFile: string;
  runOptions: RunOptions;
  /** The run's data (`run.data`), from which the worker prepares the same run without reading files again. */
  data: ThreadRunData;
}

/** A block sent to a worker. */
export interface RollUpWorkerRequest {
  block: number;
  first: number;
  communes: RollUpCommune[];
}

/** A worker's answer: the block's sums, or the error that stopped it. */
export type RollUpWorkerReply =
  | { block: number; sums: Float64Array }
  | { block: number; error: { name: string; message: string; json: Record<string, unknown> | null } };

/** The error of a worker, as the calling thread raises it (input errors keep their file, path and fix). */
export function reviveError(e: { name: string; message: string; json: Record<string, unknown> | null }): Error {
  const one = (j: Record<string, unknown>): InputError =>
    new InputError(String(j.message), {
      ...(typeof j.file === 'string' ? { file: j.file } : {}),
      ...(typeof j.line === 'number' ? { line: j.line } : {}),
      ...(typeof j.path === 'string' ? { path: j.path } : {}),
      expected: String(j.expected),
      received: String(j.received),
      fix: String(j.fix),
    });
  if (e.json?.error === 'InputErrors') return new InputErrors((e.json.errors as Record<string, unknown>[]).map(one));
  if (e.json?.error === 'InputError') return one(e.json);
  const error = new Error(e.message);
  error.name = e.name;
  return error;
}

/** Lets the event loop deliver the workers' messages between two blocks of the calling thread. */
const yieldToEvents = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Runs the roll-up of a prepared run over `threads` threads (1: `rollUp` on the calling thread). The workers
 * re-read the territory file, so the run's territory must come from a file.
 * @example
 * // `run`, `territory` and `communes` as for `rollUp`:
 * const r = await rollUpThreads(run, territory, {}, communes, { threads: 2 });
 * r.rows[0].sums.npvEur // the same number as rollUp(run, communes).rows[0].sums.npvEur
 */
export async function rollUpThreads(
  run: PreparedRun,
  territory: LoadedTerritory,
  runOptions: RunOptions,
  communes: readonly RollUpCommune[],
  options: RollUpOptions & { threads?: number } = {},
): Promise<RollUpResult> {
  const threads = Math.max(1, Math.floor(options.threads ?? 1));
  const blockSize = rollUpBlockSize(options);
  const count = Math.ceil(communes.length / blockSize);
  if (threads === 1 || count <= 1) return rollUp(run, communes, options);
  checkCommuneIds(communes);
  const input: RollUpWorkerInput = { territoryText: readFileSync(territory.file, 'utf8'), territoryFile: territory.file, runOptions, data: runDataForThread(run.data) };
  // Run from the TypeScript sources (tsx, vitest), a worker first registers tsx's loader; the built package
  // starts the compiled worker directly.
  const fromSource = import.meta.url.endsWith('.ts');
  const url = new URL(fromSource ? './rollup-worker-tsx.mjs' : './rollup-worker.js', import.meta.url);

  const blocks: Float64Array[] = new Array(count);
  let next = 0;
  let received = 0;
  let done = 0;
  let failure: unknown = null;
  let settle: () => void = () => {};
  const changed = (): void => settle();
  const waitForChange = (): Promise<void> => new Promise((resolve) => (settle = resolve));
  const slice = (b: number): RollUpCommune[] => communes.slice(b * blockSize, (b + 1) * blockSize);
  const finished = (b: number): void => {
    received++;
    done += Math.min(blockSize, communes.length - b * blockSize);
    options.onProgress?.(done, communes.length);
    if (failure === null && received < count && options.shouldStop?.()) failure = new RollUpInterrupted(done, communes.length);
  };
  const ctx = rollUpContext(run);
  const pool = Array.from({ length: threads - 1 }, (_, w) => {
    const state = { worker: new Worker(url, { workerData: input }), pending: 0 };
    const send = (): void => {
      if (failure !== null || next >= count) return;
      const b = next++;
      try {
        state.worker.postMessage({ block: b, first: b * blockSize, communes: slice(b) } satisfies RollUpWorkerRequest);
        state.pending++;
      } catch (error) {
        // A commune that cannot be copied to a thread (a function, a symbol in it): the run stops, workers included.
        failure ??= error;
      }
    };
    state.worker.on('message', (m: RollUpWorkerReply) => {
      state.pending--;
      if ('error' in m) failure ??= reviveError(m.error);
      else {
        blocks[m.block] = m.sums;
        finished(m.block);
        send();
      }
      changed();
    });
    state.worker.on('error', (error) => {
      failure ??= error;
      changed();
    });
    state.worker.on('exit', (code) => {
      if (state.pending > 0) failure ??= new Error(`roll-up worker ${w} stopped (exit code ${code}) with ${state.pending} block(s) not returned`);
      changed();
    });
    // Two blocks ahead: one to compute, one waiting, so that a worker never waits for the calling thread.
    send();
    send();
    return state;
  });

  try {
    while (next < count) {
      if (failure !== null) throw failure;
      const b = next++;
      const sums = new Float64Array(rollUpBlockLength(ctx));
      rollUpBlock(ctx, slice(b), b * blockSize, sums);
      blocks[b] = sums;
      finished(b);
      await yieldToEvents();
    }
    while (failure === null && received < count) await waitForChange();
    if (failure !== null) throw failure;
  } finally {
    await Promise.all(pool.map((s) => s.worker.terminate()));
  }
  return rollUpResult(run, blocks, communes.length, blockSize);
}
