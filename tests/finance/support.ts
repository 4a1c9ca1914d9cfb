/** Shared helpers for the finance tests (not a test file). */
import { expect } from 'vitest';
import fc from 'fast-check';
import { PaymentDueTime } from 'financial';

/** Expects |actual - expected| ≤ rel × max(1, |expected|). */
export function expectClose(actual: number, expected: number, rel = 1e-9): void {
  if (actual === expected) return;
  const bound = rel * Math.max(1, Math.abs(expected));
  if (!(Math.abs(actual - expected) <= bound)) {
    expect.fail(`expected ${actual} to be within ${bound} of ${expected}`);
  }
}

/** A finite double in [min, max]. */
export function money(min: number, max: number): fc.Arbitrary<number> {
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

/**
 * A "conventional" project series: an investment at index 0, then 5–30 yearly net savings, each between 5 % and
 * 50 % of the investment. One sign change, so exactly one IRR (Descartes), between about -0.7 and 0.5.
 */
export const conventionalSeries: fc.Arbitrary<number[]> = fc
  .tuple(money(1_000, 1_000_000), fc.array(money(0.05, 0.5), { minLength: 5, maxLength: 30 }))
  .map(([investment, shares]) => [-investment, ...shares.map((s) => s * investment)]);

/** A money amount in whole cents between -1e5 and 1e5 € (about one in ten is exactly 0). */
export const cents: fc.Arbitrary<number> = fc.oneof(
  { weight: 1, arbitrary: fc.constant(0) },
  { weight: 9, arbitrary: fc.integer({ min: -10_000_000, max: 10_000_000 }).map((c) => c / 100) },
);

/** Any series of 2–30 flows in cents between -1e5 and 1e5 € (several sign changes likely). */
export const anySeries: fc.Arbitrary<number[]> = fc.array(cents, { minLength: 2, maxLength: 30 });

/** Σ |values[t]| / (1+rate)^t: the scale against which an NPV counts as zero. */
export function discountedScale(rate: number, values: ArrayLike<number>): number {
  let s = 0;
  for (let t = 0; t < values.length; t++) s += Math.abs(values[t]) / (1 + rate) ** t;
  return s;
}

/**
 * A rate per period in whole basis points from -5 % to 30 %, exactly 0 one time in five. (Subnormal rates such
 * as 5e-324 make numpy-financial's formulas return NaN: 0/rate·0; both libraries agree but that tests nothing.)
 */
export const periodRate: fc.Arbitrary<number> = fc.oneof(
  { weight: 1, arbitrary: fc.constant(0) },
  { weight: 4, arbitrary: fc.integer({ min: -500, max: 3000 }).map((bp) => bp / 10_000) },
);

/** Every accepted spelling of `when`. */
export const whenValues = ['end', 'begin', 0, 1] as const;

/** `when` for the financial npm package, which only takes its enum. */
export function financialWhen(when: (typeof whenValues)[number]): PaymentDueTime {
  return when === 'begin' || when === 1 ? PaymentDueTime.Begin : PaymentDueTime.End;
}
