/** Helpers for the econometrics tests: seeded random numbers and NIST's log relative error. */

/** mulberry32: a small seeded uniform generator on [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draws (Box–Muller) from a seeded uniform generator. */
export function normalGenerator(seed: number): () => number {
  const u = mulberry32(seed);
  return () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
}

/**
 * Log relative error, the number of significant digits in common with a certified value (NIST's measure, as in
 * McCullough, "Assessing the reliability of statistical software", The American Statistician 52, 1998):
 * −log10(|c − t| / |t|), or −log10|c − t| when t = 0; capped at 15.
 */
export function lre(computed: number, certified: number): number {
  const err = certified === 0 ? Math.abs(computed) : Math.abs(computed - certified) / Math.abs(certified);
  return err === 0 ? 15 : Math.min(15, -Math.log10(err));
}
