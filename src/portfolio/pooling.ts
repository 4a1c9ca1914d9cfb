/**
 * The effect of mutualisation: each commune running its own digital infrastructure (gateways, terminals, platform)
 * versus the same communes pooling it at syndicat, EPCI or département level.
 *
 * For each commune the engine runs twice under one scenario:
 * - alone: the commune's own `digital` section without `pooling` (when its file already describes a pool, the
 *   pool's gateway, terminal and platform figures are dropped and the catalogue defaults apply, since they describe
 *   the pool, not the commune);
 * - pooled: `digital = { ...pool figures, allocationKey: the commune's, pooling: { communes: N, share? } }`, N being
 *   the pool's size (default: the number of communes given). The commune then carries its share of the pool's fixed
 *   parts (gateway minimum or given gateways, terminals, platform fixed fee): the `pooling.share` its own file gives
 *   for a pool of N communes (e.g. its statutory contribution), 1/N otherwise; and its own devices' share of the rest
 *   (models/digital/model.ts, Eq. 5–7).
 * The use-case flows are the same in both runs, so every difference comes from the shared infrastructure.
 *
 * Per commune and digital variant: financial and socio-economic NPV, capex, tonnes avoided and digital tonnes
 * against the status quo, alone and pooled, and the difference (pooled − alone). Per commune, the whole
 * infrastructure: the sum over use cases of each use case's reference digital variant (the one with the most
 * connected devices, the deployment the engine sizes the network on). Since the allocation shares across use
 * cases sum to 1 (src/carbon/allocationShares.ts), that sum carries the commune's whole infrastructure once.
 *
 * What the model lacks for a fully faithful comparison (also returned in `notes`):
 * - the pool's fixed parts are split equally (1/N per commune) unless a commune's file gives its share for that
 *   pool (`digital.pooling.share`); the shares of the communes given are not checked to add up with the others';
 * - gateways are sized on connected devices only: the radio coverage a pool needs over its whole area is not
 *   modelled, nor the commune's own coverage when alone (beyond `gatewayMinimumCount`);
 * - the pool's own running costs (staff of the syndicat, membership fees, coordination) are not in the model, so
 *   the saving shown is gross of them;
 * - a variant's share of the network assumes the other use cases deploy their reference digital variant.
 */
import { InputError } from '../core/errors.js';
import { digitalInventorySchema, digitalSizing, type DigitalInventory, type DigitalInventoryInput, type DigitalSizing } from '../../models/digital/model.js';
import { evaluateRun, prepareRunWithData, resolveParameters, type RunData, type RunOptions, type RunResults } from '../evaluate/engine.js';
import { loadRunData } from '../evaluate/load.js';
import type { Localised } from '../evaluate/model.js';
import { valuesOf } from '../evaluate/resolve.js';
import type { LoadedTerritory } from '../io/territory.js';
import { againstStatusQuo } from './macc.js';

/** The pool's infrastructure as a whole (same fields as a territory's `digital` section, without the pooling key). */
export type PoolFigures = Omit<DigitalInventoryInput, 'pooling' | 'allocationKey'>;

export interface PoolingOptions {
  /** Communes sharing the infrastructure, ≥ the communes given and ≥ 2 (default: the number given). */
  poolCommunes?: number;
  /** The pool's gateways, terminals and platform contract (default: catalogue defaults, gateways sized on devices). */
  pool?: PoolFigures;
  /** Scenario pack id (default TEND). */
  scenario?: string;
  /** Other run options (carbon value path, `--set` overrides). */
  runOptions?: Omit<RunOptions, 'scenarios'>;
  /** Scenario packs, reference data and model defaults (default: read from disk once). */
  data?: RunData;
}

/** One side of the comparison for one variant (or the sum for a commune). */
export interface PoolingFigures {
  /** NPV against the status quo, financial perspective [EUR]. */
  financialNpvEur: number;
  /** NPV against the status quo, socio-economic perspective [EUR]. */
  socioEconomicNpvEur: number;
  /** Year-0 investment in the financial perspective [EUR]. */
  capexEur: number;
  /** Tonnes avoided against the status quo over the horizon [tCO2e]. */
  avoidedTco2e: number;
  /** The variant's emissions due to its digital layer (devices, its share of gateways, network, platform) [tCO2e]. */
  digitalTco2e: number;
}

export interface PoolingRow {
  territory: string;
  useCase: string;
  variant: string;
  /** True for the use case's reference digital variant (the most connected devices). */
  reference: boolean;
  /** Connected devices the variant deploys [devices]. */
  connectedDevices: number;
  alone: PoolingFigures;
  pooled: PoolingFigures;
  /** pooled − alone (positive NPV difference = pooling saves money) [EUR, tCO2e]. */
  difference: PoolingFigures;
}

export interface PoolingCommune {
  territory: string;
  /** Connected devices of the reference deployment, all use cases [devices]. */
  devices: number;
  /** Infrastructure the commune carries alone and pooled (models/digital Eq. 5–7). */
  sizing: { alone: DigitalSizing; pooled: DigitalSizing };
  /** Sums over use cases of the reference digital variants: the commune's whole infrastructure. */
  alone: PoolingFigures;
  pooled: PoolingFigures;
  difference: PoolingFigures;
}

export interface PoolingReport {
  scenario: string;
  /** Communes sharing the infrastructure in the pooled case [communes]. */
  poolCommunes: number;
  rows: PoolingRow[];
  communes: PoolingCommune[];
  /** Sums over the communes given. */
  total: { alone: PoolingFigures; pooled: PoolingFigures; difference: PoolingFigures };
  /** What the comparison leaves out (the model's limits) and what was assumed, in French and English. */
  notes: Localised[];
}

const ZERO: PoolingFigures = { financialNpvEur: 0, socioEconomicNpvEur: 0, capexEur: 0, avoidedTco2e: 0, digitalTco2e: 0 };
const FIELDS = Object.keys(ZERO) as (keyof PoolingFigures)[];

function add(a: PoolingFigures, b: PoolingFigures): PoolingFigures {
  return Object.fromEntries(FIELDS.map((k) => [k, a[k] + b[k]])) as unknown as PoolingFigures;
}

function subtract(a: PoolingFigures, b: PoolingFigures): PoolingFigures {
  return Object.fromEntries(FIELDS.map((k) => [k, a[k] - b[k]])) as unknown as PoolingFigures;
}

/** The share of the pool's fixed parts a commune's file gives for a pool of `poolCommunes` communes, if any. */
function ownShare(t: LoadedTerritory, poolCommunes: number): number | undefined {
  const pooling = t.digital?.pooling;
  return pooling?.share !== undefined && pooling.communes === poolCommunes ? pooling.share : undefined;
}

/** The commune's own section without pooling; a pooled file's figures (the pool's) are dropped. */
function aloneSection(t: LoadedTerritory): { digital: DigitalInventory | undefined; dropped: boolean } {
  const d = t.digital;
  if (!d) return { digital: undefined, dropped: false };
  const { pooling, ...own } = d;
  if (pooling && pooling.communes > 1) return { digital: { allocationKey: d.allocationKey }, dropped: true };
  return { digital: own, dropped: false };
}

function figures(results: RunResults, useCase: string, variant: string): PoolingFigures {
  const rows = againstStatusQuo(results.results).filter((r) => r.useCase === useCase && r.variant === variant);
  const fin = rows.find((r) => r.perspective === 'financial');
  const soc = rows.find((r) => r.perspective === 'socioEconomic');
  if (!fin || !soc) throw new Error(`poolingEffect: no comparison of ${useCase}/${variant} with its status quo in the run`);
  return {
    financialNpvEur: fin.metrics.npvEur,
    socioEconomicNpvEur: soc.metrics.npvEur,
    capexEur: fin.metrics.capexEur,
    avoidedTco2e: soc.metrics.avoidedTco2e,
    digitalTco2e: soc.metrics.digitalTco2e,
  };
}

/**
 * Compares each commune running its digital infrastructure alone with the same communes pooling it: re-runs the
 * engine (pure data in, data out) for each commune alone and pooled under one scenario and reports, per digital
 * variant and per commune, the NPVs and tonnes with their difference (see the file header for the method and the
 * model's limits).
 * @param territories the communes (at least one; with one, it joins a pool of `poolCommunes` not listed here)
 * @param options pool size [communes], the pool's figures, scenario (default TEND), run options, run data
 * @returns rows per digital variant, the whole infrastructure per commune, totals and notes [EUR, tCO2e]
 * @throws InputError on a pool smaller than 2 or than the communes given, invalid pool figures, duplicate ids
 * @example
 * // two communes of 600 lighting nodes each, catalogue defaults: alone each carries ⌈600 / 500⌉ = 2 gateways,
 * // pooled max(1 / 2, 600 / 500) = 1.2 gateways and half the platform's fixed fee
 * poolingEffect([a, b]).communes.map((c) => c.sizing.pooled.gateways) // [1.2, 1.2]
 */
export function poolingEffect(territories: readonly LoadedTerritory[], options: PoolingOptions = {}): PoolingReport {
  if (territories.length === 0) {
    throw new InputError('poolingEffect: no commune to compare', {
      expected: 'at least one territory',
      received: 'none',
      fix: 'give the communes of the pool',
    });
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
  const poolCommunes = options.poolCommunes ?? territories.length;
  if (!Number.isInteger(poolCommunes) || poolCommunes < Math.max(2, territories.length)) {
    throw new InputError(`a pool of ${poolCommunes} communes cannot hold the ${territories.length} given`, {
      path: 'poolCommunes',
      expected: `a whole number ≥ ${Math.max(2, territories.length)}`,
      received: String(poolCommunes),
      fix: 'give the number of communes sharing the infrastructure, the communes compared included',
    });
  }
  const pool = options.pool ?? {};
  if ('pooling' in pool || 'allocationKey' in pool) {
    throw new InputError('the pool figures take neither pooling nor allocationKey', {
      path: 'pool',
      expected: 'gateways, terminals, platform of the pool as a whole',
      received: Object.keys(pool).join(', '),
      fix: 'give the pool size as poolCommunes; each commune keeps its own allocation key',
    });
  }
  const checked = digitalInventorySchema.safeParse(pool);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new InputError('invalid pool figures', {
      path: ['pool', ...issue.path.map(String)].join('.'),
      expected: issue.message,
      received: JSON.stringify(pool),
      fix: 'give the pool as a territory file\'s digital section: gateways, terminals, platform { fixedEurPerYear, subscriptionEurPerDevicePerYear }',
    });
  }
  const { allocationKey: _defaulted, ...poolFigures } = checked.data;
  const scenario = options.scenario ?? 'TEND';
  const data = options.data ?? loadRunData(options.runOptions);
  const runOptions: RunOptions = { ...options.runOptions, scenarios: [scenario] };

  const rows: PoolingRow[] = [];
  const communes: PoolingCommune[] = [];
  const droppedFigures: string[] = [];
  for (const t of territories) {
    const own = aloneSection(t);
    if (own.dropped) droppedFigures.push(t.id);
    const aloneRun = prepareRunWithData({ ...t, digital: own.digital }, data, runOptions);
    const share = ownShare(t, poolCommunes);
    const pooledDigital: DigitalInventory = {
      ...poolFigures,
      allocationKey: t.digital?.allocationKey ?? 'devices',
      pooling: { communes: poolCommunes, ...(share !== undefined ? { share } : {}) },
    };
    const pooledRun = prepareRunWithData({ ...t, digital: pooledDigital }, data, runOptions);
    const alone = evaluateRun(aloneRun);
    const pooled = evaluateRun(pooledRun);

    let devices = 0;
    let aloneTotal = ZERO;
    let pooledTotal = ZERO;
    for (const uc of aloneRun.useCases) {
      const flows = alone.flows.filter((f) => f.useCase === uc.id && f.scenario === scenario && f.connectedDevices > 0);
      // The engine's reference deployment: the first variant with the most devices.
      const reference = flows.reduce<(typeof flows)[number] | null>((best, f) => (!best || f.connectedDevices > best.connectedDevices ? f : best), null);
      if (reference) devices += reference.connectedDevices;
      for (const f of flows) {
        const a = figures(alone, uc.id, f.variant);
        const p = figures(pooled, uc.id, f.variant);
        const isReference = f === reference;
        rows.push({
          territory: t.id,
          useCase: uc.id,
          variant: f.variant,
          reference: isReference,
          connectedDevices: f.connectedDevices,
          alone: a,
          pooled: p,
          difference: subtract(p, a),
        });
        if (isReference) {
          aloneTotal = add(aloneTotal, a);
          pooledTotal = add(pooledTotal, p);
        }
      }
    }
    // Sizing with the resolved parameters of the first use case (the digital catalogue is shared by all).
    const p = valuesOf(resolveParameters(aloneRun, aloneRun.useCases[0], aloneRun.packs[0]));
    communes.push({
      territory: t.id,
      devices,
      sizing: { alone: digitalSizing(p, devices, own.digital), pooled: digitalSizing(p, devices, pooledDigital) },
      alone: aloneTotal,
      pooled: pooledTotal,
      difference: subtract(pooledTotal, aloneTotal),
    });
  }
  const sum = (side: 'alone' | 'pooled') => communes.reduce((acc, c) => add(acc, c[side]), ZERO);
  const total = { alone: sum('alone'), pooled: sum('pooled'), difference: subtract(sum('pooled'), sum('alone')) };

  const ownShares = territories.filter((t) => ownShare(t, poolCommunes) !== undefined).map((t) => t.id);
  const notes: Localised[] = [
    ownShares.length === 0
      ? {
          fr: `Chaque commune mutualisée porte 1/${poolCommunes} des parts fixes du pool (passerelles minimales ou données, terminaux, forfait de la plateforme) quelle que soit sa taille ; une commune dont le fichier donne sa part pour ce pool (\`digital.pooling.share\`, sa contribution statutaire par exemple) porterait cette part.`,
          en: `Each pooled commune carries 1/${poolCommunes} of the pool's fixed parts (minimum or given gateways, terminals, platform fixed fee) whatever its size; a commune whose file gives its share of this pool (\`digital.pooling.share\`, e.g. its statutory contribution) would carry that share.`,
        }
      : {
          fr: `Parts fixes du pool (passerelles minimales ou données, terminaux, forfait de la plateforme) : ${ownShares.join(', ')} porte${ownShares.length > 1 ? 'nt' : ''} la part que donne son fichier (\`digital.pooling.share\`), les autres 1/${poolCommunes} ; ces parts ne sont pas vérifiées contre celles des communes du pool non décrites ici.`,
          en: `The pool's fixed parts (minimum or given gateways, terminals, platform fixed fee): ${ownShares.join(', ')} carr${ownShares.length > 1 ? 'y' : 'ies'} the share its file gives (\`digital.pooling.share\`), the others 1/${poolCommunes}; the shares are not checked against those of the pool's communes not described here.`,
        },
    {
      fr: 'Les passerelles sont dimensionnées sur le nombre d’objets connectés ; la couverture radio du territoire du pool n’est pas modélisée.',
      en: "Gateways are sized on connected devices; the radio coverage of the pool's area is not modelled.",
    },
    {
      fr: 'Les coûts propres du pool (agents du syndicat, cotisations, coordination) ne sont pas dans le modèle : l’économie affichée est brute.',
      en: "The pool's own running costs (syndicat staff, fees, coordination) are not in the model: the saving shown is gross of them.",
    },
    {
      fr: 'Totaux par commune : somme, sur les usages, de la variante numérique de référence (la plus équipée), qui porte toute l’infrastructure une fois.',
      en: 'Totals per commune: sum over use cases of the reference digital variant (the most devices), which carries the whole infrastructure once.',
    },
  ];
  if (poolCommunes > territories.length) {
    notes.push({
      fr: `Le pool compte ${poolCommunes} communes dont ${territories.length} décrites ici ; les objets des autres ne sont pas connus.`,
      en: `The pool has ${poolCommunes} communes, ${territories.length} of them described here; the others' devices are not known.`,
    });
  }
  if (droppedFigures.length > 0) {
    notes.push({
      fr: `Calcul « seule » : les valeurs par défaut du catalogue remplacent les passerelles, terminaux et plateforme du fichier de ${droppedFigures.join(', ')}, qui décrivent un pool et non la commune.`,
      en: `"Alone" run: catalogue defaults replace the gateways, terminals and platform in the file of ${droppedFigures.join(', ')}, which describe a pool, not the commune.`,
    });
  }
  const others = territories.filter((t) => t.kind !== 'commune').map((t) => `${t.id} (${t.kind})`);
  if (others.length > 0) {
    notes.push({
      fr: `Territoires qui ne sont pas des communes, comparés comme tels : ${others.join(', ')}.`,
      en: `Territories that are not communes, compared as such: ${others.join(', ')}.`,
    });
  }
  return { scenario, poolCommunes, rows, communes, total, notes };
}
