/**
 * Seeded pseudo-random numbers: xoshiro128** seeded through SplitMix64.
 *
 * Generator. xoshiro128** 1.1 (Blackman & Vigna): a 128-bit state of four 32-bit words, period 2^128 − 1,
 * one multiply-rotate-multiply scrambler (`rotl(s1 × 5, 7) × 9`) over a linear xor/shift/rotate engine.
 * It passes BigCrush and PractRand and runs on 32-bit integer operations only, which JavaScript does natively
 * (`Math.imul`, `>>>`). A double in [0, 1) takes two 32-bit outputs (27 + 26 = 53 random bits), the usual
 * `(a × 2^26 + b) / 2^53` construction, so every double on the 2^-53 grid is equally likely.
 *
 * Seeding. A seed (any safe integer) and a stream number are turned into the 128-bit state by SplitMix64
 * (Steele, Lea & Flood 2014), as Vigna recommends for seeding xoshiro: the stream's key is output number
 * `stream` of a SplitMix64 generator seeded with `seed`, i.e. `mix64(seed + (stream + 1)·γ)`, γ = 0x9e3779b97f4a7c15
 * (distinct streams give distinct keys because γ is odd and `mix64` is a bijection); the state is then the first
 * two outputs of a SplitMix64 seeded with that key. Streams are therefore statistically independent draws of a
 * 128-bit state; with at most millions of streams the chance that two overlap over the draws a run uses is
 * negligible (a state collision has probability ≈ k²/2^129 for k streams).
 *
 * Chunks. `chunkSeed(runSeed, chunkIndex)` gives chunk k its own seed whatever thread samples it, so a Monte
 * Carlo run split into fixed-size chunks draws the same numbers on 1 or 16 threads.
 *
 * References:
 * - D. Blackman, S. Vigna, "Scrambled Linear Pseudorandom Number Generators", ACM Transactions on Mathematical
 *   Software 47(4), 2021, art. 36; reference C code https://prng.di.unimi.it/xoshiro128starstar.c
 * - G. L. Steele, D. Lea, C. H. Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014;
 *   reference C code https://prng.di.unimi.it/splitmix64.c
 */

/** A seeded source of uniform numbers. Each call advances the state; no call allocates. */
export interface Rng {
  /** A uniform double in [0, 1) with 53 random bits. */
  next(): number;
  /** A uniform double in the open interval (0, 1): `next()` shifted by half a grid step (2^-54), never 0 or 1. */
  nextOpen(): number;
  /** A uniform integer in [0, 2^32). */
  nextUint32(): number;
  /** The current 128-bit state as four unsigned 32-bit words `[s0, s1, s2, s3]` (for tests and checkpoints). */
  state(): [number, number, number, number];
}

const MASK64 = (1n << 64n) - 1n;
const GOLDEN_GAMMA = 0x9e3779b97f4a7c15n;
const TWO_POW_26 = 67_108_864;
const TWO_POW_53 = 9_007_199_254_740_992;
const HALF_STEP = 1 / 18_014_398_509_481_984; // 2^-54

/** SplitMix64's output function: a bijection of 64-bit integers (Stafford's "Mix13" variant). */
function mix64(z: bigint): bigint {
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
  return z ^ (z >> 31n);
}

/**
 * A SplitMix64 generator: `state += γ; return mix64(state)`, on unsigned 64-bit integers.
 *
 * Used here only to seed xoshiro128**; exported so that tests can check it against the reference outputs.
 * @param seed initial state; reduced modulo 2^64 (a negative seed is taken in two's complement)
 * @returns a function giving the next 64-bit output as a bigint
 * @see https://prng.di.unimi.it/splitmix64.c
 * @example splitMix64(1234567n)() // 6457827717110365317n (reference output, Rosetta Code "Splitmix64")
 */
export function splitMix64(seed: bigint): () => bigint {
  let state = BigInt.asUintN(64, seed);
  return () => {
    state = (state + GOLDEN_GAMMA) & MASK64;
    return mix64(state);
  };
}

function requireSafeInteger(fn: string, arg: string, value: number, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) {
    const bound = min === 0 ? 'a non-negative safe integer' : 'a safe integer';
    throw new RangeError(`${fn}: ${arg} must be ${bound}, received ${String(value)}`);
  }
}

/** Key of stream `stream` under `seed`: output number `stream` of SplitMix64 seeded with `seed`. */
function streamKey(seed: number, stream: number): bigint {
  return mix64(BigInt.asUintN(64, BigInt(seed) + BigInt(stream + 1) * GOLDEN_GAMMA));
}

class Xoshiro128StarStar implements Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(s0: number, s1: number, s2: number, s3: number) {
    this.s0 = s0 | 0;
    this.s1 = s1 | 0;
    this.s2 = s2 | 0;
    this.s3 = s3 | 0;
    // The all-zero state is the one fixed point of the linear engine; SplitMix64 seeding cannot produce it
    // in practice (probability 2^-128), a hand-set state could.
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) {
      throw new RangeError('createRng: the xoshiro128** state must not be all zeros');
    }
  }

  nextUint32(): number {
    const s1 = this.s1;
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= s1;
    this.s1 = s1 ^ this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = (this.s3 << 11) | (this.s3 >>> 21);
    return result;
  }

  next(): number {
    const high = this.nextUint32() >>> 5; // 27 bits
    const low = this.nextUint32() >>> 6; // 26 bits
    return (high * TWO_POW_26 + low) / TWO_POW_53;
  }

  nextOpen(): number {
    return this.next() + HALF_STEP;
  }

  state(): [number, number, number, number] {
    return [this.s0 >>> 0, this.s1 >>> 0, this.s2 >>> 0, this.s3 >>> 0];
  }
}

/**
 * A seeded xoshiro128** generator. The same `(seed, stream)` always gives the same sequence, on any machine.
 *
 * The state is the first two SplitMix64 outputs of the stream's key `mix64(seed + (stream + 1)·γ)`, split into
 * four 32-bit words (low word first). Use different streams for different purposes under one run seed
 * (e.g. stream 0 to sample, stream 1 to bootstrap).
 *
 * @param seed run seed [safe integer, may be negative]
 * @param stream stream number [non-negative safe integer], default 0
 * @returns a generator; `next()` is uniform on [0, 1) with 53 random bits
 * @throws RangeError when `seed` or `stream` is not a (non-negative) safe integer
 * @see Blackman & Vigna 2021, https://prng.di.unimi.it/
 * @example createRng(42).nextUint32() // 1552505907 (the same on every run and machine)
 */
export function createRng(seed: number, stream = 0): Rng {
  requireSafeInteger('createRng', 'seed', seed, Number.MIN_SAFE_INTEGER);
  requireSafeInteger('createRng', 'stream', stream, 0);
  const split = splitMix64(streamKey(seed, stream));
  const a = split();
  const b = split();
  const word = (x: bigint, shift: bigint) => Number((x >> shift) & 0xffffffffn);
  return new Xoshiro128StarStar(word(a, 0n), word(a, 32n), word(b, 0n), word(b, 32n));
}

/**
 * A xoshiro128** generator started from an explicit 128-bit state, as the reference C code does
 * (`s[0..3]`). For checking the generator against published test vectors and for resuming from `state()`.
 *
 * @param state four unsigned 32-bit words `[s0, s1, s2, s3]`, not all zero
 * @throws RangeError when a word is not an integer in [0, 2^32) or all words are zero
 * @example rngFromState([1, 2, 3, 4]).nextUint32() // 11520 = rotl(2 × 5, 7) × 9
 */
export function rngFromState(state: readonly [number, number, number, number]): Rng {
  for (let i = 0; i < 4; i++) {
    const w = state[i];
    if (!Number.isInteger(w) || w < 0 || w > 0xffffffff) {
      throw new RangeError(`rngFromState: state[${i}] must be an integer in [0, 2^32), received ${String(w)}`);
    }
  }
  return new Xoshiro128StarStar(state[0], state[1], state[2], state[3]);
}

/**
 * The seed of chunk `chunkIndex` of a run: a 53-bit integer derived from the run seed and the chunk index only.
 *
 * `createRng(chunkSeed(runSeed, k))` is chunk k's generator. Because it depends on nothing else (not the thread,
 * not the order chunks are processed in, not how many chunks came before on the same thread), a run gives the
 * same numbers whatever the number of worker threads. The value is the stream key `mix64(runSeed + (k + 1)·γ)`
 * reduced to its low 53 bits, so it is exact as a JavaScript number.
 *
 * @param runSeed the run's seed [safe integer]
 * @param chunkIndex 0-based chunk index [non-negative safe integer]
 * @returns a seed [integer in [0, 2^53)]
 * @throws RangeError on a non-integer seed or a negative chunk index
 * @example chunkSeed(42, 0) === chunkSeed(42, 0) // true; chunkSeed(42, 1) differs
 */
export function chunkSeed(runSeed: number, chunkIndex: number): number {
  requireSafeInteger('chunkSeed', 'runSeed', runSeed, Number.MIN_SAFE_INTEGER);
  requireSafeInteger('chunkSeed', 'chunkIndex', chunkIndex, 0);
  return Number(BigInt.asUintN(53, streamKey(runSeed, chunkIndex)));
}
