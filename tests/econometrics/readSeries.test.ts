import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { parseDate, readMeterSeries, splitSeries } from '../../src/econometrics/readSeries.js';

const EXAMPLE = fileURLToPath(new URL('../../examples/data/ecole-gaz-mensuel.csv', import.meta.url));

function tmpCsv(text: string, name = 'serie.csv'): string {
  const dir = mkdtempSync(join(tmpdir(), 'territoires-econ-'));
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

async function inputError(p: Promise<unknown>): Promise<InputError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('parseDate', () => {
  it('reads the accepted forms as UTC', () => {
    expect(parseDate('2024-01-31')).toBe(Date.UTC(2024, 0, 31));
    expect(parseDate('2024-01')).toBe(Date.UTC(2024, 0, 1));
    expect(parseDate('2024-01-31T13:30')).toBe(Date.UTC(2024, 0, 31, 13, 30));
    expect(parseDate('2024-01-31 13:30:15')).toBe(Date.UTC(2024, 0, 31, 13, 30, 15));
    expect(parseDate('31/01/2024')).toBe(Date.UTC(2024, 0, 31));
    expect(parseDate('01/2024')).toBe(Date.UTC(2024, 0, 1));
    // Excel serial 45322 = 2024-01-31 (25569 = 1970-01-01; 45322 − 25569 = 19753 days)
    expect(parseDate(45322)).toBe(Date.UTC(2024, 0, 31));
    expect(parseDate('31/02/2024')).toBeNull();
    expect(parseDate('janvier')).toBeNull();
  });
});

describe('readMeterSeries', () => {
  it('reads the example series with its hash and monthly interval', async () => {
    const s = await readMeterSeries(EXAMPLE, { y: 'gaz_kwh', x: ['dju_18'] });
    expect(s.dateColumn).toBe('mois');
    expect(s.y.values).toHaveLength(36);
    expect(s.interval).toBe('monthly');
    expect(s.sha256).toBe(createHash('sha256').update(readFileSync(EXAMPLE)).digest('hex'));
    // first row of the file: 2022-01;31;4,1;431,5;43301 (decimal comma)
    expect(s.x[0].values[0]).toBe(431.5);
    expect(s.y.values[0]).toBe(43301);
    expect(s.lines[0]).toBe(2);
  });

  it('names the file, line and column of a missing or non-numeric value', async () => {
    const file = tmpCsv('date;kwh;dju\n2023-01;100;300\n2023-02;;250\n');
    const e = await inputError(readMeterSeries(file, { y: 'kwh', x: ['dju'] }));
    expect(e.file).toBe(file);
    expect(e.line).toBe(3);
    expect(e.column).toBe(2);
    expect(e.path).toBe('kwh');
    expect(e.received).toBe('an empty cell');
    const e2 = await inputError(readMeterSeries(tmpCsv('date;kwh;dju\n2023-01;100;n/a\n'), { y: 'kwh', x: ['dju'] }));
    expect(e2.message).toMatch(/:2: dju is not a number/);
  });

  it('names a missing column and lists the header', async () => {
    const e = await inputError(readMeterSeries(tmpCsv('date;kwh;dju\n2023-01;100;300\n'), { y: 'kwh', x: ['hdd'] }));
    expect(e.path).toBe('--x');
    expect(e.line).toBe(1);
    expect(e.expected).toMatch(/date, kwh, dju/);
  });

  it('refuses bad and non-increasing dates', async () => {
    const bad = await inputError(readMeterSeries(tmpCsv('date;kwh;dju\n2023-13;100;300\n'), { y: 'kwh', x: ['dju'] }));
    expect(bad.message).toMatch(/date is not a date/);
    const order = await inputError(readMeterSeries(tmpCsv('date;kwh;dju\n2023-02;100;300\n2023-01;90;310\n'), { y: 'kwh', x: ['dju'] }));
    expect(order.message).toMatch(/dates do not increase/);
    expect(order.line).toBe(3);
  });

  it('reads an XLSX sheet with date cells', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Relevés');
    ws.addRow(['date', 'kwh', 'dju']);
    ws.addRow([new Date(Date.UTC(2023, 0, 1)), 12000, 400]);
    ws.addRow([new Date(Date.UTC(2023, 1, 1)), 10000, 320.5]);
    ws.addRow([new Date(Date.UTC(2023, 2, 1)), 8000, 250]);
    const file = join(mkdtempSync(join(tmpdir(), 'territoires-econ-')), 'releves.xlsx');
    await wb.xlsx.writeFile(file);
    const s = await readMeterSeries(file, { y: 'kwh', x: ['dju'], sheet: 'Relevés' });
    expect(s.dates).toEqual(['2023-01-01', '2023-02-01', '2023-03-01']);
    expect(s.interval).toBe('monthly');
    expect(Array.from(s.x[0].values)).toEqual([400, 320.5, 250]);
    expect(s.lines).toEqual([2, 3, 4]);
  });

  it('refuses an unsupported file type', async () => {
    const e = await inputError(readMeterSeries(tmpCsv('x', 'serie.ods'), { y: 'kwh', x: ['dju'] }));
    expect(e.message).toMatch(/unsupported data file/);
  });
});

describe('splitSeries', () => {
  it('splits the example into 24 baseline and 12 reporting months', async () => {
    const s = await readMeterSeries(EXAMPLE, { y: 'gaz_kwh', x: ['dju_18'] });
    const { baseline, reporting } = splitSeries(s, '2024-01');
    expect(baseline.y.values).toHaveLength(24);
    expect(reporting.y.values).toHaveLength(12);
    expect(reporting.dates?.[0]).toBe('2024-01');
    expect(() => splitSeries(s, '2021-01')).toThrow(/leaves no baseline period/);
    expect(() => splitSeries(s, 'soon')).toThrow(/invalid reporting start/);
  });
});
