/**
 * Roll-up over many communes: every commune's inventories evaluated under every scenario of a run, and the
 * additive metrics of each comparison (variant against the status quo, in each perspective) summed over the
 * communes. It answers a national or regional question ("if every commune retrofitted its lighting, what would the
 * sum of the NPVs and of the avoided tonnes be, scenario by scenario?") with the same models, parameters and
 * conventions as a single territory's run.
 *
 * What comes from where:
 * - the communes give only their inventories, one per use case of the run, each validated by its model's schema
 *   (as a territory file's would be);
 * - the parameters, subsidies, VAT status, pooling and scenarios are the run's (its territory file and options):
 *   every commune is evaluated with them. A commune's own overrides are not read; run it as a territory for that.
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
import { valuesOf } from './resolve.js';
import type { UseCaseId } from './registry.js';

/** One commune of a roll-up: a name for error messages and reports, and its inventory for each use case of the run. */
export interface RollUpCommune {
  /** e.g. the INSEE code or the name. */
  id: string;
  /** The inventory of each use case, in the format of the territory file's `useCases.<id>.inventory`. */
  inventories: Partial<Record<UseCaseId, unknown>>;
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

/** The numbers kept per row and commune block: the sums, then the two counts. */
const SLOTS = ROLL_UP_SUMS.length + 2;

export interface RollUpRow extends RowKey {
  /** Sums over the communes [units of each metric's name]. */
  sums: Record<RollUpSum, number>;
  /** Communes where the NPV of the comparison is > 0. */
  npvPositive: number;
  /** Communes where the comparison's net emissions are < 0 (the variant avoids emissions). */
  netNegative: number;
}

export interface RollUpResult {
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
 * Checks one commune's inventories against the given use cases (a run's: every one must be there) and their
 * models' schemas.
 * @param useCases the use cases to check, e.g. `run.useCases`
 * @param index the commune's position in the list (for the error paths `communes.<index>.inventories.…`)
 * @returns the validated inventories, in the order of `useCases`
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
  for (const uc of useCases) {
    const raw = commune.inventories[uc.id];
    if (raw === undefined) {
      errors.push(
        new InputError(`roll-up: commune ${commune.id} has no ${uc.id} inventory`, {
          path: `${where}.inventories.${uc.id}`,
          expected: `an inventory for each use case of the run (${useCases.map((u) => u.id).join(', ')})`,
          received: 'nothing (the key is missing)',
          fix: `add its ${uc.id} inventory, or leave ${uc.id} out of the run (\`--use-cases\`): the use cases of a run share the digital infrastructure, so every commune needs the same ones`,
        }),
      );
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
  scenarios: { series: Record<string, Float64Array>; values: Map<UseCaseId, Record<string, number>> }[];
  workspace: EvaluationWorkspace;
  rows: number;
  /**
   * What the evaluations leave out and reuse: the roll-up sums no rate, so the comparisons skip the IRR's root
   * search (about two fifths of their cost), and each evaluation's rows are read before the next one, so their
   * records are rewritten in place (one array, no new record per comparison).
   */
  options: ScenarioMetricsOptions;
}

/** Prepares what every block of a roll-up of `run` reuses. */
export function rollUpContext(run: PreparedRun): RollUpContext {
  return {
    run,
    scenarios: run.packs.map((pack) => ({
      series: seriesForPack(pack, run.axis),
      values: new Map(run.useCases.map((u) => [u.id, valuesOf(resolveParameters(run, u, pack))])),
    })),
    workspace: evaluationWorkspace(run),
    rows: rowKeys(run).length,
    options: { irr: false, rows: [] },
  };
}

/**
 * Evaluates one block of communes and adds their metrics into `into` (row-major: `SLOTS` numbers per row, the
 * sums of `ROLL_UP_SUMS` then the two counts), which the caller zeroes per block.
 * @param first index of the block's first commune in the whole list (for error messages)
 */
export function rollUpBlock(ctx: RollUpContext, communes: readonly RollUpCommune[], first: number, into: Float64Array): void {
  const { run } = ctx;
  for (let c = 0; c < communes.length; c++) {
    const inventories = validateCommune(run.useCases, communes[c], first + c);
    const communeRun: PreparedRun = { ...run, useCases: run.useCases.map((u, i) => ({ ...u, inventory: inventories[i] })) };
    let k = 0;
    for (let s = 0; s < run.packs.length; s++) {
      const sc = ctx.scenarios[s];
      for (const row of evaluateScenarioMetrics(communeRun, run.packs[s], sc.series, sc.values, ctx.workspace, ctx.options)) {
        const m = row.metrics;
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
        k += SLOTS;
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
    return { ...key, sums, npvPositive: total[r * SLOTS + ROLL_UP_SUMS.length], netNegative: total[r * SLOTS + ROLL_UP_SUMS.length + 1] };
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
