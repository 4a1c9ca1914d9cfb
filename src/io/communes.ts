/**
 * The communes file of a roll-up (`territoires rollup`): YAML or JSON, a list of communes, each with an id, an
 * optional name, and its inventory for each use case it has (the roll-up evaluates it for those), in the format of a
 * territory file's `useCases.<id>.inventory` (a list may be read from a CSV, XLSX or GeoJSON table, relative to the
 * communes file, as in a territory file):
 *
 * ```yaml
 * communes:
 *   - id: "01001"
 *     name: Village A
 *     inventories:
 *       lighting: { luminaires: [{ type: sodium-hp, powerW: 150, count: 120 }], cabinets: 4 }
 *       water: { billedVolumeM3PerYear: 40000, networkEfficiency: 0.75, networkLengthKm: 15, subscribers: 300 }
 *     overrides: { ledLuminaireCostEur: 850 }   # optional: its own values, over the roll-up territory's
 * ```
 *
 * This module checks the file's shape and that no id is repeated (and reads the tables); each inventory is then validated against its
 * model's schema by the roll-up (`validateCommune`), whose errors `locateCommuneError` points at the file's lines.
 */
import { z } from 'zod';
import { InputError, InputErrors } from '../core/errors.js';
import { checkCommuneIds, type RollUpCommune } from '../evaluate/rollup.js';
import { MODELS, USE_CASE_IDS } from '../evaluate/registry.js';
import type { SourcedItems } from './tables.js';
import { overrideValueSchema, readInventoryTables, sha256, tableRowError } from './territory.js';
import { parseDocument, readTextFile, zodIssuesToErrors, type SourceDocument } from './yaml.js';

/** The file's shape; `inventories` holds the inventories as written, which the roll-up validates by model. */
function communesSchema<I extends z.ZodType>(inventories: I) {
  return z
    .object({
      communes: z
        .array(
          z
            .object({
              id: z.union([z.string().min(1), z.number()]).meta({ description: 'Identifier, e.g. the INSEE code (quote codes with a leading zero)' }),
              name: z.string().optional().meta({ description: 'Name, for reports' }),
              inventories: inventories.meta({ description: 'Inventory per use case, in the format of useCases.<id>.inventory of a territory file' }),
              overrides: z
                .record(z.string(), overrideValueSchema)
                .optional()
                .meta({ description: "The commune's own parameter values, as a territory file's overrides (applied over the roll-up territory's)" }),
            })
            .strict(),
        )
        .min(1),
    })
    .strict();
}

const communesFileSchema = communesSchema(z.partialRecord(z.enum(USE_CASE_IDS), z.unknown()));

/**
 * The communes file with each use case's inventory schema in place, for the JSON Schema editors read
 * (`territoires schema --format communes`).
 */
export function communesFileSchemaWithInventories() {
  const byUseCase = Object.fromEntries(USE_CASE_IDS.map((id) => [id, MODELS[id].inventorySchema.optional()]));
  return communesSchema(z.object(byUseCase).strict());
}

export interface LoadedCommunes {
  file: string;
  communes: (RollUpCommune & { name?: string })[];
  /** The communes file and the table files it reads, with their SHA-256 (for the manifest). */
  inputs: { file: string; sha256: string }[];
  lineOf: SourceDocument['lineOf'];
  /** The tables read in place of lists, by the path they replaced (`communes.<i>.inventories.<use case>.<field>`). */
  sourced: ReadonlyMap<string, SourcedItems>;
}

/**
 * Reads and checks a communes file (shape and tables; the inventories themselves are checked by the roll-up).
 * @throws InputError (one problem) or InputErrors (several), with file, line, path, expected, received and fix
 */
export async function loadCommunes(file: string): Promise<LoadedCommunes> {
  const text = readTextFile(file);
  const doc = parseDocument(text, file);
  const result = communesFileSchema.safeParse(doc.data);
  if (!result.success) {
    const errors = zodIssuesToErrors(result.error.issues, doc, 'communes file');
    throw errors.length === 1 ? errors[0] : new InputErrors(errors);
  }
  try {
    checkCommuneIds(result.data.communes.map((c) => ({ id: String(c.id) })));
  } catch (error) {
    throw locateCommuneError(error, { file, lineOf: doc.lineOf });
  }
  const inputs = [{ file, sha256: sha256(text) }];
  const communes: LoadedCommunes['communes'] = [];
  const sourced = new Map<string, SourcedItems>();
  for (const [i, c] of result.data.communes.entries()) {
    const inventories = structuredClone(c.inventories) as RollUpCommune['inventories'];
    for (const ucId of Object.keys(inventories)) {
      await readInventoryTables(inventories[ucId as keyof typeof inventories], `communes.${i}.inventories.${ucId}`, file, inputs, sourced);
    }
    communes.push({ id: String(c.id), ...(c.name !== undefined ? { name: c.name } : {}), inventories, ...(c.overrides !== undefined ? { overrides: c.overrides } : {}) });
  }
  return { file, communes, inputs, lineOf: doc.lineOf, sourced };
}

/**
 * Points a roll-up's input error (its path `communes.<i>.inventories.…`) at the communes file and the line of that
 * path, or, for a value read from a table, at the table file's row and column; other errors are returned unchanged.
 */
export function locateCommuneError(error: unknown, loaded: Pick<LoadedCommunes, 'file' | 'lineOf'> & Partial<Pick<LoadedCommunes, 'sourced'>>): unknown {
  const locate = (e: InputError): InputError => {
    if (e.file !== undefined || !e.path?.startsWith('communes.')) return e;
    const inTable = loaded.sourced ? tableRowError(e.path.split('.'), e.expected, loaded.sourced) : undefined;
    if (inTable) return inTable;
    const path = e.path.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k));
    return new InputError(`${loaded.file}: ${e.message}`, {
      file: loaded.file,
      line: loaded.lineOf(path),
      path: e.path,
      expected: e.expected,
      received: e.received,
      fix: e.fix,
    });
  };
  if (error instanceof InputErrors) return new InputErrors(error.errors.map(locate));
  if (error instanceof InputError) return locate(error);
  return error;
}
