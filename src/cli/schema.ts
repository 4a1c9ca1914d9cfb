/**
 * `territoires schema`: JSON Schemas of the file formats, generated from the zod schemas (the only source of
 * each format), so editors can check files as they are typed.
 */
import { z } from 'zod';
import { parameterFileJsonSchema, referenceJsonSchema, scenarioJsonSchema } from '../scenario/index.js';
import { communesFileSchemaWithInventories } from '../io/communes.js';
import { tableSourceSchema } from '../io/tables.js';
import { territorySchema } from '../io/territory.js';
import { toJson, writeAtomically } from '../io/writers.js';

type JsonSchema = Record<string, unknown>;

/**
 * JSON Schema of the territory file format. Every list of a use case's inventory may also be a table source
 * (`{file, columns, …}`, src/io/tables.ts), which the loader replaces by the table's rows before validating:
 * the schema says so with an `anyOf`, so editors accept what `territoires validate` accepts.
 */
export function territoryJsonSchema(): JsonSchema {
  const schema = z.toJSONSchema(territorySchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const useCases = ((schema.properties as Record<string, JsonSchema>).useCases.properties ?? {}) as Record<string, JsonSchema>;
  for (const entry of Object.values(useCases)) allowTables((entry.properties as Record<string, JsonSchema> | undefined)?.inventory);
  return { ...schema, $id: 'territoires-territory', title: 'Territoires territory' };
}

/** JSON Schema of the communes file of `territoires rollup` (its lists may be table sources too). */
export function communesJsonSchema(): JsonSchema {
  const schema = z.toJSONSchema(communesFileSchemaWithInventories(), { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const commune = ((schema.properties as Record<string, JsonSchema>).communes.items ?? {}) as JsonSchema;
  const inventories = ((commune.properties as Record<string, JsonSchema> | undefined)?.inventories.properties ?? {}) as Record<string, JsonSchema>;
  for (const inventory of Object.values(inventories)) allowTables(inventory);
  return { ...schema, $id: 'territoires-communes', title: 'Territoires communes (roll-up)' };
}

/** Lets every list field of an inventory's JSON Schema be a table source instead (`anyOf`), in place. */
function allowTables(inventory: JsonSchema | undefined): void {
  const fields = inventory?.properties as Record<string, JsonSchema> | undefined;
  if (!fields) return;
  const table = z.toJSONSchema(tableSourceSchema, { io: 'input' }) as JsonSchema;
  delete table.$schema;
  for (const [name, field] of Object.entries(fields)) {
    if (field.type === 'array') fields[name] = { anyOf: [field, table] };
  }
}

export const SCHEMAS: Record<string, () => Record<string, unknown>> = {
  territory: territoryJsonSchema,
  scenario: scenarioJsonSchema,
  reference: referenceJsonSchema,
  parameters: parameterFileJsonSchema,
  communes: communesJsonSchema,
};

export async function schemaCommand(opts: { format: string; out?: string }): Promise<number> {
  if (opts.out) {
    const written = writeAtomically(
      opts.out,
      Object.entries(SCHEMAS).map(([name, f]) => ({ name: `${name}.schema.json`, content: toJson(f()) })),
    );
    process.stdout.write(written.join('\n') + '\n');
    return 0;
  }
  process.stdout.write(toJson(SCHEMAS[opts.format]()));
  return 0;
}
