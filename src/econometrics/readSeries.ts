/**
 * Reading a meter series (CSV or XLSX): a date column, a consumption column and explanatory columns (degree days,
 * temperatures), with the file's SHA-256 so that a calibrated parameter can name exactly the data it came from.
 *
 * CSV as read by src/io/tables.ts (`;` or `,`, decimal comma accepted); XLSX through exceljs (first sheet unless
 * one is named). Missing or non-numeric values are errors naming the file, the line and the column: a gap in a
 * meter series is not silently skipped, since it would shift the months.
 *
 * Dates accepted: `2024-01-31`, `2024-01`, `2024-01-31T13:00`, `2024-01-31 13:00`, `31/01/2024`,
 * `31/01/2024 13:00`, `01/2024`, and Excel serial day numbers. They must increase strictly.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { InputError } from '../core/errors.js';
import { coerceNumber, parseCsv, readXlsx, type TableRow } from '../io/tables.js';
import { readTextFile } from '../io/yaml.js';
import { inferInterval, type DataInterval } from './guideline14.js';

export interface SeriesColumn {
  name: string;
  values: Float64Array;
}

export interface MeterSeries {
  /** The file as given. */
  file: string;
  /** SHA-256 of the file's bytes, hex. */
  sha256: string;
  /** The date column, or null when the series has none. */
  dateColumn: string | null;
  /** Dates as written in the file (null without a date column). */
  dates: string[] | null;
  /** Timestamps [ms since 1970, UTC] (null without a date column). */
  times: number[] | null;
  y: SeriesColumn;
  x: SeriesColumn[];
  /** Source line (CSV) or row (XLSX) of each observation. */
  lines: number[];
  /** Monthly, daily or hourly, from the dates; null without dates or for other spacings. */
  interval: DataInterval | null;
}

/** Header names recognised as the date column when none is named. */
const DATE_HEADERS = /^(date|dates|datetime|timestamp|horodatage|mois|month|période|periode|jour|day|heure|hour)$/i;

/**
 * SHA-256 of a file's bytes, as lowercase hex.
 *
 * @example sha256OfFile('examples/data/ecole-gaz-mensuel.csv') // 'c538db2d8c6b0851…' (64 hex characters)
 */
export function sha256OfFile(file: string): string {
  try {
    return createHash('sha256').update(readFileSync(file)).digest('hex');
  } catch (cause) {
    throw new InputError(`cannot read ${file}`, {
      file,
      expected: 'a readable file',
      received: (cause as NodeJS.ErrnoException).code ?? String(cause),
      fix: 'check the path (relative paths are resolved from the current folder)',
      cause,
    });
  }
}

/**
 * Parses a date or date-time as UTC milliseconds; null when the text is not a date in an accepted form.
 * A month (`2024-01`, `01/2024`) is its first day.
 *
 * @example parseDate('31/01/2024') // 1706659200000 (= Date.UTC(2024, 0, 31))
 */
export function parseDate(text: string | number): number | null {
  if (typeof text === 'number') {
    // Excel serial day number (1900 date system; day 25569 is 1970-01-01).
    if (text > 0 && text < 2_958_466) return Math.round((text - 25569) * 86_400_000);
    return null;
  }
  const s = text.trim();
  let m = /^(\d{4})-(\d{1,2})(?:-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?)?(?:Z)?$/.exec(s);
  if (m) return utc(+m[1], +m[2], m[3] ? +m[3] : 1, m[4] ? +m[4] : 0, m[5] ? +m[5] : 0, m[6] ? +m[6] : 0);
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
  if (m) return utc(+m[3], +m[2], +m[1], m[4] ? +m[4] : 0, m[5] ? +m[5] : 0, m[6] ? +m[6] : 0);
  m = /^(\d{1,2})\/(\d{4})$/.exec(s);
  if (m) return utc(+m[2], +m[1], 1, 0, 0, 0);
  return null;
}

function utc(y: number, mo: number, d: number, h: number, mi: number, se: number): number | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 59) return null;
  const t = Date.UTC(y, mo - 1, d, h, mi, se);
  // Reject 31/02 and the like (Date.UTC rolls them over).
  return new Date(t).getUTCDate() === d ? t : null;
}

export interface ReadSeriesOptions {
  /** Consumption column. */
  y: string;
  /** Explanatory columns (degree days, temperature…). */
  x: readonly string[];
  /** Date column; default: a column named date, mois, month, jour, day… if there is one. */
  date?: string;
  /** XLSX sheet (default: the first). */
  sheet?: string;
}

/**
 * Reads a meter series from a CSV or XLSX file.
 *
 * @param file path of the .csv or .xlsx file
 * @param options the columns to read
 * @returns the series, its hash and its interval
 * @throws InputError naming the file, the line and the column for a missing column, an empty or non-numeric
 *   value, a bad or non-increasing date, or an unsupported file type
 * @example (await readMeterSeries('examples/data/ecole-gaz-mensuel.csv', { y: 'gaz_kwh', x: ['dju_18'] })).y.values.length // 36
 */
export async function readMeterSeries(file: string, options: ReadSeriesOptions): Promise<MeterSeries> {
  const ext = extname(file).toLowerCase();
  let table: { header: string[]; rows: TableRow[] };
  if (ext === '.csv' || ext === '.txt') table = parseCsv(readTextFile(file), file);
  else if (ext === '.xlsx') table = await readXlsx(file, options.sheet);
  else {
    throw new InputError(`unsupported data file ${file}`, {
      file,
      expected: 'a .csv or .xlsx file with a date column, the consumption and the degree days or temperatures',
      received: ext || 'no extension',
      fix: 'export the meter series as CSV (; or , separated) or XLSX',
    });
  }
  const { header, rows } = table;
  const requireColumn = (name: string, role: string, flag: string) => {
    if (!header.includes(name)) {
      throw new InputError(`${file}: no column named ${name}`, {
        file,
        line: 1,
        path: flag,
        expected: `the ${role} column, one of: ${header.join(', ')}`,
        received: name,
        fix: `name an existing column with ${flag} (the header is on line 1)`,
      });
    }
  };
  requireColumn(options.y, 'consumption', '--y');
  if (options.x.length === 0) {
    throw new InputError('no explanatory column', {
      file,
      path: '--x',
      expected: 'at least one column of degree days or temperatures',
      received: 'none',
      fix: 'name it with --x, e.g. --x dju_18',
    });
  }
  for (const x of options.x) requireColumn(x, 'explanatory', '--x');
  if (options.date !== undefined) requireColumn(options.date, 'date', '--date');
  const dateColumn = options.date ?? header.find((h) => DATE_HEADERS.test(h)) ?? null;
  if (rows.length === 0) {
    throw new InputError(`${file}: no data rows`, { file, expected: 'one row per period under the header', received: 'a header only', fix: 'add the meter readings' });
  }
  const lineWord = ext === '.xlsx' ? 'row' : 'line';
  const numeric = (name: string): Float64Array => {
    const col = header.indexOf(name) + 1;
    return Float64Array.from(rows, (row) => {
      const raw = row.values[name];
      const v = raw === '' || raw === undefined ? '' : coerceNumber(raw);
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new InputError(`${file}:${row.line}: ${name} is not a number`, {
          file,
          line: row.line,
          column: col,
          path: name,
          expected: `a number in column ${name} (${lineWord} ${row.line})`,
          received: raw === '' ? 'an empty cell' : JSON.stringify(raw),
          fix: 'fill in the value (a gap in a meter series shifts the periods), or remove the row from the series',
        });
      }
      return v;
    });
  };
  const y = { name: options.y, values: numeric(options.y) };
  const x = options.x.map((name) => ({ name, values: numeric(name) }));
  let dates: string[] | null = null;
  let times: number[] | null = null;
  if (dateColumn) {
    const col = header.indexOf(dateColumn) + 1;
    dates = [];
    times = [];
    for (const row of rows) {
      const raw = row.values[dateColumn];
      const t = parseDate(typeof raw === 'number' ? raw : String(raw ?? ''));
      if (t === null) {
        throw new InputError(`${file}:${row.line}: ${dateColumn} is not a date`, {
          file,
          line: row.line,
          column: col,
          path: dateColumn,
          expected: 'a date such as 2024-01-31, 2024-01, 31/01/2024 or 2024-01-31T13:00',
          received: JSON.stringify(raw),
          fix: 'write the date in one of these forms, or name another column with --date',
        });
      }
      if (times.length > 0 && t <= times[times.length - 1]) {
        throw new InputError(`${file}:${row.line}: dates do not increase`, {
          file,
          line: row.line,
          column: col,
          path: dateColumn,
          expected: `a date after ${dates[dates.length - 1]}`,
          received: String(raw),
          fix: 'sort the rows by date and remove duplicated periods',
        });
      }
      dates.push(String(raw));
      times.push(t);
    }
  }
  return {
    file,
    sha256: sha256OfFile(file),
    dateColumn,
    dates,
    times,
    y,
    x,
    lines: rows.map((r) => r.line),
    interval: times ? inferInterval(times) : null,
  };
}

/**
 * The rows of a series from index `from` to `to` (exclusive) [row indices], same columns, same file and hash.
 * @example sliceSeries(series, 0, 12).dates // ['2022-01', …, '2022-12'] for examples/data/ecole-gaz-mensuel.csv
 */
export function sliceSeries(s: MeterSeries, from: number, to: number): MeterSeries {
  return {
    ...s,
    dates: s.dates ? s.dates.slice(from, to) : null,
    times: s.times ? s.times.slice(from, to) : null,
    y: { name: s.y.name, values: s.y.values.slice(from, to) },
    x: s.x.map((c) => ({ name: c.name, values: c.values.slice(from, to) })),
    lines: s.lines.slice(from, to),
  };
}

/**
 * Splits a dated series into a baseline period (before `reportingFrom`) and a reporting period (from it on).
 *
 * @param s the series (must have dates)
 * @param reportingFrom first date of the reporting period, in a form `parseDate` reads
 * @throws InputError when the series has no dates, the date is unreadable, or either period is empty
 * @example splitSeries(series, '2024-01') // { baseline: 24 months of 2022–2023, reporting: 12 months of 2024 }
 */
export function splitSeries(s: MeterSeries, reportingFrom: string): { baseline: MeterSeries; reporting: MeterSeries } {
  if (!s.times) {
    throw new InputError(`${s.file}: no date column to split the series`, {
      file: s.file,
      path: '--reporting-from',
      expected: 'a date column (named date, mois, month… or given with --date)',
      received: 'no date column',
      fix: 'add a date column or name it with --date',
    });
  }
  const t = parseDate(reportingFrom);
  if (t === null) {
    throw new InputError(`invalid reporting start ${reportingFrom}`, {
      path: '--reporting-from',
      expected: 'a date such as 2024-01 or 2024-01-01',
      received: reportingFrom,
      fix: 'write the first day (or month) of the reporting period',
    });
  }
  const at = s.times.findIndex((x) => x >= t);
  const cut = at < 0 ? s.times.length : at;
  if (cut === 0 || cut === s.times.length) {
    throw new InputError(`${s.file}: ${reportingFrom} leaves ${cut === 0 ? 'no baseline' : 'no reporting'} period`, {
      file: s.file,
      path: '--reporting-from',
      expected: `a date between ${s.dates?.[1]} and ${s.dates?.[s.dates.length - 1]}`,
      received: reportingFrom,
      fix: 'choose the date the works ended: months before it form the baseline, months from it the reporting period',
    });
  }
  return { baseline: sliceSeries(s, 0, cut), reporting: sliceSeries(s, cut, s.times.length) };
}
