/// <reference lib="dom" />
/**
 * A lighting inventory from a table alone (CSV or XLSX, e.g. a GIS or maintenance export): the server reads the
 * table (`/api/table`, the readers of `territoires run`); the page matches columns to fields and groups rows that
 * describe identical luminaires, as a table source with `groupBy` and `sum: [count]` does in a territory file.
 */
import { coerceNumber } from '../../io/tables.js';

/** A table as the server reads it: header and rows of values. */
export interface TableData {
  header: string[];
  rows: Record<string, string | number>[];
}

/**
 * Sends one file to the server, which reads it as a table (`POST /api/table`).
 * @example
 * await readTable({ name: 'lampes.csv', base64: btoa('type;nombre\nSHP;12\n') })
 * // → { header: ['type', 'nombre'], rows: [{ type: 'SHP', nombre: '12' }] }
 */
export async function readTable(file: { name: string; base64: string }): Promise<TableData> {
  const response = await fetch('/api/table', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ file }) });
  const body = (await response.json()) as TableData & { message?: string; fix?: string };
  if (!response.ok) throw new Error([body.message, body.fix].filter(Boolean).join(' — '));
  return body;
}

/** Fields of a luminaire group that rows are grouped by (all but the count). */
const GROUP_KEYS = ['type', 'powerW', 'ageYears', 'lampLifetimeYears'] as const;

/**
 * Luminaire groups from table rows: each field takes the column `columns[field]` (numbers written as text are
 * converted, `0,15` included); rows with the same type, power, age and relamping cycle become one group whose
 * counts add up; a row without a count column stands for one luminaire. Invalid values are kept as they are, for
 * the territory validation to report.
 * @example
 * importTable({ header: ['lampe', 'W'], rows: [{ lampe: 'SHP', W: '150' }, { lampe: 'SHP', W: '150' }] }, { type: 'lampe', powerW: 'W' })
 * // → [{ id: 'import-1', type: 'SHP', powerW: 150, count: 2 }]
 */
export function importTable(table: TableData, columns: Readonly<Record<string, string>>): Record<string, string | number>[] {
  const groups = new Map<string, Record<string, string | number>>();
  for (const row of table.rows) {
    const item: Record<string, string | number> = {};
    for (const [field, column] of Object.entries(columns)) {
      const raw = row[column];
      if (raw === undefined || raw === '') continue;
      item[field] = field === 'type' ? String(raw).trim() : coerceNumber(raw);
    }
    const count = columns.count === undefined ? 1 : item.count;
    if (count === undefined) continue;
    const key = JSON.stringify(GROUP_KEYS.map((k) => item[k] ?? null));
    const group = groups.get(key);
    if (group && typeof group.count === 'number' && typeof count === 'number') group.count += count;
    else if (!group) groups.set(key, { ...item, count });
    else groups.set(`${key}#${groups.size}`, { ...item, count });
  }
  return [...groups.values()].map((g, i) => ({ id: `import-${i + 1}`, ...g }));
}
