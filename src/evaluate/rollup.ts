/**
 * Roll-up over many communes: every commune's inventories evaluated under every scenario of a run, and the
 * additive metrics of each comparison (variant against the status quo, in each perspective) summed over the
 * communes. It answers a national or regional question ("if every commune retrofitted its lighting, what would the
 * sum of the NPVs and of the avoided tonnes be, scenario by scenario?") with the same models, parameters and
 * conventions as a single territory's run.
 *
 * What comes from where:
 * - the communes give only their inventories, each validated by its model's schema (as a territory file's would
 *   be); a commune may lack some of the run's use cases (a water service run by an intercommunality, no building
 *   inventory yet): it is evaluated for those it has, its shared digital infrastructure sized and shared among
 *   them alone, as in a territory file that describes only those use cases, and each row counts the communes it
 *   sums (`RollUpRow.communes`);
 * - the parameters, subsidies, VAT status, pooling and scenarios are the run's (its territory file and options):
 *   every commune is evaluated with them, except the parameter values a commune sets itself (`overrides`, as a
 *   territory file's: its own LED quote, its lighting hours), applied over the territory's and before
 *   calibrations and `--set`. Subsidies, VAT status and pooling cannot differ by commune: run such a commune as a
 *   territory, or its group of communes under a territory of their own.
 *
 * Every commune has its own id (`checkCommuneIds`): one listed twice would be counted twice.
 *
 * What is summed: the metrics that add up across communes (`ROLL_UP_SUMS`: NPV, investment, lifecycle cost,
 * energy saved, tonnes avoided and net, subsidies, FCTVA), and the number of communes where the NPV is positive
 * and where the net emissions are negative. Rates, paybacks and ratios do not add up and are not summed.
 *
 * Same result whatever the number of threads: communes are taken in blocks of a fixed size (`blockSize`), each
 * block summed on its own, and the blocks' sums added in block order at the end.
 */
import { InputError, InputErrors } from '../core/errors.js';
import type { ResolvedParameter } from '../core/parameter.js';
import { describeValue } from '../io/yaml.js';
import { seriesForPack } from '../scenario/index.js';
import {
  evaluateScenarioMetrics,
  evaluationWorkspace,
  resolveParameters,
  type EvaluationWorkspace,
  type PreparedRun,
  type PreparedUseCase,
  type ScenarioMetricsOptions,
} from './engine.js';
import type { Metrics } from './metrics.js';
import { rowKeys, type RowKey } from './montecarlo.js';
import { applyLayer, similar, valuesOf, type OverrideLayer, type OverrideValue } from './resolve.js';
import { isUseCaseId, USE_CASE_IDS, type UseCaseId } from './registry.js';

/**
 * One commune of a roll-up: a name for error messages and reports, its inventories (for some or all of the run's use
 * cases) and, optionally, its own parameter values.
 */
export interface RollUpCommune {
  /** e.g. the INSEE code or the name. */
  id: string;
  /**
   * The inventory of each use case it has, in the format of the territory file's `useCases.<id>.inventory`; a use
   * case of the run it lacks is left out of its evaluation.
   */
  inventories: Partial<Record<UseCaseId, unknown>>;
  /**
   * Its own parameter values, as a territory file's `overrides` (a number in the parameter's unit, a quantity such
   * as "850 EUR/unit", or `{ value, source, … }`): applied over the run's territory's values, before calibrations and
   * `--set`. Each name must be a parameter of one of its use cases (scenario trajectories are the run's).
   */
  overrides?: Record<string, OverrideValue>;
}

/** The metrics summed over the communes, in the units their names say. */
export const ROLL_UP_SUMS = [
  'npvEur',
  'capexEur',
  'lifecycleCostEur',
  'energySavedKwh',
  'avoidedTco2e',
  'netTco2e',
  'subsidiesEur',
  'fctvaEur',
] as const satisfies readonly (keyof Metrics)[];
export type RollUpSum = (typeof ROLL_UP_SUMS)[number];

/** The numbers kept per row and commune block: the sums, then the two counts, then the communes summed. */
const SLOTS = ROLL_UP_SUMS.length + 3;

export interface RollUpRow extends RowKey {
  /** The communes with an inventory for this row's use case: the sums and the counts are over them. */
  communes: number;
  /** Sums over the communes [units of each metric's name]. */
  sums: Record<RollUpSum, number>;
  /** Communes where the NPV of the comparison is > 0. */
  npvPositive: number;
  /** Communes where the comparison's net emissions are < 0 (the variant avoids emissions). */
  netNegative: number;
}

export interface RollUpResult {
  /** The communes read (each row says how many of them it sums: those with its use case). */
  communes: number;
  blockSize: number;
  /** One row per scenario, use case, variant and perspective, in the order of `rowKeys(run)`. */
  rows: RollUpRow[];
}

export interface RollUpOptions {
  /** Communes per block (fixed by the run, not by the thread count, so results do not depend on threads). */
  blockSize?: number;
  onProgress?: (doneCommunes: number, totalCommunes: number) => void;
  /** Checked between blocks; a true value stops the run with `RollUpInterrupted` (Ctrl-C). */
  shouldStop?: () => boolean;
}

/** Raised when a roll-up is stopped between blocks (Ctrl-C); nothing is written. */
export class RollUpInterrupted extends Error {
  constructor(
    readonly done: number,
    readonly total: number,
  ) {
    super(`roll-up stopped after ${done} of ${total} communes`);
    this.name = 'RollUpInterrupted';
  }
}

export const DEFAULT_ROLL_UP_BLOCK = 64;

/**
 * Checks one commune's inventories against the given use cases (a run's) and their models' schemas. A commune may
 * lack some of them; an inventory for a use case outside `useCases` is not read; a key that names no use case is an
 * error (a misspelt use case would otherwise be left out without a word).
 * @param useCases the use cases to check, e.g. `run.useCases`
 * @param index the commune's position in the list (for the error paths `communes.<index>.inventories.…`)
 * @returns the validated inventories, in the order of `useCases`, `undefined` for a use case the commune lacks
 * @throws InputError (one problem) or InputErrors (several), with the commune and the path of each problem
 */
export function validateCommune(useCases: readonly Pick<PreparedUseCase, 'id' | 'model'>[], commune: RollUpCommune, index: number): unknown[] {
  const errors: InputError[] = [];
  const out: unknown[] = [];
  const where = `communes.${index}`; // the path format of every input error (territory files: useCases.lighting.inventory…)
  if (commune === null || typeof commune !== 'object' || typeof commune.id !== 'string' || commune.inventories === null || typeof commune.inventories !== 'object') {
    throw new InputError(`roll-up: ${where} is not a commune`, {
      path: where,
      expected: 'an object { id: string, inventories: { <use case>: <inventory> } }',
      received: describeValue(commune),
      fix: 'give each commune an id and its inventories by use case',
    });
  }
  const overrides: unknown = commune.overrides;
  if (overrides !== undefined && (overrides === null || typeof overrides !== 'object' || Array.isArray(overrides))) {
    errors.push(
      new InputError(`roll-up: the overrides of commune ${commune.id} are not a table of parameter values`, {
        path: `${where}.overrides`,
        expected: 'an object { <parameter>: <value> }, as a territory file\'s overrides',
        received: describeValue(overrides),
        fix: 'give each parameter its value, e.g. overrides: { ledLuminaireCostEur: 850 }',
      }),
    );
  }
  for (const key of Object.keys(commune.inventories)) {
    if (isUseCaseId(key)) continue;
    errors.push(
      new InputError(`roll-up: commune ${commune.id} has an inventory for an unknown use case ${key}`, {
        path: `${where}.inventories.${key}`,
        expected: `one of ${USE_CASE_IDS.join(', ')}`,
        received: JSON.stringify(key),
        fix: `use one of the use case ids${USE_CASE_IDS.some((id) => similar(key, id)) ? ` (did you mean ${USE_CASE_IDS.filter((id) => similar(key, id)).join(' or ')}?)` : ''}`,
      }),
    );
  }
  for (const uc of useCases) {
    const raw = commune.inventories[uc.id];
    if (raw === undefined) {
      out.push(undefined); // the commune lacks this use case: evaluated without it
      continue;
    }
    const parsed = uc.model.inventorySchema.safeParse(raw);
    if (parsed.success) {
      out.push(parsed.data);
      continue;
    }
    for (const issue of parsed.error.issues) {
      let received: unknown = raw;
      for (const k of issue.path) received = received !== null && typeof received === 'object' ? (received as Record<PropertyKey, unknown>)[k as string] : undefined;
      const path = [`${where}.inventories.${uc.id}`, ...issue.path.map(String)].join('.');
      errors.push(
        new InputError(`roll-up: invalid ${uc.id} inventory of commune ${commune.id}`, {
          path,
          expected: issue.message,
          received: describeValue(received),
          fix: `correct the value at ${path} (the format is that of useCases.${uc.id}.inventory in a territory file: \`territoires schema\`)`,
        }),
      );
    }
  }
  if (errors.length > 0) throw errors.length === 1 ? errors[0] : new InputErrors(errors);
  return out;
}

/**
 * Checks that no two communes share an id: a commune listed twice would be counted twice in every sum.
 * @param communes the roll-up's communes, in order (the error paths are `communes.<index>.id`)
 * @throws InputError (one repeated id) or InputErrors (several), each at the later commune's id, naming the first
 * @example checkCommuneIds([{ id: '01001', inventories: {} }, { id: '01001', inventories: {} }]) // throws at communes.1.id
 */
export function checkCommuneIds(communes: readonly Pick<RollUpCommune, 'id'>[]): void {
  const first = new Map<string, number>();
  const errors: InputError[] = [];
  for (let i = 0; i < communes.length; i++) {
    const id = communes[i]?.id;
    if (typeof id !== 'string') continue; // validateCommune reports a commune without an id
    const seen = first.get(id);
    if (seen === undefined) {
      first.set(id, i);
      continue;
    }
    errors.push(
      new InputError(`roll-up: commune id ${id} is used twice`, {
        path: `communes.${i}.id`,
        expected: 'a distinct id for each commune (a commune listed twice would be counted twice in every sum)',
        received: `${JSON.stringify(id)}, already the id of communes.${seen}`,
        fix: `remove the repeated commune, or give it its own id (e.g. its INSEE code)`,
      }),
    );
  }
  if (errors.length > 0) throw errors.length === 1 ? errors[0] : new InputErrors(errors);
}

/**
 * What a block needs from the run, computed once per run and thread: each scenario's trajectories and resolved
 * parameter values, and the evaluation workspace (buffers reused from one commune to the next).
 */
export interface RollUpContext {
  run: PreparedRun;
  scenarios: {
    series: Record<string, Float64Array>;
    values: Map<UseCaseId, Record<string, number>>;
    /** The parameters behind `values`, with their units and origins (for a commune's own values). */
    resolved: Map<UseCaseId, Record<string, ResolvedParameter>>;
  }[];
  workspace: EvaluationWorkspace;
  rows: number;
  /**
   * What the evaluations leave out and reuse: the roll-up sums no rate, payback or ratio, so the comparisons compute
   * the summed metrics alone (`sumsOnly`: no IRR, MIRR, paybacks or ratios), and each evaluation's rows are read
   * before the next one, so their records are rewritten in place (one array, no new record per comparison).
   */
  options: ScenarioMetricsOptions;
  /**
   * The run restricted to the use cases a commune has, by the bit mask of their indices in `run.useCases` (made at
   * the first commune with that set; the full set uses `workspace`).
   */
  subsets: Map<number, RollUpSubset>;
}

/** The run restricted to some of its use cases, for the communes that have just those. */
interface RollUpSubset {
  run: PreparedRun;
  /** The indices in `run.useCases` of the subset's use cases, in order. */
  useCases: number[];
  workspace: EvaluationWorkspace;
  /** For each row the restricted run's evaluations return (scenario after scenario), its row in the whole run's. */
  rowIndex: Int32Array;
}

/** Prepares what every block of a roll-up of `run` reuses. */
export function rollUpContext(run: PreparedRun): RollUpContext {
  return {
    run,
    scenarios: run.packs.map((pack) => {
      const resolved = new Map(run.useCases.map((u) => [u.id, resolveParameters(run, u, pack)]));
      return {
        series: seriesForPack(pack, run.axis),
        values: new Map([...resolved].map(([id, params]) => [id, valuesOf(params)])),
        resolved,
      };
    }),
    workspace: evaluationWorkspace(run),
    rows: rowKeys(run).length,
    options: { sumsOnly: true, rows: [] },
    subsets: new Map(),
  };
}

/** The run restricted to the use cases of `mask` (bit i: `run.useCases[i]`), made once per context. */
function rollUpSubset(ctx: RollUpContext, mask: number): RollUpSubset {
  let subset = ctx.subsets.get(mask);
  if (subset !== undefined) return subset;
  const { run } = ctx;
  const useCases = run.useCases.map((_, i) => i).filter((i) => (mask & (1 << i)) !== 0);
  const all = useCases.length === run.useCases.length;
  const restricted: PreparedRun = all ? run : { ...run, useCases: useCases.map((i) => run.useCases[i]) };
  const key = (k: RowKey): string => `${k.scenario}\u0000${k.useCase}\u0000${k.variant}\u0000${k.perspective}`;
  const whole = new Map(rowKeys(run).map((k, r) => [key(k), r]));
  subset = {
    run: restricted,
    useCases,
    workspace: all ? ctx.workspace : evaluationWorkspace(restricted),
    rowIndex: Int32Array.from(rowKeys(restricted), (k) => whole.get(key(k))!),
  };
  ctx.subsets.set(mask, subset);
  return subset;
}

/**
 * Checks a commune's own parameter values (`overrides`) as a territory file's are checked (`applyLayer`): each name
 * a parameter of `declared` (the parameters of its use cases; close names in the error otherwise), each value
 * convertible to that parameter's unit. Used by the roll-up and by `territoires validate`.
 * @param index the commune's position in the list (the error path is `communes.<index>.overrides.<name>`)
 * @throws InputError naming the commune, without a file (`locateCommuneError` adds the communes file's line)
 */
export function checkCommuneOverrides(commune: RollUpCommune, index: number, declared: Readonly<Record<string, ResolvedParameter>>): void {
  const values = commune.overrides ?? {};
  if (Object.keys(values).length === 0) return;
  try {
    applyLayer(declared, communeLayer(commune, index));
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    throw new InputError(`roll-up: commune ${commune.id}: ${e.message}`, { path: e.path, expected: e.expected, received: e.received, fix: e.fix });
  }
}

/** A commune's own values as an override layer (origin `territory`, paths `communes.<index>.overrides.<name>`). */
function communeLayer(commune: RollUpCommune, index: number): OverrideLayer {
  return { origin: 'territory', file: `commune ${commune.id}`, path: `communes.${index}.overrides`, values: commune.overrides ?? {} };
}

/**
 * The parameter values of a commune that sets some itself (`overrides`), per scenario and use case: the run's, with
 * the commune's values as one more layer over the territory's, below the calibrations and `--set` (a value whose
 * origin in the run is `calibrated` or `override` came from those later layers, and stays). The values are checked
 * first (`checkCommuneOverrides`, against the parameters of the commune's use cases).
 */
function communeValues(ctx: RollUpContext, subset: RollUpSubset, commune: RollUpCommune, index: number): Map<UseCaseId, Record<string, number>>[] {
  const { run } = ctx;
  const ids = subset.useCases.map((i) => run.useCases[i].id);
  checkCommuneOverrides(commune, index, Object.assign({}, ...ids.map((id) => ctx.scenarios[0].resolved.get(id)!)));
  const layer = communeLayer(commune, index);
  const names = Object.keys(layer.values);
  return ctx.scenarios.map((sc) => {
    const out = new Map<UseCaseId, Record<string, number>>();
    for (const id of ids) {
      const params = sc.resolved.get(id)!;
      const own: Record<string, ResolvedParameter> = {};
      for (const name of names) if (name in params) own[name] = params[name];
      const applied = applyLayer(own, layer, { ignoreUnknown: true });
      const values = { ...sc.values.get(id)! };
      for (const name of Object.keys(own)) if (own[name].origin !== 'calibrated' && own[name].origin !== 'override') values[name] = applied[name].value;
      out.set(id, values);
    }
    return out;
  });
}

/**
 * Evaluates one block of communes and adds their metrics into `into` (row-major: `SLOTS` numbers per row, the
 * sums of `ROLL_UP_SUMS`, the two counts, then the communes summed), which the caller zeroes per block. A commune
 * is evaluated for the run's use cases it has, and adds to their rows only.
 * @param first index of the block's first commune in the whole list (for error messages)
 */
export function rollUpBlock(ctx: RollUpContext, communes: readonly RollUpCommune[], first: number, into: Float64Array): void {
  const { run } = ctx;
  for (let c = 0; c < communes.length; c++) {
    const inventories = validateCommune(run.useCases, communes[c], first + c);
    let mask = 0;
    for (let i = 0; i < inventories.length; i++) if (inventories[i] !== undefined) mask |= 1 << i;
    if (mask === 0) continue; // none of the run's use cases: nothing to add
    const subset = rollUpSubset(ctx, mask);
    const communeRun: PreparedRun = { ...subset.run, useCases: subset.useCases.map((i) => ({ ...run.useCases[i], inventory: inventories[i] })) };
    const own = communes[c].overrides;
    const values = own !== undefined && Object.keys(own).length > 0 ? communeValues(ctx, subset, communes[c], first + c) : undefined;
    let r = 0;
    for (let s = 0; s < run.packs.length; s++) {
      const sc = ctx.scenarios[s];
      for (const row of evaluateScenarioMetrics(communeRun, run.packs[s], sc.series, values?.[s] ?? sc.values, subset.workspace, ctx.options)) {
        const m = row.metrics;
        const k = subset.rowIndex[r++] * SLOTS;
        into[k] += m.npvEur;
        into[k + 1] += m.capexEur;
        into[k + 2] += m.lifecycleCostEur;
        into[k + 3] += m.energySavedKwh;
        into[k + 4] += m.avoidedTco2e;
        into[k + 5] += m.netTco2e;
        into[k + 6] += m.subsidiesEur;
        into[k + 7] += m.fctvaEur;
        if (m.npvEur > 0) into[k + 8]++;
        if (m.netTco2e < 0) into[k + 9]++;
        into[k + 10]++;
      }
    }
  }
}

/** The number of values `rollUpBlock` writes for a run: `SLOTS` per row. */
export function rollUpBlockLength(ctx: RollUpContext): number {
  return ctx.rows * SLOTS;
}

/** Adds the block sums, in block order, and labels the rows. */
export function rollUpResult(run: PreparedRun, blocks: readonly Float64Array[], communes: number, blockSize: number): RollUpResult {
  const keys = rowKeys(run);
  const total = new Float64Array(keys.length * SLOTS);
  for (const b of blocks) for (let i = 0; i < total.length; i++) total[i] += b[i];
  const rows = keys.map((key, r) => {
    const sums = {} as Record<RollUpSum, number>;
    ROLL_UP_SUMS.forEach((name, j) => (sums[name] = total[r * SLOTS + j]));
    const n = ROLL_UP_SUMS.length;
    return { ...key, communes: total[r * SLOTS + n + 2], sums, npvPositive: total[r * SLOTS + n], netNegative: total[r * SLOTS + n + 1] };
  });
  return { communes, blockSize, rows };
}

/** Checks the block size option. */
export function rollUpBlockSize(options: RollUpOptions): number {
  const size = options.blockSize ?? DEFAULT_ROLL_UP_BLOCK;
  if (!Number.isSafeInteger(size) || size < 1) {
    throw new InputError('invalid roll-up block size', { path: 'blockSize', expected: 'a whole number ≥ 1', received: String(size), fix: `e.g. ${DEFAULT_ROLL_UP_BLOCK}` });
  }
  return size;
}

/**
 * Runs the roll-up on the calling thread (`rollUpThreads` spreads it over worker threads, same numbers).
 * @example
 * // two communes with the town's inventories (`run` prepared from examples/ville-moyenne with scenario TEND):
 * const communes = [1, 2].map((i) => ({ id: `c${i}`, inventories: Object.fromEntries(run.useCases.map((u) => [u.id, u.inventory])) }));
 * const r = rollUp(run, communes);
 * r.rows[0].sums.npvEur // twice the town's NPV of its first comparison
 */
export function rollUp(run: PreparedRun, communes: readonly RollUpCommune[], options: RollUpOptions = {}): RollUpResult {
  const blockSize = rollUpBlockSize(options);
  checkCommuneIds(communes);
  const ctx = rollUpContext(run);
  const blocks: Float64Array[] = [];
  for (let first = 0; first < communes.length; first += blockSize) {
    const sums = new Float64Array(rollUpBlockLength(ctx));
    rollUpBlock(ctx, communes.slice(first, first + blockSize), first, sums);
    blocks.push(sums);
    const done = Math.min(first + blockSize, communes.length);
    options.onProgress?.(done, communes.length);
    if (done < communes.length && options.shouldStop?.()) throw new RollUpInterrupted(done, communes.length);
  }
  return rollUpResult(run, blocks, communes.length, blockSize);
}
