/**
 * The page's table of main metrics, read from the engine's results (no computing here): for one scenario, each
 * variant of each use case against its status quo, with both NPVs, the payback and the emissions avoided.
 */
import type { RunResults } from '../../evaluate/engine.js';

export interface MetricRow {
  useCase: string;
  variant: string;
  variantName: { fr: string; en: string };
  /** Financial NPV against the status quo [EUR]. */
  npvFinancialEur: number;
  /** Socio-economic NPV against the status quo [EUR]. */
  npvSocioEconomicEur: number;
  /** Simple payback in the financial perspective [years]; null when never reached within the period. */
  paybackYears: number | null;
  /** Emissions avoided over the period [tCO2e]. */
  avoidedTco2e: number;
}

/**
 * One row per use case and variant (the status quo excluded), each against the status quo, in `scenario`.
 * @example
 * metricRows(results, 'TEND')[0]
 * // → { useCase: 'lighting', variant: 'led', npvFinancialEur: …, paybackYears: …, … } for the town example
 */
export function metricRows(results: RunResults, scenario: string): MetricRow[] {
  const rows: MetricRow[] = [];
  for (const useCase of results.manifest.useCases) {
    const statusQuo = results.variants.find((v) => v.useCase === useCase && v.kind === 'statusQuo')?.id;
    for (const v of results.variants) {
      if (v.useCase !== useCase || v.kind === 'statusQuo') continue;
      const find = (perspective: 'financial' | 'socioEconomic') =>
        results.results.find((r) => r.useCase === useCase && r.variant === v.id && r.comparedTo === statusQuo && r.scenario === scenario && r.perspective === perspective);
      const fin = find('financial');
      const soc = find('socioEconomic');
      if (!fin || !soc) continue;
      rows.push({
        useCase,
        variant: v.id,
        variantName: v.name,
        npvFinancialEur: fin.metrics.npvEur,
        npvSocioEconomicEur: soc.metrics.npvEur,
        paybackYears: fin.metrics.simplePaybackYears,
        avoidedTco2e: fin.metrics.avoidedTco2e,
      });
    }
  }
  return rows;
}
