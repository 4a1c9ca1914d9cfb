import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { Distribution } from '../../src/core/parameter.js';
import { planChunks, sampleChunk, sampleRun, type Chunk } from '../../src/uncertainty/chunks.js';
import { sampleColumns } from '../../src/uncertainty/lhs.js';
import { chunkSeed, createRng } from '../../src/uncertainty/rng.js';
import { spearman } from '../../src/uncertainty/rankCorrelation.js';

const dists: Distribution[] = [
  { type: 'pert', low: 50, mode: 120, high: 250 },
  { type: 'normal', mean: 0.55, sd: 0.1, low: 0.3, high: 1 },
  { type: 'lognormal', mu: 0, sigma: 0.5 },
  { type: 'discrete', values: [8, 12, 15] },
];
const correlation = [
  [1, 0.6, 0, 0],
  [0.6, 1, 0, 0],
  [0, 0, 1, -0.4],
  [0, 0, -0.4, 1],
];
const draws = 10_007; // not a multiple of the chunk size: the last chunk is shorter
const chunkSize = 1000;
const seed = 20_260_101;

/** Bit-for-bit equality of two sets of columns (faster and stricter than a deep equality on 40,000 numbers). */
function expectIdentical(actual: Float64Array[], expected: Float64Array[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((column, j) => {
    const a = Buffer.from(column.buffer, column.byteOffset, column.byteLength);
    const b = Buffer.from(expected[j].buffer, expected[j].byteOffset, expected[j].byteLength);
    expect(a.equals(b), `column ${j} differs`).toBe(true);
  });
}

/** Samples the given chunks, in the given order, into fresh full-length columns. */
function sampleInOrder(chunks: Chunk[], method: 'lhs' | 'random', withCorrelation: boolean): Float64Array[] {
  const out = dists.map(() => new Float64Array(draws));
  for (const c of chunks) {
    sampleChunk(dists, seed, c.index, c.start, c.size, method, {
      out,
      correlation: withCorrelation ? correlation : undefined,
    });
  }
  return out;
}

/** Simulates k threads: chunks dealt round-robin, each thread processing its list, threads interleaved backwards. */
function sampleWithThreads(k: number, method: 'lhs' | 'random', withCorrelation: boolean): Float64Array[] {
  const chunks = planChunks(draws, chunkSize);
  const perThread: Chunk[][] = Array.from({ length: k }, () => []);
  chunks.forEach((c, i) => perThread[i % k].push(c));
  return sampleInOrder(perThread.reverse().flat(), method, withCorrelation);
}

describe('planChunks', () => {
  it('covers the draws once, in chunks of the run size, the last holding the remainder', () => {
    expect(planChunks(10, 4)).toEqual([
      { index: 0, start: 0, size: 4 },
      { index: 1, start: 4, size: 4 },
      { index: 2, start: 8, size: 2 },
    ]);
    const chunks = planChunks(draws, chunkSize);
    expect(chunks).toHaveLength(11);
    expect(chunks.reduce((s, c) => s + c.size, 0)).toBe(draws);
    expect(chunks[10]).toEqual({ index: 10, start: 10_000, size: 7 });
  });

  it('rejects non-positive or fractional sizes', () => {
    expect(() => planChunks(0, 10)).toThrow(/^planChunks: draws/);
    expect(() => planChunks(10, 2.5)).toThrow(/^planChunks: chunkSize/);
  });
});

describe('sampleChunk determinism', () => {
  for (const method of ['lhs', 'random'] as const) {
    for (const withCorrelation of [false, true]) {
      it(`gives identical numbers whatever the order and number of threads (${method}${withCorrelation ? ', correlated' : ''})`, () => {
        const reference = sampleRun(dists, {
          draws,
          chunkSize,
          seed,
          method,
          correlation: withCorrelation ? correlation : undefined,
        });
        const reversed = sampleInOrder(planChunks(draws, chunkSize).reverse(), method, withCorrelation);
        expectIdentical(reversed, reference);
        for (const threads of [1, 2, 3, 7, 16]) {
          expectIdentical(sampleWithThreads(threads, method, withCorrelation), reference);
        }
      });
    }
  }

  it('samples a chunk alone exactly as its slice of the run, from createRng(chunkSeed(seed, index))', () => {
    const run = sampleRun(dists, { draws, chunkSize, seed });
    const alone = sampleChunk(dists, seed, 4, 4000, 1000, 'lhs');
    expectIdentical(alone, run.map((column) => column.subarray(4000, 5000)));
    // Documented stream: the chunk's own generator, LHS within the chunk.
    expectIdentical(alone, sampleColumns(dists, 1000, createRng(chunkSeed(seed, 4))));
  });

  it('stratifies within each chunk (chunked LHS)', () => {
    const [u] = sampleRun([{ type: 'uniform', low: 0, high: 1 }], { draws: 3000, chunkSize: 1000, seed: 5 });
    for (let c = 0; c < 3; c++) {
      const strata = new Uint8Array(1000);
      for (let i = 0; i < 1000; i++) strata[Math.floor(u[c * 1000 + i] * 1000)]++;
      expect(strata.every((count) => count === 1)).toBe(true);
    }
  });

  it('imposes the rank correlation within every chunk', () => {
    const [a, b] = sampleRun(dists, { draws: 4000, chunkSize: 2000, seed, correlation });
    // Sampling noise of a rank correlation at n = 2000 ≈ (1 − 0.36)/√2000 ≈ 0.014; tolerance 0.03.
    expect(Math.abs(spearman(a.subarray(0, 2000), b.subarray(0, 2000)) - 0.6)).toBeLessThan(0.03);
    expect(Math.abs(spearman(a.subarray(2000), b.subarray(2000)) - 0.6)).toBeLessThan(0.03);
  });

  it('changes with the seed and with the chunk size (a property of the run)', () => {
    const base = sampleRun(dists, { draws: 2000, chunkSize: 500, seed: 1 });
    expect(sampleRun(dists, { draws: 2000, chunkSize: 500, seed: 2 })).not.toEqual(base);
    expect(sampleRun(dists, { draws: 2000, chunkSize: 1000, seed: 1 })).not.toEqual(base);
  });

  it('rejects bad placement and output columns', () => {
    expect(() => sampleChunk(dists, seed, 0, -1, 10, 'lhs')).toThrow(/^sampleChunk: chunkStart/);
    expect(() => sampleChunk(dists, seed, 0, 0, 0, 'lhs')).toThrow(/^sampleChunk: chunkSize/);
    const short = dists.map(() => new Float64Array(50));
    expect(() => sampleChunk(dists, seed, 1, 40, 20, 'lhs', { out: short })).toThrow(/^sampleChunk: out\[0\] must be a Float64Array of at least 60/);
    expect(() => sampleChunk(dists, seed, 0, 0, 10, 'lhs', { out: short.slice(1) })).toThrow(/^sampleChunk: out must hold 4/);
  });
});

describe('sampleChunk on real worker threads', () => {
  const workerUrl = new URL('./fixtures/chunkWorker.ts', import.meta.url).href;
  it('fills shared columns with the same numbers as one thread, for 2 and 3 workers', async () => {
    const reference = sampleRun(dists, { draws, chunkSize, seed, correlation });
    for (const workers of [2, 3]) {
      const buffers = dists.map(() => new SharedArrayBuffer(draws * Float64Array.BYTES_PER_ELEMENT));
      const chunks = planChunks(draws, chunkSize);
      const shares: Chunk[][] = Array.from({ length: workers }, () => []);
      chunks.forEach((c, i) => shares[i % workers].push(c));
      await Promise.all(
        shares.map(
          (share) =>
            new Promise<void>((resolve, reject) => {
              // The worker registers tsx's ESM loader, then imports the TypeScript worker module.
              const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(workerUrl)}); });`;
              const worker = new Worker(bootstrap, {
                eval: true,
                workerData: { dists, seed, method: 'lhs', correlation, chunks: share, buffers },
              });
              worker.once('message', () => resolve());
              worker.once('error', reject);
              worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker exited with ${code}`))));
            }),
        ),
      );
      expectIdentical(
        buffers.map((buffer) => new Float64Array(buffer)),
        reference,
      );
    }
  });
});
