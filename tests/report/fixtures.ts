/**
 * Small hand-built RunResults for the report and recommendation tests (not a test file), and one restricted run of
 * the engine on the built-in example for the renderer tests.
 */
import { join } from 'node:path';
import { examplesDir } from '../../src/core/paths.js';
import { evaluateRun, type Perspective, type ResultRow, type RunResults } from '../../src/evaluate/engine.js';
import { prepareRun } from '../../src/evaluate/load.js';
import type { Metrics, Yearly } from '../../src/evaluate/metrics.js';
import type { UseCaseId } from '../../src/evaluate/registry.js';
import { loadTerritory } from '../../src/io/territory.js';

/** A full Metrics record: zeros and nulls, overridden by `over`. */
export function metrics(over: Partial<Metrics> = {}): Metrics {
  return {
    npvEur: 0,
    irr: null,
    irrMultiple: false,
    mirr: null,
    simplePaybackYears: null,
    discountedPaybackYears: null,
    benefitCostRatio: null,
    capexEur: 0,
    lifecycleCostEur: 0,
    equivalentAnnualCostEur: 0,
    energySavedKwh: 0,
    energySavedFraction: null,
    levelisedCostOfSavedEnergyEurPerKwh: null,
    embodiedTco2e: 0,
    useTco2e: 0,
    endOfLifeTco2e: 0,
    digitalTco2e: 0,
    avoidedTco2e: 0,
    netTco2e: 0,
    carbonPaybackYears: null,
    abatementCostEurPerTco2e: null,
    subsidiesEur: 0,
    fctvaEur: 0,
    ...over,
  };
}

/** Yearly series of a comparison from its cash flow (everything else zero). */
export function yearly(cashFlowEur: number[], startYear = 2026): Yearly {
  const zeros = () => cashFlowEur.map(() => 0);
  return {
    year: cashFlowEur.map((_x, i) => startYear + i),
    cashFlowEur,
    discountedCashFlowEur: zeros(),
    cumulativeDiscountedCashFlowEur: zeros(),
    costEur: zeros(),
    referenceCostEur: zeros(),
    emissionsTco2e: zeros(),
    referenceEmissionsTco2e: zeros(),
    emissionsAmortisedTco2e: zeros(),
    referenceEmissionsAmortisedTco2e: zeros(),
    embodiedTco2e: zeros(),
    useTco2e: zeros(),
    endOfLifeTco2e: zeros(),
    digitalTco2e: zeros(),
    avoidedTco2e: zeros(),
    energyKwh: zeros(),
    referenceEnergyKwh: zeros(),
  };
}

export interface VariantSpec {
  id: string;
  kind: 'statusQuo' | 'alternative' | 'digital';
  name?: string;
}

export interface ComparisonSpec {
  useCase?: string;
  scenario: string;
  variant: string;
  comparedTo: string;
  financial: Partial<Metrics>;
  socioEconomic: Partial<Metrics>;
}

/**
 * A RunResults with the given variants (one use case, `lighting` by default) and comparisons; both perspectives of
 * each comparison become result rows.
 */
export function runResults(variants: VariantSpec[], comparisons: ComparisonSpec[], useCase = 'lighting'): RunResults {
  const kindOf = (id: string) => variants.find((v) => v.id === id)?.kind ?? 'alternative';
  const results: ResultRow[] = [];
  for (const c of comparisons) {
    for (const perspective of ['financial', 'socioEconomic'] as Perspective[]) {
      results.push({
        territory: 't',
        useCase: (c.useCase ?? useCase) as UseCaseId,
        variant: c.variant,
        variantKind: kindOf(c.variant),
        comparedTo: c.comparedTo,
        scenario: c.scenario,
        perspective,
        metrics: metrics(c[perspective]),
        yearly: yearly([-100, 60, 60]),
      });
    }
  }
  const scenarios = [...new Set(comparisons.map((c) => c.scenario))];
  return {
    manifest: {
      tool: 'territoires',
      version: '0.0.0-test',
      createdAt: '2026-01-01T00:00:00.000Z',
      territory: { id: 't', name: 'Test', kind: 'commune', population: 1000, file: '/tmp/t.yaml' },
      startYear: 2026,
      horizonYears: 2,
      scenarios,
      useCases: [useCase],
      carbonValuePath: '2025',
      seed: null,
      inputs: [],
      conventions: {},
    },
    results,
    parameters: [],
    flows: [],
    scenarios: scenarios.map((id) => ({ id, name: { fr: id, en: id }, description: { fr: id, en: id }, chain: [id] })),
    variants: variants.map((v) => ({
      useCase: useCase as UseCaseId,
      id: v.id,
      kind: v.kind,
      name: { fr: v.name ?? v.id, en: v.name ?? v.id },
      description: { fr: `${v.id} (fr)`, en: `${v.id} (en)` },
    })),
  };
}

/** The date stamped on test runs, so outputs are reproducible. */
export const NOW = new Date('2026-01-01T00:00:00Z');

/**
 * The built-in example evaluated under TEND and S1 for lighting and water (a quarter of the full run, enough for
 * every kind of row the renderers meet: digital layer, null IRR and paybacks, territory overrides). `name`
 * replaces the territory's name (to inject hostile text).
 */
export async function exampleRun(name?: string): Promise<RunResults> {
  const territory = await loadTerritory(join(examplesDir(), 'ville-moyenne', 'territory.yaml'));
  const t = name === undefined ? territory : { ...territory, name };
  return evaluateRun(prepareRun(t, { scenarios: ['TEND', 'S1'], useCases: ['lighting', 'water'] }), NOW);
}
