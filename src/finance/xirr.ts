import { yearFractionsFromFirst, type DateInput } from './internal/dates.js';
import { requireRate, requireSeries } from './internal/validate.js';
import { presentValueAt } from './internal/presentValueAt.js';

/**
 * Internal rate of return of cash flows on arbitrary dates, Excel's `XIRR`: the rate at which `xnpv` is zero
 * (365-day year counted from the first date).
 *
 * Method: Newton's method on the rate from `guess` (Excel iterates too, to 0.000001 %, at most 100 times); if it
 * fails (leaves the domain r > -1, stalls or does not converge in 100 steps), the rates are scanned on a
 * logarithmic grid of 1 + r from 1e-6 to 1e6 and the sign change nearest the guess is refined by bisection.
 *
 * @param values cash flows [€], paid out negative, received positive
 * @param dates one date per value: ISO strings ('2026-01-01') or `Date` (read by its UTC calendar day)
 * @param guess starting rate [fraction]; default 0.1 (Excel)
 * @returns the rate per year [fraction]; NaN when the flows do not hold both signs or no rate is found (Excel's
 *   #NUM!)
 * @throws RangeError when a value or `guess` is unusable, the lengths differ, a date is invalid or precedes the
 *   first date
 * @see https://support.microsoft.com/zh-cn/excel/functions/xirr-function (Excel XIRR help, example table)
 * @example xirr([-10_000, 2750, 4250, 3250, 2750],
 *   ['2008-01-01', '2008-03-01', '2008-10-30', '2009-02-15', '2009-04-01']) // 0.3733625 (Excel example: 0.373362535)
 */
export function xirr(values: ArrayLike<number>, dates: ArrayLike<DateInput>, guess = 0.1): number {
  requireSeries('xirr', 'values', values);
  requireRate('xirr', 'guess', guess);
  const years = yearFractionsFromFirst('xirr', values, dates);
  let hasInflow = false;
  let hasOutflow = false;
  for (let i = 0; i < values.length; i++) {
    if (values[i] > 0) hasInflow = true;
    else if (values[i] < 0) hasOutflow = true;
  }
  if (!hasInflow || !hasOutflow) return NaN;

  // Newton on f(r) = Σ v_i (1+r)^-y_i, f′(r) = Σ -y_i v_i (1+r)^(-y_i-1).
  let r = guess;
  for (let iteration = 0; iteration < 100; iteration++) {
    let f = 0;
    let df = 0;
    for (let i = 0; i < values.length; i++) {
      const discounted = values[i] / (1 + r) ** years[i];
      f += discounted;
      df -= (years[i] * discounted) / (1 + r);
    }
    const next = r - f / df;
    if (!Number.isFinite(next) || next <= -1) break;
    if (Math.abs(next - r) <= 1e-12 * Math.max(1, Math.abs(next))) return next;
    r = next;
  }
  return bracketedXirr(values, years, guess);
}

/** Fallback: scan ln(1 + r) on a grid, bisect the sign change nearest the guess; NaN when there is none. */
function bracketedXirr(values: ArrayLike<number>, years: Float64Array, guess: number): number {
  const steps = 600;
  const lowLog = Math.log(1e-6);
  const highLog = Math.log(1e6);
  let best = NaN;
  let previousRate = Math.exp(lowLog) - 1;
  let previousValue = presentValueAt(previousRate, values, years);
  for (let k = 1; k <= steps; k++) {
    const currentRate = Math.exp(lowLog + ((highLog - lowLog) * k) / steps) - 1;
    const currentValue = presentValueAt(currentRate, values, years);
    if (previousValue === 0 || previousValue < 0 !== currentValue < 0) {
      const root = previousValue === 0 ? previousRate : bisect(values, years, previousRate, currentRate, previousValue);
      if (!(Math.abs(root - guess) >= Math.abs(best - guess))) best = root;
    }
    previousRate = currentRate;
    previousValue = currentValue;
  }
  return best;
}

function bisect(values: ArrayLike<number>, years: Float64Array, lo: number, hi: number, fLo: number): number {
  for (let iteration = 0; iteration < 200 && hi - lo > 1e-15 * Math.max(1, Math.abs(lo)); iteration++) {
    const mid = 0.5 * (lo + hi);
    const fMid = presentValueAt(mid, values, years);
    if (fMid === 0) return mid;
    if (fMid < 0 === fLo < 0) {
      lo = mid;
      fLo = fMid;
    } else {
      hi = mid;
    }
  }
  return 0.5 * (lo + hi);
}
