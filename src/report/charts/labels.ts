/**
 * The charts' own words, in French (default) and English. Kept apart from the report's i18n table
 * (src/report/i18n.ts) so the two helpers never edit the same file; names of variants and scenarios come from
 * RunResults (the models and scenario packs), never from here.
 */
export type Lang = 'fr' | 'en';
export const LANGS: readonly Lang[] = ['fr', 'en'];

/**
 * Validates a language option, naming the function that received it.
 * @example checkLang('maccChart', 'en') // 'en'; 'de' throws a RangeError naming maccChart
 */
export function checkLang(fn: string, lang: unknown): Lang {
  if (lang === 'fr' || lang === 'en') return lang;
  throw new RangeError(`${fn}: lang must be 'fr' or 'en', received ${String(lang)}`);
}

const USE_CASES: Record<string, Record<Lang, string>> = {
  lighting: { fr: 'Éclairage public', en: 'Public lighting' },
  water: { fr: "Gestion de l'eau", en: 'Water management' },
  'climate-risk': { fr: 'Risques climatiques', en: 'Climate risks' },
  buildings: { fr: 'Bâtiments publics', en: 'Public buildings' },
};

/**
 * Name of a use case for titles; its id when unknown.
 * @example useCaseLabel('lighting', 'fr') // 'Éclairage public'
 */
export function useCaseLabel(id: string, lang: Lang): string {
  return USE_CASES[id]?.[lang] ?? id;
}

const TEXT = {
  financial: { fr: 'financière', en: 'financial' },
  socioEconomic: { fr: 'socio-économique', en: 'socio-economic' },
  perspectiveWord: { fr: 'perspective', en: 'perspective' },
  scenario: { fr: 'Scénario', en: 'Scenario' },
  year: { fr: 'Année', en: 'Year' },
  variant: { fr: 'Variante', en: 'Variant' },
  useCase: { fr: "Cas d'usage", en: 'Use case' },
  statusQuo: { fr: 'statu quo', en: 'status quo' },
  // chart 1
  npvTitle: { fr: 'VAN par scénario et par variante', en: 'NPV by scenario and variant' },
  npvSubtitle: {
    fr: 'Valeur actuelle nette par rapport au statu quo ; barres pleines : perspective financière, hachurées : socio-économique',
    en: 'Net present value against the status quo; solid bars: financial perspective, hatched: socio-economic',
  },
  npvAxis: { fr: 'VAN', en: 'NPV' },
  // chart 2
  cashFlowTitle: { fr: 'Flux de trésorerie actualisés cumulés', en: 'Cumulative discounted cash flow' },
  cashFlowAxis: { fr: 'Flux actualisé cumulé', en: 'Cumulative discounted cash flow' },
  payback: { fr: 'retour', en: 'payback' },
  noPayback: { fr: 'pas de retour', en: 'no payback' },
  // chart 3
  waterfallTitle: { fr: 'Bilan carbone sur le cycle de vie, écart au statu quo', en: 'Lifecycle carbon, difference from the status quo' },
  manufacturing: { fr: 'Fabrication', en: 'Manufacturing' },
  use: { fr: 'Usage', en: 'Use' },
  endOfLife: { fr: 'Fin de vie', en: 'End of life' },
  net: { fr: 'Net', en: 'Net' },
  waterfallAxis: { fr: 'Écart au statu quo', en: 'Difference from the status quo' },
  waterfallSubtitle: {
    fr: 'Barres flottantes : chaque phase part du cumul des précédentes ; négatif = émissions évitées',
    en: 'Floating bars: each phase starts where the previous ones end; negative = emissions avoided',
  },
  // chart 4
  emissionsTitle: { fr: 'Émissions annuelles', en: 'Yearly emissions' },
  emissionsAxis: { fr: 'Émissions', en: 'Emissions' },
  amortised: {
    fr: 'fabrication et fin de vie réparties sur la durée de vie (vue inventaire)',
    en: 'manufacturing and end of life spread over the lifetime (inventory view)',
  },
  atPurchase: {
    fr: "fabrication comptée l'année d'achat (vue trajectoire)",
    en: 'manufacturing counted in the year of purchase (trajectory view)',
  },
  // chart 5
  maccTitle: { fr: "Courbe des coûts marginaux d'abattement", en: 'Marginal abatement cost curve' },
  maccX: { fr: 'Émissions évitées cumulées', en: 'Cumulative emissions avoided' },
  maccY: { fr: "Coût d'abattement", en: 'Abatement cost' },
  maccSubtitle: {
    fr: 'Largeur : tonnes évitées sur l’horizon ; hauteur : coût par tonne (VAN hors valeur carbone) ; triées par coût',
    en: 'Width: tonnes avoided over the horizon; height: cost per tonne (NPV without the carbon value); sorted by cost',
  },
  notShown: { fr: 'Non représenté (aucune émission évitée)', en: 'Not shown (no emissions avoided)' },
  // chart 6
  digitalTitle: { fr: 'Bilan carbone de la couche numérique', en: 'Carbon balance of the digital layer' },
  avoidedVsStatusQuo: { fr: 'Évité par rapport au statu quo', en: 'Avoided against the status quo' },
  avoidedVsAlternative: { fr: "Évité par rapport à l'alternative non numérique", en: 'Avoided against the non-digital alternative' },
  digitalFootprint: { fr: 'Empreinte propre du numérique', en: 'Own footprint of the digital layer' },
  digitalAxis: { fr: "Émissions sur l'horizon", en: 'Emissions over the horizon' },
  digitalSubtitle: {
    fr: 'Émissions évitées (net de l’empreinte numérique) et empreinte du numérique (capteurs, réseau, plateforme)',
    en: 'Emissions avoided (net of the digital footprint) and footprint of the digital layer (sensors, network, platform)',
  },
  // chart 7
  tableTitle: { fr: 'Indicateurs par scénario', en: 'Metrics by scenario' },
  tableSubtitle: {
    fr: 'Variante retenue par rapport au statu quo ; bleu : favorable, orange : défavorable, gris : sans objet',
    en: 'Selected variant against the status quo; blue: favourable, orange: unfavourable, grey: not applicable',
  },
  npvFinancial: { fr: 'VAN financière', en: 'Financial NPV' },
  npvSocio: { fr: 'VAN socio-économique', en: 'Socio-economic NPV' },
  discountedPayback: { fr: 'Retour actualisé (financier)', en: 'Discounted payback (financial)' },
  avoided: { fr: 'Émissions évitées', en: 'Emissions avoided' },
  abatementCost: { fr: "Coût d'abattement (socio-éco.)", en: 'Abatement cost (socio-econ.)' },
  never: { fr: 'jamais', en: 'never' },
  notApplicable: { fr: '—', en: '—' },
  // chart 8
  decretTitle: { fr: 'Trajectoire de consommation et décret tertiaire', en: 'Consumption trajectory and décret tertiaire' },
  decretAxis: { fr: "Consommation d'énergie finale", en: 'Final energy consumption' },
  decretTargets: {
    fr: 'Objectifs décret tertiaire (−40 % 2030, −50 % 2040, −60 % 2050)',
    en: 'Décret tertiaire targets (−40 % 2030, −50 % 2040, −60 % 2050)',
  },
  decretSubtitle: {
    fr: 'Référence : consommation du statu quo en première année d’exploitation',
    en: 'Reference: the status quo’s consumption in the first operating year',
  },
  // units
  years: { fr: 'années', en: 'years' },
  overHorizon: { fr: "sur l'horizon", en: 'over the horizon' },
  // source line
  source: { fr: 'Source\u00a0: Territoires', en: 'Source: Territoires' },
  scenarios: { fr: 'scénarios ADEME Transition(s) 2050', en: 'ADEME Transition(s) 2050 scenarios' },
  computedOn: { fr: 'calcul du', en: 'computed on' },
} as const satisfies Record<string, Record<Lang, string>>;

export type TextKey = keyof typeof TEXT;

/**
 * A label of the charts in the chosen language.
 * @example t('npvAxis', 'en') // 'NPV'
 */
export function t(key: TextKey, lang: Lang): string {
  return TEXT[key][lang];
}
