/**
 * Dates for `xnpv` and `xirr` (internal): ISO calendar dates ('2026-01-01') or `Date` objects, turned into whole
 * day numbers.
 */
import { argumentError } from '../../core/errors.js';

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A payment date: an ISO calendar date string `YYYY-MM-DD`, or a `Date`. */
export type DateInput = string | Date;

/**
 * Whole days since 1970-01-01 of a date. A string must be a real calendar date `YYYY-MM-DD`; a `Date` counts by
 * its UTC calendar day, time of day ignored (so `new Date('2026-01-01')` is 2026-01-01 in every time zone, and
 * results do not depend on the machine's zone). Excel likewise truncates dates to whole days.
 */
export function dayNumber(fn: string, arg: string, date: unknown): number {
  if (date instanceof Date) {
    const ms = date.getTime();
    if (Number.isNaN(ms)) throw argumentError(fn, arg, 'a valid Date or an ISO date such as 2026-01-01', 'Invalid Date');
    return Math.floor(ms / MS_PER_DAY);
  }
  if (typeof date === 'string') {
    const match = ISO_DATE.exec(date);
    if (match) {
      const year = Number(match[1]);
      const month = Number(match[2]);
      const day = Number(match[3]);
      const ms = Date.UTC(year, month - 1, day);
      const check = new Date(ms);
      if (check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day) {
        return ms / MS_PER_DAY;
      }
    }
    throw argumentError(fn, arg, 'a calendar date written YYYY-MM-DD, such as 2026-01-01', `'${date}'`);
  }
  throw argumentError(fn, arg, 'a Date or an ISO date such as 2026-01-01', String(date));
}

/**
 * Years from the first date to each date on a 365-day year, as Excel's XNPV and XIRR count them.
 * Throws when the series lengths differ or a date precedes the first one (Excel: #NUM!).
 */
export function yearFractionsFromFirst(
  fn: string,
  values: ArrayLike<number>,
  dates: ArrayLike<DateInput>,
): Float64Array {
  if (dates === null || typeof dates !== 'object' || typeof dates.length !== 'number') {
    throw argumentError(fn, 'dates', 'an array of dates', String(dates));
  }
  if (dates.length !== values.length) {
    throw argumentError(fn, 'dates', `as many dates as values (${values.length})`, `${dates.length} dates`);
  }
  const years = new Float64Array(dates.length);
  const first = dayNumber(fn, 'dates[0]', dates[0]);
  for (let i = 1; i < dates.length; i++) {
    const days = dayNumber(fn, `dates[${i}]`, dates[i]) - first;
    if (days < 0) {
      throw argumentError(fn, `dates[${i}]`, 'on or after the first date, dates[0]', `${days} days before it`);
    }
    years[i] = days / 365;
  }
  return years;
}
