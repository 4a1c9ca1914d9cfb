/**
 * `territoires schema`: JSON Schemas of the file formats, generated from the zod schemas (the only source of
 * each format), so editors can check files as they are typed.
 */
import { z } from 'zod';
import { parameterFileJsonSchema, referenceJsonSchema, scenarioJsonSchema } from '../scenario/index.js';
import { territorySchema } from '../io/territory.js';
import { toJson, writeAtomically } from '../io/writers.js';

/** JSON Schema of the territory file format. */
export function territoryJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(territorySchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...schema, $id: 'territoires-territory', title: 'Territoires territory' };
}

export const SCHEMAS: Record<string, () => Record<string, unknown>> = {
  territory: territoryJsonSchema,
  scenario: scenarioJsonSchema,
  reference: referenceJsonSchema,
  parameters: parameterFileJsonSchema,
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
