import { yearFractionsFromFirst, type DateInput } from './internal/dates.js';
import { presentValueAt } from './internal/presentValueAt.js';
import { requireRate, requireSeries } from './internal/validate.js';

/**
 * Net present value of cash flows on arbitrary dates, Excel's `XNPV`: each flow is discounted by the number of
 * days since the FIRST date over a 365-day year,
 *
 *     xnpv = Σ_i values[i] / (1 + rate)^((dates[i] - dates[0]) / 365)
 *
 * so the first flow is not discounted (like `npv`, unlike Excel's `NPV`). Dates may come in any order after the
 * first one.
 *
 * @param rate discount rate per year [fraction]
 * @param values cash flows [€], paid out negative, received positive
 * @param dates one date per value: ISO strings ('2026-01-01') or `Date` (read by its UTC calendar day)
 * @returns the net present value at the first date [€]
 * @throws RangeError when `rate` ≤ -1 or is not finite, a value is not finite, the lengths differ, a date is
 *   invalid or precedes the first date (Excel's #NUM!)
 * @see https://learn.microsoft.com/en-us/previous-versions/office/developer/office-2007/bb224772(v=office.12)
 * @example xnpv(0.09, [-10_000, 2750, 4250, 3250, 2750],
 *   ['2008-01-01', '2008-03-01', '2008-10-30', '2009-02-15', '2009-04-01']) // 2086.6476 (Excel example)
 */
export function xnpv(rate: number, values: ArrayLike<number>, dates: ArrayLike<DateInput>): number {
  requireRate('xnpv', 'rate', rate);
  requireSeries('xnpv', 'values', values);
  const years = yearFractionsFromFirst('xnpv', values, dates);
  return presentValueAt(rate, values, years);
}
