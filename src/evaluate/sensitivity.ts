/**
 * Sensitivity of a run's results to its uncertain quantities (the same ones Monte Carlo draws: montecarlo.ts).
 *
 * - Tornado: one at a time, each quantity at its P10 then its P90, the others at their base value (the value the
 *   deterministic run uses); the swing of NPV and of net tCO2e for every variant against its status quo, ranked.
 * - Sobol: first-order and total indices (Saltelli sampling; Saltelli 2010 first-order and Jansen total-effect
 *   estimators, src/uncertainty/sobol.ts) of one output. A run has hundreds of uncertain quantities and each
 *   Sobol evaluation is a full scenario run, so the indices are computed on the K quantities with the widest
 *   tornado swing for that output (screening, default K = 8), the others held at their base value. The indices
 *   are therefore shares of the variance those K explain: the report says so.
 */
import { InputError } from '../core/errors.js';
import type { Distribution } from '../core/parameter.js';
import { sobol, type SobolResult } from '../uncertainty/sobol.js';
import { tornado, type TornadoRow } from '../uncertainty/tornado.js';
import { evaluateScenarioMetrics, evaluationWorkspace, type MetricsRow, type Perspective, type PreparedRun } from './engine.js';
import { planUncertainty } from './montecarlo.js';
import type { UseCaseId } from './registry.js';

/** One uncertain quantity as the sensitivity analyses see it, in one scenario. */
interface Factor {
  name: string;
  kind: 'parameter' | 'trajectory';
  unit: string;
  base: number;
  distribution: Distribution;
  quantile: (u: number) => number;
}

interface ScenarioModel {
  factors: Factor[];
  /** Evaluates the scenario with the factors at `x` (value space); rows in a fixed order. */
  evaluate(x: ArrayLike<number>): MetricsRow[];
}

function scenarioModel(run: PreparedRun, scenario: string): ScenarioModel {
  const s = run.packs.findIndex((p) => p.id === scenario);
  if (s < 0) {
    throw new InputError(`scenario ${scenario} is not in this run`, {
      path: '--scenario',
      expected: `one of ${run.packs.map((p) => p.id).join(', ')}`,
      received: scenario,
      fix: 'choose a scenario of the run',
    });
  }
  const plan = planUncertainty(run);
  const sc = plan.scenarios[s];
  const pack = run.packs[s];
  const factors: Factor[] = [];
  const byName = new Map<string, number>();
  for (const t of sc.trajectories) {
    byName.set(`trajectory:${t.name}`, factors.length);
    const q = plan.quantities[t.q];
    factors.push({ name: q.name, kind: 'trajectory', unit: 'fraction', base: 1, distribution: q.distribution, quantile: t.quantile });
  }
  for (const uc of sc.useCases) {
    for (const p of uc.parameters) {
      if (byName.has(p.name)) continue;
      byName.set(p.name, factors.length);
      const q = plan.quantities[p.q];
      factors.push({ name: p.name, kind: 'parameter', unit: q.unit, base: uc.base[p.name], distribution: q.distribution, quantile: p.quantile });
    }
  }
  const workspace = evaluationWorkspace(run); // the rows' metrics are fresh objects: reusing the series is safe
  const evaluate = (x: ArrayLike<number>): MetricsRow[] => {
    const series = { ...sc.series };
    for (const t of sc.trajectories) {
      const k = x[byName.get(`trajectory:${t.name}`)!];
      const base = sc.series[t.name];
      const scaled = new Float64Array(base.length);
      for (let i = 0; i < base.length; i++) scaled[i] = base[i] * k;
      series[t.name] = scaled;
    }
    const values = new Map<UseCaseId, Record<string, number>>();
    for (const uc of sc.useCases) {
      const v = { ...uc.base };
      for (const p of uc.parameters) v[p.name] = x[byName.get(p.name)!];
      values.set(uc.id, v);
    }
    return evaluateScenarioMetrics(run, pack, series, values, workspace);
  };
  return { factors, evaluate };
}

export interface TornadoOutput {
  useCase: UseCaseId;
  variant: string;
  comparedTo: string;
  perspective: Perspective;
  metric: 'npvEur' | 'netTco2e';
  base: number | null;
  /** Quantities ranked by swing, widest first (the `top` widest). */
  rows: (TornadoRow & { unit: string; kind: 'parameter' | 'trajectory' })[];
}

/**
 * Tornado on every variant (against its status quo) of one scenario: NPV and net tCO2e, both perspectives.
 * @param top how many quantities to keep per output (all are evaluated) [count]
 */
export function runTornado(run: PreparedRun, options: { scenario: string; top?: number }): { scenario: string; factors: number; outputs: TornadoOutput[] } {
  const model = scenarioModel(run, options.scenario);
  const f = model.factors;
  const base = Float64Array.from(f.map((x) => x.base));
  const lows = Float64Array.from(f.map((x) => x.quantile(0.1)));
  const highs = Float64Array.from(f.map((x) => x.quantile(0.9)));
  let layout: MetricsRow[] = [];
  const outputsOf = (rows: MetricsRow[]) => rows.flatMap((r) => [r.metrics.npvEur, r.metrics.netTco2e]);
  const result = tornado(
    (x) => {
      const rows = model.evaluate(x);
      if (layout.length === 0) layout = rows;
      return outputsOf(rows);
    },
    base,
    lows,
    highs,
    f.map((x) => x.name),
  );
  const top = options.top ?? 15;
  const outputs: TornadoOutput[] = layout.flatMap((r, i) =>
    (['npvEur', 'netTco2e'] as const).map((metric, j) => {
      const k = 2 * i + j;
      return {
        useCase: r.useCase,
        variant: r.variant,
        comparedTo: r.comparedTo,
        perspective: r.perspective,
        metric,
        base: Number.isFinite(result.base[k]) ? result.base[k] : null,
        rows: result.rows[k].slice(0, top).map((row) => ({ ...row, unit: f[row.index].unit, kind: f[row.index].kind })),
      };
    }),
  );
  return { scenario: options.scenario, factors: f.length, outputs };
}

export interface SobolOutput {
  scenario: string;
  useCase: UseCaseId;
  variant: string;
  perspective: Perspective;
  metric: 'npvEur' | 'netTco2e';
  n: number;
  /** Quantities screened in (widest tornado swings), with their indices. */
  factors: { name: string; unit: string; first: number; total: number; firstCi: [number, number]; totalCi: [number, number] }[];
  /** Quantities in the run that were held at their base value. */
  heldFixed: number;
  variance: number;
  evaluations: number;
}

/** Sobol indices of one output (a variant against its status quo, one perspective, NPV or net tCO2e). */
export function runSobol(
  run: PreparedRun,
  options: { scenario: string; useCase: UseCaseId; variant: string; perspective: Perspective; metric: 'npvEur' | 'netTco2e'; n?: number; top?: number; seed?: number; bootstrap?: number },
): SobolOutput {
  const model = scenarioModel(run, options.scenario);
  const screening = runTornado(run, { scenario: options.scenario, top: options.top ?? 8 });
  const out = screening.outputs.find(
    (o) => o.useCase === options.useCase && o.variant === options.variant && o.perspective === options.perspective && o.metric === options.metric,
  );
  if (!out) {
    throw new InputError(`no result for ${options.useCase} / ${options.variant}`, {
      path: '--variant',
      expected: `a variant of ${options.useCase} other than its status quo`,
      received: options.variant,
      fix: 'see the variants in `territoires run` output',
    });
  }
  const chosen = out.rows.filter((r) => r.swing > 0).map((r) => r.index);
  if (chosen.length === 0) {
    throw new InputError('no uncertain quantity moves this output', {
      path: '--variant',
      expected: 'an output that depends on at least one ranged parameter',
      received: `${options.useCase} / ${options.variant}`,
      fix: 'choose another variant or metric',
    });
  }
  const base = model.factors.map((f) => f.base);
  const index = model.evaluate(base).findIndex((r) => r.useCase === options.useCase && r.variant === options.variant && r.perspective === options.perspective);
  const n = options.n ?? 256;
  const result: SobolResult = sobol(
    (columns, rows) => {
      const y = new Float64Array(rows);
      const x = base.slice();
      for (let i = 0; i < rows; i++) {
        chosen.forEach((factor, j) => {
          x[factor] = columns[j][i];
        });
        const r = model.evaluate(x)[index];
        y[i] = r.metrics[options.metric];
      }
      return y;
    },
    chosen.map((i) => model.factors[i].distribution),
    { n, seed: options.seed ?? 1, bootstrap: options.bootstrap ?? 500 },
  );
  return {
    scenario: options.scenario,
    useCase: options.useCase,
    variant: options.variant,
    perspective: options.perspective,
    metric: options.metric,
    n,
    factors: chosen.map((i, j) => ({
      name: model.factors[i].name,
      unit: model.factors[i].unit,
      first: result.first[j],
      total: result.total[j],
      firstCi: result.firstCi[j],
      totalCi: result.totalCi[j],
    })),
    heldFixed: model.factors.length - chosen.length,
    variance: result.variance,
    evaluations: result.evaluations,
  };
}
