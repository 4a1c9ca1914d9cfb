import { argumentError } from '../core/errors.js';
import { requireInRange, requireSeries } from './internal/validate.js';

/** Options of `intracting`. */
export interface IntractingOptions {
  /** Share of each year's savings paid back to the fund [fraction, > 0 to 1]; default 1 (all of them). */
  shareOfSavings?: number;
}

/** Result of `intracting`. */
export interface IntractingResult {
  /** Flows of the financing for the service: +investment advanced at index 0, then −repayments [€]. */
  flowsEur: Float64Array;
  /** Amount paid back to the fund each year, positive [€]; 0 at index 0. */
  repaymentEur: Float64Array;
  /** Index of the year the advance is fully paid back, or `null` when it is not within the series. */
  repaidInYear: number | null;
  /** Advance still to be paid back at the end of the series [€]; 0 when repaid. */
  outstandingEur: number;
}

/**
 * Intracting (*intracting*, internal energy-performance contracting): a revolving fund inside the authority —
 * which the Banque des Territoires offers to co-finance — advances the cost of energy-saving works, and the
 * savings on the energy bills flow back to the fund until the advance is repaid; the fund then finances the
 * next works. This function applies that principle to one measure:
 *
 *     repayment_t = min(shareOfSavings × max(savingsEur[t], 0), advance still owed),   t ≥ 1
 *
 * The advance is made in the investment year (index 0) and repayments start the next year (savings at index 0,
 * the works year, are not used). A year with negative savings (extra cost) repays nothing. No interest is
 * charged (an interest-free internal advance; model an interest-bearing one with `loanFlows`).
 *
 * @param investmentEur amount advanced by the fund [€], ≥ 0
 * @param savingsEur savings on the energy bills per year, index 0 = investment year [€]
 * @param options `shareOfSavings` [fraction, > 0 to 1]; default 1
 * @returns the financing flows, the repayments, the year the advance is repaid and what is still owed at the end
 * @throws RangeError when `investmentEur` < 0, a saving is not finite, `savingsEur` is empty, or `shareOfSavings`
 *   is outside (0, 1]
 * @example intracting(10_000, [0, 4000, 4000, 4000, 4000]).repaidInYear // 3 (4000 + 4000 + 2000)
 */
export function intracting(
  investmentEur: number,
  savingsEur: ArrayLike<number>,
  options: IntractingOptions = {},
): IntractingResult {
  requireInRange('intracting', 'investmentEur', investmentEur, 0);
  requireSeries('intracting', 'savingsEur', savingsEur);
  const shareOfSavings = options.shareOfSavings ?? 1;
  if (typeof shareOfSavings !== 'number' || !(shareOfSavings > 0 && shareOfSavings <= 1)) {
    throw argumentError('intracting', 'shareOfSavings', 'a number greater than 0 and at most 1', String(shareOfSavings));
  }
  const length = savingsEur.length;
  const flowsEur = new Float64Array(length);
  const repaymentEur = new Float64Array(length);
  flowsEur[0] = investmentEur;
  let owed = investmentEur;
  let repaidInYear: number | null = owed === 0 ? 0 : null;
  for (let t = 1; t < length && owed > 0; t++) {
    const repayment = Math.min(shareOfSavings * Math.max(savingsEur[t], 0), owed);
    repaymentEur[t] = repayment;
    flowsEur[t] = -repayment;
    owed -= repayment;
    if (owed <= 0) {
      owed = 0;
      repaidInYear = t;
    }
  }
  return { flowsEur, repaymentEur, repaidInYear, outstandingEur: owed };
}
