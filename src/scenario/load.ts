/**
 * Loading scenario packs, reference data and model defaults files.
 *
 * Every file goes through src/io/yaml.ts (`loadDocument` then `validateDocument` against its zod schema), then
 * through the consistency rules of `consistency.ts`; all problems of a file are reported together as
 * `InputError`s naming the file, the line, the path, what was expected, what was received and the fix.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError, InputErrors } from '../core/errors.js';
import { packageRoot } from '../core/paths.js';
import { loadDocument, validateDocument, type SourceDocument } from '../io/yaml.js';
import { checkParameter, checkTrajectory, checkYear, report, type CheckContext } from './consistency.js';
import { CARBON_VALUE_TRAJECTORY } from './required.js';
import {
  parameterFileSchema,
  referenceSchema,
  scenarioPackSchema,
  type PackParameterDocument,
  type TrajectoryDocument,
} from './schema.js';
import type {
  EntryOrigin,
  ModelParameter,
  ParameterEntry,
  ParameterFile,
  ReferenceData,
  ReferenceFile,
  ScenarioPackFile,
  TrajectoryEntry,
} from './types.js';
import { packChain } from './chain.js';

/** Throws the collected problems: one `InputError`, or `InputErrors` when there are several. */
export function throwIfAny(errors: InputError[]): void {
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new InputErrors(errors);
}

function flatten(error: unknown): InputError[] {
  if (error instanceof InputErrors) return error.errors;
  if (error instanceof InputError) return [error];
  throw error;
}

/**
 * Absolute path of the repository's (or installed package's) `scenarios/` folder, found from this module's location
 * by walking up to the folder holding territoires' `package.json` (`packageRoot`, src/core/paths.ts). Works from
 * `src/scenario/` (tsx, vitest) and from `dist/src/scenario/` after `npm run build`.
 * @example builtinScenarioDir() // '/work/main/scenarios'
 */
export function builtinScenarioDir(): string {
  return join(packageRoot(), 'scenarios');
}

function contextOf(doc: SourceDocument): CheckContext {
  return { file: doc.file, lineOf: doc.lineOf, errors: [] };
}

function entries(
  ctx: CheckContext,
  origin: string,
  trajectories: Record<string, TrajectoryDocument> | undefined,
  parameters: Record<string, PackParameterDocument> | undefined,
): { trajectories: Record<string, TrajectoryEntry>; parameters: Record<string, ParameterEntry> } {
  const outT: Record<string, TrajectoryEntry> = {};
  const outP: Record<string, ParameterEntry> = {};
  const originAt = (path: string[]): EntryOrigin => {
    const line = ctx.lineOf(path);
    return line === undefined ? { pack: origin, file: ctx.file } : { pack: origin, file: ctx.file, line };
  };
  for (const [name, doc] of Object.entries(trajectories ?? {})) {
    const path = ['trajectories', name];
    const t = checkTrajectory(ctx, path, name, doc);
    if (t) outT[name] = { ...t, origin: originAt(path) };
  }
  for (const [name, doc] of Object.entries(parameters ?? {})) {
    const path = ['parameters', name];
    const p = checkParameter(ctx, path, name, doc);
    if (!p) continue;
    const description = doc.description
      ? { description: doc.description.en, descriptionFr: doc.description.fr, localisedDescription: doc.description }
      : {};
    outP[name] = { ...p, ...description, origin: originAt(path) };
  }
  return { trajectories: outT, parameters: outP };
}

/**
 * Validates a parsed scenario pack (schema, then consistency) and converts its quantities.
 * @example scenarioPackFromDocument(parseDocument(text, 's1.yaml')).trajectories.gridFactorKgCo2ePerKwh.values // [0.052, 0.029]
 */
export function scenarioPackFromDocument(doc: SourceDocument): ScenarioPackFile {
  const data = validateDocument(scenarioPackSchema, doc, 'scenario pack');
  const ctx = contextOf(doc);
  checkYear(ctx, ['priceBaseYear'], data.priceBaseYear, 'priceBaseYear');
  if (data.trajectories[CARBON_VALUE_TRAJECTORY] !== undefined) {
    report(ctx, ['trajectories', CARBON_VALUE_TRAJECTORY], `${CARBON_VALUE_TRAJECTORY} cannot be set in a scenario pack`, {
      expected: 'no carbon value in a pack: it comes from scenarios/reference/carbon-value.yaml',
      received: `a trajectory ${CARBON_VALUE_TRAJECTORY}`,
      fix: "remove it; choose the official path with the carbonValuePath option ('2025' default, or '2019')",
    });
  }
  if (data.extends === data.id) {
    report(ctx, ['extends'], `extends cycle: ${data.id} → ${data.id}`, {
      expected: 'a parent pack other than the pack itself',
      received: `extends: ${data.extends}`,
      fix: 'remove extends or name another pack',
    });
  }
  const { trajectories, parameters } = entries(ctx, data.id, data.trajectories, data.parameters);
  throwIfAny(ctx.errors);
  const pack: ScenarioPackFile = {
    file: doc.file,
    id: data.id,
    name: data.name,
    description: data.description,
    date: data.date,
    currency: data.currency,
    priceBaseYear: data.priceBaseYear,
    trajectories,
    parameters,
    document: data,
    lineOf: doc.lineOf,
  };
  if (data.extends !== undefined) pack.extends = data.extends;
  return pack;
}

/**
 * Loads one scenario pack file (YAML or JSON), validated and with its quantities converted.
 * It is not merged with its parent: see `resolvePack`.
 * @example loadScenarioPack('scenarios/s1-generation-frugale.yaml').extends // 'TEND'
 */
export function loadScenarioPack(file: string): ScenarioPackFile {
  return scenarioPackFromDocument(loadDocument(file));
}

function dataFiles(dir: string, what: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (cause) {
    throw new InputError(`cannot read the ${what} folder ${dir}`, {
      file: dir,
      expected: `a folder of ${what} files (*.yaml)`,
      received: String((cause as NodeJS.ErrnoException).code ?? cause),
      fix: 'check the path',
      cause,
    });
  }
  return names
    .filter((n) => /\.(ya?ml|json)$/i.test(n))
    .sort()
    .map((n) => resolve(dir, n));
}

/**
 * Loads every scenario pack of a folder (`*.yaml`, `*.yml`, `*.json`; sub-folders such as `reference/` are not
 * read) and checks the set: ids are unique, each `extends` names a pack of the set, no `extends` cycle, a child has
 * its parent's price base year.
 * @param dir folder of packs [path]; the built-in `scenarios/` by default
 * @example [...loadScenarioPacks().keys()] // ['S1', 'S2', 'S3', 'S4', 'TEND']
 */
export function loadScenarioPacks(dir: string = builtinScenarioDir()): Map<string, ScenarioPackFile> {
  const errors: InputError[] = [];
  const packs = new Map<string, ScenarioPackFile>();
  for (const file of dataFiles(dir, 'scenario pack')) {
    let pack: ScenarioPackFile;
    try {
      pack = loadScenarioPack(file);
    } catch (error) {
      errors.push(...flatten(error));
      continue;
    }
    const other = packs.get(pack.id);
    if (other) {
      errors.push(
        new InputError(`${file}: duplicate scenario id ${pack.id}`, {
          file,
          line: pack.lineOf(['id']),
          path: 'id',
          expected: 'an id used by one pack only',
          received: `${pack.id}, already the id of ${other.file}`,
          fix: `rename one of the two packs (id: in ${file} or in ${other.file})`,
        }),
      );
      continue;
    }
    packs.set(pack.id, pack);
  }
  throwIfAny(errors);
  const seenCycles = new Set<string>();
  for (const id of packs.keys()) {
    try {
      packChain(id, packs);
    } catch (error) {
      for (const e of flatten(error)) {
        const key = e.message.replace(/^.*?: /, '');
        const cycle = /cycle: (.*)$/.exec(key)?.[1];
        const dedupe = cycle ? [...new Set(cycle.split(' → '))].sort().join(',') : `${e.file}|${e.path}|${key}`;
        if (seenCycles.has(dedupe)) continue;
        seenCycles.add(dedupe);
        errors.push(e);
      }
    }
  }
  throwIfAny(errors);
  return packs;
}

/**
 * Validates a parsed reference data file (schema, then consistency) and converts its quantities into their
 * declared units.
 * @example referenceFromDocument(parseDocument('id: r\nname: { fr: R, en: R }\ndescription: { fr: D, en: D }\n'
 *   + 'parameters:\n  vatRate: { value: 20 %, unit: fraction, source: CGI art. 278, confidence: high }\n', 'r.yaml'))
 *   .parameters.vatRate.value // 0.2
 */
export function referenceFromDocument(doc: SourceDocument): ReferenceFile {
  const data = validateDocument(referenceSchema, doc, 'reference data');
  const ctx = contextOf(doc);
  const { trajectories, parameters } = entries(ctx, `reference:${data.id}`, data.trajectories, data.parameters);
  throwIfAny(ctx.errors);
  const out: ReferenceFile = {
    file: doc.file,
    id: data.id,
    name: data.name,
    description: data.description,
    trajectories,
    parameters,
    document: data,
    lineOf: doc.lineOf,
  };
  if (data.date !== undefined) out.date = data.date;
  return out;
}

/**
 * Loads the reference data of a folder (every `*.yaml` file) and merges their trajectories and parameters; a
 * name defined in two files is an error. Each entry keeps its origin (`reference:<id>`, file, line).
 * @param dir folder of reference files [path]; `scenarios/reference/` by default
 * @example loadReference().parameters.socioEconomicDiscountRate.value // 0.032
 */
export function loadReference(dir: string = join(builtinScenarioDir(), 'reference')): ReferenceData {
  const errors: InputError[] = [];
  const files: ReferenceFile[] = [];
  const trajectories: Record<string, ReferenceData['trajectories'][string]> = {};
  const parameters: Record<string, ReferenceData['parameters'][string]> = {};
  const ids = new Map<string, string>();
  for (const file of dataFiles(dir, 'reference data')) {
    let ref: ReferenceFile;
    try {
      ref = referenceFromDocument(loadDocument(file));
    } catch (error) {
      errors.push(...flatten(error));
      continue;
    }
    const otherFile = ids.get(ref.id);
    if (otherFile !== undefined) {
      errors.push(
        new InputError(`${file}: duplicate reference id ${ref.id}`, {
          file,
          line: ref.lineOf(['id']),
          path: 'id',
          expected: 'an id used by one reference file only',
          received: `${ref.id}, already the id of ${otherFile}`,
          fix: 'rename one of the two ids',
        }),
      );
      continue;
    }
    ids.set(ref.id, file);
    files.push(ref);
    for (const [kind, own, merged] of [
      ['trajectories', ref.trajectories, trajectories],
      ['parameters', ref.parameters, parameters],
    ] as const) {
      for (const [name, entry] of Object.entries(own)) {
        const other = (merged as Record<string, { origin: EntryOrigin }>)[name];
        if (other) {
          errors.push(
            new InputError(`${file}: ${name} is also defined in ${other.origin.file}`, {
              file,
              line: entry.origin.line,
              path: `${kind}.${name}`,
              expected: 'each reference name defined in one file only',
              received: `${name}, also at ${other.origin.file}:${other.origin.line ?? '?'}`,
              fix: 'remove one of the two definitions or rename it',
            }),
          );
          continue;
        }
        (merged as Record<string, unknown>)[name] = entry;
      }
    }
  }
  throwIfAny(errors);
  return { dir: resolve(dir), files, trajectories, parameters };
}

/**
 * Validates a parsed model defaults file (schema, then consistency) and converts its values into their declared
 * units.
 * @example parameterFileFromDocument(parseDocument('model: m\nparameters:\n  powerW: { value: 0.07 kW, unit: W, '
 *   + 'description: Power of one unit, source: a datasheet, confidence: high }\n', 'p.yaml')).parameters.powerW.value // 70
 */
export function parameterFileFromDocument(doc: SourceDocument): ParameterFile {
  const data = validateDocument(parameterFileSchema, doc, 'model defaults file');
  const ctx = contextOf(doc);
  const parameters: Record<string, ModelParameter> = {};
  for (const [name, entry] of Object.entries(data.parameters)) {
    const path = ['parameters', name];
    const p = checkParameter(ctx, path, name, entry);
    if (!p) continue;
    const line = doc.lineOf(path);
    parameters[name] = {
      ...p,
      description: entry.description,
      ...(entry.descriptionFr ? { descriptionFr: entry.descriptionFr } : {}),
      ...(line === undefined ? {} : { line }),
    };
  }
  throwIfAny(ctx.errors);
  return { file: doc.file, model: data.model, parameters, document: data };
}

/**
 * Loads a model defaults file (`models/<id>/parameters.yaml`): each value (number or `"<number> <unit>"`) and its
 * range are converted into the declared unit; sources, assumptions and ranges are checked.
 * @param file path of the file [path]
 * @returns the model id and its parameters, values in their declared units
 * @example loadParameterFile('tests/scenario/fixtures/parameters.yaml').parameters.luminairePowerW.value // 70 ("0.07 kW" in W)
 * @example loadParameterFile('models/lighting/parameters.yaml').parameters.operatingHoursPerYear.value // 4100 [h/year]
 */
export function loadParameterFile(file: string): ParameterFile {
  return parameterFileFromDocument(loadDocument(file));
}
