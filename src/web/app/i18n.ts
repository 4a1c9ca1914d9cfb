/**
 * The page's words, French first, English second. Labels of the inventory fields live with the fields
 * (fields.ts); labels of the main parameters with them (parameters.ts).
 */

export type Lang = 'fr' | 'en';

/** A text in both languages. */
export interface L {
  fr: string;
  en: string;
}

export const UI = {
  title: { fr: 'Territoires — évaluer un usage numérique', en: 'Territoires — appraise a digital use case' },
  intro: {
    fr:
      "Coût, retour sur investissement et carbone d'un usage numérique de votre territoire (éclairage public, eau, " +
      'risques climatiques, bâtiments publics), sous les cinq scénarios ADEME Transition(s) 2050. Les calculs se font ' +
      'dans votre navigateur ; seuls les téléchargements passent par le serveur local.',
    en:
      'Cost, payback and carbon of a digital use case of your territory (public lighting, water, climate risks, public ' +
      'buildings) under the five ADEME Transition(s) 2050 scenarios. The page computes in your browser; only the ' +
      'downloads go through the local server.',
  },
  skip: { fr: 'Aller aux résultats', en: 'Skip to the results' },
  switchLang: { fr: 'English', en: 'Français' },
  switchLangLabel: { fr: 'Switch the page to English', en: 'Passer la page en français' },
  loading: { fr: 'Chargement des données…', en: 'Loading data…' },
  loadFailed: { fr: 'Les données du serveur n’ont pas pu être chargées.', en: 'The server’s data could not be loaded.' },

  territorySection: { fr: '1. Votre territoire', en: '1. Your territory' },
  example: { fr: 'Partir d’un exemple', en: 'Start from an example' },
  loadExample: { fr: 'Charger l’exemple', en: 'Load the example' },
  upload: { fr: 'Ou importer un territoire (YAML, avec ses tableaux CSV, XLSX ou GeoJSON)', en: 'Or upload a territory (YAML, with its CSV, XLSX or GeoJSON tables)' },
  uploadHelp: {
    fr:
      'Sélectionnez le fichier du territoire et, s’il cite des tableaux (inventaire des luminaires…), ces fichiers en même temps. ' +
      'Un tableau CSV ou XLSX seul remplace l’inventaire de l’éclairage du territoire affiché (colonnes à faire correspondre).',
    en:
      'Select the territory file and, when it cites tables (luminaire inventory…), those files at the same time. ' +
      'A CSV or XLSX table alone replaces the lighting inventory of the territory shown (columns to match).',
  },
  uploading: { fr: 'Lecture des fichiers…', en: 'Reading the files…' },
  loaded: { fr: 'Territoire chargé : ', en: 'Territory loaded: ' },
  current: { fr: 'Territoire affiché', en: 'Territory shown' },
  inhabitants: { fr: 'habitants', en: 'inhabitants' },
  identity: { fr: 'Identité et période', en: 'Identity and period' },

  tableImport: { fr: 'Importer un tableau dans l’inventaire de l’éclairage', en: 'Import a table into the lighting inventory' },
  tableImportHelp: {
    fr: 'Choisissez la colonne du fichier pour chaque champ. Les lignes de même type, puissance et âge sont regroupées, leurs nombres additionnés.',
    en: 'Choose the file’s column for each field. Rows with the same type, power and age are grouped and their counts added.',
  },
  tableColumnNone: { fr: '(aucune)', en: '(none)' },
  tableImportButton: { fr: 'Remplacer les luminaires par ce tableau', en: 'Replace the luminaires with this table' },
  tableCancel: { fr: 'Annuler', en: 'Cancel' },
  tableRows: { fr: 'lignes lues', en: 'rows read' },
  tableImported: { fr: 'Groupes de luminaires importés : ', en: 'Luminaire groups imported: ' },
  tableNeedsLighting: {
    fr: 'Chargez d’abord un territoire (un exemple suffit) : le tableau remplacera son inventaire de l’éclairage.',
    en: 'Load a territory first (an example will do): the table replaces its lighting inventory.',
  },

  choicesSection: { fr: '2. Usages et scénarios', en: '2. Use cases and scenarios' },
  useCases: { fr: 'Usages évalués', en: 'Use cases evaluated' },
  notDescribed: { fr: '(non décrit : le cocher reprend l’inventaire de l’exemple, à adapter)', en: '(not described: ticking it copies the example’s inventory, to adapt)' },
  scenarios: { fr: 'Scénarios ADEME Transition(s) 2050', en: 'ADEME Transition(s) 2050 scenarios' },
  needScenario: { fr: 'Cochez au moins un scénario.', en: 'Tick at least one scenario.' },
  needUseCase: { fr: 'Cochez au moins un usage.', en: 'Tick at least one use case.' },

  inventorySection: { fr: '3. Inventaires', en: '3. Inventories' },
  inventoryHelp: {
    fr: 'Chaque modification recalcule les résultats. Les champs facultatifs laissés vides prennent la valeur par défaut du modèle.',
    en: 'Every change recomputes the results. Optional fields left empty take the model’s default.',
  },
  optional: { fr: 'facultatif', en: 'optional' },
  add: { fr: 'Ajouter', en: 'Add' },
  remove: { fr: 'Retirer', en: 'Remove' },
  removeLast: { fr: 'Au moins un élément est nécessaire.', en: 'At least one item is needed.' },
  subsidies: { fr: 'Aides à l’investissement', en: 'Investment subsidies' },
  subsidy: { fr: 'Aide', en: 'Subsidy' },
  digitalSection: { fr: 'Numérique partagé (réseau, plateforme)', en: 'Shared digital infrastructure (network, platform)' },

  parametersSection: { fr: '4. Paramètres principaux', en: '4. Main parameters' },
  parametersHelp: {
    fr: 'Chaque curseur reste dans la plage de la source. La valeur choisie s’applique à tous les scénarios et figure dans le rapport.',
    en: 'Each slider stays within the range of its source. The value chosen applies to every scenario and appears in the report.',
  },
  reset: { fr: 'Rétablir', en: 'Reset' },
  defaultValue: { fr: 'Valeur par défaut', en: 'Default value' },
  source: { fr: 'Source', en: 'Source' },
  noSource: { fr: 'aucune source publiée', en: 'no published source' },
  note: { fr: 'Note', en: 'Note' },
  confidence: { fr: 'Confiance', en: 'Confidence' },
  range: { fr: 'Plage', en: 'Range' },
  setOnPage: { fr: 'réglée sur cette page', en: 'set on this page' },
  byScenario: { fr: 'varie selon le scénario ; le curseur impose une valeur unique', en: 'varies by scenario; the slider sets one value for all' },

  resultsSection: { fr: '5. Résultats', en: '5. Results' },
  shownScenario: { fr: 'Scénario affiché dans le tableau', en: 'Scenario shown in the table' },
  metricsCaption: {
    fr: 'Indicateurs principaux : chaque variante comparée au statu quo, sur la durée étudiée',
    en: 'Main metrics: each variant against the status quo, over the period appraised',
  },
  useCase: { fr: 'Usage', en: 'Use case' },
  variant: { fr: 'Variante', en: 'Variant' },
  npvFinancial: { fr: 'VAN financière (k€)', en: 'Financial NPV (k€)' },
  npvSocio: { fr: 'VAN socio-économique (k€)', en: 'Socio-economic NPV (k€)' },
  payback: { fr: 'Retour sur investissement (années)', en: 'Payback (years)' },
  avoided: { fr: 'Émissions évitées (tCO2e)', en: 'Emissions avoided (tCO2e)' },
  never: { fr: 'jamais', en: 'never' },
  computing: { fr: 'Calcul en cours…', en: 'Computing…' },
  computedIn: { fr: 'Calculé en', en: 'Computed in' },
  stale: {
    fr: 'Les résultats ci-dessous correspondent à la dernière saisie valide.',
    en: 'The results below match the last valid input.',
  },
  errorsTitle: { fr: 'À corriger', en: 'To correct' },
  charts: { fr: 'Graphiques du rapport', en: 'Report charts' },
  chartData: { fr: 'Données du graphique', en: 'Chart data' },
  readingNpv: {
    fr: 'Une VAN positive signifie que la variante rapporte plus qu’elle ne coûte par rapport au statu quo ; négative, qu’elle coûte davantage.',
    en: 'A positive NPV means the variant returns more than it costs against the status quo; a negative one, that it costs more.',
  },

  monteCarloSection: { fr: '6. Incertitude (Monte Carlo)', en: '6. Uncertainty (Monte Carlo)' },
  monteCarloHelp: {
    fr: 'Tire les paramètres dans leurs distributions et recalcule : la dispersion des résultats mesure l’incertitude.',
    en: 'Draws the parameters from their distributions and recomputes: the spread of the results measures the uncertainty.',
  },
  draws: { fr: 'Nombre de tirages', en: 'Number of draws' },
  seed: { fr: 'Graine (reproductibilité)', en: 'Seed (reproducibility)' },
  runMonteCarlo: { fr: 'Lancer le Monte Carlo', en: 'Run the Monte Carlo' },
  cancel: { fr: 'Arrêter', en: 'Stop' },
  comingSoon: { fr: 'disponible prochainement', en: 'coming soon' },
  monteCarloUnavailable: {
    fr: 'Le Monte Carlo est disponible prochainement : cette version du serveur ne le fournit pas encore.',
    en: 'The Monte Carlo is coming soon: this version of the server does not provide it yet.',
  },
  progress: { fr: 'Progression', en: 'Progress' },
  drawsDone: { fr: 'tirages', en: 'draws' },
  monteCarloDone: { fr: 'Monte Carlo terminé.', en: 'Monte Carlo done.' },
  monteCarloDownload: { fr: 'Télécharger les résultats du Monte Carlo (JSON)', en: 'Download the Monte Carlo results (JSON)' },
  monteCarloStopped: { fr: 'Monte Carlo arrêté.', en: 'Monte Carlo stopped.' },

  downloadsSection: { fr: '7. Télécharger', en: '7. Download' },
  downloadsHelp: {
    fr: 'Le serveur local produit ces fichiers avec les mêmes choix que la page (usages, scénarios, paramètres).',
    en: 'The local server produces these files with the page’s choices (use cases, scenarios, parameters).',
  },
  downloadHtml: { fr: 'Rapport (HTML)', en: 'Report (HTML)' },
  downloadXlsx: { fr: 'Classeur (XLSX)', en: 'Workbook (XLSX)' },
  downloadJson: { fr: 'Résultats (results.json)', en: 'Results (results.json)' },
  downloadYaml: { fr: 'Territoire saisi (YAML)', en: 'Territory as entered (YAML)' },
  downloading: { fr: 'Préparation du fichier…', en: 'Preparing the file…' },
  downloaded: { fr: 'Fichier prêt : ', en: 'File ready: ' },
  downloadFailed: { fr: 'Le téléchargement a échoué : ', en: 'The download failed: ' },

  footer: {
    fr: 'Territoires — outil libre (MIT). Les valeurs par défaut citent leurs sources ; les hypothèses sont signalées comme telles.',
    en: 'Territoires — free software (MIT). Default values cite their sources; assumptions are flagged as such.',
  },
} satisfies Record<string, L>;

export const USE_CASE_LABELS: Record<string, L> = {
  lighting: { fr: 'Éclairage public', en: 'Public lighting' },
  water: { fr: 'Gestion de l’eau', en: 'Water management' },
  'climate-risk': { fr: 'Risques climatiques', en: 'Climate risks' },
  buildings: { fr: 'Bâtiments publics', en: 'Public buildings' },
};

export const CONFIDENCE_LABELS: Record<string, L> = {
  high: { fr: 'élevée', en: 'high' },
  medium: { fr: 'moyenne', en: 'medium' },
  low: { fr: 'faible', en: 'low' },
  assumption: { fr: 'hypothèse', en: 'assumption' },
};

/**
 * The text of `l` in `lang`.
 * @example
 * tr(UI.reset, 'en') // → 'Reset'
 */
export function tr(l: L, lang: Lang): string {
  return l[lang];
}

/**
 * A number in the page's language: French `1 234,5`, English `1,234.5`; `—` when it does not exist.
 * @example
 * formatNumber(-1234.5, 1, 'fr') // → '−1 234,5' (narrow no-break space, minus sign as Intl writes them)
 */
export function formatNumber(x: number | null | undefined, digits: number, lang: Lang): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  return new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x);
}
