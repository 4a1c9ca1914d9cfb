/**
 * The main parameters the page lets a territory adjust: the dozen whose values move the results most and that a
 * territory may know better than the defaults (its discount rate, its purchase prices, savings it has measured).
 * Each slider is bounded by the `range` its default carries (models/<id>/parameters.yaml,
 * scenarios/reference/finance-rules.yaml) and shows that default's source and confidence.
 */
import type { Confidence, ParameterSpec, Range } from '../../core/parameter.js';
import type { L } from './i18n.js';

/** A parameter shown as a slider: where its default lives, which use case it matters to, its label. */
export interface MainParameter {
  name: string;
  /** `reference` (finance rules) or the model whose parameters.yaml holds the default. */
  from: 'reference' | 'lighting' | 'water' | 'climate-risk' | 'buildings' | 'digital';
  /** Use case whose results it moves; null when it moves every use case. */
  useCase: string | null;
  label: L;
}

const u = (fr: string, en: string): L => ({ fr, en });

export const MAIN_PARAMETERS: readonly MainParameter[] = [
  { name: 'financialDiscountRate', from: 'reference', useCase: null, label: u('Taux d’actualisation de la collectivité (réel)', 'Authority’s discount rate (real)') },
  { name: 'socioEconomicDiscountRate', from: 'reference', useCase: null, label: u('Taux d’actualisation socio-économique (réel)', 'Socio-economic discount rate (real)') },
  { name: 'platformSubscriptionEurPerDevicePerYear', from: 'digital', useCase: null, label: u('Abonnement à la plateforme, par objet connecté', 'Platform subscription per connected device') },
  { name: 'ledLuminaireCostEur', from: 'lighting', useCase: 'lighting', label: u('Coût d’un luminaire LED posé (HT)', 'Cost of one LED luminaire installed (excl. VAT)') },
  { name: 'ledPowerFraction', from: 'lighting', useCase: 'lighting', label: u('Puissance de la LED / puissance remplacée', 'LED power / power replaced') },
  { name: 'dimmingDepthFraction', from: 'lighting', useCase: 'lighting', label: u('Baisse de puissance pendant l’abaissement nocturne', 'Power reduction while dimmed') },
  { name: 'luminaireNodeCostEur', from: 'digital', useCase: 'lighting', label: u('Coût d’un module de télégestion par luminaire (HT)', 'Cost of one luminaire control node (excl. VAT)') },
  { name: 'meterRadioCostEur', from: 'digital', useCase: 'water', label: u('Coût d’un compteur télérelevé (HT)', 'Cost of one smart water meter (excl. VAT)') },
  { name: 'leakDetectionDaysDigital', from: 'water', useCase: 'water', label: u('Délai de détection d’une fuite avec capteurs acoustiques', 'Time to detect a leak with acoustic sensors') },
  { name: 'hydroStationCostEur', from: 'digital', useCase: 'climate-risk', label: u('Coût d’une station d’alerte (HT)', 'Cost of one early-warning station (excl. VAT)') },
  { name: 'earlyWarningResponseRate', from: 'climate-risk', useCase: 'climate-risk', label: u('Part des personnes alertées qui agissent utilement', 'Share of those warned who act usefully') },
  { name: 'gtbControllerCostEur', from: 'digital', useCase: 'buildings', label: u('Coût d’un automate de GTB par bâtiment (HT)', 'Cost of one BACS controller per building (excl. VAT)') },
  { name: 'thermostatHeatingSavingFraction', from: 'buildings', useCase: 'buildings', label: u('Économie de chauffage des thermostats connectés', 'Heating saved by smart thermostats') },
];

/** What a slider needs: bounds, step, default and its provenance. */
export interface SliderSpec {
  name: string;
  label: L;
  useCase: string | null;
  unit: string;
  /** The default value [unit]. */
  defaultValue: number;
  low: number;
  high: number;
  step: number;
  source: string | null;
  confidence: Confidence;
  note: string | null;
}

/** The parts of the run data the sliders read (model defaults and reference parameters). */
export interface ParameterSources {
  defaults: Readonly<Record<string, { parameters: Record<string, ParameterSpec> }>>;
  reference: { parameters: Record<string, ParameterSpec> };
}

/**
 * A step of 1, 2 or 5 × 10^k giving about 100 positions between `low` and `high`.
 * @example
 * sliderStep(500, 1500) // → 10 (1,000 / 100)
 * sliderStep(0.012, 0.045) // → 0.0005 (0.033 / 100 = 0.00033 → the next 1-2-5 value up)
 */
export function sliderStep(low: number, high: number): number {
  const raw = (high - low) / 100;
  if (!(raw > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * power >= raw - 1e-12) return roundStep(m * power);
  return roundStep(10 * power);
}

function roundStep(x: number): number {
  return Number(x.toPrecision(1));
}

/**
 * The sliders for the use cases evaluated: the main parameters that matter to one of them (or to all), whose
 * default carries a range. A parameter without a range gets no slider: the page would have no honest bounds.
 * @example
 * sliderSpecs(runData, ['lighting']).map((s) => s.name)
 * // → ['financialDiscountRate', 'socioEconomicDiscountRate', 'platformSubscriptionEurPerDevicePerYear',
 * //    'ledLuminaireCostEur', 'ledPowerFraction', 'dimmingDepthFraction', 'luminaireNodeCostEur']
 */
export function sliderSpecs(data: ParameterSources, useCases: readonly string[]): SliderSpec[] {
  const out: SliderSpec[] = [];
  for (const p of MAIN_PARAMETERS) {
    if (p.useCase !== null && !useCases.includes(p.useCase)) continue;
    const spec = p.from === 'reference' ? data.reference.parameters[p.name] : data.defaults[p.from]?.parameters[p.name];
    if (!spec || !spec.range) continue;
    const range: Range = spec.range;
    out.push({
      name: p.name,
      label: p.label,
      useCase: p.useCase,
      unit: spec.unit,
      defaultValue: spec.value,
      low: range.low,
      high: range.high,
      step: sliderStep(range.low, range.high),
      source: spec.source ?? null,
      confidence: spec.confidence,
      note: spec.note ?? null,
    });
  }
  return out;
}

/**
 * How a unit reads on the page, and the factor from the parameter's unit to the shown one.
 * @example
 * displayUnit('fraction', 'fr') // → { unit: '%', factor: 100, digits: 1 }: 0.032 shows as « 3,2 % »
 */
export function displayUnit(unit: string, lang: 'fr' | 'en'): { unit: string; factor: number; digits: number } {
  const fr = lang === 'fr';
  switch (unit) {
    case 'fraction':
      return { unit: '%', factor: 100, digits: 1 };
    case 'EUR/unit':
      return { unit: fr ? '€ par unité' : '€ per unit', factor: 1, digits: 0 };
    case 'EUR/unit/year':
      return { unit: fr ? '€ par objet et par an' : '€ per device per year', factor: 1, digits: 1 };
    case 'day':
      return { unit: fr ? 'jours' : 'days', factor: 1, digits: 0 };
    default:
      return { unit, factor: 1, digits: 2 };
  }
}
