/**
 * Scenario packs (ADEME Transition(s) 2050: TEND, S1–S4), reference data and model defaults files:
 * formats, loading, inheritance, interpolation, diff.
 */

// File formats (zod schemas, their types, JSON Schema for editors)
export {
  quantitySchema,
  localisedSchema,
  confidenceSchema,
  rangeSchema,
  distributionSchema,
  trajectorySchema,
  packParameterSchema,
  scenarioPackSchema,
  referenceSchema,
  modelParameterSchema,
  parameterFileSchema,
  scenarioJsonSchema,
  referenceJsonSchema,
  parameterFileJsonSchema,
  INTERPOLATIONS,
  MIN_YEAR,
  MAX_YEAR,
} from './schema.js';
export type {
  Interpolation,
  Localised,
  Quantity,
  TrajectoryDocument,
  PackParameterDocument,
  ScenarioPackDocument,
  ReferenceDocument,
  ModelParameterDocument,
  ParameterFileDocument,
} from './schema.js';

// Names and units other code relies on
export {
  REQUIRED_TRAJECTORIES,
  TRAJECTORY_UNITS,
  CARBON_VALUE_TRAJECTORY,
  CARBON_VALUE_PATHS,
} from './required.js';
export type { CarbonValuePath } from './required.js';

// Loaded data
export type {
  EntryOrigin,
  ResolvedTrajectory,
  TrajectoryEntry,
  PackParameter,
  ParameterEntry,
  ScenarioPackFile,
  ReferenceFile,
  ReferenceData,
  ResolvedPack,
  ModelParameter,
  ParameterFile,
} from './types.js';

// Loading and checking
export {
  builtinScenarioDir,
  loadScenarioPack,
  loadScenarioPacks,
  scenarioPackFromDocument,
  loadReference,
  referenceFromDocument,
  loadParameterFile,
  parameterFileFromDocument,
} from './load.js';
export { checkTrajectory, checkParameter } from './consistency.js';
export type { CheckContext, CheckedParameter } from './consistency.js';

// Inheritance
export { packChain } from './chain.js';
export { resolvePack } from './resolve.js';
export type { ResolveOptions } from './resolve.js';

// Interpolation
export { valueAtYear, trajectoryOnAxis, seriesForPack } from './interpolate.js';
export type { TrajectoryPoints } from './interpolate.js';

// Comparison
export { diffPacks } from './diff.js';
export type { PackDiffRow } from './diff.js';
