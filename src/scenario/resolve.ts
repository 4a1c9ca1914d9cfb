/**
 * Resolving a scenario pack: `extends` flattened, the official carbon value injected, reference parameters merged.
 *
 * Inheritance: entries are merged from the root pack down to the requested one; an entry of a child pack
 * (trajectory or parameter) **replaces the parent's entry of the same name whole** (points, unit, source,
 * confidence: nothing is merged inside an entry). Each entry keeps its origin (pack id, file, line).
 *
 * Parameters start from the reference data (`scenarios/reference/*.yaml`: discount rules, VAT, FCTVA, static
 * emission factors) and packs may override them (e.g. `financialDiscountRate`).
 *
 * Carbon value: packs never define it. The trajectory `carbonValueEurPerTco2e` [EUR/tCO2e] is the France Stratégie
 * path chosen by `carbonValuePath`: '2025' (Quinet 3, default, the newer) or '2019' (Quinet 2, converted to €2023).
 */
import { InputError } from '../core/errors.js';
import { packChain } from './chain.js';
import { loadReference } from './load.js';
import { CARBON_VALUE_PATHS, CARBON_VALUE_TRAJECTORY, REQUIRED_TRAJECTORIES, type CarbonValuePath } from './required.js';
import type { ParameterEntry, ReferenceData, ResolvedPack, ScenarioPackFile, TrajectoryEntry } from './types.js';

export interface ResolveOptions {
  /** Official carbon value path: '2025' (default) or '2019'. */
  carbonValuePath?: CarbonValuePath;
  /** Folder of the reference data; `scenarios/reference/` by default. Ignored when `reference` is given. */
  referenceDir?: string;
  /** Reference data already loaded (saves reading the files again when resolving several packs). */
  reference?: ReferenceData;
  /** Trajectories that must be present after inheritance; REQUIRED_TRAJECTORIES by default. */
  required?: readonly string[];
}

/**
 * Resolves pack `id` of `packs`: its `extends` chain flattened (child entries replace parent entries whole),
 * reference parameters merged below the packs' own, and the carbon value path injected as
 * `carbonValueEurPerTco2e`.
 * @throws InputError for an unknown id (listing the known ones), an unknown parent, an `extends` cycle, a
 *   missing required trajectory (naming them all), or an unknown carbon value path.
 * @example resolvePack('S1', loadScenarioPacks()).trajectories.gridFactorKgCo2ePerKwh.origin.pack // 'S1'
 * @example resolvePack('S1', loadScenarioPacks()).chain // ['TEND', 'S1']
 */
export function resolvePack(id: string, packs: ReadonlyMap<string, ScenarioPackFile>, options: ResolveOptions = {}): ResolvedPack {
  const carbonValuePath = options.carbonValuePath ?? '2025';
  if (!Object.hasOwn(CARBON_VALUE_PATHS, carbonValuePath)) {
    throw new InputError(`unknown carbon value path ${String(carbonValuePath)}`, {
      path: 'carbonValuePath',
      expected: `one of ${Object.keys(CARBON_VALUE_PATHS).join(', ')}`,
      received: String(carbonValuePath),
      fix: "use '2025' (France Stratégie 2025, default) or '2019' (France Stratégie 2019)",
    });
  }
  const chain = packChain(id, packs);
  const leaf = packs.get(id) as ScenarioPackFile;
  const reference = options.reference ?? loadReference(options.referenceDir);

  const trajectories: Record<string, TrajectoryEntry> = {};
  const parameters: Record<string, ParameterEntry> = { ...reference.parameters };
  for (const packId of chain) {
    const pack = packs.get(packId) as ScenarioPackFile;
    Object.assign(trajectories, pack.trajectories);
    Object.assign(parameters, pack.parameters);
  }

  const pathName = CARBON_VALUE_PATHS[carbonValuePath];
  const carbon = reference.trajectories[pathName];
  if (!carbon) {
    throw new InputError(`reference data has no carbon value path ${pathName}`, {
      file: reference.dir,
      path: `trajectories.${pathName}`,
      expected: `a trajectory ${pathName} [EUR/tCO2e] in a reference file (carbon-value.yaml)`,
      received: `trajectories ${Object.keys(reference.trajectories).join(', ') || '(none)'}`,
      fix: 'restore scenarios/reference/carbon-value.yaml or point referenceDir to a folder that has it',
    });
  }
  trajectories[CARBON_VALUE_TRAJECTORY] = { ...carbon };

  const required = options.required ?? REQUIRED_TRAJECTORIES;
  const missing = required.filter((name) => trajectories[name] === undefined);
  if (missing.length > 0) {
    throw new InputError(`${leaf.file}: scenario ${id} lacks ${missing.length} required trajectory(ies): ${missing.join(', ')}`, {
      file: leaf.file,
      line: leaf.lineOf(['trajectories']),
      path: 'trajectories',
      expected: `every required trajectory (${required.join(', ')}) after inheritance from ${chain.join(' → ')}`,
      received: `missing ${missing.join(', ')}`,
      fix: `add ${missing.join(', ')} to ${leaf.file} or to a pack it extends`,
    });
  }

  return {
    id: leaf.id,
    file: leaf.file,
    name: leaf.name,
    description: leaf.description,
    date: leaf.date,
    currency: leaf.currency,
    priceBaseYear: leaf.priceBaseYear,
    chain,
    carbonValuePath,
    trajectories,
    parameters,
  };
}
