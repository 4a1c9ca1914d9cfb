/**
 * File formats of scenario data: scenario packs (`scenarios/<id>.yaml`), reference data
 * (`scenarios/reference/*.yaml`) and model defaults (`models/<id>/parameters.yaml`).
 *
 * One zod schema per format is the only source of its TypeScript type (`z.infer`) and of the JSON Schema that
 * editors use (`scenarioJsonSchema()` …). The schemas check structure only; the consistency rules (years in
 * order, units of the right dimension, sources, ranges, `extends`) are checked afterwards by `consistency.ts`,
 * whose errors point at the same file, line and path.
 *
 * Quantities may be written as a plain number, taken in the entry's declared `unit`, or as a text
 * `"<number> <unit>"` (e.g. `"52 gCO2e/kWh"`), converted into the declared unit by `src/core/units.ts`.
 */
import { z } from 'zod';
import { CONFIDENCE_LEVELS } from '../core/parameter.js';

/** Lowest and highest calendar year a trajectory point may have. */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

const IDENTIFIER = /^[a-z][A-Za-z0-9]*$/;
const PACK_ID = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** A number in the entry's unit, or a text `"<number> <unit>"`. */
export const quantitySchema = z
  .union([z.number(), z.string()], { error: 'a finite number, or a text "<number> <unit>" such as "52 gCO2e/kWh"' })
  .meta({ description: 'A number in the declared unit, or a text "<number> <unit>" converted into it.' });

/** Text in French and English. */
export const localisedSchema = z
  .object({
    fr: z.string().min(1).meta({ description: 'French text' }),
    en: z.string().min(1).meta({ description: 'English text' }),
  })
  .strict();

export const confidenceSchema = z.enum(CONFIDENCE_LEVELS).meta({
  description:
    'high: official source; medium: secondary source; low: derived or unchecked; assumption: no source (needs note and range)',
});

export const unitSchema = z.string().min(1).meta({
  description: 'Unit of the value (mathjs syntax with the toolkit units: kgCO2e/kWh, EUR/kWh, fraction, degC…)',
});

/** Low, most likely and high values, in the entry's unit (numbers or quantities). */
export const rangeSchema = z
  .object({
    low: quantitySchema,
    mode: quantitySchema.optional(),
    high: quantitySchema,
  })
  .strict()
  .meta({ description: 'Plausible range in the declared unit (low ≤ value ≤ high), used by sensitivity analysis' });

/** Probability distributions, in the entry's unit (mirrors `Distribution` in src/core/parameter.ts). */
export const distributionSchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('uniform'), low: z.number(), high: z.number() }).strict(),
    z.object({ type: z.literal('triangular'), low: z.number(), mode: z.number(), high: z.number() }).strict(),
    z
      .object({ type: z.literal('pert'), low: z.number(), mode: z.number(), high: z.number(), lambda: z.number().optional() })
      .strict(),
    z
      .object({
        type: z.literal('normal'),
        mean: z.number(),
        sd: z.number(),
        low: z.number().optional(),
        high: z.number().optional(),
      })
      .strict(),
    z.object({ type: z.literal('lognormal'), mu: z.number(), sigma: z.number() }).strict(),
    z
      .object({ type: z.literal('discrete'), values: z.array(z.number()).min(1), weights: z.array(z.number()).optional() })
      .strict(),
  ])
  .meta({ description: 'Distribution for Monte Carlo, numbers in the declared unit' });

export const INTERPOLATIONS = ['linear', 'step', 'geometric'] as const;
export type Interpolation = (typeof INTERPOLATIONS)[number];

/**
 * A year-indexed path. Between points: `linear`, `step` (a point's value holds until the next point) or
 * `geometric` (constant growth rate between points; all values of one sign, none zero). Before the first point
 * and after the last one the value is held flat.
 */
export const trajectorySchema = z
  .object({
    unit: unitSchema,
    description: localisedSchema.optional(),
    interpolation: z.enum(INTERPOLATIONS).default('linear').meta({
      description:
        'linear | step | geometric between points (default linear); the value is held flat before the first and after the last point',
    }),
    points: z
      .record(
        z.string().meta({ pattern: '^\\d{4}$', description: 'a calendar year from 2000 to 2100, in increasing order' }),
        quantitySchema,
      )
      .meta({ description: 'Values by year, e.g. { 2023: 0.052, 2050: "29 gCO2e/kWh" }' }),
    source: z.string().min(1).optional().meta({ description: 'Citation (title, publisher, date, URL)' }),
    confidence: confidenceSchema,
    note: z.string().min(1).optional().meta({ description: 'Reasoning, derivation, caveats' }),
    relativeRange: z
      .object({
        low: z.number().meta({ description: 'multiplier on the whole path, ≤ 1', unit: 'fraction' }),
        high: z.number().meta({ description: 'multiplier on the whole path, ≥ 1', unit: 'fraction' }),
      })
      .strict()
      .optional()
      .meta({ description: 'Multiplicative uncertainty band on the whole path (e.g. 0.8 / 1.2); the range of an assumption' }),
  })
  .strict();

/** A parameter in a scenario pack or in reference data (description in French and English). */
export const packParameterSchema = z
  .object({
    value: quantitySchema,
    unit: unitSchema,
    description: localisedSchema.optional(),
    source: z.string().min(1).optional().meta({ description: 'Citation (title, publisher, date, URL)' }),
    confidence: confidenceSchema,
    range: rangeSchema.optional(),
    distribution: distributionSchema.optional(),
    note: z.string().min(1).optional().meta({ description: 'Reasoning, derivation, caveats' }),
  })
  .strict();

const trajectoriesSchema = z.record(
  z.string().regex(IDENTIFIER, 'a camelCase name with its unit, e.g. gridFactorKgCo2ePerKwh'),
  trajectorySchema,
);
const packParametersSchema = z.record(
  z.string().regex(IDENTIFIER, 'a camelCase name with its unit, e.g. financialDiscountRate'),
  packParameterSchema,
);

/** A scenario pack: `scenarios/<id>.yaml`. */
export const scenarioPackSchema = z
  .object({
    id: z.string().regex(PACK_ID, 'letters, digits, - and _').meta({ description: 'Pack id, e.g. TEND, S1' }),
    name: localisedSchema,
    description: localisedSchema.meta({ description: 'The society the scenario describes, 2–4 sentences' }),
    date: z.iso.date().meta({ description: 'When the data were frozen (YYYY-MM-DD)' }),
    currency: z.literal('EUR'),
    priceBaseYear: z.number().int().meta({ description: 'Year of the constant euros of every price', unit: 'year' }),
    extends: z.string().regex(PACK_ID).optional().meta({
      description: 'Id of a parent pack; an entry here replaces the parent entry of the same name whole',
    }),
    trajectories: trajectoriesSchema.default({}),
    parameters: packParametersSchema.default({}),
  })
  .strict();

/** Reference data: `scenarios/reference/*.yaml`, scenario-independent. */
export const referenceSchema = z
  .object({
    id: z.string().regex(PACK_ID, 'letters, digits, - and _'),
    name: localisedSchema,
    description: localisedSchema,
    date: z.iso.date().optional().meta({ description: 'When the data were frozen (YYYY-MM-DD)' }),
    trajectories: trajectoriesSchema.optional(),
    parameters: packParametersSchema.optional(),
  })
  .strict();

/** One model default: `models/<id>/parameters.yaml` → `parameters.<name>`. */
export const modelParameterSchema = z
  .object({
    value: quantitySchema,
    unit: unitSchema,
    description: z.string().min(1).meta({ description: 'What the parameter is, with its unit in brackets' }),
    descriptionFr: z.string().min(1).optional().meta({ description: 'The same in French, shown in French reports' }),
    source: z.string().min(1).optional().meta({ description: 'Citation (title, publisher, date, URL)' }),
    confidence: confidenceSchema,
    range: rangeSchema.optional(),
    distribution: distributionSchema.optional(),
    note: z.string().min(1).optional().meta({ description: 'Reasoning, derivation, caveats' }),
  })
  .strict();

/** A model defaults file: `models/<id>/parameters.yaml`. */
export const parameterFileSchema = z
  .object({
    model: z.string().regex(/^[a-z][a-z0-9-]*$/, 'a model id such as lighting or climate-risk'),
    parameters: z.record(
      z.string().regex(IDENTIFIER, 'a camelCase name with its unit, e.g. lifetimeYears'),
      modelParameterSchema,
    ),
  })
  .strict();

export type Localised = z.infer<typeof localisedSchema>;
export type Quantity = z.infer<typeof quantitySchema>;
export type TrajectoryDocument = z.infer<typeof trajectorySchema>;
export type PackParameterDocument = z.infer<typeof packParameterSchema>;
export type ScenarioPackDocument = z.infer<typeof scenarioPackSchema>;
export type ReferenceDocument = z.infer<typeof referenceSchema>;
export type ModelParameterDocument = z.infer<typeof modelParameterSchema>;
export type ParameterFileDocument = z.infer<typeof parameterFileSchema>;

function jsonSchema(schema: z.ZodType, id: string, title: string): Record<string, unknown> {
  return { ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), $id: id, title };
}

/**
 * JSON Schema (draft 2020-12) of scenario packs, for editors (`# yaml-language-server: $schema=…`).
 * @example scenarioJsonSchema().properties // { id: …, name: …, trajectories: … }
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  return jsonSchema(scenarioPackSchema, 'territoires-scenario-pack', 'Territoires scenario pack');
}

/**
 * JSON Schema (draft 2020-12) of reference data files (`scenarios/reference/*.yaml`).
 * @example referenceJsonSchema().required // ['id', 'name', 'description']
 */
export function referenceJsonSchema(): Record<string, unknown> {
  return jsonSchema(referenceSchema, 'territoires-reference-data', 'Territoires reference data');
}

/**
 * JSON Schema (draft 2020-12) of model defaults files (`models/<id>/parameters.yaml`).
 * @example parameterFileJsonSchema().required // ['model', 'parameters']
 */
export function parameterFileJsonSchema(): Record<string, unknown> {
  return jsonSchema(parameterFileSchema, 'territoires-model-parameters', 'Territoires model defaults');
}
