/**
 * A hand-built `results.uncertainty` for the report and chart tests (not a test file). Its numbers are set here,
 * from the deterministic results they are attached to, so that tests can state every expected figure by hand and
 * snapshots do not move when the Monte Carlo's sampling changes:
 * - Monte Carlo summaries: for each comparison against the status quo and each summarised metric of value x,
 *   spread d = 0.2 |x| + 1: P5 = x − 2d, P10 = x − d, P50 = mean = x, P90 = x + d, P95 = x + 2d, sd = d; a metric
 *   that does not exist (null) has every statistic null and `defined` 0;
 * - probabilities: from `probabilities(row)` (default: P(NPV > 0) 0.9 when the NPV is positive, else 0.2;
 *   P(net < 0) 1 when the net balance is negative, else 0; P(both) the smaller of the two; P(payback ≤ 10) 0.5);
 * - tornado on the run's first scenario, for each variant, perspective and output of base value b: four quantities
 *   (swings 0.7 |b|, 0.4 |b|, 0.2 |b| and 0, the last moving nothing).
 */
import type { Perspective, ResultRow, RunResults } from '../../src/evaluate/engine.js';
import { MC_METRICS, type McMetric, type MetricSummary, type MonteCarloRow, type UncertainQuantity } from '../../src/evaluate/montecarlo.js';
import type { TornadoOutput } from '../../src/evaluate/sensitivity.js';

export type Probabilities = MonteCarloRow['probabilities'];

export interface SyntheticOptions {
  draws?: number;
  seed?: number;
  probabilities?: (row: ResultRow) => Probabilities;
}

/** The summary of a metric of value x (see the module comment). */
export function syntheticSummary(x: number | null): MetricSummary {
  if (x === null || !Number.isFinite(x)) return { mean: null, sd: null, p5: null, p10: null, p50: null, p90: null, p95: null, defined: 0 };
  const d = 0.2 * Math.abs(x) + 1;
  return { mean: x, sd: d, p5: x - 2 * d, p10: x - d, p50: x, p90: x + d, p95: x + 2 * d, defined: 1 };
}

function defaultProbabilities(row: ResultRow): Probabilities {
  const npvPositive = row.metrics.npvEur > 0 ? 0.9 : 0.2;
  const netNegative = row.metrics.netTco2e < 0 ? 1 : 0;
  return { npvPositive, netNegative, both: Math.min(npvPositive, netNegative), paybackWithin: 0.5 };
}

/** The four tornado quantities, in decreasing swing (fractions of |base|). */
export const TORNADO_QUANTITIES = [
  { name: 'trajectory:electricityPriceEurPerKwh', kind: 'trajectory', unit: 'fraction', low: 0.8, high: 1.3, atLow: -0.3, atHigh: 0.4 },
  { name: 'ledLuminaireCostEur', kind: 'parameter', unit: 'EUR/unit', low: 800, high: 1300, atLow: 0.2, atHigh: -0.2 },
  { name: 'socioEconomicDiscountRate', kind: 'parameter', unit: 'fraction', low: 0.022, high: 0.039, atLow: 0.1, atHigh: -0.1 },
  { name: 'operatingHoursPerYear', kind: 'parameter', unit: 'h/year', low: 3800, high: 4200, atLow: 0, atHigh: 0 },
] as const;

/** A `results.uncertainty` built from `results` (see the module comment). */
export function syntheticUncertainty(results: RunResults, options: SyntheticOptions = {}): NonNullable<RunResults['uncertainty']> {
  const statusQuo = (useCase: string) => results.variants.find((v) => v.useCase === useCase && v.kind === 'statusQuo')?.id;
  const rows = results.results.filter((r) => r.comparedTo === statusQuo(r.useCase));
  const probabilities = options.probabilities ?? defaultProbabilities;
  const mcRows: MonteCarloRow[] = rows.map((r) => {
    const metrics = {} as Record<McMetric, MetricSummary>;
    for (const m of MC_METRICS) metrics[m] = syntheticSummary((r.metrics as unknown as Record<string, number | null>)[m]);
    return { useCase: r.useCase, variant: r.variant, comparedTo: r.comparedTo, scenario: r.scenario, perspective: r.perspective, metrics, probabilities: probabilities(r) };
  });
  const scenario = results.manifest.scenarios[0];
  const outputs: TornadoOutput[] = rows
    .filter((r) => r.scenario === scenario)
    .flatMap((r) =>
      (['npvEur', 'netTco2e'] as const).map((metric) => {
        const b = r.metrics[metric];
        return {
          useCase: r.useCase,
          variant: r.variant,
          comparedTo: r.comparedTo,
          perspective: r.perspective as Perspective,
          metric,
          base: b,
          rows: TORNADO_QUANTITIES.map((q, index) => ({
            name: q.name,
            index,
            low: q.low,
            high: q.high,
            outputAtLow: b + q.atLow * Math.abs(b),
            outputAtHigh: b + q.atHigh * Math.abs(b),
            swing: Math.abs(q.atHigh - q.atLow) * Math.abs(b),
            unit: q.unit,
            kind: q.kind,
          })),
        };
      }),
    );
  const quantities: UncertainQuantity[] = TORNADO_QUANTITIES.map((q) => ({
    name: q.name,
    kind: q.kind,
    distribution: { type: 'pert', low: q.low, mode: (q.low + q.high) / 2, high: q.high },
    unit: q.unit,
    source: null,
    confidence: 'assumption',
  }));
  return {
    montecarlo: { draws: options.draws ?? 1000, seed: options.seed ?? 7, method: 'lhs', chunkSize: 256, paybackWithinYears: 10, quantities, results: mcRows },
    tornado: { scenario, factors: quantities.length, outputs },
  };
}

/** A copy of `results` carrying a synthetic uncertainty. */
export function withUncertainty(results: RunResults, options: SyntheticOptions = {}): RunResults {
  return { ...results, uncertainty: syntheticUncertainty(results, options) };
}
