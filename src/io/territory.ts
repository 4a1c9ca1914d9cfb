/**
 * The territory file: identity, inventory per use case, local settings and parameter overrides.
 *
 * Validated in two stages: structure (one zod schema, built from each model's inventory schema, strict about
 * unknown keys), then consistency (at least one use case, years, subsidy shares). Lists of an inventory may come
 * from CSV/XLSX/GeoJSON files (src/io/tables.ts); errors in those rows name the table file, its row and column.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { InputError, InputErrors } from '../core/errors.js';
import { CONFIDENCE_LEVELS } from '../core/parameter.js';
import { digitalInventorySchema } from '../../models/digital/model.js';
import { MODELS, USE_CASE_IDS, type UseCaseId } from '../evaluate/registry.js';
import type { OverrideValue } from '../evaluate/resolve.js';
import { isTableSource, readTableSource, type SourcedItems } from './tables.js';
import { describeValue, parseDocument, readTextFile, zodIssuesToErrors, type SourceDocument } from './yaml.js';

export const overrideValueSchema = z.union([
  z.number(),
  z.string(),
  z
    .object({
      value: z.union([z.number(), z.string()]),
      source: z.string().optional(),
      confidence: z.enum(CONFIDENCE_LEVELS).optional(),
      note: z.string().optional(),
    })
    .strict(),
]);

export const subsidySchema = z
  .object({
    name: z.string().min(1).meta({ description: 'Funding lever, e.g. "Fonds vert", "DETR", "DSIL", "CEE"' }),
    share: z.number().min(0).max(1).meta({ description: 'Share of the eligible investment excl. VAT [fraction]' }),
    capEur: z.number().nonnegative().optional().meta({ description: 'Cap on the amount [EUR]' }),
    variants: z.array(z.string()).optional().meta({ description: 'Variant ids it applies to (default: every variant but the status quo)' }),
  })
  .strict();

function useCaseEntrySchema(inventory: z.ZodType) {
  return z
    .object({
      inventory,
      overrides: z.record(z.string(), overrideValueSchema).optional(),
      subsidies: z.array(subsidySchema).optional(),
      vatRecoverable: z.boolean().optional().meta({ description: 'True when the service recovers VAT (e.g. a water service subject to VAT); then no FCTVA' }),
    })
    .strict();
}

export const TERRITORY_KINDS = ['commune', 'epci', 'syndicat', 'departement', 'region'] as const;

export const settingsSchema = z
  .object({
    startYear: z.number().int().min(2000).max(2100).default(2026).meta({ description: 'Investment year (index 0) [year]' }),
    horizonYears: z.number().int().min(1).max(100).default(25).meta({ description: 'Years of operation appraised [years]' }),
    financialDiscountRate: z.number().min(-0.05).max(0.3).optional().meta({ description: "The authority's real discount rate [fraction]" }),
    fctvaLagYears: z.union([z.literal(0), z.literal(1), z.literal(2)]).optional().meta({ description: 'FCTVA regime: paid in year N, N+1 or N+2' }),
    carbonValuePath: z.enum(['2025', '2019']).optional().meta({ description: 'France Stratégie carbon value path' }),
  })
  .strict();

const useCasesShape = Object.fromEntries(USE_CASE_IDS.map((id) => [id, useCaseEntrySchema(MODELS[id].inventorySchema).optional()]));

export const territorySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and hyphens').meta({ description: 'Identifier, used for the output folder' }),
    name: z.string().min(1),
    kind: z.enum(TERRITORY_KINDS),
    population: z.number().int().positive().meta({ description: 'Inhabitants' }),
    inseeCode: z.string().optional(),
    description: z.string().optional(),
    settings: settingsSchema.default({ startYear: 2026, horizonYears: 25 }),
    useCases: z.object(useCasesShape).strict(),
    digital: digitalInventorySchema.optional(),
    overrides: z.record(z.string(), overrideValueSchema).optional(),
  })
  .strict();

export type TerritoryFile = z.infer<typeof territorySchema>;

export interface UseCaseInput {
  id: UseCaseId;
  inventory: unknown;
  overrides: Record<string, OverrideValue>;
  subsidies: z.infer<typeof subsidySchema>[];
  vatRecoverable: boolean;
}

export interface LoadedTerritory {
  file: string;
  id: string;
  name: string;
  kind: (typeof TERRITORY_KINDS)[number];
  population: number;
  description?: string;
  settings: z.infer<typeof settingsSchema>;
  useCases: UseCaseInput[];
  digital: z.infer<typeof digitalInventorySchema> | undefined;
  overrides: Record<string, OverrideValue>;
  /** Input files read (the territory and its tables) with their SHA-256, for the run manifest. */
  inputs: { file: string; sha256: string }[];
  lineOf(path: ReadonlyArray<string | number>): number | undefined;
}

/**
 * SHA-256 of a file's text or bytes, as lowercase hex: the input hashes of a run's manifest.
 * @example sha256('abc') // 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad' (FIPS 180-2 test vector)
 */
export function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Reads a territory file (YAML or JSON), replaces its table sources (CSV, XLSX, GeoJSON, relative to the file) by
 * their rows, and validates it: structure, then consistency.
 * @param file path of the territory file
 * @returns the territory with its settings defaulted (startYear 2026, horizonYears 25), its use cases, overrides and
 *   the SHA-256 of every input file read
 * @throws InputError (or InputErrors) naming the file, the line (or the table's row and column), the path, what was
 *   expected, what was received and the fix
 * @example (await loadTerritory('examples/ville-moyenne/territory.yaml')).useCases.map((u) => u.id)
 *   // ['lighting', 'water', 'climate-risk', 'buildings']
 */
export async function loadTerritory(file: string): Promise<LoadedTerritory> {
  const text = readTextFile(file);
  return parseTerritory(text, resolve(file));
}

/**
 * Validates a territory given as text (the file name is used for errors and relative table paths), as
 * `loadTerritory` does for a file.
 * @example
 * const t = await parseTerritory('id: t\nname: T\nkind: commune\npopulation: 1000\nuseCases:\n  water:\n    inventory: '
 *   + '{ billedVolumeM3PerYear: 50000, networkEfficiency: 0.8, networkLengthKm: 12, subscribers: 450 }\n', '/tmp/t.yaml');
 * t.settings // { startYear: 2026, horizonYears: 25 } (the defaults)
 */
export async function parseTerritory(text: string, file: string): Promise<LoadedTerritory> {
  const doc = parseDocument(text, file);
  const inputs = [{ file, sha256: sha256(text) }];
  if (doc.data === null || typeof doc.data !== 'object' || Array.isArray(doc.data)) {
    throw new InputError(`${file}: not a territory`, {
      file,
      line: 1,
      expected: 'a mapping with id, name, kind, population, useCases',
      received: describeValue(doc.data),
      fix: 'start from examples/ville-moyenne/territory.yaml',
    });
  }
  const data = structuredClone(doc.data) as Record<string, unknown>;
  // Replace table sources by their rows, remembering where each row came from.
  const sourced = new Map<string, SourcedItems>();
  const useCases = (data.useCases ?? {}) as Record<string, unknown>;
  if (typeof useCases === 'object' && useCases !== null) {
    for (const [ucId, entry] of Object.entries(useCases)) {
      await readInventoryTables((entry as { inventory?: unknown } | null)?.inventory, `useCases.${ucId}.inventory`, file, inputs, sourced);
    }
  }
  const result = territorySchema.safeParse(data);
  if (!result.success) {
    const errors = result.error.issues.map(
      (issue) => tableRowError(issue.path.map(String), issue.message, sourced) ?? zodIssuesToErrors([issue], { ...doc, data } as SourceDocument, 'territory')[0],
    );
    throw errors.length === 1 ? errors[0] : new InputErrors(errors);
  }
  const t = result.data;
  const present = USE_CASE_IDS.filter((id) => t.useCases[id] !== undefined);
  if (present.length === 0) {
    throw new InputError(`${file}: no use case to evaluate`, {
      file,
      line: doc.lineOf(['useCases']),
      path: 'useCases',
      expected: `at least one of ${USE_CASE_IDS.join(', ')} with its inventory`,
      received: 'an empty useCases section',
      fix: 'describe at least one use case (see examples/ville-moyenne/territory.yaml)',
    });
  }
  return {
    file,
    id: t.id,
    name: t.name,
    kind: t.kind,
    population: t.population,
    description: t.description,
    settings: t.settings,
    useCases: present.map((id) => {
      const e = t.useCases[id] as z.infer<ReturnType<typeof useCaseEntrySchema>>;
      return { id, inventory: e.inventory, overrides: e.overrides ?? {}, subsidies: e.subsidies ?? [], vatRecoverable: e.vatRecoverable ?? false };
    }),
    digital: t.digital,
    overrides: t.overrides ?? {},
    inputs,
    lineOf: doc.lineOf,
  };
}

/**
 * Replaces, in place, each field of an inventory written as a table source (`{ file, columns, … }`, src/io/tables.ts)
 * by the table's rows, read relative to `file`'s folder. Each table is added to `inputs` with its SHA-256 and, when
 * given `sourced`, recorded there under `${where}.${field}` (so that a schema error in a row can point at the table's
 * line). Anything
 * that is not an object is left alone (the schema reports it).
 * @param where the inventory's path in the document, e.g. `useCases.lighting.inventory`
 * @param file the document the paths are relative to
 */
export async function readInventoryTables(
  inventory: unknown,
  where: string,
  file: string,
  inputs: { file: string; sha256: string }[],
  sourced?: Map<string, SourcedItems>,
): Promise<void> {
  if (!inventory || typeof inventory !== 'object' || Array.isArray(inventory)) return;
  for (const [field, value] of Object.entries(inventory as Record<string, unknown>)) {
    if (!isTableSource(value)) continue;
    const at = `${where}.${field}`;
    const items = await readTableSource(value, dirname(file), at, file);
    (inventory as Record<string, unknown>)[field] = items.items;
    sourced?.set(at, items);
    inputs.push({ file: items.file, sha256: sha256(readTextFileBuffer(items.file)) });
  }
}

/**
 * The error of a value read from a table (CSV, XLSX, GeoJSON) at its table file's row and column, instead of the
 * line of the table reference in the territory (or communes) file.
 * @param path the path of the invalid value, e.g. `['useCases', 'lighting', 'inventory', 'luminaires', '3', 'count']`
 * @param expected what was expected there (the schema's message)
 * @param sourced the tables `readInventoryTables` read, by the path they replaced
 * @returns the error at the row and column, or undefined when the path is not in a table
 * @example tableRowError(['useCases', 'lighting', 'inventory', 'luminaires', '0', 'count'], 'a number ≥ 0', sourced)?.line // 2: the CSV's first data row
 */
export function tableRowError(path: readonly string[], expected: string, sourced: ReadonlyMap<string, SourcedItems>): InputError | undefined {
  for (const [where, items] of sourced) {
    const prefix = where.split('.');
    if (path.length > prefix.length && prefix.every((p, i) => p === path[i])) {
      const row = Number(path[prefix.length]);
      const field = path[prefix.length + 1];
      const o = items.origin[row];
      const column = field ? (o?.columns[field] ?? `(no column mapped to ${field})`) : undefined;
      return new InputError(`${items.file}: invalid row for ${where}`, {
        file: items.file,
        line: o?.line,
        path: `${path.join('.')}${column ? ` (column ${column})` : ''}`,
        expected,
        received: describeValue(field ? items.items[row]?.[field] : items.items[row]),
        fix: column && !column.startsWith('(') ? `correct column ${column} at row ${o?.line}` : `map a column to ${field} in \`columns\`, or give it in \`defaults\``,
      });
    }
  }
  return undefined;
}

function readTextFileBuffer(file: string): Buffer {
  return readFileSync(file);
}
