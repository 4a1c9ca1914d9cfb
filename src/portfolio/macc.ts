/**
 * Marginal abatement cost curve (MACC) data: per scenario, the variants that avoid emissions against their status
 * quo, ranked by abatement cost (cheapest first), with the tonnes they avoid laid end to end on the x axis.
 *
 * Each bar is one variant of one use case in one territory: width = `avoidedTco2e` (undiscounted tonnes avoided
 * over the horizon against the status quo), height = `abatementCostEurPerTco2e` (−NPV without the carbon value,
 * divided by those tonnes; src/carbon/abatementCost.ts) in the chosen perspective. A variant that avoids nothing
 * has no abatement cost and no bar.
 *
 * Reading it: the variants of one use case are alternatives (a town renovates its lighting one way), so by default
 * their tonnes are stacked although they cannot all be done, which overstates the cumulative potential. With
 * `onePerGroup`, each territory × use case keeps only its cheapest variant per tonne and the cumulative tonnes are
 * then achievable together (to the shared-infrastructure allocation: see src/portfolio/select.ts and portfolio.ts).
 * The curve is data only; the report's charts module draws it.
 */
import type { Perspective, ResultRow, RunResults } from '../evaluate/engine.js';

export interface MaccRow {
  territory: string;
  useCase: string;
  variant: string;
  variantKind: string;
  scenario: string;
  /** −NPV (carbon value excluded) / tonnes avoided, in the chosen perspective [EUR/tCO2e]. */
  abatementCostEurPerTco2e: number;
  /** Tonnes avoided against the status quo over the horizon, undiscounted (bar width) [tCO2e]. */
  avoidedTco2e: number;
  /** Tonnes of the cheaper bars of the same scenario (bar's left edge) [tCO2e]. */
  startTco2e: number;
  /** startTco2e + avoidedTco2e (bar's right edge) [tCO2e]. */
  cumulativeTco2e: number;
}

export interface MaccOptions {
  /** Perspective of the abatement cost (default `socioEconomic`, costs excl. VAT and transfers). */
  perspective?: Perspective;
  /** Keep only the cheapest variant per tonne of each territory × use case (default false: every variant). */
  onePerGroup?: boolean;
}

/**
 * The comparisons against the status quo in result rows. The status quo never appears as a compared variant (the
 * engine compares every other variant to it), so in each territory × use case it is the reference that is not
 * itself a variant of any row; rows against another reference (digital variants against the best non-digital
 * alternative) are dropped.
 * @param rows result rows of one or several runs
 * @returns the rows whose reference is their use case's status quo
 * @example againstStatusQuo(results.results).every((r) => r.comparedTo === 'status-quo') // true for the built-in models
 */
export function againstStatusQuo(rows: readonly ResultRow[]): ResultRow[] {
  const variants = new Map<string, Set<string>>();
  for (const r of rows) {
    const key = `${r.territory}\u0000${r.useCase}`;
    const set = variants.get(key) ?? new Set<string>();
    set.add(r.variant);
    variants.set(key, set);
  }
  return rows.filter((r) => !variants.get(`${r.territory}\u0000${r.useCase}`)!.has(r.comparedTo));
}

function rowsOf(input: readonly RunResults[] | readonly ResultRow[]): ResultRow[] {
  const out: ResultRow[] = [];
  for (const x of input) {
    if ('results' in x) out.push(...x.results);
    else out.push(x);
  }
  return out;
}

/**
 * MACC data per scenario: variants compared to their status quo with avoided tonnes > 0 and an abatement cost,
 * sorted by abatement cost ascending within each scenario (ties: more tonnes first, then territory, use case and
 * variant ids), with the cumulative tonnes. Scenarios keep the order in which they first appear.
 * @param input runs (`RunResults`) or their result rows, one or several territories
 * @param options perspective of the abatement cost (default socio-economic), one variant per group or all
 * @returns one row per bar [EUR/tCO2e, tCO2e]
 * @example
 * // two measures: A saves 50 €/t on 100 t, B costs 20 €/t on 300 t → A from 0 to 100 t, then B from 100 to 400 t
 * macc(rows).map((m) => [m.variant, m.abatementCostEurPerTco2e, m.cumulativeTco2e]) // [['A', -50, 100], ['B', 20, 400]]
 */
export function macc(input: readonly RunResults[] | readonly ResultRow[], options: MaccOptions = {}): MaccRow[] {
  const { perspective = 'socioEconomic', onePerGroup = false } = options;
  if (perspective !== 'financial' && perspective !== 'socioEconomic') {
    throw new RangeError(`macc: perspective must be financial or socioEconomic, received ${String(perspective)}`);
  }
  let bars = againstStatusQuo(rowsOf(input)).filter(
    (r) => r.perspective === perspective && r.metrics.avoidedTco2e > 0 && r.metrics.abatementCostEurPerTco2e !== null,
  );
  const scenarios: string[] = [];
  for (const r of bars) if (!scenarios.includes(r.scenario)) scenarios.push(r.scenario);
  const cost = (r: ResultRow) => r.metrics.abatementCostEurPerTco2e as number;
  const order = (a: ResultRow, b: ResultRow) =>
    cost(a) - cost(b) ||
    b.metrics.avoidedTco2e - a.metrics.avoidedTco2e ||
    cmp(a.territory, b.territory) ||
    cmp(a.useCase, b.useCase) ||
    cmp(a.variant, b.variant);
  if (onePerGroup) {
    const cheapest = new Map<string, ResultRow>();
    for (const r of bars) {
      const key = `${r.scenario}\u0000${r.territory}\u0000${r.useCase}`;
      const kept = cheapest.get(key);
      if (!kept || order(r, kept) < 0) cheapest.set(key, r);
    }
    bars = [...cheapest.values()];
  }
  const out: MaccRow[] = [];
  for (const scenario of scenarios) {
    let x = 0;
    for (const r of bars.filter((b) => b.scenario === scenario).sort(order)) {
      const start = x;
      x += r.metrics.avoidedTco2e;
      out.push({
        territory: r.territory,
        useCase: r.useCase,
        variant: r.variant,
        variantKind: r.variantKind,
        scenario,
        abatementCostEurPerTco2e: cost(r),
        avoidedTco2e: r.metrics.avoidedTco2e,
        startTco2e: start,
        cumulativeTco2e: x,
      });
    }
  }
  return out;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
