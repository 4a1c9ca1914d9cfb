import { describe, expect, it } from 'vitest';
import { chunkSeed, createRng, rngFromState, splitMix64 } from '../../src/uncertainty/rng.js';

describe('xoshiro128** (rngFromState)', () => {
  it('reproduces the reference C implementation on a published state', () => {
    // Test data of edorfaus/xoshiro-6502 (test-rom/testdata.asm), "used to initialize the C reference
    // implementation to generate the other test data": state 964D4A0C D40AB895 AD7FDECB 3006F0F0 gives the
    // xoshiro128** outputs F1391922 6FE53806 A5BE2840 F510EE70 and, after them, the state FC65379C 52006D70
    // 87487639 F1908343.
    const rng = rngFromState([0x964d4a0c, 0xd40ab895, 0xad7fdecb, 0x3006f0f0]);
    expect([rng.nextUint32(), rng.nextUint32(), rng.nextUint32(), rng.nextUint32()]).toEqual([
      0xf1391922, 0x6fe53806, 0xa5be2840, 0xf510ee70,
    ]);
    expect(rng.state()).toEqual([0xfc65379c, 0x52006d70, 0x87487639, 0xf1908343]);
  });

  it('computes the scrambler rotl(s1 × 5, 7) × 9 by hand', () => {
    // Hand calculation from https://prng.di.unimi.it/xoshiro128starstar.c with s = [1, 2, 3, 4]:
    // s1 = 2 → rotl(10, 7) × 9 = 1280 × 9 = 11520.
    expect(rngFromState([1, 2, 3, 4]).nextUint32()).toBe(11520);
  });

  it('rejects the all-zero state and words outside [0, 2^32)', () => {
    expect(() => rngFromState([0, 0, 0, 0])).toThrow(/all zeros/);
    expect(() => rngFromState([2 ** 32, 0, 0, 1])).toThrow(/rngFromState: state\[0\]/);
  });
});

describe('splitMix64', () => {
  it('reproduces the reference outputs for seed 1234567', () => {
    // Rosetta Code, "Pseudo-random numbers/Splitmix64": first five outputs for seed 1234567.
    const next = splitMix64(1234567n);
    expect([next(), next(), next(), next(), next()]).toEqual([
      6457827717110365317n,
      3203168211198807973n,
      9817491932198370423n,
      4593380528125082431n,
      16408922859458223821n,
    ]);
  });
});

describe('createRng', () => {
  it('gives the same sequence for the same seed and stream, another for another seed or stream', () => {
    const take = (seed: number, stream = 0) => {
      const rng = createRng(seed, stream);
      return Array.from({ length: 8 }, () => rng.nextUint32());
    };
    expect(take(42)).toEqual(take(42));
    expect(take(42, 3)).toEqual(take(42, 3));
    expect(take(42)).not.toEqual(take(43));
    expect(take(42, 0)).not.toEqual(take(42, 1));
    expect(take(-7)).not.toEqual(take(7));
  });

  it('seeds the state from SplitMix64 as documented', () => {
    // Stream key = mix64(seed + (stream + 1)·γ) = output number `stream` of SplitMix64(seed); the state is the
    // first two SplitMix64 outputs of that key, low word first.
    const seed = 42;
    const stream = 2;
    const keys = splitMix64(BigInt(seed));
    keys();
    keys();
    const key = keys();
    const words = splitMix64(key);
    const a = words();
    const b = words();
    const lo = (x: bigint) => Number(x & 0xffffffffn);
    const hi = (x: bigint) => Number(x >> 32n);
    expect(createRng(seed, stream).state()).toEqual([lo(a), hi(a), lo(b), hi(b)]);
  });

  it('next() is in [0, 1) and nextOpen() in (0, 1), with 53-bit resolution', () => {
    const rng = createRng(1);
    let min = 1;
    let max = 0;
    let fractional = false;
    for (let i = 0; i < 100_000; i++) {
      const u = rng.next();
      const v = rng.nextOpen();
      min = Math.min(min, u, v);
      max = Math.max(max, u, v);
      // A 32-bit construction would make u·2^32 an integer; 53 bits leave a fractional part almost always.
      if (!Number.isInteger(u * 2 ** 32)) fractional = true;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(fractional).toBe(true);
  });

  it('is uniform: mean ≈ 1/2 and a chi-square test on 10 bins passes', () => {
    const n = 100_000;
    const rng = createRng(2024);
    const counts = new Array<number>(10).fill(0);
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const u = rng.next();
      sum += u;
      counts[Math.floor(u * 10)]++;
    }
    // The mean of n uniforms has standard deviation √(1/12/n) ≈ 0.00091; 5 of them = 0.0046.
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(0.0046);
    const expected = n / 10;
    const chi2 = counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
    // Critical value of χ² with 9 degrees of freedom at the 0.001 level: 27.877 (scipy.stats.chi2.ppf(0.999, 9);
    // NIST/SEMATECH e-Handbook, table 1.3.6.7.4).
    expect(chi2).toBeLessThan(27.877);
  });

  it('rejects seeds and streams that are not safe integers', () => {
    expect(() => createRng(1.5)).toThrow(/createRng: seed/);
    expect(() => createRng(2 ** 53)).toThrow(/createRng: seed/);
    expect(() => createRng(1, -1)).toThrow(/createRng: stream/);
  });
});

describe('chunkSeed', () => {
  it('depends on the run seed and the chunk index only, and differs between chunks', () => {
    expect(chunkSeed(42, 5)).toBe(chunkSeed(42, 5));
    const seeds = new Set(Array.from({ length: 1000 }, (_, k) => chunkSeed(42, k)));
    expect(seeds.size).toBe(1000);
    expect(chunkSeed(43, 5)).not.toBe(chunkSeed(42, 5));
  });

  it('is the stream key reduced to 53 bits', () => {
    // Key of chunk k = output number k of SplitMix64(runSeed); low 53 bits.
    const keys = splitMix64(7n);
    keys();
    const key1 = keys();
    expect(chunkSeed(7, 1)).toBe(Number(key1 & ((1n << 53n) - 1n)));
    expect(Number.isSafeInteger(chunkSeed(7, 1))).toBe(true);
  });

  it('rejects a negative or fractional chunk index', () => {
    expect(() => chunkSeed(1, -1)).toThrow(/chunkSeed: chunkIndex/);
    expect(() => chunkSeed(1, 0.5)).toThrow(/chunkSeed: chunkIndex/);
  });
});
