/**
 * Inventory tables: CSV (delimiters, quotes, decimal comma, BOM), XLSX (written here with exceljs, read back),
 * GeoJSON, column mapping, grouping with sums, and errors that name the file, the line and the column.
 * Every expected value is read off the small tables written in the tests themselves.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { coerceNumber, isTableSource, parseCsv, parseGeoJson, readTableSource, readXlsx, type TableSource } from '../../src/io/tables.js';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'territoires-tables-'));
}

function write(dir: string, name: string, content: string): string {
  const file = join(dir, name);
  writeFileSync(file, content, 'utf8');
  return file;
}

async function inputErrorOf(fn: () => unknown): Promise<InputError> {
  try {
    await fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError, nothing was thrown');
}

const WHERE = 'useCases.lighting.inventory.luminaires';
const TERRITORY = '/somewhere/territory.yaml';

describe('parseCsv', () => {
  it('reads a semicolon-separated table with its line numbers', () => {
    const { header, rows } = parseCsv('type;count\nsodium;12\nled;3\n', 't.csv');
    expect(header).toEqual(['type', 'count']);
    expect(rows.map((r) => r.values)).toEqual([
      { type: 'sodium', count: '12' },
      { type: 'led', count: '3' },
    ]);
    // line 1 is the header
    expect(rows.map((r) => r.line)).toEqual([2, 3]);
  });

  it('reads a comma-separated table (the delimiter is the more frequent of ; and , in the header)', () => {
    const { header, rows } = parseCsv('type,count,powerW\nsodium,12,170\n', 't.csv');
    expect(header).toEqual(['type', 'count', 'powerW']);
    expect(rows[0].values).toEqual({ type: 'sodium', count: '12', powerW: '170' });
  });

  it('keeps a semicolon table with decimal commas in its cells whole', () => {
    // header has 2 semicolons and no comma: `;` wins, and `0,15` stays one cell
    const { rows } = parseCsv('name;share;power\nA;0,15;1 234,5\n', 't.csv');
    expect(rows[0].values).toEqual({ name: 'A', share: '0,15', power: '1 234,5' });
  });

  it('follows RFC 4180 quotes: delimiter and doubled quotes inside a field, a line break inside a field', () => {
    const text = 'name;note\n"Rue de l\'Église; nord";"dit ""la grande"""\n"Place\ndu marché";x\nFin;y\n';
    const { rows } = parseCsv(text, 't.csv');
    expect(rows[0].values).toEqual({ name: "Rue de l'Église; nord", note: 'dit "la grande"' });
    expect(rows[1].values.name).toBe('Place\ndu marché');
    // the quoted line break makes the record span lines 3–4: the next record starts on line 5
    expect(rows.map((r) => r.line)).toEqual([2, 3, 5]);
  });

  it('ignores a UTF-8 BOM, CRLF line ends and blank lines', () => {
    const { header, rows } = parseCsv('\uFEFFtype;count\r\nsodium;12\r\n\r\nled;3\r\n', 't.csv');
    expect(header).toEqual(['type', 'count']);
    expect(rows.map((r) => r.values.type)).toEqual(['sodium', 'led']);
    // the blank line 3 is skipped but still counted
    expect(rows.map((r) => r.line)).toEqual([2, 4]);
  });

  it('reads a last line without a final line break, and short rows as empty cells', () => {
    const { rows } = parseCsv('a;b;c\n1;2', 't.csv');
    expect(rows[0].values).toEqual({ a: '1', b: '2', c: '' });
  });

  it('rejects an unterminated quote, naming the line where the field starts', async () => {
    const e = await inputErrorOf(() => parseCsv('a;b\n1;2\n3;"open\n4;5\n', 'broken.csv'));
    expect(e.file).toBe('broken.csv');
    expect(e.line).toBe(3);
    expect(e.expected).toMatch(/closing double quote/);
  });

  it('rejects an empty file', async () => {
    const e = await inputErrorOf(() => parseCsv('\uFEFF\n\n', 'empty.csv'));
    expect(e.file).toBe('empty.csv');
    expect(e.expected).toMatch(/header/);
  });
});

describe('coerceNumber', () => {
  it('reads decimal points, decimal commas, thousands spaces and exponents', () => {
    expect(coerceNumber('0.15')).toBe(0.15);
    expect(coerceNumber('0,15')).toBe(0.15);
    expect(coerceNumber('1 234,5')).toBe(1234.5);
    expect(coerceNumber('1\u202f234')).toBe(1234); // narrow no-break space, as French spreadsheets export it
    expect(coerceNumber('-3')).toBe(-3);
    expect(coerceNumber('1e3')).toBe(1000);
    expect(coerceNumber(42)).toBe(42);
  });

  it('leaves text as text', () => {
    expect(coerceNumber('SHP')).toBe('SHP');
    expect(coerceNumber('00001a')).toBe('00001a');
    expect(coerceNumber('1,2,3')).toBe('1,2,3');
    expect(coerceNumber('NaN')).toBe('NaN');
    expect(coerceNumber('')).toBe('');
  });
});

describe('isTableSource', () => {
  it('tells a table source from inline items', () => {
    expect(isTableSource({ file: 'a.csv' })).toBe(true);
    expect(isTableSource([{ file: 'a.csv' }])).toBe(false);
    expect(isTableSource({ type: 'led', count: 3 })).toBe(false);
    expect(isTableSource(null)).toBe(false);
  });
});

describe('readXlsx', () => {
  it('reads a workbook written with exceljs: header, numbers, formulas (their result), rich text, named sheet', async () => {
    const dir = tempDir();
    const file = join(dir, 'inventaire.xlsx');
    const wb = new ExcelJS.Workbook();
    const first = wb.addWorksheet('Notes');
    first.addRow(['Inventaire 2025']);
    const ws = wb.addWorksheet('Luminaires');
    ws.addRow(['TYPE', 'PUISSANCE', 'NOMBRE']);
    ws.addRow(['SHP', 170, 20]);
    ws.addRow([{ richText: [{ text: 'L' }, { text: 'ED' }] }, 50, { formula: 'C2*2', result: 40 }]);
    ws.addRow([]); // an empty row is skipped
    ws.addRow(['BF', 140, 7]);
    await wb.xlsx.writeFile(file);

    const { header, rows } = await readXlsx(file, 'Luminaires');
    expect(header).toEqual(['TYPE', 'PUISSANCE', 'NOMBRE']);
    expect(rows.map((r) => r.values)).toEqual([
      { TYPE: 'SHP', PUISSANCE: 170, NOMBRE: 20 },
      { TYPE: 'LED', PUISSANCE: 50, NOMBRE: 40 },
      { TYPE: 'BF', PUISSANCE: 140, NOMBRE: 7 },
    ]);
    // spreadsheet row numbers: 2, 3, then 5 (row 4 is empty)
    expect(rows.map((r) => r.line)).toEqual([2, 3, 5]);

    // without `sheet`, the first sheet is read
    const firstSheet = await readXlsx(file);
    expect(firstSheet.header).toEqual(['Inventaire 2025']);
  });

  it('names the sheets when the one asked for does not exist', async () => {
    const dir = tempDir();
    const file = join(dir, 'x.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Inventaire').addRow(['a']);
    await wb.xlsx.writeFile(file);
    const e = await inputErrorOf(() => readXlsx(file, 'Feuil1'));
    expect(e.file).toBe(file);
    expect(e.path).toBe('sheet');
    expect(e.expected).toContain('Inventaire');
    expect(e.received).toBe('Feuil1');
  });

  it('rejects a file that is not a workbook', async () => {
    const dir = tempDir();
    const file = write(dir, 'fake.xlsx', 'type;count\n');
    const e = await inputErrorOf(() => readXlsx(file));
    expect(e.file).toBe(file);
    expect(e.expected).toMatch(/xlsx/);
  });
});

describe('parseGeoJson', () => {
  const collection = {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', geometry: { type: 'Point', coordinates: [2.6, 46.7] }, properties: { highway: 'street_lamp', lamp_type: 'led', 'light:count': 2 } },
      { type: 'Feature', geometry: { type: 'Point', coordinates: [2.61, 46.71] }, properties: { highway: 'street_lamp', lamp_type: 'mercury', ref: null } },
      { type: 'Feature', geometry: null, properties: null },
    ],
  };

  it('gives one row per feature from its properties, numbered from 1', () => {
    const { header, rows } = parseGeoJson(JSON.stringify(collection), 'l.geojson');
    expect(header).toEqual(['highway', 'lamp_type', 'light:count', 'ref']);
    expect(rows.map((r) => r.values)).toEqual([
      { highway: 'street_lamp', lamp_type: 'led', 'light:count': 2 },
      { highway: 'street_lamp', lamp_type: 'mercury', ref: '' },
      {},
    ]);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 3]);
  });

  it('rejects malformed JSON and what is not a FeatureCollection', async () => {
    const bad = await inputErrorOf(() => parseGeoJson('{"type": "FeatureCollection", ', 'bad.geojson'));
    expect(bad.file).toBe('bad.geojson');
    expect(bad.expected).toMatch(/FeatureCollection/);
    const notCollection = await inputErrorOf(() => parseGeoJson('{"type": "Feature", "properties": {}}', 'one.geojson'));
    expect(notCollection.path).toBe('type');
    expect(notCollection.received).toBe('Feature');
  });
});

describe('readTableSource', () => {
  it('maps columns to inventory fields, converts numbers (decimal comma) and applies defaults', async () => {
    const dir = tempDir();
    write(dir, 'l.csv', 'TYPE;PUISSANCE;NOMBRE;AGE\nSHP;170;12;20,5\nLED;50;3;\n');
    const source: TableSource = { file: 'l.csv', columns: { type: 'TYPE', powerW: 'PUISSANCE', count: 'NOMBRE', ageYears: 'AGE' }, defaults: { ageYears: 10, lampLifetimeYears: 4 } };
    const r = await readTableSource(source, dir, WHERE, TERRITORY);
    expect(r.file).toBe(join(dir, 'l.csv'));
    expect(r.items).toEqual([
      { type: 'SHP', powerW: 170, count: 12, ageYears: 20.5, lampLifetimeYears: 4 },
      // an empty cell leaves the default in place
      { type: 'LED', powerW: 50, count: 3, ageYears: 10, lampLifetimeYears: 4 },
    ]);
    expect(r.origin.map((o) => o.line)).toEqual([2, 3]);
  });

  it('reads an XLSX source from the sheet it names', async () => {
    const dir = tempDir();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Vide');
    const ws = wb.addWorksheet('Inventaire');
    ws.addRow(['type', 'nb']);
    ws.addRow(['SHP', 12]);
    await wb.xlsx.writeFile(join(dir, 'inv.xlsx'));
    const r = await readTableSource({ file: 'inv.xlsx', sheet: 'Inventaire', columns: { type: 'type', count: 'nb' } }, dir, WHERE, TERRITORY);
    expect(r.items).toEqual([{ type: 'SHP', count: 12 }]);
    expect(r.origin[0].line).toBe(2);
  });

  it('groups rows by the groupBy fields and adds up the sum fields; other fields keep the first row', async () => {
    const dir = tempDir();
    // Three SHP 170 W rows (12 + 8 + 5 = 25), one LED row, one SHP 100 W row.
    write(
      dir,
      'l.csv',
      ['commune;type;power;count;age', 'A;SHP;170;12;20', 'A;LED;50;3;5', 'B;SHP;170;8;25', 'B;SHP;100;4;25', 'C;SHP;170;5;30', ''].join('\n'),
    );
    const r = await readTableSource(
      { file: 'l.csv', columns: { id: 'commune', type: 'type', powerW: 'power', count: 'count', ageYears: 'age' }, groupBy: ['type', 'powerW'], sum: ['count'] },
      dir,
      WHERE,
      TERRITORY,
    );
    expect(r.items).toEqual([
      { id: 'A', type: 'SHP', powerW: 170, count: 25, ageYears: 20 },
      { id: 'A', type: 'LED', powerW: 50, count: 3, ageYears: 5 },
      { id: 'B', type: 'SHP', powerW: 100, count: 4, ageYears: 25 },
    ]);
    // each group remembers the line of its first row
    expect(r.origin.map((o) => o.line)).toEqual([2, 3, 5]);
  });

  it('groups GeoJSON features with a default count of 1 (one feature per light point)', async () => {
    const dir = tempDir();
    const point = (lamp: string, w: number) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [2.6, 46.7] }, properties: { highway: 'street_lamp', lamp_type: lamp, watts: w } });
    write(dir, 'p.geojson', JSON.stringify({ type: 'FeatureCollection', features: [point('led', 40), point('high_pressure_sodium', 170), point('led', 40), point('led', 40)] }));
    const r = await readTableSource(
      { file: 'p.geojson', columns: { type: 'lamp_type', powerW: 'watts' }, defaults: { count: 1 }, groupBy: ['type', 'powerW'], sum: ['count'] },
      dir,
      WHERE,
      TERRITORY,
    );
    // three LED features and one sodium feature
    expect(r.items).toEqual([
      { count: 3, type: 'led', powerW: 40 },
      { count: 1, type: 'high_pressure_sodium', powerW: 170 },
    ]);
  });

  it('a row whose summed field is not a number ≥ 0 is an error naming the row and the column', async () => {
    const dir = tempDir();
    write(dir, 'l.csv', 'type;n\nSHP;12\nSHP;douze\n');
    const e = await inputErrorOf(() => readTableSource({ file: 'l.csv', columns: { type: 'type', count: 'n' }, groupBy: ['type'], sum: ['count'] }, dir, WHERE, TERRITORY));
    expect(e.file).toBe(join(dir, 'l.csv'));
    expect(e.line).toBe(3);
    expect(e.path).toBe(`${WHERE}.count (column n)`);
    expect(e.received).toBe('the text "douze"');
  });

  it('a missing column is an error naming the file, the header line and the column', async () => {
    const dir = tempDir();
    write(dir, 'l.csv', 'TYPE;PUISSANCE\nSHP;170\n');
    const e = await inputErrorOf(() => readTableSource({ file: 'l.csv', columns: { type: 'TYPE', count: 'NOMBRE' } }, dir, WHERE, TERRITORY));
    expect(e.file).toBe(join(dir, 'l.csv'));
    expect(e.line).toBe(1);
    expect(e.path).toBe(`${WHERE}.columns.count`);
    expect(e.message).toContain('NOMBRE');
    expect(e.expected).toContain('NOMBRE');
    expect(e.received).toBe('columns TYPE, PUISSANCE');
    expect(e.fix).toContain(TERRITORY);
  });

  it('an unsupported file type is an error pointing at the territory file', async () => {
    const e = await inputErrorOf(() => readTableSource({ file: 'l.ods' }, tempDir(), WHERE, TERRITORY));
    expect(e.file).toBe(TERRITORY);
    expect(e.path).toBe(`${WHERE}.file`);
    expect(e.received).toBe('l.ods');
  });

  it('a missing table file is an error naming it', async () => {
    const dir = tempDir();
    const e = await inputErrorOf(() => readTableSource({ file: 'absent.csv' }, dir, WHERE, TERRITORY));
    expect(e.file).toBe(join(dir, 'absent.csv'));
    expect(e.received).toBe('no such file');
  });
});
