/**
 * Monte Carlo over a run: cost and carbon from the same draws, for every use case × variant × scenario ×
 * perspective.
 *
 * What is uncertain: every parameter with a `distribution`, or with a `range` only (then PERT(low, mode ?? value,
 * high), `defaultDistribution` in src/uncertainty), unless the territory or the command line set its value (a
 * value the user states is held fixed); a calibrated parameter is drawn within its calibration's range; and
 * every scenario trajectory with a `relativeRange` (a multiplier on the whole path, PERT(low, 1, high)).
 *
 * Common random numbers: each uncertain quantity has one uniform column shared by all scenarios and use cases;
 * it is mapped through the quantile function of that quantity's own distribution in each (scenario, use case).
 * Scenarios are then compared draw by draw under the same uncertainty, not under different noise.
 *
 * Determinism: draws are sampled per chunk from (seed, chunk index) (Latin hypercube within each chunk), so the
 * same seed gives the same numbers whatever the number of worker threads or the order chunks are computed in.
 */
import { InputError } from '../core/errors.js';
import type { Distribution, ResolvedParameter } from '../core/parameter.js';
import { compileQuantile, defaultDistribution } from '../uncertainty/distributions.js';
import { planChunks, sampleChunk } from '../uncertainty/chunks.js';
import { summarizeInPlace } from '../uncertainty/statistics.js';
import { seriesForPack } from '../scenario/index.js';
import { evaluateScenarioMetrics, evaluationWorkspace, resolveParameters, PERSPECTIVES, type Perspective, type PreparedRun } from './engine.js';
import type { Metrics } from './metrics.js';
import { valuesOf } from './resolve.js';
import type { UseCaseId } from './registry.js';

/** Metrics summarised by Monte Carlo (the others are deterministic or derived). */
export const MC_METRICS = [
  'npvEur',
  'irr',
  'simplePaybackYears',
  'discountedPaybackYears',
  'benefitCostRatio',
  'lifecycleCostEur',
  'energySavedKwh',
  'avoidedTco2e',
  'netTco2e',
  'carbonPaybackYears',
  'abatementCostEurPerTco2e',
] as const;
export type McMetric = (typeof MC_METRICS)[number];

/**
 * Writes the `MC_METRICS` of one comparison into its row's columns at `draw`, in `MC_METRICS` order, null as NaN.
 * Spelled out field by field: reading the metrics through the names of `MC_METRICS` (dynamic keys) cost more than
 * the rest of the bookkeeping of a draw; a test checks the two agree.
 */
export function writeMcMetrics(m: Metrics, row: readonly (Float32Array | Float64Array)[], draw: number): void {
  row[0][draw] = m.npvEur;
  row[1][draw] = m.irr ?? NaN;
  row[2][draw] = m.simplePaybackYears ?? NaN;
  row[3][draw] = m.discountedPaybackYears ?? NaN;
  row[4][draw] = m.benefitCostRatio ?? NaN;
  row[5][draw] = m.lifecycleCostEur;
  row[6][draw] = m.energySavedKwh;
  row[7][draw] = m.avoidedTco2e;
  row[8][draw] = m.netTco2e;
  row[9][draw] = m.carbonPaybackYears ?? NaN;
  row[10][draw] = m.abatementCostEurPerTco2e ?? NaN;
}

export interface UncertainQuantity {
  /** Parameter name, or `trajectory:<name>` for a scenario trajectory's multiplier. */
  name: string;
  kind: 'parameter' | 'trajectory';
  /** Where its distribution comes from, for the report. */
  distribution: Distribution;
  unit: string;
  source: string | null;
  confidence: string;
}

interface Plan {
  quantities: UncertainQuantity[];
  /**
   * The distinct (quantity, distribution) pairs: a parameter drawn with the same distribution in several scenarios
   * and use cases (a discount rate, a device price) maps the same uniform through the same quantile function, so
   * each draw computes it once, in its slot, and every (scenario, use case) reads the slot.
   */
  slots: { q: number; quantile: (u: number) => number }[];
  /** For each scenario index: base series, trajectory multipliers' quantile functions by quantity index. */
  scenarios: {
    series: Record<string, Float64Array>;
    trajectories: { q: number; slot: number; name: string; quantile: (u: number) => number }[];
    useCases: {
      id: UseCaseId;
      base: Record<string, number>;
      parameters: { q: number; slot: number; name: string; quantile: (u: number) => number }[];
      /**
       * The earlier scenario whose parameter object this use case can share (same base values, same drawn
       * parameters from the same slots: the same values at every draw), or -1. Drawn parameters are then written
       * once per draw, not once per scenario.
       */
      sharesWith: number;
    }[];
  }[];
}

function parameterDistribution(p: ResolvedParameter): Distribution | null {
  if (p.origin === 'territory' || p.origin === 'override') return null;
  if (p.distribution) return p.distribution;
  if (p.range && p.range.high > p.range.low) return defaultDistribution(p.value, p.range);
  return null;
}

/** Lists the uncertain quantities of a run and compiles their quantile functions per scenario and use case. */
export function planUncertainty(run: PreparedRun): Plan {
  const index = new Map<string, number>();
  const quantities: UncertainQuantity[] = [];
  const q = (name: string, info: Omit<UncertainQuantity, 'name'>): number => {
    let i = index.get(name);
    if (i === undefined) {
      i = quantities.length;
      index.set(name, i);
      quantities.push({ name, ...info });
    }
    return i;
  };
  const slots: Plan['slots'] = [];
  const slotIndex = new Map<string, number>();
  // The slot of (quantity, distribution), its quantile function compiled once (a PERT's compiles a table of
  // exact Beta quantiles: compiling it for every scenario and use case cost half a second per worker).
  const slot = (q: number, dist: Distribution): number => {
    const key = `${q}\u0000${JSON.stringify(dist)}`;
    let i = slotIndex.get(key);
    if (i === undefined) {
      i = slots.length;
      slotIndex.set(key, i);
      slots.push({ q, quantile: compileQuantile(dist, 'monteCarlo') });
    }
    return i;
  };
  const scenarios: Plan['scenarios'] = run.packs.map((pack) => {
    const series = seriesForPack(pack, run.axis);
    const trajectories: Plan['scenarios'][number]['trajectories'] = [];
    for (const [name, t] of Object.entries(pack.trajectories)) {
      if (!t.relativeRange || !(t.relativeRange.high > t.relativeRange.low)) continue;
      const dist: Distribution = { type: 'pert', low: t.relativeRange.low, mode: 1, high: t.relativeRange.high };
      const i = q(`trajectory:${name}`, { kind: 'trajectory', distribution: dist, unit: 'fraction', source: t.source ?? null, confidence: t.confidence });
      const k = slot(i, dist);
      trajectories.push({ q: i, slot: k, name, quantile: slots[k].quantile });
    }
    const useCases = run.useCases.map((uc) => {
      const resolved = resolveParameters(run, uc, pack);
      const parameters: Plan['scenarios'][number]['useCases'][number]['parameters'] = [];
      for (const p of Object.values(resolved)) {
        const dist = parameterDistribution(p);
        if (!dist) continue;
        const i = q(p.name, { kind: 'parameter', distribution: dist, unit: p.unit, source: p.source, confidence: p.confidence });
        const k = slot(i, dist);
        parameters.push({ q: i, slot: k, name: p.name, quantile: slots[k].quantile });
      }
      return { id: uc.id, base: valuesOf(resolved), parameters, sharesWith: -1 };
    });
    return { series, trajectories, useCases };
  });
  scenarios.forEach((sc, s) =>
    sc.useCases.forEach((uc, i) => {
      uc.sharesWith = scenarios.slice(0, s).findIndex((earlier) => sameParameters(earlier.useCases[i], uc));
    }),
  );
  return { quantities, slots, scenarios };
}

/** True when two scenarios give a use case the same parameter values at every draw (see `sharesWith`). */
function sameParameters(
  a: Plan['scenarios'][number]['useCases'][number],
  b: Plan['scenarios'][number]['useCases'][number],
): boolean {
  const keys = Object.keys(a.base);
  if (keys.length !== Object.keys(b.base).length || a.parameters.length !== b.parameters.length) return false;
  for (const k of keys) if (!Object.is(a.base[k], b.base[k])) return false;
  return a.parameters.every((p, j) => p.name === b.parameters[j].name && p.slot === b.parameters[j].slot);
}

export interface MonteCarloOptions {
  draws: number;
  seed: number;
  /** Draws per chunk: fixed by the run (not by the thread count) so results do not depend on threads. */
  chunkSize?: number;
  method?: 'lhs' | 'random';
  /** Payback threshold for P(payback ≤ N) [years]. */
  paybackWithinYears?: number;
  onProgress?: (doneDraws: number, totalDraws: number) => void;
  /** Checked between chunks; a true value stops the run (Ctrl-C). */
  shouldStop?: () => boolean;
}

/** The layout of the metric columns: one row per (scenario, use case, variant, perspective). */
export interface RowKey {
  useCase: UseCaseId;
  variant: string;
  comparedTo: string;
  scenario: string;
  perspective: Perspective;
}

/** The rows Monte Carlo fills, in the order `evaluateScenarioMetrics` returns them, scenario after scenario. */
export function rowKeys(run: PreparedRun): RowKey[] {
  const keys: RowKey[] = [];
  for (const pack of run.packs) {
    for (const uc of run.useCases) {
      const statusQuo = uc.model.variants.find((v) => v.kind === 'statusQuo')!.id;
      for (const v of uc.model.variants) {
        if (v.kind === 'statusQuo') continue;
        for (const perspective of PERSPECTIVES) {
          keys.push({ useCase: uc.id, variant: v.id, comparedTo: statusQuo, scenario: pack.id, perspective });
        }
      }
    }
  }
  return keys;
}

/**
 * Evaluates draws [chunk.start, chunk.start + chunk.size) into `columns[row][metric][draw]` (one array of all draws
 * per row and `MC_METRICS` entry; a metric that does not exist for a draw is NaN). Pure given the run and the plan;
 * used by the main thread and by workers alike.
 */
export function evaluateChunk(
  run: PreparedRun,
  plan: Plan,
  chunk: { index: number; start: number; size: number },
  seed: number,
  method: 'lhs' | 'random',
  columns: readonly (readonly (Float32Array | Float64Array)[])[],
): void {
  const identity = (u: number) => u;
  const uniforms = sampleChunk(
    plan.quantities.map(() => identity),
    seed,
    chunk.index,
    chunk.start,
    chunk.size,
    method,
  );
  // Buffers reused by every draw of the chunk (evaluation reads them and keeps nothing): per scenario, the series
  // with the uncertain trajectories scaled in place, and one parameter object per use case holding the base
  // values, in which only the drawn parameters are overwritten — not a copy of every parameter at every draw. A
  // use case whose parameters are the same in an earlier scenario shares that scenario's object (most packs set
  // trajectories, not parameters), so its drawn values are written once per draw.
  const state: { series: Record<string, Float64Array>; values: Map<UseCaseId, Record<string, number>> }[] = [];
  plan.scenarios.forEach((sc) => {
    const series = sc.trajectories.length > 0 ? { ...sc.series } : sc.series;
    for (const t of sc.trajectories) series[t.name] = new Float64Array(sc.series[t.name].length);
    const values = new Map<UseCaseId, Record<string, number>>();
    for (const uc of sc.useCases) values.set(uc.id, uc.sharesWith >= 0 ? state[uc.sharesWith].values.get(uc.id)! : { ...uc.base });
    state.push({ series, values });
  });
  const slotValues = new Float64Array(plan.slots.length);
  const workspace = evaluationWorkspace(run);
  for (let d = 0; d < chunk.size; d++) {
    for (let j = 0; j < plan.slots.length; j++) slotValues[j] = plan.slots[j].quantile(uniforms[plan.slots[j].q][d]);
    let row = 0;
    for (let s = 0; s < plan.scenarios.length; s++) {
      const sc = plan.scenarios[s];
      const pack = run.packs[s];
      const { series, values } = state[s];
      for (const t of sc.trajectories) {
        const k = slotValues[t.slot]; // t.quantile(uniforms[t.q][d])
        const base = sc.series[t.name];
        const scaled = series[t.name];
        for (let i = 0; i < base.length; i++) scaled[i] = base[i] * k;
      }
      for (const uc of sc.useCases) {
        if (uc.sharesWith >= 0) continue; // written with the scenario it shares its object with
        const v = values.get(uc.id)!;
        for (const p of uc.parameters) v[p.name] = slotValues[p.slot]; // p.quantile(uniforms[p.q][d])
      }
      const rows = evaluateScenarioMetrics(run, pack, series, values, workspace);
      for (const r of rows) writeMcMetrics(r.metrics, columns[row++], chunk.start + d);
    }
  }
}

export interface MetricSummary {
  mean: number | null;
  sd: number | null;
  p5: number | null;
  p10: number | null;
  p50: number | null;
  p90: number | null;
  p95: number | null;
  /** Share of draws where the metric exists (a payback may not be reached, an IRR may not exist). */
  defined: number;
}

export interface MonteCarloRow extends RowKey {
  metrics: Record<McMetric, MetricSummary>;
  probabilities: { npvPositive: number; netNegative: number; both: number; paybackWithin: number };
}

export interface MonteCarloResult {
  draws: number;
  seed: number;
  method: 'lhs' | 'random';
  chunkSize: number;
  paybackWithinYears: number;
  quantities: UncertainQuantity[];
  results: MonteCarloRow[];
}

/** Summarises the metric columns of all draws into the Monte Carlo result rows. */
export function summariseColumns(
  keys: RowKey[],
  columns: Float32Array[][],
  options: { draws: number; seed: number; method: 'lhs' | 'random'; chunkSize: number; paybackWithinYears: number; quantities: UncertainQuantity[] },
): MonteCarloResult {
  // One scratch buffer for every column: its finite draws are copied in, then summarised in place.
  const scratch = new Float64Array(options.draws);
  const results = keys.map((key, r) => ({ ...key, ...summariseRow(columns[r], options.paybackWithinYears, scratch) }));
  return {
    draws: options.draws,
    seed: options.seed,
    method: options.method,
    chunkSize: options.chunkSize,
    paybackWithinYears: options.paybackWithinYears,
    quantities: options.quantities,
    results,
  };
}

/**
 * The summaries and probabilities of one row from its metric columns (one per `MC_METRICS` entry, all draws).
 * `scratch` holds at least as many values as a column (reused between rows: its content is overwritten). Rows
 * are independent: worker threads summarise their share of them.
 */
export function summariseRow(
  row: Float32Array[],
  paybackWithinYears: number,
  scratch: Float64Array,
): Pick<MonteCarloRow, 'metrics' | 'probabilities'> {
  const metrics = {} as Record<McMetric, MetricSummary>;
  MC_METRICS.forEach((name, j) => {
    const col = row[j];
    let count = 0;
    for (let i = 0; i < col.length; i++) if (Number.isFinite(col[i])) scratch[count++] = col[i];
    if (count === 0) {
      metrics[name] = { mean: null, sd: null, p5: null, p10: null, p50: null, p90: null, p95: null, defined: 0 };
    } else {
      const s = summarizeInPlace(scratch.subarray(0, count));
      metrics[name] = { mean: s.mean, sd: s.sd, p5: s.p5, p10: s.p10, p50: s.p50, p90: s.p90, p95: s.p95, defined: count / col.length };
    }
  });
  const npv = row[MC_METRICS.indexOf('npvEur')];
  const net = row[MC_METRICS.indexOf('netTco2e')];
  const payback = row[MC_METRICS.indexOf('simplePaybackYears')];
  let npvPositive = 0;
  let netNegative = 0;
  let both = 0;
  let within = 0;
  for (let i = 0; i < npv.length; i++) {
    const a = npv[i] > 0;
    const b = net[i] < 0;
    if (a) npvPositive++;
    if (b) netNegative++;
    if (a && b) both++;
    if (Number.isFinite(payback[i]) && payback[i] <= paybackWithinYears) within++;
  }
  const n = npv.length;
  return { metrics, probabilities: { npvPositive: npvPositive / n, netNegative: netNegative / n, both: both / n, paybackWithin: within / n } };
}

export const DEFAULT_CHUNK_SIZE = 256;

/** Runs the Monte Carlo on the calling thread (see `runMonteCarloThreads` for worker threads). */
export function runMonteCarlo(run: PreparedRun, options: MonteCarloOptions): MonteCarloResult {
  const steps = monteCarloSteps(run, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (options.shouldStop?.()) throw new McInterrupted(step.value, options.draws);
  }
}

/**
 * The Monte Carlo as steps: yields the number of draws done after each chunk, returns the result. The one loop
 * behind `runMonteCarlo` (driven synchronously) and `runMonteCarloAsync` (which awaits between chunks).
 */
export function* monteCarloSteps(run: PreparedRun, options: Omit<MonteCarloOptions, 'shouldStop'>): Generator<number, MonteCarloResult, void> {
  const { draws, seed } = options;
  if (!Number.isSafeInteger(draws) || draws < 1) {
    throw new InputError('invalid number of draws', { path: '--draws', expected: 'a whole number ≥ 1', received: String(draws), fix: 'e.g. --draws 10000' });
  }
  if (!Number.isSafeInteger(seed)) {
    throw new InputError('invalid seed', { path: '--seed', expected: 'a whole number', received: String(seed), fix: 'e.g. --seed 42' });
  }
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const method = options.method ?? 'lhs';
  const plan = planUncertainty(run);
  const keys = rowKeys(run);
  const columns = keys.map(() => MC_METRICS.map(() => new Float32Array(draws)));
  let done = 0;
  for (const chunk of planChunks(draws, chunkSize)) {
    evaluateChunk(run, plan, chunk, seed, method, columns);
    done += chunk.size;
    options.onProgress?.(done, draws);
    if (done < draws) yield done;
  }
  return summariseColumns(keys, columns, { draws, seed, method, chunkSize, paybackWithinYears: options.paybackWithinYears ?? 10, quantities: plan.quantities });
}

/** Raised when a run is stopped between chunks (Ctrl-C); nothing is written. */
export class McInterrupted extends Error {
  constructor(
    readonly done: number,
    readonly total: number,
  ) {
    super(`Monte Carlo stopped after ${done} of ${total} draws`);
    this.name = 'McInterrupted';
  }
}
