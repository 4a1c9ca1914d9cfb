/**
 * The page's forms, as data: for each use case, the fields of its entry in the territory file (inventory,
 * subsidies) with French and English labels, units, help text and bounds. Bounds repeat the models' schemas
 * (models/<id>/model.ts) so that the browser's own checks match; the schemas still validate every edit.
 */
import type { L } from './i18n.js';

export interface Option {
  value: string;
  label: L;
}

/** One input bound to a key of the object it sits in. */
export interface FieldSpec {
  type: 'field';
  /** Key, possibly dotted (`platform.fixedEurPerYear`), inside the parent object. */
  key: string;
  label: L;
  unit?: L;
  help?: L;
  /** `percent` holds a fraction and shows a percentage; `suggest` is free text with suggestions. */
  kind: 'int' | 'number' | 'percent' | 'text' | 'select' | 'suggest' | 'boolean';
  min?: number;
  max?: number;
  /** Left empty, the key is removed (the model's default applies). */
  optional?: boolean;
  options?: Option[];
}

/** A list of objects (groups of luminaires, buildings, hazards…), each edited with `fields`. */
export interface ListSpec {
  type: 'list';
  key: string;
  label: L;
  item: L;
  help?: L;
  /** Fewest items the schema accepts. */
  minItems: number;
  fields: (FieldSpec | ListSpec)[];
  /** A new item, given the list as it is. */
  newItem(existing: unknown[]): Record<string, unknown>;
  /** Title of an item in the form, e.g. its name. */
  titleOf?(item: Record<string, unknown>, index: number): string;
}

export type Spec = FieldSpec | ListSpec;

const f = (key: string, label: L, kind: FieldSpec['kind'], more: Partial<FieldSpec> = {}): FieldSpec => ({ type: 'field', key, label, kind, ...more });
const u = (fr: string, en: string = fr): L => ({ fr, en });

const nextId = (prefix: string, existing: unknown[]): string => {
  const ids = new Set(existing.map((x) => (x as { id?: unknown }).id));
  let i = existing.length + 1;
  while (ids.has(`${prefix}-${i}`)) i++;
  return `${prefix}-${i}`;
};

export const LAMP_TYPES: Option[] = [
  { value: 'sodium-hp', label: u('Sodium haute pression', 'High-pressure sodium') },
  { value: 'mercury', label: u('Ballon fluorescent (mercure)', 'Mercury vapour') },
  { value: 'metal-halide', label: u('Iodures métalliques', 'Metal halide') },
  { value: 'led', label: u('LED') },
];

export const SUBSIDIES: ListSpec = {
  type: 'list',
  key: 'subsidies',
  label: u('Aides à l’investissement', 'Investment subsidies'),
  item: u('Aide', 'Subsidy'),
  help: u('Fonds vert, DETR, DSIL, CEE… : la part de l’investissement hors taxes qu’elle finance.', 'Fonds vert, DETR, DSIL, CEE…: the share of the investment excl. VAT it funds.'),
  minItems: 0,
  newItem: () => ({ name: 'Fonds vert', share: 0.2 }),
  titleOf: (item) => String(item.name ?? ''),
  fields: [
    f('name', u('Dispositif', 'Funding lever'), 'suggest', { options: ['Fonds vert', 'DETR', 'DSIL', 'CEE', 'Intracting'].map((v) => ({ value: v, label: u(v) })) }),
    f('share', u('Part financée', 'Share funded'), 'percent', { unit: u('% de l’investissement HT', '% of the investment excl. VAT'), min: 0, max: 1 }),
    f('capEur', u('Plafond', 'Cap'), 'number', { unit: u('€'), min: 0, optional: true }),
  ],
};

/** Fields of each use case's entry (`useCases.<id>`), inventory first. */
export const USE_CASE_FIELDS: Record<string, Spec[]> = {
  lighting: [
    {
      type: 'list',
      key: 'inventory.luminaires',
      label: u('Groupes de luminaires', 'Luminaire groups'),
      item: u('Groupe', 'Group'),
      help: u('Un groupe réunit des luminaires identiques (même technologie, même puissance).', 'A group holds identical luminaires (same technology, same power).'),
      minItems: 1,
      newItem: (existing) => ({ id: nextId('groupe', existing), type: 'sodium-hp', count: 100, powerW: 170 }),
      titleOf: (item, i) => String(item.id ?? `#${i + 1}`),
      fields: [
        f('id', u('Nom du groupe', 'Group name'), 'text', { optional: true, help: u('Rue, quartier ou armoire, pour le rapport', 'Street, district or cabinet, for the report') }),
        f('type', u('Technologie', 'Technology'), 'suggest', { options: LAMP_TYPES, help: u('Les groupes « led » sont conservés dans toutes les variantes.', 'Groups of type “led” are kept in every variant.') }),
        f('count', u('Nombre de luminaires', 'Number of luminaires'), 'int', { unit: u('luminaires'), min: 1 }),
        f('powerW', u('Puissance d’un luminaire', 'Power of one luminaire'), 'number', { unit: u('W'), min: 0, max: 5000, help: u('Ballast ou driver compris', 'Ballast or driver included') }),
        f('ageYears', u('Âge', 'Age'), 'number', { unit: u('ans', 'years'), min: 0, max: 100, optional: true, help: u('Sert à dater le remplacement des LED existantes', 'Times the replacement of existing LEDs') }),
        f('lampLifetimeYears', u('Relamping tous les', 'Relamping every'), 'number', { unit: u('ans', 'years'), min: 0, max: 30, optional: true }),
      ],
    },
    f('inventory.cabinets', u('Armoires de commande', 'Lighting cabinets'), 'int', { unit: u('armoires', 'cabinets'), min: 1 }),
    f('inventory.currentSwitchOffHoursPerNight', u('Extinction déjà pratiquée', 'Switch-off already practised'), 'number', {
      unit: u('h par nuit', 'h per night'),
      min: 0,
      max: 24,
      optional: true,
      help: u('Dans toutes les variantes ; 0 par défaut', 'In every variant; 0 by default'),
    }),
    f('inventory.annualHours', u('Heures de fonctionnement sans extinction', 'Operating hours without switch-off'), 'number', {
      unit: u('h/an', 'h/yr'),
      min: 1,
      max: 8760,
      optional: true,
      help: u('Par défaut 4 100 h/an (éclairage toute la nuit)', 'Default 4,100 h/yr (all-night lighting)'),
    }),
    SUBSIDIES,
  ],
  water: [
    f('inventory.billedVolumeM3PerYear', u('Volume facturé', 'Billed volume'), 'number', { unit: u('m³/an', 'm³/yr'), min: 0, help: u('Volume consommé autorisé (RPQS)', 'Authorised consumption (annual report)') }),
    f('inventory.networkEfficiency', u('Rendement du réseau', 'Network efficiency'), 'percent', {
      unit: u('%'),
      min: 0,
      max: 1,
      optional: true,
      help: u('Facturé / produit. Renseignez le rendement OU le volume produit.', 'Billed / produced. Give the efficiency OR the produced volume.'),
    }),
    f('inventory.producedVolumeM3PerYear', u('Volume produit', 'Produced volume'), 'number', { unit: u('m³/an', 'm³/yr'), min: 0, optional: true, help: u('Volume mis en distribution', 'Volume put into the network') }),
    f('inventory.networkLengthKm', u('Longueur du réseau', 'Network length'), 'number', { unit: u('km'), min: 0, help: u('Hors branchements', 'Excluding service pipes') }),
    f('inventory.subscribers', u('Abonnés', 'Subscribers'), 'int', { unit: u('abonnés', 'subscribers'), min: 1 }),
    f('inventory.metersCount', u('Compteurs', 'Meters'), 'int', { unit: u('compteurs', 'meters'), min: 0, optional: true, help: u('Par défaut, un par abonné', 'Default: one per subscriber') }),
    f('inventory.existingMetersAgeYears', u('Âge moyen des compteurs', 'Average age of the meters'), 'number', { unit: u('ans', 'years'), min: 0, optional: true }),
    f('inventory.energyKwhPerM3', u('Énergie par m³ produit et distribué', 'Energy per m³ produced and distributed'), 'number', { unit: u('kWh/m³'), min: 0, optional: true }),
    f('inventory.productionCostEurPerM3', u('Coût variable de production', 'Variable production cost'), 'number', {
      unit: u('€/m³'),
      min: 0,
      optional: true,
      help: u('Hors énergie (réactifs, consommables) ; ce n’est pas le prix de l’eau', 'Excluding energy (chemicals, consumables); not the water price'),
    }),
    f('vatRecoverable', u('Service assujetti à la TVA (budget annexe)', 'Service subject to VAT (separate budget)'), 'boolean', { help: u('La TVA est alors récupérée, sans FCTVA', 'VAT is then recovered, with no FCTVA') }),
    SUBSIDIES,
  ],
  'climate-risk': [
    f('inventory.population', u('Population exposée', 'Population exposed'), 'number', { unit: u('habitants', 'inhabitants'), min: 0 }),
    f('inventory.catchmentAreaKm2', u('Surface des bassins surveillés', 'Area of the watched catchments'), 'number', {
      unit: u('km²'),
      min: 0,
      optional: true,
      help: u('Nécessaire pour une crue ou un ruissellement si le nombre de stations n’est pas donné', 'Needed for a flood or run-off when the number of stations is not given'),
    }),
    f('inventory.stations', u('Stations hydrométriques ou pluviométriques', 'Hydrometric or rain stations'), 'int', { unit: u('stations'), min: 0, optional: true }),
    f('inventory.heatSensors', u('Capteurs de chaleur urbains', 'Urban heat sensors'), 'int', { unit: u('capteurs', 'sensors'), min: 0, optional: true }),
    {
      type: 'list',
      key: 'inventory.hazards',
      label: u('Aléas', 'Hazards'),
      item: u('Aléa', 'Hazard'),
      help: u('Pour chaque aléa, les dommages sans alerte à plusieurs périodes de retour.', 'For each hazard, the damages without warning at several return periods.'),
      minItems: 1,
      newItem: (existing) => ({
        id: nextId('alea', existing),
        kind: 'flood',
        publicShare: 0.3,
        damageCurve: [
          { returnPeriodYears: 10, damageEur: 100000 },
          { returnPeriodYears: 100, damageEur: 1000000 },
        ],
      }),
      titleOf: (item, i) => String(item.id ?? `#${i + 1}`),
      fields: [
        f('id', u('Nom', 'Name'), 'text'),
        f('kind', u('Nature', 'Kind'), 'select', {
          options: [
            { value: 'flood', label: u('Crue', 'Flood') },
            { value: 'runoff', label: u('Ruissellement', 'Run-off') },
            { value: 'heat', label: u('Canicule', 'Heatwave') },
            { value: 'storm', label: u('Tempête', 'Storm') },
          ],
        }),
        f('publicShare', u('Part des dommages supportée par la collectivité', 'Share of the damages on public assets'), 'percent', { unit: u('%'), min: 0, max: 1 }),
        f('expectedFatalitiesPerYear', u('Décès attendus par an', 'Expected deaths per year'), 'number', { unit: u('décès/an', 'deaths/yr'), min: 0, optional: true }),
        f('nationalWarningCoverage', u('Part couverte par la vigilance nationale', 'Share covered by national vigilance'), 'percent', { unit: u('%'), min: 0, max: 1, optional: true }),
        {
          type: 'list',
          key: 'damageCurve',
          label: u('Courbe de dommages', 'Damage curve'),
          item: u('Point', 'Point'),
          minItems: 1,
          newItem: (existing) => {
            const last = existing[existing.length - 1] as { returnPeriodYears?: number; damageEur?: number } | undefined;
            return { returnPeriodYears: (last?.returnPeriodYears ?? 10) * 10, damageEur: (last?.damageEur ?? 100000) * 2 };
          },
          fields: [
            f('returnPeriodYears', u('Période de retour', 'Return period'), 'number', { unit: u('ans', 'years'), min: 1 }),
            f('damageEur', u('Dommages sans alerte', 'Damages without warning'), 'number', { unit: u('€ HT', '€ excl. VAT'), min: 0 }),
          ],
        },
      ],
    },
    SUBSIDIES,
  ],
  buildings: [
    {
      type: 'list',
      key: 'inventory.buildings',
      label: u('Bâtiments', 'Buildings'),
      item: u('Bâtiment', 'Building'),
      minItems: 1,
      newItem: (existing) => ({
        id: nextId('batiment', existing),
        name: '',
        activity: 'office',
        floorAreaM2: 1000,
        energy: [{ carrier: 'gas', use: 'heating', kwhPerYear: 150000 }],
      }),
      titleOf: (item, i) => String(item.name || item.id || `#${i + 1}`),
      fields: [
        f('id', u('Identifiant', 'Identifier'), 'text', { help: u('Unique dans l’inventaire', 'Unique in the inventory') }),
        f('name', u('Nom', 'Name'), 'text', { optional: true }),
        f('activity', u('Activité', 'Activity'), 'select', {
          options: [
            { value: 'office', label: u('Bureaux', 'Offices') },
            { value: 'education', label: u('Enseignement', 'Education') },
            { value: 'sports', label: u('Sport', 'Sports') },
            { value: 'culture', label: u('Culture', 'Culture') },
            { value: 'health', label: u('Santé, médico-social', 'Health, care') },
            { value: 'other', label: u('Autre', 'Other') },
          ],
        }),
        f('floorAreaM2', u('Surface chauffée', 'Heated floor area'), 'number', { unit: u('m²'), min: 0 }),
        f('heatingPowerKw', u('Puissance de chauffage', 'Heating power'), 'number', {
          unit: u('kW'),
          min: 0,
          optional: true,
          help: u('Pour l’obligation du décret BACS (au-delà de 70 kW)', 'For the décret BACS obligation (above 70 kW)'),
        }),
        f('bacsClass', u('Classe de régulation actuelle (ISO 52120)', 'Current control class (ISO 52120)'), 'select', {
          optional: true,
          options: ['A', 'B', 'C', 'D'].map((c) => ({ value: c, label: u(c) })),
          help: u('D : pas de régulation centrale ; C : régulation courante', 'D: no central control; C: standard control'),
        }),
        f('count', u('Nombre de bâtiments identiques', 'Number of identical buildings'), 'int', { min: 1, optional: true, help: u('1 par défaut', '1 by default') }),
        {
          type: 'list',
          key: 'energy',
          label: u('Consommations annuelles', 'Yearly consumption'),
          item: u('Ligne', 'Line'),
          minItems: 1,
          newItem: () => ({ carrier: 'electricity', use: 'lighting', kwhPerYear: 10000 }),
          fields: [
            f('carrier', u('Énergie', 'Carrier'), 'select', {
              options: [
                { value: 'electricity', label: u('Électricité', 'Electricity') },
                { value: 'gas', label: u('Gaz naturel', 'Natural gas') },
                { value: 'heatingOil', label: u('Fioul', 'Heating oil') },
                { value: 'wood', label: u('Bois', 'Wood') },
                { value: 'heatNetwork', label: u('Réseau de chaleur', 'Heat network') },
              ],
            }),
            f('use', u('Usage', 'Use'), 'select', {
              options: [
                { value: 'heating', label: u('Chauffage', 'Heating') },
                { value: 'hotWater', label: u('Eau chaude', 'Hot water') },
                { value: 'cooling', label: u('Froid', 'Cooling') },
                { value: 'lighting', label: u('Éclairage', 'Lighting') },
                { value: 'other', label: u('Autres usages', 'Other uses') },
              ],
            }),
            f('kwhPerYear', u('Consommation', 'Consumption'), 'number', { unit: u('kWh/an', 'kWh/yr'), min: 0 }),
          ],
        },
      ],
    },
    SUBSIDIES,
  ],
};

/** The territory's identity and period (top-level keys of the document). */
export const IDENTITY_FIELDS: FieldSpec[] = [
  f('name', u('Nom du territoire', 'Name of the territory'), 'text'),
  f('population', u('Population', 'Population'), 'int', { unit: u('habitants', 'inhabitants'), min: 1 }),
  f('settings.startYear', u('Année d’investissement', 'Investment year'), 'int', { min: 2000, max: 2100 }),
  f('settings.horizonYears', u('Durée étudiée', 'Period appraised'), 'int', { unit: u('ans', 'years'), min: 1, max: 100 }),
];

/** The shared digital infrastructure (`digital` section). */
export const DIGITAL_FIELDS: FieldSpec[] = [
  f('gateways', u('Passerelles du réseau (LoRaWAN…)', 'Network gateways (LoRaWAN…)'), 'number', { unit: u('passerelles', 'gateways'), min: 0, optional: true, help: u('Par défaut, dimensionnées d’après le nombre d’objets', 'Default: sized from the number of devices') }),
  f('terminals', u('Terminaux des agents', 'Agents’ terminals'), 'number', { unit: u('tablettes', 'tablets'), min: 0, optional: true }),
  f('platform.fixedEurPerYear', u('Coût fixe de la plateforme', 'Fixed platform cost'), 'number', { unit: u('€ HT/an', '€ excl. VAT/yr'), min: 0, optional: true }),
  f('platform.subscriptionEurPerDevicePerYear', u('Abonnement par objet connecté', 'Subscription per connected device'), 'number', { unit: u('€ HT/objet/an', '€ excl. VAT/device/yr'), min: 0, optional: true }),
  f('allocationKey', u('Répartition du réseau entre usages', 'Sharing of the network among use cases'), 'select', {
    optional: true,
    help: u('Vide : au nombre d’objets', 'Empty: by number of devices'),
    options: [
      { value: 'devices', label: u('Au nombre d’objets', 'By number of devices') },
      { value: 'data', label: u('Au volume de données', 'By data volume') },
      { value: 'equal', label: u('À parts égales', 'In equal parts') },
    ],
  }),
  f('pooling.communes', u('Communes qui partagent le réseau', 'Communes sharing the network'), 'int', { unit: u('communes'), min: 1, optional: true, help: u('1 ou vide : réseau propre', '1 or empty: own network') }),
];
