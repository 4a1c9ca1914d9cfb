/**
 * The engine: runs every use-case model of a territory under every scenario pack, adds each digital variant's
 * share of the shared digital infrastructure, and computes the metrics of DESIGN.md for both perspectives.
 *
 * Two stages:
 * - `prepareRun` reads what the run needs from disk (scenario packs, reference data, model defaults): the only
 *   stage that touches files;
 * - `evaluateRun` is pure: the same prepared inputs give the same results, number for number.
 *
 * Comparisons: every variant but the status quo is compared to the status quo; every digital variant is also
 * compared to the best non-digital alternative (highest socio-economic NPV against the status quo), so that the
 * value of the digital layer itself is visible.
 */
import { SeriesArena } from '../core/arena.js';
import { assertFinite, InputError } from '../core/errors.js';
import type { ParameterSpec, ResolvedParameter } from '../core/parameter.js';
import { VERSION } from '../core/version.js';
import { yearAxis, type YearAxis } from '../core/time.js';
import { allocationShare, allocationShares } from '../carbon/index.js';
import { addSharedInfrastructureShare, beginSharedInfrastructure, sharedInfrastructureParts } from '../../models/digital/model.js';
import {
  resolvePack,
  seriesForPack,
  type ParameterEntry,
  type ReferenceData,
  type ReferenceFile,
  type ResolvedPack,
  type ScenarioPackFile,
} from '../scenario/index.js';
import type { LoadedTerritory } from '../io/territory.js';
import {
  compare,
  comparisonMetrics,
  comparisonPhysics,
  comparisonScratch,
  discountTable,
  type ComparisonInput,
  type ComparisonOptions,
  type DiscountTable,
  type Metrics,
  type Yearly,
} from './metrics.js';
import { FLOW_SERIES, type ModelDefinition, type VariantDefinition, type VariantFlows } from './model.js';
import { financialCosts, socioEconomicCosts, zeroCosts, type FinanceSettings, type PerspectiveCosts, type SubsidyRule } from './perspective.js';
import { MODELS, USE_CASE_IDS, isUseCaseId, type UseCaseId } from './registry.js';
import { applyLayer, applyScenarioParameters, fromDefaults, valuesOf, type OverrideLayer, type OverrideValue } from './resolve.js';
import type { MonteCarloResult } from './montecarlo.js';
import type { TornadoOutput } from './sensitivity.js';

export const DEFAULT_SCENARIOS = ['TEND', 'S1', 'S2', 'S3', 'S4'] as const;
export const PERSPECTIVES = ['financial', 'socioEconomic'] as const;
export type Perspective = (typeof PERSPECTIVES)[number];

/** Names of the finance rules (scenarios/reference/finance-rules.yaml) the engine reads. */
const FINANCE_PARAMETERS = ['vatRate', 'fctvaRate', 'fctvaLagYears', 'financialDiscountRate', 'socioEconomicDiscountRate'] as const;

export interface RunOptions {
  /** Scenario pack ids (default: TEND, S1, S2, S3, S4). */
  scenarios?: string[];
  /** Use cases to evaluate (default: every one the territory describes). */
  useCases?: string[];
  /** France Stratégie carbon value path (default: the territory's setting, else 2025). */
  carbonValuePath?: '2025' | '2019';
  /** `--set name=value` overrides, applied last. */
  overrides?: Record<string, OverrideValue>;
  /** Folder of scenario packs (default: the built-in `scenarios/`). */
  scenarioDir?: string;
  /** Seed recorded in the manifest (deterministic runs use none). */
  seed?: number | null;
  /**
   * Parameters calibrated from measured data (src/econometrics `calibrationLayer`), applied after the
   * territory's values and before `--set`; their origin reads `calibrated` with the data file's hash.
   */
  calibrations?: OverrideLayer[];
}

export interface PreparedUseCase {
  id: UseCaseId;
  model: ModelDefinition;
  inventory: unknown;
  defaults: Record<string, ResolvedParameter>;
  subsidies: { name: string; share: number; capEur?: number; variants?: string[] }[];
  vatRecoverable: boolean;
  overrides: Record<string, OverrideValue>;
}

export interface PreparedRun {
  territory: LoadedTerritory;
  axis: YearAxis;
  packs: ResolvedPack[];
  useCases: PreparedUseCase[];
  options: RunOptions;
  carbonValuePath: '2025' | '2019';
  inputs: { file: string; sha256: string }[];
  /**
   * The data the run was prepared from (plain data): a worker thread prepares the same run from it and the
   * territory's text (`prepareRunWithData`), without reading and checking the packs and defaults again.
   */
  data: RunData;
}

export interface ResultRow {
  territory: string;
  useCase: UseCaseId;
  variant: string;
  variantKind: string;
  comparedTo: string;
  scenario: string;
  perspective: Perspective;
  metrics: Metrics;
  yearly: Yearly;
}

export interface ParameterRow {
  useCase: UseCaseId | null;
  scenario: string | null;
  name: string;
  value: number;
  unit: string;
  origin: string;
  source: string | null;
  confidence: string;
  range?: { low: number; mode?: number; high: number };
  description?: string;
  /** The description in French, when the defaults file gives it. */
  descriptionFr?: string;
  note?: string;
  trail: { origin: string; value: number; source: string | null; file?: string }[];
}

export interface Manifest {
  tool: 'territoires';
  version: string;
  createdAt: string;
  territory: { id: string; name: string; kind: string; population: number; file: string };
  startYear: number;
  horizonYears: number;
  scenarios: string[];
  useCases: string[];
  carbonValuePath: string;
  seed: number | null;
  inputs: { file: string; sha256: string }[];
  conventions: Record<string, string>;
}

export interface RunResults {
  manifest: Manifest;
  results: ResultRow[];
  parameters: ParameterRow[];
  /** Flows of every variant (the status quo included), for reports and the workbook. */
  flows: { useCase: UseCaseId; scenario: string; variant: string; kind: string; connectedDevices: number; series: Record<string, number[]> }[];
  scenarios: { id: string; name: { fr: string; en: string }; description: { fr: string; en: string }; chain: string[] }[];
  variants: { useCase: UseCaseId; id: string; kind: string; name: { fr: string; en: string }; description: { fr: string; en: string } }[];
  /**
   * Scenario trajectories as the models read them, on the run's year axis (index 0 = `manifest.startYear`), by
   * scenario id then trajectory name, for reports and the workbook.
   */
  trajectories?: Record<string, Record<string, TrajectoryRow>>;
  /**
   * Uncertainty of the run, when it was asked for (`territoires run --draws N`): the Monte Carlo summaries of every
   * comparison against the status quo, and a tornado (each uncertain quantity at its P10 then its P90) on the run's
   * first scenario. Absent from deterministic runs.
   */
  uncertainty?: {
    montecarlo: MonteCarloResult;
    tornado: { scenario: string; factors: number; outputs: TornadoOutput[] };
  };
}

/** One scenario trajectory on the run's year axis, with its unit and provenance. */
export interface TrajectoryRow {
  unit: string;
  /** Values per year of the axis, in `unit`. */
  values: number[];
  source: string | null;
  confidence: string;
  /** Pack (or `reference:<id>`) the trajectory comes from. */
  pack: string;
  description?: { fr: string; en: string };
}

/**
 * Everything a run reads from disk: scenario packs, reference data, model defaults. Plain data: it can be
 * serialised (`JSON.stringify` after `Object.fromEntries(packs)`) and bundled, e.g. for the web page.
 */
export interface RunData {
  packs: ReadonlyMap<string, ScenarioPackFile>;
  reference: ReferenceData;
  /** Model defaults by model id (`lighting`, …, and `digital` for the device catalogue), with their file. */
  defaults: Readonly<Record<string, { file: string; parameters: Record<string, ParameterSpec> }>>;
}

/**
 * `RunData` as a worker thread receives it (`postMessage` copies data, not functions): each file's `lineOf`, which
 * points an error at a line, is left out.
 */
export interface ThreadRunData {
  packs: ReadonlyMap<string, Omit<ScenarioPackFile, 'lineOf'>>;
  reference: Omit<ReferenceData, 'files'> & { files: Omit<ReferenceFile, 'lineOf'>[] };
  defaults: RunData['defaults'];
}

/**
 * The run's data for a worker thread: the same data without the files' `lineOf` functions, which `postMessage`
 * cannot copy (`runDataFromThread` gives them back, knowing no line). A worker prepares again a run that the calling
 * thread has prepared already, so an error with a line has been raised there first.
 * @example new Worker(url, { workerData: { data: runDataForThread(run.data) } })
 */
export function runDataForThread(data: RunData): ThreadRunData {
  const packs = new Map<string, Omit<ScenarioPackFile, 'lineOf'>>();
  for (const [id, { lineOf: _lineOf, ...pack }] of data.packs) packs.set(id, pack);
  const files = data.reference.files.map(({ lineOf: _lineOf, ...file }) => file);
  return { packs, reference: { ...data.reference, files }, defaults: data.defaults };
}

/** `RunData` from what `runDataForThread` sent, each file's `lineOf` knowing no line. */
export function runDataFromThread(data: ThreadRunData): RunData {
  const noLine = (): undefined => undefined;
  const packs = new Map<string, ScenarioPackFile>();
  for (const [id, pack] of data.packs) packs.set(id, { ...pack, lineOf: noLine });
  const files = data.reference.files.map((file) => ({ ...file, lineOf: noLine }));
  return { packs, reference: { ...data.reference, files }, defaults: data.defaults };
}

/** Prepares a run from data already loaded: resolves the packs and the defaults of each use case. Pure. */
export function prepareRunWithData(territory: LoadedTerritory, data: RunData, options: RunOptions = {}): PreparedRun {
  const axis = yearAxis(territory.settings.startYear, territory.settings.horizonYears);
  const carbonValuePath = options.carbonValuePath ?? territory.settings.carbonValuePath ?? '2025';
  const scenarioIds = options.scenarios && options.scenarios.length > 0 ? options.scenarios : [...DEFAULT_SCENARIOS];
  const reference = data.reference;
  const packs = scenarioIds.map((id) => resolvePack(id, data.packs, { carbonValuePath, reference }));

  let wanted = territory.useCases;
  if (options.useCases && options.useCases.length > 0) {
    for (const id of options.useCases) {
      if (!isUseCaseId(id)) {
        throw new InputError(`unknown use case ${id}`, {
          path: '--use-cases',
          expected: `one of ${USE_CASE_IDS.join(', ')}`,
          received: id,
          fix: 'use the ids of DESIGN.md: lighting, water, climate-risk, buildings',
        });
      }
      if (!territory.useCases.some((u) => u.id === id)) {
        throw new InputError(`the territory does not describe use case ${id}`, {
          file: territory.file,
          path: `useCases.${id}`,
          expected: `an inventory for ${id} in the territory file`,
          received: `use cases ${territory.useCases.map((u) => u.id).join(', ')}`,
          fix: `add useCases.${id} to the territory file, or drop it from --use-cases`,
        });
      }
    }
    wanted = territory.useCases.filter((u) => options.useCases!.includes(u.id));
  }

  const useCases: PreparedUseCase[] = wanted.map((u) => {
    return {
      id: u.id,
      model: MODELS[u.id],
      inventory: deepFreeze(u.inventory),
      defaults: useCaseDefaults(data, u.id),
      subsidies: u.subsidies,
      vatRecoverable: u.vatRecoverable,
      overrides: u.overrides,
    };
  });

  // A global override (territory or command line) must name a parameter of at least one use case:
  // applying it to the first use case's table raises the "unknown parameter" error with close names.
  const globals: [string, Record<string, OverrideValue>, string][] = [
    [territory.file, territory.overrides, 'overrides'],
    ['--set', options.overrides ?? {}, '--set'],
  ];
  for (const [file, values, path] of globals) {
    for (const name of Object.keys(values)) {
      if (!useCases.some((u) => name in u.defaults)) {
        applyLayer(useCases[0]?.defaults ?? {}, { origin: 'territory', file, path, values: { [name]: values[name] } });
      }
    }
  }
  return { territory, axis, packs, useCases, options, carbonValuePath, inputs: territory.inputs, data };
}

/**
 * The parameter table of a use case before any scenario or territory value: the finance rules of the reference
 * data, the shared device catalogue, then the model's own defaults (a run's `PreparedUseCase.defaults`).
 * @example Object.keys(useCaseDefaults(loadRunData(), 'lighting')).includes('ledLuminaireCostEur') // true
 */
export function useCaseDefaults(data: RunData, id: UseCaseId): Record<string, ResolvedParameter> {
  const finance: Record<string, ResolvedParameter> = {};
  for (const name of FINANCE_PARAMETERS) {
    const entry = data.reference.parameters[name];
    if (!entry) throw new Error(`reference data lacks the finance rule ${name}`);
    Object.assign(finance, fromDefaults({ [name]: packParameterSpec(entry) }, entry.origin.file));
  }
  const digital = fromDefaults(data.defaults.digital.parameters, data.defaults.digital.file);
  return { ...finance, ...digital, ...fromDefaults(data.defaults[id].parameters, data.defaults[id].file) };
}

/**
 * Freezes an inventory and everything in it, and returns it. Models compute what depends on the inventory alone
 * once per inventory object (e.g. the lighting model's split of LED and other groups, cached in an InventoryCache): an
 * inventory changed in place after a run would otherwise be evaluated with the figures of the first run. Frozen,
 * a change in place throws a TypeError at the assignment (ES modules are strict) instead of going unseen; to
 * evaluate a variation, copy the inventory (`structuredClone`) and change the copy.
 */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value) && !ArrayBuffer.isView(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** A pack or reference parameter as a ParameterSpec (its English description kept). */
function packParameterSpec(entry: ParameterEntry): ParameterSpec {
  const { origin: _origin, localisedDescription: _localised, ...spec } = entry;
  return spec;
}

/** The parameters a pack sets itself (not those it merely carries over from reference data). */
function scenarioSpecs(pack: ResolvedPack): Record<string, ParameterSpec> {
  const out: Record<string, ParameterSpec> = {};
  for (const [name, entry] of Object.entries(pack.parameters)) {
    if (!entry.origin.pack.startsWith('reference:')) out[name] = packParameterSpec(entry);
  }
  return out;
}

function settingsLayer(territory: LoadedTerritory): Record<string, OverrideValue> {
  const out: Record<string, OverrideValue> = {};
  if (territory.settings.financialDiscountRate !== undefined) out.financialDiscountRate = territory.settings.financialDiscountRate;
  if (territory.settings.fctvaLagYears !== undefined) out.fctvaLagYears = territory.settings.fctvaLagYears;
  return out;
}

/** Resolves the parameters of one use case under one scenario, with their trail. */
export function resolveParameters(run: PreparedRun, uc: PreparedUseCase, pack: ResolvedPack): Record<string, ResolvedParameter> {
  const t = run.territory;
  let params = applyScenarioParameters(uc.defaults, pack.id, pack.file, scenarioSpecs(pack));
  params = applyLayer(params, { origin: 'territory', file: t.file, path: 'settings', values: settingsLayer(t), lineOf: (n) => t.lineOf(['settings', n]) });
  params = applyLayer(params, { origin: 'territory', file: t.file, path: 'overrides', values: t.overrides, lineOf: (n) => t.lineOf(['overrides', n]) }, { ignoreUnknown: true });
  params = applyLayer(params, {
    origin: 'territory',
    file: t.file,
    path: `useCases.${uc.id}.overrides`,
    values: uc.overrides,
    lineOf: (n) => t.lineOf(['useCases', uc.id, 'overrides', n]),
  });
  for (const layer of run.options.calibrations ?? []) params = applyLayer(params, layer, { ignoreUnknown: true });
  params = applyLayer(params, { origin: 'override', file: '--set', values: run.options.overrides ?? {} }, { ignoreUnknown: true });
  return params;
}

interface Simulated {
  flows: Record<string, VariantFlows>;
  /** The values the model used (resolved, or resolved then replaced by a Monte Carlo draw). */
  values: Record<string, number>;
}

function simulate(
  run: PreparedRun,
  uc: PreparedUseCase,
  pack: ResolvedPack,
  series: Record<string, Float64Array>,
  values: Record<string, number>,
  arena?: SeriesArena,
): Simulated {
  let complete = true;
  for (const name of uc.model.scenarioSeries) if (!(name in series)) complete = false;
  const missing = complete ? [] : uc.model.scenarioSeries.filter((name) => !(name in series));
  if (missing.length > 0) {
    throw new InputError(`scenario ${pack.id} lacks trajectories the ${uc.id} model needs`, {
      file: pack.file,
      path: 'trajectories',
      expected: missing.join(', '),
      received: 'no such trajectories after inheritance',
      fix: `add them to the pack or to its parent (extends)`,
    });
  }
  const flows = uc.model.simulate({ axis: run.axis, p: values, s: series, inventory: uc.inventory, ...(arena ? { arena } : {}) });
  for (const v of uc.model.variants) {
    const f = flows[v.id];
    if (!f) throw new Error(`model ${uc.id} returned no flows for variant ${v.id}`);
    if (flowsFinite(f)) continue;
    // A value is not finite: the series and year that the error names.
    for (const name of FLOW_SERIES) {
      const arr = f[name];
      if (arr !== undefined) assertFinite(`model ${uc.id}, variant ${v.id}, scenario ${pack.id}`, name, arr);
    }
  }
  return { flows, values };
}

/**
 * Adds to each digital variant its share of the shared gateways, network and platform: the network is sized for
 * this variant's devices plus the other use cases' reference deployments (their digital variant with the most
 * devices), and the variant carries its share by the territory's allocation key (`allocationShares`).
 */
function addSharedInfrastructure(
  run: PreparedRun,
  pack: ResolvedPack,
  series: Record<string, Float64Array>,
  sims: Map<UseCaseId, Simulated>,
  arena?: SeriesArena,
): void {
  const method = run.territory.digital?.allocationKey ?? 'devices';
  const useCases = run.useCases;
  // What the variants' shares have in common (parameters, terminals, gateway fleets) is computed once in `parts`.
  const parts = SHARED_PARTS;
  beginSharedInfrastructure(parts, run.axis, series, run.territory.digital, arena);
  // The reference deployment of each use case: its digital variant with the most devices.
  const refDevices = new Float64Array(useCases.length);
  const refData = new Float64Array(useCases.length);
  for (let i = 0; i < useCases.length; i++) {
    const sim = sims.get(useCases[i].id)!;
    for (const v of useCases[i].model.variants) {
      const f = sim.flows[v.id];
      if ((f.connectedDevices ?? 0) > refDevices[i]) {
        refDevices[i] = f.connectedDevices ?? 0;
        refData[i] = f.dataMbPerYear ?? 0;
      }
    }
  }
  for (let i = 0; i < useCases.length; i++) {
    const sim = sims.get(useCases[i].id)!;
    for (const v of useCases[i].model.variants) {
      const f = sim.flows[v.id];
      const devices = f.connectedDevices ?? 0;
      if (devices <= 0) continue;
      const data = f.dataMbPerYear ?? 0;
      // The network as deployed with this variant and the other use cases' reference deployments.
      // (Sums in the order of the use cases, this one last, as the records of `allocationShares` would be.)
      const ownKey = method === 'data' ? data : devices;
      let totalDevices = 0;
      let totalData = 0;
      let totalKey = 0;
      let participants = 0;
      for (let j = 0; j < useCases.length; j++) {
        if (j === i || !(refDevices[j] > 0)) continue;
        totalDevices += refDevices[j];
        totalData += refData[j];
        const key = method === 'data' ? refData[j] : refDevices[j];
        totalKey += key;
        if (key > 0) participants++;
      }
      totalDevices += devices;
      totalData += data;
      totalKey += ownKey;
      if (ownKey > 0) participants++;
      if (participants === 0) {
        allocationShares({ [useCases[i].id]: 0 }, method); // raises the allocation's own error (nobody to allocate to)
      }
      const share = allocationShare(ownKey, totalKey, participants, method);
      addSharedInfrastructureShare(f, parts, sim.values, totalDevices, totalData, share);
    }
  }
}

/**
 * The shared infrastructure's work space (models/digital): the parameters, terminals' and gateways' fleets that the
 * digital variants of one evaluation share. Started afresh by every `addSharedInfrastructure` call: it keeps nothing
 * from one evaluation to the next.
 */
const SHARED_PARTS = sharedInfrastructureParts();

/**
 * True when every value of every series of `FLOW_SERIES` in `f` is finite: the check that runs on every model output
 * (the error then comes from `assertFinite`). The series are named one by one, not looked up by name in a loop
 * (the check runs for every variant of every evaluation); tests/evaluate/engine.test.ts checks that it covers every
 * series of `FLOW_SERIES`.
 */
export function flowsFinite(f: VariantFlows): boolean {
  const probe =
    finiteProbe(f.capexEur) +
    finiteProbe(f.opexEur) +
    finiteProbe(f.energyCostEur) +
    finiteProbe(f.energyKwh) +
    finiteProbe(f.residualValueEur) +
    finiteProbe(f.embodiedKgCo2e) +
    finiteProbe(f.useKgCo2e) +
    finiteProbe(f.endOfLifeKgCo2e) +
    finiteProbe(f.amortisedEmbodiedKgCo2e) +
    finiteProbe(f.digitalKgCo2e) +
    finiteProbe(f.externalCostEur) +
    finiteProbe(f.capexNotFctvaEligibleEur);
  return probe === 0;
}

/**
 * 0 when every value is finite, NaN as soon as one is NaN or ±Infinity (x × 0); 0 for an absent series. Four sums
 * side by side, so that each addition does not wait for the previous one.
 */
function finiteProbe(values: Float64Array | undefined): number {
  if (values === undefined) return 0;
  const n = values.length;
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  let t = 0;
  for (; t + 3 < n; t += 4) {
    a += values[t] * 0;
    b += values[t + 1] * 0;
    c += values[t + 2] * 0;
    d += values[t + 3] * 0;
  }
  for (; t < n; t++) a += values[t] * 0;
  return a + b + c + d;
}

function financeSettings(uc: PreparedUseCase, p: Record<string, number>): FinanceSettings {
  return {
    vatRate: p.vatRate,
    vatRecoverable: uc.vatRecoverable,
    fctvaRate: p.fctvaRate,
    fctvaLagYears: Math.round(p.fctvaLagYears),
    financialDiscountRate: p.financialDiscountRate,
    socioEconomicDiscountRate: p.socioEconomicDiscountRate,
  };
}

/** One comparison's metrics in the Monte Carlo path: variant against the status quo, one perspective. */
export interface MetricsRow {
  useCase: UseCaseId;
  variant: string;
  comparedTo: string;
  perspective: Perspective;
  metrics: Metrics;
}

/**
 * Buffers and per-run constants that `evaluateScenarioMetrics` reuses from one call to the next, so that a loop
 * over draws allocates no series: one arena per use case for the model's flows (src/core/arena.ts), one for the
 * shared digital infrastructure, the two perspectives' cost series of every variant, the comparison scratch, the
 * discount tables of the last rates seen, and each variant's subsidy rules. Made by `evaluationWorkspace(run)`;
 * valid for that run and for runs that differ from it only by their inventories. Results computed with it are
 * valid until the next call with it.
 */
export interface EvaluationWorkspace {
  run: PreparedRun;
  useCases: {
    uc: PreparedUseCase;
    arena: SeriesArena;
    variants: { def: VariantDefinition; subsidies: SubsidyRule[]; costs: Record<Perspective, PerspectiveCosts> }[];
    /** The status quo's entry of `variants`, against which the others are compared. */
    statusQuo: { def: VariantDefinition; subsidies: SubsidyRule[]; costs: Record<Perspective, PerspectiveCosts> };
  }[];
  sharedArena: SeriesArena;
  scratch: ReturnType<typeof comparisonScratch>;
  /**
   * The input of the comparison being computed, rewritten for each one (no three objects per comparison); made by
   * the first comparison.
   */
  input: ComparisonInput | undefined;
  tables: Map<number, DiscountTable>;
}

/** The workspace of `evaluateScenarioMetrics` for one prepared run (see `EvaluationWorkspace`). */
export function evaluationWorkspace(run: PreparedRun): EvaluationWorkspace {
  const n = run.axis.length;
  return {
    run,
    useCases: run.useCases.map((uc) => {
      const variants = uc.model.variants.map((def) => ({
        def,
        subsidies: subsidiesFor(uc, def.id, def.kind),
        costs: { financial: zeroCosts(n), socioEconomic: zeroCosts(n) },
      }));
      return { uc, arena: new SeriesArena(), variants, statusQuo: variants.find((v) => v.def.kind === 'statusQuo')! };
    }),
    sharedArena: new SeriesArena(),
    scratch: comparisonScratch(n),
    input: undefined,
    tables: new Map(),
  };
}

/**
 * A workspace serves any run with the same use cases, models, subsidies and axis as the one it was made for (e.g.
 * the communes of a roll-up, each with its own inventory): anything else is a programming error.
 */
function checkWorkspace(ws: EvaluationWorkspace, run: PreparedRun): void {
  const same =
    ws.run.axis.length === run.axis.length &&
    ws.useCases.length === run.useCases.length &&
    ws.useCases.every((u, i) => u.uc.model === run.useCases[i].model && u.uc.subsidies === run.useCases[i].subsidies);
  if (!same) throw new Error('evaluateScenarioMetrics: the workspace was made for a run with other use cases, subsidies or years');
}

/** The discount table of `rate` (kept for the next calls: a run uses a handful of rates, a draw a new one). */
function tableFor(ws: EvaluationWorkspace, rate: number): DiscountTable {
  let table = ws.tables.get(rate);
  if (table === undefined) {
    if (ws.tables.size >= 8) ws.tables.clear(); // drawn rates change at every draw: keep the map small
    table = discountTable(rate, ws.run.axis.length);
    ws.tables.set(rate, table);
  }
  return table;
}

/**
 * Evaluates one scenario with given parameter values per use case, and returns the metrics of every variant
 * against its status quo in both perspectives, without yearly series: the inner loop of Monte Carlo and
 * sensitivity analyses. `series` may be the pack's trajectories scaled by a draw. Rows come in a fixed order
 * (use cases, then variants, then perspectives), the same for every call with the same run. With a `workspace`
 * (`evaluationWorkspace(run)`), the call allocates no series: loops over draws pass one. `options` may leave the
 * IRR out (`{ irr: false }`, see `comparisonMetrics`) and give the rows of a previous call to rewrite (`rows`).
 */
export function evaluateScenarioMetrics(
  run: PreparedRun,
  pack: ResolvedPack,
  series: Record<string, Float64Array>,
  values: ReadonlyMap<UseCaseId, Record<string, number>>,
  workspace?: EvaluationWorkspace,
  options: ScenarioMetricsOptions = {},
): MetricsRow[] {
  const ws = workspace ?? evaluationWorkspace(run);
  if (ws.run !== run) checkWorkspace(ws, run);
  const sims = new Map<UseCaseId, Simulated>();
  ws.useCases.forEach((u, i) => {
    const uc = run.useCases[i];
    u.arena.reset();
    sims.set(uc.id, simulate(run, uc, pack, series, values.get(uc.id)!, u.arena));
  });
  ws.sharedArena.reset();
  addSharedInfrastructure(run, pack, series, sims, ws.sharedArena);
  const reuse = options.rows;
  const rows: MetricsRow[] = reuse ?? [];
  let k = 0;
  const carbonValue = series.carbonValueEurPerTco2e;
  for (let i = 0; i < ws.useCases.length; i++) {
    const u = ws.useCases[i];
    const uc = run.useCases[i];
    const sim = sims.get(uc.id)!;
    const settings = financeSettings(uc, sim.values);
    // Discount factors once per rate, shared by every comparison of the use case.
    const financialTable = tableFor(ws, settings.financialDiscountRate);
    const socioTable = tableFor(ws, settings.socioEconomicDiscountRate);
    for (const v of u.variants) {
      const f = sim.flows[v.def.id];
      financialCosts(f, settings, v.subsidies, v.costs.financial);
      socioEconomicCosts(f, carbonValue, v.costs.socioEconomic);
    }
    const ref = u.statusQuo;
    const refFlows = sim.flows[ref.def.id];
    for (const v of u.variants) {
      if (v === ref) continue;
      const f = sim.flows[v.def.id];
      // The physical quantities once for both perspectives (same flows), then the money of each.
      const physics = comparisonPhysics(refFlows, f, ws.scratch);
      for (const perspective of PERSPECTIVES) {
        const table = perspective === 'financial' ? financialTable : socioTable;
        // The comparison's input, written into the workspace's record (read by this call only; made at first use).
        let input = ws.input;
        if (input === undefined) {
          input = ws.input = {
            years: run.axis.years,
            rate: table.rate,
            reference: { flows: refFlows, costs: ref.costs[perspective] },
            variant: { flows: f, costs: v.costs[perspective] },
          };
        } else {
          input.years = run.axis.years;
          input.rate = table.rate;
          input.reference.flows = refFlows;
          input.reference.costs = ref.costs[perspective];
          input.variant.flows = f;
          input.variant.costs = v.costs[perspective];
        }
        const row = reuse !== undefined && k < reuse.length ? reuse[k] : undefined;
        const metrics = comparisonMetrics(input, table, ws.scratch, physics, options, row?.metrics);
        if (row === undefined) {
          rows.push({ useCase: uc.id, variant: v.def.id, comparedTo: ref.def.id, perspective, metrics });
        } else {
          row.useCase = uc.id;
          row.variant = v.def.id;
          row.comparedTo = ref.def.id;
          row.perspective = perspective;
        }
        k++;
      }
    }
  }
  rows.length = k;
  return rows;
}

/** Options of `evaluateScenarioMetrics`. */
export interface ScenarioMetricsOptions extends ComparisonOptions {
  /**
   * The rows of a previous call to rewrite in place (their metrics records included) instead of new ones: for a
   * loop that reads each call's rows before the next call and keeps none (the roll-up). The array returned is this
   * one, valid until the next call with it.
   */
  rows?: MetricsRow[];
}

function subsidiesFor(uc: PreparedUseCase, variantId: string, kind: string): SubsidyRule[] {
  return uc.subsidies.filter((s) => (s.variants ? s.variants.includes(variantId) : kind !== 'statusQuo'));
}

/** Runs the prepared evaluation: pure, deterministic. */
export function evaluateRun(run: PreparedRun, now: Date = new Date()): RunResults {
  const results: ResultRow[] = [];
  const parameterRows = new Map<string, ParameterRow[]>();
  const flowsOut: RunResults['flows'] = [];
  const trajectories: Record<string, Record<string, TrajectoryRow>> = {};
  for (const pack of run.packs) {
    const series = seriesForPack(pack, run.axis);
    trajectories[pack.id] = Object.fromEntries(
      Object.entries(pack.trajectories).map(([name, t]) => [
        name,
        {
          unit: t.unit,
          values: Array.from(series[name]),
          source: t.source ?? null,
          confidence: t.confidence,
          pack: t.origin.pack,
          ...(t.description ? { description: t.description } : {}),
        },
      ]),
    );
    const sims = new Map<UseCaseId, Simulated>();
    const resolved = new Map<UseCaseId, Record<string, ResolvedParameter>>();
    for (const uc of run.useCases) {
      const params = resolveParameters(run, uc, pack);
      resolved.set(uc.id, params);
      sims.set(uc.id, simulate(run, uc, pack, series, valuesOf(params)));
    }
    addSharedInfrastructure(run, pack, series, sims);
    for (const uc of run.useCases) {
      const sim = sims.get(uc.id)!;
      const p = resolved.get(uc.id)!;
      for (const prm of Object.values(p)) {
        const key = `${uc.id}\u0000${prm.name}`;
        const rows = parameterRows.get(key) ?? [];
        rows.push(parameterRow(uc.id, pack.id, prm));
        parameterRows.set(key, rows);
      }
      const settings = financeSettings(uc, sim.values);
      const costs = new Map<string, Record<Perspective, PerspectiveCosts>>();
      for (const v of uc.model.variants) {
        const f = sim.flows[v.id];
        costs.set(v.id, {
          financial: financialCosts(f, settings, subsidiesFor(uc, v.id, v.kind)),
          socioEconomic: socioEconomicCosts(f, series.carbonValueEurPerTco2e),
        });
        flowsOut.push({
          useCase: uc.id,
          scenario: pack.id,
          variant: v.id,
          kind: v.kind,
          connectedDevices: f.connectedDevices ?? 0,
          series: Object.fromEntries(
            Object.entries(f)
              .filter(([, a]) => a instanceof Float64Array)
              .map(([k, a]) => [k, Array.from(a as Float64Array)]),
          ),
        });
      }
      const statusQuo = uc.model.variants.find((v) => v.kind === 'statusQuo')!;
      const rows: ResultRow[] = [];
      const run1 = (variant: (typeof uc.model.variants)[number], ref: string) => {
        for (const perspective of PERSPECTIVES) {
          const rate = perspective === 'financial' ? settings.financialDiscountRate : settings.socioEconomicDiscountRate;
          const { metrics, yearly } = compare({
            years: run.axis.years,
            rate,
            reference: { flows: sim.flows[ref], costs: costs.get(ref)![perspective] },
            variant: { flows: sim.flows[variant.id], costs: costs.get(variant.id)![perspective] },
          });
          rows.push({
            territory: run.territory.id,
            useCase: uc.id,
            variant: variant.id,
            variantKind: variant.kind,
            comparedTo: ref,
            scenario: pack.id,
            perspective,
            metrics,
            yearly,
          });
        }
      };
      for (const v of uc.model.variants) if (v.kind !== 'statusQuo') run1(v, statusQuo.id);
      // Digital variants against the best non-digital alternative (socio-economic NPV vs the status quo).
      const alternatives = rows.filter((r) => r.variantKind === 'alternative' && r.perspective === 'socioEconomic');
      if (alternatives.length > 0) {
        const best = alternatives.reduce((a, b) => (b.metrics.npvEur > a.metrics.npvEur ? b : a));
        for (const v of uc.model.variants) if (v.kind === 'digital') run1(v, best.variant);
      }
      results.push(...rows);
    }
  }
  return {
    manifest: runManifest(run, now),
    results,
    parameters: collapseParameters(parameterRows),
    flows: flowsOut,
    scenarios: run.packs.map((p) => ({ id: p.id, name: p.name, description: p.description, chain: p.chain })),
    variants: run.useCases.flatMap((u) =>
      u.model.variants.map((v) => ({ useCase: u.id, id: v.id, kind: v.kind, name: v.name, description: v.description })),
    ),
    trajectories,
  };
}

function parameterRow(useCase: UseCaseId, scenario: string, p: ResolvedParameter): ParameterRow {
  return {
    useCase,
    scenario,
    name: p.name,
    value: p.value,
    unit: p.unit,
    origin: p.origin,
    source: p.source,
    confidence: p.confidence,
    ...(p.range ? { range: p.range } : {}),
    ...(p.description ? { description: p.description } : {}),
    ...(p.descriptionFr ? { descriptionFr: p.descriptionFr } : {}),
    ...(p.note ? { note: p.note } : {}),
    trail: p.trail,
  };
}

/** One row per use case and parameter when every scenario agrees, one per scenario otherwise. */
function collapseParameters(rows: Map<string, ParameterRow[]>): ParameterRow[] {
  const out: ParameterRow[] = [];
  for (const list of rows.values()) {
    const same = list.every((r) => r.value === list[0].value && r.source === list[0].source && r.origin === list[0].origin);
    if (same) out.push({ ...list[0], scenario: null });
    else out.push(...list);
  }
  return out;
}

export function runManifest(run: PreparedRun, now: Date): Manifest {
  return {
    tool: 'territoires',
    version: VERSION,
    createdAt: now.toISOString(),
    territory: { id: run.territory.id, name: run.territory.name, kind: run.territory.kind, population: run.territory.population, file: run.territory.file },
    startYear: run.axis.startYear,
    horizonYears: run.axis.length - 1,
    scenarios: run.packs.map((p) => p.id),
    useCases: run.useCases.map((u) => u.id),
    carbonValuePath: run.carbonValuePath,
    seed: run.options.seed ?? null,
    inputs: run.inputs,
    conventions: {
      money: 'constant euros of the packs\u2019 price base year; flows at the end of each year; year 0 (the investment year) not discounted',
      financial: 'authority budget: incl. VAT unless recoverable, minus subsidies and FCTVA, discounted at financialDiscountRate',
      socioEconomic: 'society: excl. VAT, subsidies excluded, carbon value on emissions, external costs, discounted at socioEconomicDiscountRate',
      carbon: 'kgCO2e in flows, tCO2e in metrics; embodied at purchase with residual credit; avoided = reference − variant',
      abatementCost: 'minus NPV excluding the carbon value, divided by undiscounted avoided tonnes',
    },
  };
}

