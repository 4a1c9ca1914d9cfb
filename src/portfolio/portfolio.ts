/**
 * Portfolio of several use cases and several territories in one run: the marginal abatement cost curve per
 * scenario, the budget-constrained choice of variants, and (for communes) the effect of pooling the shared digital
 * infrastructure.
 *
 * Candidates of the choice: in the selection scenario, every variant other than the status quo of every territory ×
 * use case, compared to its status quo. Its capex is the authority's year-0 investment in the financial
 * perspective (`metrics.capexEur`: incl. non-recoverable VAT, net of subsidies and of FCTVA received in year 0),
 * since the budget is the authority's money; its value is, by objective:
 * - `npv`: the financial NPV [EUR], delayed starts discounted at the financial discount rate;
 * - `socioEconomicNpv`: the socio-economic NPV (carbon value included) [EUR], at the socio-economic rate;
 * - `tco2e`: the tonnes avoided over the horizon [tCO2e], unchanged by a delayed start.
 * The values are added as if independent. They are not quite: a digital variant's share of the shared network is
 * computed assuming the other use cases deploy their reference digital variant, so a chosen set that deploys fewer
 * devices pays a larger share per device than shown. The selection reports this in `method`.
 */
import { InputError } from '../core/errors.js';
import {
  DEFAULT_SCENARIOS,
  evaluateRun,
  prepareRunWithData,
  type Perspective,
  type RunData,
  type RunOptions,
  type RunResults,
} from '../evaluate/engine.js';
import { loadRunData } from '../evaluate/load.js';
import type { LoadedTerritory } from '../io/territory.js';
import { againstStatusQuo, macc, type MaccRow } from './macc.js';
import { poolingEffect, type PoolingOptions, type PoolingReport } from './pooling.js';
import { selectPortfolio, type LeftOutReason, type SelectionCandidate } from './select.js';

export const OBJECTIVES = ['npv', 'socioEconomicNpv', 'tco2e'] as const;
/** What the selection maximises: financial NPV, socio-economic NPV or tonnes avoided. */
export type Objective = (typeof OBJECTIVES)[number];

export interface PortfolioOptions {
  /** Total investment budget, financial perspective [EUR]. */
  budgetEur: number;
  objective: Objective;
  /** Scenario of the selection (default TEND). */
  scenario?: string;
  /** Scenarios of the MACC (default TEND, S1–S4; the selection scenario is always added). */
  scenarios?: string[];
  /** Perspective of the MACC's abatement cost (default socioEconomic). */
  perspective?: Perspective;
  /** Keep one variant per territory × use case in the MACC (default false). */
  maccOnePerGroup?: boolean;
  /** Cap on the investment started each programme year [EUR/year], one value or one per year. */
  yearlyCapEur?: number | readonly number[];
  /** Latest start year index with yearly caps (default: see selectPortfolio) [years]. */
  maxDelayYears?: number;
  /**
   * Pooling comparison: true, false, or its options. Default: run when at least two territories are given and all
   * are communes.
   */
  pooling?: boolean | Omit<PoolingOptions, 'scenario' | 'data' | 'runOptions'>;
  /** Other run options (carbon value path, overrides). */
  runOptions?: Omit<RunOptions, 'scenarios'>;
  /** Scenario packs, reference data, model defaults (default: read from disk once). */
  data?: RunData;
}

export interface PortfolioCandidate {
  /** `territory/useCase/variant`. */
  id: string;
  territory: string;
  useCase: string;
  variant: string;
  variantKind: string;
  /** Year-0 investment, financial perspective [EUR]. */
  capexEur: number;
  /** Value for the objective, starting in year 0 [EUR or tCO2e]. */
  value: number;
}

export interface PortfolioSelection {
  scenario: string;
  objective: Objective;
  /** Unit of `value` and `objectiveValue`: EUR or tCO2e. */
  unit: 'EUR' | 'tCO2e';
  budgetEur: number;
  /** Yearly caps of the programme window, or null without caps [EUR/year]. */
  yearlyCapEur: number[] | null;
  candidates: PortfolioCandidate[];
  /** Ids of the chosen candidates. */
  chosen: string[];
  /** Start of each chosen candidate: calendar year, investment, value at that start. */
  phasing: { id: string; startYear: number; capexEur: number; value: number }[];
  /** Investment started each programme year [EUR]. */
  capexByYear: { year: number; capexEur: number }[];
  leftOut: { id: string; reason: LeftOutReason; dominatedBy?: string }[];
  /** Total investment of the chosen set [EUR]. */
  capexEur: number;
  /** Total value of the chosen set [EUR or tCO2e]. */
  objectiveValue: number;
  optimal: boolean;
  method: string;
}

export interface PortfolioResult {
  macc: MaccRow[];
  selection: PortfolioSelection;
  pooling?: PoolingReport;
}

export type PortfolioSelectionOptions = Pick<PortfolioOptions, 'budgetEur' | 'objective' | 'scenario' | 'yearlyCapEur' | 'maxDelayYears'>;

function rateOf(r: RunResults, useCase: string, scenario: string, name: string): number {
  const row =
    r.parameters.find((p) => p.useCase === useCase && p.name === name && p.scenario === scenario) ??
    r.parameters.find((p) => p.useCase === useCase && p.name === name && p.scenario === null);
  if (!row) throw new Error(`portfolio: the run of ${r.manifest.territory.id} lacks ${name} for ${useCase}`);
  return row.value;
}

/**
 * The budget-constrained choice over runs already made (pure): candidates from every territory's variants against
 * their status quo in the selection scenario, solved exactly by `selectPortfolio`.
 * @param results runs of the territories (each must include the selection scenario)
 * @param options budget [EUR], objective, scenario (default TEND), yearly caps [EUR/year] and phasing window [years]
 * @returns the candidates, the chosen set with its phasing, what was left out and why
 * @example
 * // the built-in town (TEND) with 2 M€, socio-economic NPV: ≈3.80 M€ of NPV for ≈1.88 M€ of investment
 * selectFromResults([town], { budgetEur: 2e6, objective: 'socioEconomicNpv' }).chosen
 * // ['ville-moyenne/water/smart-network', 'ville-moyenne/climate-risk/early-warning', 'ville-moyenne/buildings/gtb']
 */
export function selectFromResults(results: readonly RunResults[], options: PortfolioSelectionOptions): PortfolioSelection {
  const { budgetEur, objective } = options;
  const scenario = options.scenario ?? 'TEND';
  if (!OBJECTIVES.includes(objective)) {
    throw new InputError(`unknown objective ${String(objective)}`, {
      path: '--objective',
      expected: OBJECTIVES.join(', '),
      received: String(objective),
      fix: 'use --objective npv (financial NPV), socioEconomicNpv or tco2e (tonnes avoided)',
    });
  }
  if (!Number.isFinite(budgetEur) || budgetEur < 0) {
    throw new InputError('the budget must be a finite amount ≥ 0', {
      path: '--budget',
      expected: 'euros, e.g. 2000000',
      received: String(budgetEur),
      fix: 'give the total investment budget in euros',
    });
  }
  const startYears = new Set(results.map((r) => r.manifest.startYear));
  if (options.yearlyCapEur !== undefined && startYears.size > 1) {
    throw new InputError('yearly caps need territories that start the same year', {
      path: 'settings.startYear',
      expected: 'one start year for every territory',
      received: [...startYears].join(', '),
      fix: 'set settings.startYear alike in every territory file, or drop the yearly caps',
    });
  }
  const candidates: (PortfolioCandidate & { delayDiscountRate: number })[] = [];
  for (const r of results) {
    if (!r.manifest.scenarios.includes(scenario)) {
      throw new InputError(`the run of ${r.manifest.territory.id} has no scenario ${scenario}`, {
        path: '--scenario',
        expected: r.manifest.scenarios.join(', '),
        received: scenario,
        fix: 'run the territory under the selection scenario',
      });
    }
    const rows = againstStatusQuo(r.results).filter((x) => x.scenario === scenario);
    for (const fin of rows.filter((x) => x.perspective === 'financial')) {
      const soc = rows.find((x) => x.perspective === 'socioEconomic' && x.useCase === fin.useCase && x.variant === fin.variant);
      if (!soc) throw new Error(`portfolio: no socio-economic row for ${fin.useCase}/${fin.variant}`);
      const value = objective === 'npv' ? fin.metrics.npvEur : objective === 'socioEconomicNpv' ? soc.metrics.npvEur : soc.metrics.avoidedTco2e;
      const delayDiscountRate =
        objective === 'npv'
          ? rateOf(r, fin.useCase, scenario, 'financialDiscountRate')
          : objective === 'socioEconomicNpv'
            ? rateOf(r, fin.useCase, scenario, 'socioEconomicDiscountRate')
            : 0;
      candidates.push({
        id: `${fin.territory}/${fin.useCase}/${fin.variant}`,
        territory: fin.territory,
        useCase: fin.useCase,
        variant: fin.variant,
        variantKind: fin.variantKind,
        capexEur: fin.metrics.capexEur,
        value,
        delayDiscountRate,
      });
    }
  }
  const outcome = selectPortfolio(
    candidates.map((c): SelectionCandidate => ({
      id: c.id,
      group: `${c.territory}/${c.useCase}`,
      capexEur: c.capexEur,
      value: c.value,
      delayDiscountRate: c.delayDiscountRate,
    })),
    { budgetEur, yearlyCapEur: options.yearlyCapEur, maxDelayYears: options.maxDelayYears },
  );
  const startYear = results.length > 0 ? Math.min(...startYears) : 0;
  const windowCaps =
    options.yearlyCapEur === undefined
      ? null
      : typeof options.yearlyCapEur === 'number'
        ? outcome.capexByYearEur.map(() => options.yearlyCapEur as number)
        : [...options.yearlyCapEur].slice(0, outcome.capexByYearEur.length);
  return {
    scenario,
    objective,
    unit: objective === 'tco2e' ? 'tCO2e' : 'EUR',
    budgetEur,
    yearlyCapEur: windowCaps,
    candidates: candidates.map(({ delayDiscountRate: _rate, ...c }) => c),
    chosen: outcome.chosen.map((c) => c.id),
    phasing: outcome.chosen.map((c) => ({ id: c.id, startYear: startYear + c.startYearIndex, capexEur: c.capexEur, value: c.value })),
    capexByYear: outcome.capexByYearEur.map((capexEur, i) => ({ year: startYear + i, capexEur })),
    leftOut: outcome.leftOut.map(({ id, reason, dominatedBy }) => (dominatedBy ? { id, reason, dominatedBy } : { id, reason })),
    capexEur: outcome.capexEur,
    objectiveValue: outcome.objectiveValue,
    optimal: outcome.optimal,
    method:
      outcome.method +
      '. Values are added as if independent; a digital variant carries its share of the shared network sized for ' +
      'every use case’s reference digital deployment.',
  };
}

/**
 * Runs several territories and builds the portfolio: MACC per scenario, the budget-constrained choice in the
 * selection scenario, and the pooling comparison when the territories are communes.
 * @param territories loaded territory files (distinct ids)
 * @param options budget [EUR], objective, scenario (default TEND), MACC perspective, yearly caps [EUR/year], pooling
 * @returns `{ macc, selection, pooling? }`
 * @throws InputError on duplicate territory ids, an unknown scenario, an invalid budget or objective
 * @example
 * // the built-in town with 2 M€ to avoid the most tonnes: ≈4,464 tCO2e over the horizon for ≈0.43 M€ (TEND)
 * runPortfolio([await loadTerritory('examples/ville-moyenne/territory.yaml')], { budgetEur: 2e6, objective: 'tco2e' })
 *   .selection.objectiveValue // 4464.07…
 */
export function runPortfolio(territories: readonly LoadedTerritory[], options: PortfolioOptions): PortfolioResult {
  if (territories.length === 0) {
    throw new InputError('no territory to evaluate', { expected: 'at least one territory file', received: 'none', fix: 'give one or more territory files' });
  }
  const ids = territories.map((t) => t.id);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate !== undefined) {
    throw new InputError(`two territories have the id ${duplicate}`, {
      file: territories.filter((t) => t.id === duplicate).map((t) => t.file).join(', '),
      path: 'id',
      expected: 'one id per territory',
      received: duplicate,
      fix: 'give each territory file its own id',
    });
  }
  const data = options.data ?? loadRunData(options.runOptions);
  const scenario = options.scenario ?? 'TEND';
  const scenarios = [...new Set([...(options.scenarios ?? DEFAULT_SCENARIOS), scenario])];
  const unknown = scenarios.filter((id) => !data.packs.has(id));
  if (unknown.length > 0) {
    const known = [...data.packs.keys()].sort();
    throw new InputError(`unknown scenario pack ${unknown.join(', ')}`, {
      path: '--scenario',
      expected: `pack ids among ${known.join(', ')}`,
      received: unknown.join(', '),
      fix: '`territoires scenarios list` shows the packs',
    });
  }
  const results = territories.map((t) => evaluateRun(prepareRunWithData(t, data, { ...options.runOptions, scenarios })));
  const selection = selectFromResults(results, {
    budgetEur: options.budgetEur,
    objective: options.objective,
    scenario,
    yearlyCapEur: options.yearlyCapEur,
    maxDelayYears: options.maxDelayYears,
  });
  const out: PortfolioResult = {
    macc: macc(results, { perspective: options.perspective ?? 'socioEconomic', onePerGroup: options.maccOnePerGroup ?? false }),
    selection,
  };
  const wantPooling = options.pooling ?? (territories.length >= 2 && territories.every((t) => t.kind === 'commune'));
  if (wantPooling) {
    const poolingOptions = typeof wantPooling === 'object' ? wantPooling : {};
    out.pooling = poolingEffect(territories, { ...poolingOptions, scenario, data, runOptions: options.runOptions });
  }
  return out;
}
