/**
 * Territoires as a library: `import { npv, runTerritory, loadTerritory } from 'territoires'` after `npm run build`.
 *
 * Groups: finance (numpy-financial's names and conventions), carbon, the time axis and units, equipment fleets,
 * scenario packs, territories and the engine.
 */

// Finance
export * from './finance/index.js';

// Carbon
export * from './carbon/index.js';

// Core: time axis, series, units, parameters, errors, equipment fleets
export { yearAxis, zeros, constant, sum, add, subtract, multiply, scale, cumulative, type YearAxis } from './core/time.js';
export { toUnit, sameDimension, UnitConversionError } from './core/units.js';
export { InputError, InputErrors, type InputErrorDetails } from './core/errors.js';
export type { Confidence, Range, Distribution, ParameterSpec, Origin, ResolvedParameter } from './core/parameter.js';
export { equipmentFleet, type FleetSpec, type FleetFlows } from './core/equipment.js';

// Scenario packs
export {
  loadScenarioPacks,
  loadScenarioPack,
  resolvePack,
  loadReference,
  loadParameterFile,
  seriesForPack,
  trajectoryOnAxis,
  diffPacks,
  builtinScenarioDir,
  REQUIRED_TRAJECTORIES,
  TRAJECTORY_UNITS,
  type ResolvedPack,
  type ScenarioPackFile,
  type PackDiffRow,
} from './scenario/index.js';

// Territories and the engine
export { loadTerritory, parseTerritory, territorySchema, type LoadedTerritory } from './io/territory.js';
export { runTerritory, prepareRun, loadRunData } from './evaluate/load.js';
export {
  prepareRunWithData,
  evaluateRun,
  resolveParameters,
  useCaseDefaults,
  DEFAULT_SCENARIOS,
  PERSPECTIVES,
  type RunOptions,
  type RunData,
  type PreparedRun,
  type RunResults,
  type ResultRow,
  type ParameterRow,
  type Manifest,
  type Perspective,
} from './evaluate/engine.js';
export { MODELS, USE_CASE_IDS, type UseCaseId } from './evaluate/registry.js';
export type { ModelDefinition, VariantFlows, VariantDefinition, ModelInput } from './evaluate/model.js';
export { resultsDocument, toJson } from './io/writers.js';

// Charts (chart.js configurations from results, rendered to PNG/SVG)
export {
  renderChart,
  npvByScenarioChart,
  cumulativeCashFlowChart,
  carbonWaterfallChart,
  yearlyEmissionsChart,
  maccChart,
  digitalBalanceChart,
  decretTertiaireChart,
  featuredVariant,
  type RenderOptions,
  type NpvByScenarioOptions,
  type CumulativeCashFlowOptions,
  type CarbonWaterfallOptions,
  type YearlyEmissionsOptions,
  type MaccOptions as MaccChartOptions,
  type DigitalBalanceOptions,
  type DecretTertiaireOptions,
  type CommonChartOptions,
} from './report/charts/index.js';

// Econometrics (baselines from meter data, ASHRAE Guideline 14, savings, calibration, benchmarks)
export * from './econometrics/index.js';

// Portfolio (MACC, budget-constrained choice with phasing, mutualisation of the shared digital infrastructure)
export * from './portfolio/index.js';

// Reports (HTML, Markdown, XLSX workbook, PDF) and writing outputs atomically
export { renderReport, REPORT_FORMATS, SHEETS, type ReportFormat, type Theme } from './report/index.js';
export { writeAtomically, metricsCsv, yearlyCsv, parametersCsv, type OutputFile } from './io/writers.js';

// Uncertainty: sampling, distributions, statistics of draws, tornado and Sobol' maths
export * from './uncertainty/index.js';

// Monte Carlo and sensitivity over a prepared run
export {
  runMonteCarlo,
  MC_METRICS,
  type MonteCarloOptions,
  type MonteCarloResult,
  type MonteCarloRow,
  type MetricSummary,
  type UncertainQuantity,
  type McMetric,
} from './evaluate/montecarlo.js';
export { runTornado, runSobol, type TornadoOutput, type SobolOutput } from './evaluate/sensitivity.js';

// Roll-up: many communes' inventories under one run's parameters, additive metrics summed
export {
  rollUp,
  validateCommune,
  checkCommuneIds,
  checkCommuneOverrides,
  ROLL_UP_SUMS,
  type RollUpCommune,
  type RollUpOptions,
  type RollUpResult,
  type RollUpRow,
  type RollUpSum,
} from './evaluate/rollup.js';
export { rollUpThreads } from './evaluate/rollup-threads.js';
export { loadCommunes, locateCommuneError, type LoadedCommunes } from './io/communes.js';
