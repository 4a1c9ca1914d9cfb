/**
 * `territoires portfolio [TERRITORY…] --budget EUR --objective npv|socioEconomicNpv|tco2e [--json]`: several
 * territories and use cases in one run — the marginal abatement cost curve, the best set of variants under the
 * budget (exact), and for two or more communes the effect of pooling their digital infrastructure.
 */
import { join, resolve } from 'node:path';
import { InputError } from '../core/errors.js';
import { examplesDir } from '../core/paths.js';
import { loadTerritory } from '../io/territory.js';
import { OBJECTIVES, runPortfolio, type Objective, type PortfolioResult } from '../portfolio/index.js';
import type { LeftOutReason } from '../portfolio/select.js';
import { formatNumber, table, type Lang } from './output.js';
import { DEFAULT_TERRITORY } from './run.js';

export interface PortfolioCommandOptions {
  /** Total investment budget [EUR] (a string is parsed with `parseEuros`). */
  budget: number | string;
  objective: Objective;
  /** Scenario of the selection (default TEND). */
  scenario?: string;
  json?: boolean;
  lang: Lang;
  /** Cap on the investment started each programme year [EUR/year]: one value, or one per year (a string is parsed with `parseEuroList`). */
  yearlyCap?: number[] | string;
  /** Latest start year index with yearly caps [years] (a string is read as a whole number). */
  maxDelay?: number | string;
}

/**
 * Reads an amount in euros from the command line: digits with optional spaces, underscores or thin spaces as
 * thousands separators, a decimal point or comma, an optional `k` (×1,000) or `M` (×1,000,000) and `€`/`EUR`.
 * @param value the text given, e.g. `2 000 000`, `2e6`, `1,5M€`, `750k`
 * @returns the amount [EUR]
 * @throws InputError when the text is not such an amount or is negative
 * @example parseEuros('1,5M€') // 1500000
 */
export function parseEuros(value: string, option = '--budget'): number {
  const text = String(value)
    .trim()
    .replace(/[\s_\u00a0\u202f]/g, '')
    .replace(/(€|EUR)$/i, '');
  const m = /^(\d+(?:[.,]\d+)?(?:e\d+)?)([kKmM]?)$/.exec(text);
  const amount = m ? Number(m[1].replace(',', '.')) * (m[2] === '' ? 1 : /k/i.test(m[2]) ? 1e3 : 1e6) : NaN;
  if (!Number.isFinite(amount) || amount < 0) {
    throw new InputError(`invalid amount for ${option}: ${value}`, {
      path: option,
      expected: 'an amount in euros ≥ 0, e.g. 2000000, "2 000 000", 2e6, 1.5M or 750k',
      received: String(value),
      fix: `write the amount in euros, e.g. ${option} 2000000`,
    });
  }
  return amount;
}

/**
 * Reads a list of amounts in euros (`--yearly-cap`): separated by semicolons, or by commas when there is no
 * semicolon (then write decimals with a point, or use `k`/`M`).
 * @example parseEuroList('500k;1,2M') // [500000, 1200000]
 * @example parseEuroList('500000,800000') // [500000, 800000]
 */
export function parseEuroList(value: string): number[] {
  const text = String(value);
  return text
    .split(text.includes(';') ? ';' : ',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => parseEuros(s, '--yearly-cap'));
}

const OBJECTIVE_LABEL: Record<Objective, { fr: string; en: string }> = {
  npv: { fr: 'VAN financière', en: 'financial NPV' },
  socioEconomicNpv: { fr: 'VAN socio-économique', en: 'socio-economic NPV' },
  tco2e: { fr: 'tonnes de CO2e évitées', en: 'tonnes of CO2e avoided' },
};

const REASON_LABEL: Record<LeftOutReason, { fr: string; en: string }> = {
  nonPositiveValue: { fr: 'valeur ≤ 0', en: 'value ≤ 0' },
  exceedsBudget: { fr: 'dépasse seule le budget (ou le plafond annuel)', en: 'exceeds the budget (or yearly cap) alone' },
  dominated: { fr: 'dominée par', en: 'dominated by' },
  otherVariantChosen: { fr: 'autre variante retenue', en: 'other variant chosen' },
  budget: { fr: 'budget mieux employé ailleurs', en: 'budget better spent elsewhere' },
};

/**
 * Runs the portfolio of the given territory files (none: the built-in example town) and prints a table, or with
 * `json` the document `{macc, selection, pooling?}` and nothing else. Resolves to the exit code (0).
 * @throws InputError on a bad budget, objective, scenario or territory file (exit code 2 in the CLI)
 */
export async function portfolioCommand(files: string[], opts: PortfolioCommandOptions): Promise<number> {
  if (opts.budget === undefined || opts.budget === null || opts.budget === '') {
    throw new InputError('the budget is missing', {
      path: '--budget',
      expected: 'the total investment budget in euros',
      received: 'nothing',
      fix: 'add --budget 2000000',
    });
  }
  const budgetEur = typeof opts.budget === 'number' ? opts.budget : parseEuros(opts.budget);
  if (!Number.isFinite(budgetEur) || budgetEur < 0) {
    throw new InputError(`invalid amount for --budget: ${budgetEur}`, {
      path: '--budget',
      expected: 'an amount in euros ≥ 0',
      received: String(budgetEur),
      fix: 'write the amount in euros, e.g. --budget 2000000',
    });
  }
  if (!OBJECTIVES.includes(opts.objective)) {
    throw new InputError(`unknown objective ${String(opts.objective)}`, {
      path: '--objective',
      expected: OBJECTIVES.join(', '),
      received: String(opts.objective),
      fix: 'use --objective npv (financial NPV), socioEconomicNpv or tco2e (tonnes avoided)',
    });
  }
  const paths = files.length > 0 ? files.map((f) => resolve(f)) : [join(examplesDir(), DEFAULT_TERRITORY, 'territory.yaml')];
  const territories = [];
  for (const file of paths) territories.push(await loadTerritory(file));
  const caps = typeof opts.yearlyCap === 'string' ? parseEuroList(opts.yearlyCap) : opts.yearlyCap;
  const yearlyCapEur = caps && caps.length > 0 ? (caps.length === 1 ? caps[0] : caps) : undefined;
  const maxDelayYears = opts.maxDelay === undefined ? undefined : Number(opts.maxDelay);
  if (maxDelayYears !== undefined && (!Number.isInteger(maxDelayYears) || maxDelayYears < 0 || (Array.isArray(yearlyCapEur) && maxDelayYears > yearlyCapEur.length - 1))) {
    throw new InputError(`invalid --max-delay ${String(opts.maxDelay)}`, {
      path: '--max-delay',
      expected: Array.isArray(yearlyCapEur) ? `a whole number from 0 to ${yearlyCapEur.length - 1} (one cap per year)` : 'a whole number of years ≥ 0',
      received: String(opts.maxDelay),
      fix: 'give the latest start year index, e.g. --max-delay 5 for a six-year programme',
    });
  }
  const result = runPortfolio(territories, {
    budgetEur,
    objective: opts.objective,
    scenario: opts.scenario,
    yearlyCapEur,
    maxDelayYears,
  });
  if (opts.json) {
    process.stdout.write(JSON.stringify(portfolioDocument(result), null, 2) + '\n');
    return 0;
  }
  process.stdout.write(portfolioText(result, territories.length, opts.lang) + '\n');
  return 0;
}

/** The machine-readable document of `--json`: `{macc, selection, pooling?}`. */
export function portfolioDocument(result: PortfolioResult): Record<string, unknown> {
  return {
    macc: result.macc,
    selection: result.selection,
    ...(result.pooling ? { pooling: result.pooling } : {}),
  };
}

/** The terminal rendering: chosen set, what was left out, MACC of the selection scenario, pooling. */
export function portfolioText(result: PortfolioResult, territoryCount: number, lang: Lang): string {
  const fr = lang === 'fr';
  const s = result.selection;
  const money = s.unit === 'EUR';
  const value = (x: number) => (money ? formatNumber(x / 1000, 0, lang) : formatNumber(x, 0, lang));
  const valueHeader = money ? `${OBJECTIVE_LABEL[s.objective][lang]} k€` : 'tCO2e';
  const k = (x: number) => formatNumber(x / 1000, 0, lang);
  const parts = (id: string) => id.split('/');
  const out: string[] = [];

  out.push(
    fr
      ? `Portefeuille — ${territoryCount} territoire(s), scénario ${s.scenario}, objectif : ${OBJECTIVE_LABEL[s.objective].fr}, budget ${k(s.budgetEur)} k€`
      : `Portfolio — ${territoryCount} territor${territoryCount > 1 ? 'ies' : 'y'}, scenario ${s.scenario}, objective: ${OBJECTIVE_LABEL[s.objective].en}, budget ${k(s.budgetEur)} k€`,
  );
  out.push('');
  out.push(fr ? 'Variantes retenues' : 'Chosen variants');
  const chosenRows = s.phasing.map((p) => [...parts(p.id), String(p.startYear), k(p.capexEur), value(p.value)]);
  chosenRows.push([fr ? 'Total' : 'Total', '', '', '', k(s.capexEur), value(s.objectiveValue)]);
  out.push(
    table(
      fr ? ['Territoire', 'Usage', 'Variante', 'Début', 'Investissement k€', valueHeader] : ['Territory', 'Use case', 'Variant', 'Start', 'Investment k€', valueHeader],
      chosenRows,
      [false, false, false, true, true, true],
    ),
  );
  if (s.yearlyCapEur) {
    out.push('');
    out.push(fr ? 'Investissement engagé par année (plafond)' : 'Investment started per year (cap)');
    out.push(
      table(
        fr ? ['Année', 'Investissement k€', 'Plafond k€'] : ['Year', 'Investment k€', 'Cap k€'],
        s.capexByYear.map((y, i) => [String(y.year), k(y.capexEur), k(s.yearlyCapEur![i])]),
        [false, true, true],
      ),
    );
  }
  out.push('');
  out.push(fr ? 'Variantes écartées' : 'Left out');
  const candidate = new Map(s.candidates.map((c) => [c.id, c]));
  out.push(
    table(
      fr ? ['Territoire', 'Usage', 'Variante', 'Investissement k€', valueHeader, 'Raison'] : ['Territory', 'Use case', 'Variant', 'Investment k€', valueHeader, 'Reason'],
      s.leftOut.map((l) => {
        const c = candidate.get(l.id)!;
        const reason = REASON_LABEL[l.reason][lang] + (l.dominatedBy ? ` ${parts(l.dominatedBy)[2]}` : '');
        return [...parts(l.id), k(c.capexEur), value(c.value), reason];
      }),
      [false, false, false, true, true, false],
    ),
  );
  out.push('');
  out.push(
    fr
      ? `Méthode : séparation et évaluation exacte (sac à dos à choix multiples, au plus une variante par usage et territoire, borne par relaxation linéaire)${s.yearlyCapEur ? ', année de début comprise dans le choix' : ''} — ${s.optimal ? 'optimum prouvé' : 'ARRÊT à la limite de nœuds : optimum NON prouvé'}. Les valeurs des variantes sont additionnées comme indépendantes.`
      : `Method: ${s.method}`,
  );

  const bars = result.macc.filter((m) => m.scenario === s.scenario);
  out.push('');
  out.push(
    fr
      ? `Courbe des coûts d'abattement (MACC), scénario ${s.scenario} : variantes contre le statu quo, les moins chères d'abord (les variantes d'un même usage s'excluent : leur cumul surestime le potentiel)`
      : `Marginal abatement cost curve, scenario ${s.scenario}: variants against the status quo, cheapest first (variants of one use case exclude one another: their sum overstates the potential)`,
  );
  out.push(
    table(
      fr ? ['Territoire', 'Usage', 'Variante', '€/tCO2e', 'tCO2e évitées', 'Cumul tCO2e'] : ['Territory', 'Use case', 'Variant', '€/tCO2e', 'tCO2e avoided', 'Cumulative tCO2e'],
      bars.map((m) => [m.territory, m.useCase, m.variant, formatNumber(m.abatementCostEurPerTco2e, 0, lang), formatNumber(m.avoidedTco2e, 0, lang), formatNumber(m.cumulativeTco2e, 0, lang)]),
      [false, false, false, true, true, true],
    ),
  );

  const pool = result.pooling;
  if (pool) {
    out.push('');
    out.push(
      fr
        ? `Mutualisation de l'infrastructure numérique (${pool.poolCommunes} communes, scénario ${pool.scenario}) : chaque commune seule puis mutualisée`
        : `Pooling the digital infrastructure (${pool.poolCommunes} communes, scenario ${pool.scenario}): each commune alone, then pooled`,
    );
    const rows = pool.communes.map((c) => [
      c.territory,
      formatNumber(c.devices, 0, lang),
      `${formatNumber(c.sizing.alone.gateways, 1, lang)} → ${formatNumber(c.sizing.pooled.gateways, 1, lang)}`,
      k(c.alone.socioEconomicNpvEur),
      k(c.pooled.socioEconomicNpvEur),
      k(c.difference.socioEconomicNpvEur),
      formatNumber(c.alone.digitalTco2e, 1, lang),
      formatNumber(c.pooled.digitalTco2e, 1, lang),
    ]);
    rows.push([
      'Total',
      '',
      '',
      k(pool.total.alone.socioEconomicNpvEur),
      k(pool.total.pooled.socioEconomicNpvEur),
      k(pool.total.difference.socioEconomicNpvEur),
      formatNumber(pool.total.alone.digitalTco2e, 1, lang),
      formatNumber(pool.total.pooled.digitalTco2e, 1, lang),
    ]);
    out.push(
      table(
        fr
          ? ['Commune', 'Objets', 'Passerelles', 'VAN s.-é. seule k€', 'VAN s.-é. mutualisée k€', 'Écart k€', 'tCO2e num. seule', 'tCO2e num. mutualisée']
          : ['Commune', 'Devices', 'Gateways', 'S.-e. NPV alone k€', 'S.-e. NPV pooled k€', 'Difference k€', 'Digital tCO2e alone', 'Digital tCO2e pooled'],
        rows,
        [false, true, true, true, true, true, true, true],
      ),
    );
    for (const n of pool.notes) out.push(`- ${n[lang]}`);
  }
  return out.join('\n');
}
