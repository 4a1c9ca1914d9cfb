/**
 * Inventories from tables: CSV, XLSX and GeoJSON files read into rows, with a column mapping.
 *
 * In a territory file, any list of an inventory may be given as a table source instead of inline items:
 *
 *     luminaires:
 *       file: lampadaires.csv          # .csv, .xlsx or .geojson/.json, relative to the territory file
 *       sheet: Inventaire              # XLSX only (default: the first sheet)
 *       columns: { type: TYPE_LAMPE, powerW: PUISSANCE_W, count: NOMBRE }   # inventory field: column in the file
 *       defaults: { count: 1 }         # values for fields the file does not have
 *       groupBy: [type, powerW]        # optional: rows with the same values become one item …
 *       sum: [count]                   # … whose listed fields are added up (numbers ≥ 0 in every row);
 *                                      # other fields keep the value of the group's first row
 *
 * CSV: delimiter `;` or `,` detected from the header line, quotes per RFC 4180, decimal comma accepted
 * (`0,15`), a UTF-8 BOM ignored. GeoJSON: one row per feature, from its `properties`.
 * Numbers written as text are converted; every row remembers its line (CSV), row (XLSX) or feature index, so that a
 * later validation error names the file, the row and the column.
 */
import { extname, resolve } from 'node:path';
import { z } from 'zod';
import { InputError } from '../core/errors.js';
import { describeValue, readTextFile } from './yaml.js';

/** The table-source form of an inventory list, as a schema (for the territory's JSON Schema). */
export const tableSourceSchema = z
  .object({
    file: z.string().min(1).meta({ description: 'CSV, XLSX or GeoJSON file, relative to the territory file' }),
    sheet: z.string().optional().meta({ description: 'XLSX sheet (default: the first)' }),
    columns: z.record(z.string(), z.string()).optional().meta({ description: 'inventory field → column in the file' }),
    defaults: z.record(z.string(), z.union([z.string(), z.number()])).optional().meta({ description: 'values for fields the file does not have' }),
    groupBy: z.array(z.string()).optional().meta({ description: 'rows with the same values of these fields become one item' }),
    sum: z.array(z.string()).optional().meta({ description: 'fields added up when rows are grouped' }),
  })
  .strict()
  .meta({ description: 'An inventory list read from a table file instead of written inline' });

export interface TableSource {
  file: string;
  sheet?: string;
  columns?: Record<string, string>;
  defaults?: Record<string, string | number>;
  groupBy?: string[];
  sum?: string[];
}

export interface TableRow {
  values: Record<string, string | number>;
  /** Line (CSV, 1-based incl. header), row (XLSX) or feature index + 1 (GeoJSON). */
  line: number;
}

export interface SourcedItems {
  items: Record<string, string | number>[];
  file: string;
  /** For each item: the source line of its (first) row and the column used for each field. */
  origin: { line: number; columns: Record<string, string> }[];
}

/**
 * True when a value in a territory file is a table source (`{ file, … }`) rather than inline items.
 * @example isTableSource({ file: 'luminaires.csv' }) // true
 * @example isTableSource([{ count: 1 }]) // false
 */
export function isTableSource(value: unknown): value is TableSource {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { file?: unknown }).file === 'string';
}

/**
 * Parses CSV text into a header and rows, each row with its line (the header is line 1). Cells stay text;
 * `coerceNumber` converts them later.
 * @example parseCsv('type;count\nsodium-hp;120\n', 'l.csv').rows // [{ values: { type: 'sodium-hp', count: '120' }, line: 2 }]
 */
export function parseCsv(text: string, file: string): { header: string[]; rows: TableRow[] } {
  const clean = text.replace(/^\uFEFF/, '');
  const firstLine = clean.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const records: { cells: string[]; line: number }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  for (let i = 0; i < clean.length; i++) {
    const c = clean[i];
    if (quoted) {
      if (c === '"' && clean[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && clean[i + 1] === '\n') i++;
      cells.push(cell);
      if (cells.some((x) => x.trim() !== '')) records.push({ cells, line: recordLine });
      cells = [];
      cell = '';
      line++;
      recordLine = line;
    } else {
      cell += c;
    }
  }
  if (quoted) {
    throw new InputError(`${file}: unterminated quoted field`, {
      file,
      line: recordLine,
      expected: 'a closing double quote (")',
      received: 'end of file inside a quoted field',
      fix: 'close the quote, or double the quotes inside a field ("")',
    });
  }
  cells.push(cell);
  if (cells.some((x) => x.trim() !== '')) records.push({ cells, line: recordLine });
  if (records.length === 0) {
    throw new InputError(`${file}: empty table`, { file, expected: 'a header line and at least one row', received: 'an empty file', fix: 'export the table again with its header' });
  }
  const header = records[0].cells.map((h) => h.trim());
  const rows = records.slice(1).map((r) => {
    const values: Record<string, string | number> = {};
    header.forEach((h, j) => {
      values[h] = (r.cells[j] ?? '').trim();
    });
    return { values, line: r.line };
  });
  return { header, rows };
}

/** Reads an XLSX sheet into a header and rows (exceljs is loaded only when needed). */
export async function readXlsx(file: string, sheet?: string): Promise<{ header: string[]; rows: TableRow[] }> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch (cause) {
    throw new InputError(`${file}: not a readable XLSX workbook`, {
      file,
      expected: 'an Excel workbook (.xlsx)',
      received: (cause as Error).message,
      fix: 'save the file as .xlsx (Excel 2007 or later), or export it as CSV',
      cause,
    });
  }
  const ws = sheet ? wb.getWorksheet(sheet) : wb.worksheets[0];
  if (!ws) {
    throw new InputError(`${file}: no sheet named ${sheet}`, {
      file,
      path: 'sheet',
      expected: `one of the sheets ${wb.worksheets.map((w) => w.name).join(', ')}`,
      received: String(sheet),
      fix: 'correct `sheet:` in the territory file',
    });
  }
  const header: string[] = [];
  ws.getRow(1).eachCell({ includeEmpty: true }, (c, col) => {
    header[col - 1] = String(cellValue(c.value) ?? '').trim();
  });
  const rows: TableRow[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const values: Record<string, string | number> = {};
    let any = false;
    header.forEach((h, j) => {
      const v = cellValue(row.getCell(j + 1).value);
      if (v !== null && v !== '') any = true;
      values[h] = v ?? '';
    });
    if (any) rows.push({ values, line: r });
  }
  return { header, rows };
}

function cellValue(v: unknown): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { result?: unknown; richText?: { text: string }[]; text?: string };
    if (o.result !== undefined) return cellValue(o.result);
    if (o.richText) return o.richText.map((t) => t.text).join('');
    if (o.text !== undefined) return o.text;
  }
  return String(v);
}

/**
 * Reads a GeoJSON FeatureCollection: one row per feature, from its properties (line = feature index + 1).
 * @example parseGeoJson('{"type":"FeatureCollection","features":[{"type":"Feature","geometry":null,'
 *   + '"properties":{"nombre":12}}]}', 'g.geojson').rows // [{ values: { nombre: 12 }, line: 1 }]
 */
export function parseGeoJson(text: string, file: string): { header: string[]; rows: TableRow[] } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (cause) {
    throw new InputError(`${file}: malformed GeoJSON`, { file, expected: 'a JSON FeatureCollection', received: (cause as Error).message, fix: 'export the layer again as GeoJSON', cause });
  }
  const features = (doc as { type?: string; features?: unknown[] }).features;
  if ((doc as { type?: string }).type !== 'FeatureCollection' || !Array.isArray(features)) {
    throw new InputError(`${file}: not a GeoJSON FeatureCollection`, { file, path: 'type', expected: '"type": "FeatureCollection" with a "features" list', received: String((doc as { type?: string }).type), fix: 'export the layer as a GeoJSON FeatureCollection' });
  }
  const header = new Set<string>();
  const rows = features.map((f, i) => {
    const props = ((f as { properties?: Record<string, unknown> }).properties ?? {}) as Record<string, unknown>;
    const values: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(props)) {
      header.add(k);
      values[k] = typeof v === 'number' ? v : v === null || v === undefined ? '' : String(v);
    }
    return { values, line: i + 1 };
  });
  return { header: [...header], rows };
}

/**
 * Converts text that is a number (`1 234,5`, `0.15`, `12`) to a number; leaves other text as it is.
 * @example coerceNumber('1 234,5') // 1234.5 (French spreadsheet export: space for thousands, decimal comma)
 * @example coerceNumber('sodium') // 'sodium'
 */
export function coerceNumber(v: string | number): string | number {
  if (typeof v === 'number') return v;
  const t = v.replace(/[\s\u00a0\u202f]/g, '');
  if (/^[-+]?(\d+([.,]\d*)?|[.,]\d+)(e[-+]?\d+)?$/i.test(t)) return Number(t.replace(',', '.'));
  return v;
}

/**
 * Reads a table source into inventory items.
 * @param baseDir folder of the territory file; `source.file` is relative to it
 * @param where path of the source in the territory file, for errors (e.g. `useCases.lighting.inventory.luminaires`)
 */
export async function readTableSource(source: TableSource, baseDir: string, where: string, territoryFile: string): Promise<SourcedItems> {
  const file = resolve(baseDir, source.file);
  const ext = extname(file).toLowerCase();
  let table: { header: string[]; rows: TableRow[] };
  if (ext === '.csv' || ext === '.txt') table = parseCsv(readTextFile(file), file);
  else if (ext === '.xlsx') table = await readXlsx(file, source.sheet);
  else if (ext === '.geojson' || ext === '.json') table = parseGeoJson(readTextFile(file), file);
  else {
    throw new InputError(`unsupported inventory file ${source.file}`, {
      file: territoryFile,
      path: `${where}.file`,
      expected: 'a .csv, .xlsx or .geojson file',
      received: source.file,
      fix: 'export the inventory as CSV, XLSX or GeoJSON',
    });
  }
  const columns: Record<string, string> = { ...(source.columns ?? {}) };
  const missing = Object.entries(columns).filter(([, col]) => !table.header.includes(col));
  if (missing.length > 0) {
    const [field, col] = missing[0];
    throw new InputError(`${file}: missing column ${col}`, {
      file,
      line: 1,
      path: `${where}.columns.${field}`,
      expected: `a column named ${missing.map(([, c]) => c).join(', ')} (mapped to ${missing.map(([f]) => f).join(', ')})`,
      received: `columns ${table.header.join(', ')}`,
      fix: `add the column to the file, or change \`columns.${field}\` in ${territoryFile}`,
    });
  }
  const items: Record<string, string | number>[] = [];
  const origin: SourcedItems['origin'] = [];
  for (const row of table.rows) {
    const item: Record<string, string | number> = {};
    for (const [field, value] of Object.entries(source.defaults ?? {})) item[field] = value;
    for (const [field, col] of Object.entries(columns)) {
      const raw = row.values[col];
      if (raw !== '' && raw !== undefined) item[field] = coerceNumber(raw);
    }
    items.push(item);
    origin.push({ line: row.line, columns });
  }
  if (!source.groupBy || source.groupBy.length === 0) return { items, file, origin };
  const sumFields = new Set(source.sum ?? []);
  const groups = new Map<string, number>();
  const grouped: Record<string, string | number>[] = [];
  const groupedOrigin: SourcedItems['origin'] = [];
  items.forEach((item, i) => {
    // A value that cannot be added would otherwise vanish from the group's total without a word.
    for (const f of sumFields) {
      const v = item[f];
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
        const col = columns[f];
        throw new InputError(`${file}: cannot add up ${f} at row ${origin[i].line}`, {
          file,
          line: origin[i].line,
          path: `${where}.${f}${col ? ` (column ${col})` : ''}`,
          expected: `a number ≥ 0 in every row, since \`sum\` adds up ${f} over the rows of a group`,
          received: describeValue(v),
          fix: col ? `correct column ${col} at row ${origin[i].line}` : `map a column to ${f} in \`columns\`, or give it in \`defaults\``,
        });
      }
    }
    const key = JSON.stringify(source.groupBy!.map((k) => item[k] ?? null));
    const at = groups.get(key);
    if (at === undefined) {
      groups.set(key, grouped.length);
      grouped.push({ ...item });
      groupedOrigin.push(origin[i]);
    } else {
      for (const f of sumFields) {
        const a = grouped[at][f];
        const b = item[f];
        if (typeof a === 'number' && typeof b === 'number') grouped[at][f] = a + b;
      }
    }
  });
  return { items: grouped, file, origin: groupedOrigin };
}
