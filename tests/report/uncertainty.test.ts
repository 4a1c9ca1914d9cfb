/**
 * The uncertainty section of the report (content.ts → HTML, Markdown), its workbook sheet, and the i18n helpers it
 * uses, on the example run (TEND and S1, lighting and water) carrying a hand-built `results.uncertainty`
 * (uncertaintyFixtures.ts: every expected figure follows from its stated rule).
 */
import { createCanvas } from '@napi-rs/canvas';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ResultRow, RunResults } from '../../src/evaluate/engine.js';
import { defaultScenario, featuredVariant } from '../../src/report/charts/common.js';
import { quantityLabel } from '../../src/report/charts/uncertaintyCommon.js';
import { buildReport, sectionIds, type ChartImage, type ReportSection } from '../../src/report/content.js';
import { renderHtml } from '../../src/report/html.js';
import { formatEurCompact, formatProbability, formatValue, frequencyOf } from '../../src/report/i18n.js';
import { documentToMarkdown } from '../../src/report/markdown.js';
import { renderWorkbook } from '../../src/report/workbook.js';
import { exampleRun } from './fixtures.js';
import { syntheticSummary, withUncertainty, type Probabilities } from './uncertaintyFixtures.js';

const NBSP = '\u00a0';

/**
 * Probabilities chosen to meet every wording: socio-economic P(NPV > 0) 1 in TEND and 0 in S1; P(net < 0) 0.96 in
 * TEND (rounds to 10 out of 10 without being every draw) and 0.3 in S1; financial P(NPV > 0) 0.7 in TEND and 0.04
 * in S1 (rounds to 0 out of 10 without being none).
 */
function probabilities(r: ResultRow): Probabilities {
  const tend = r.scenario === 'TEND';
  const npvPositive = r.perspective === 'socioEconomic' ? (tend ? 1 : 0) : tend ? 0.7 : 0.04;
  const netNegative = tend ? 0.96 : 0.3;
  return { npvPositive, netNegative, both: Math.min(npvPositive, netNegative), paybackWithin: 0.5 };
}

let plainRun: RunResults;
let results: RunResults;
let section: ReportSection;
let lightingVariant: string;
let lightingName: string;

/** Texts of the section's paragraphs and list items, in order. */
const texts = (s: ReportSection): string[] => s.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : b.kind === 'list' ? b.items : []));
const npvOf = (useCase: string, variant: string, scenario: string, perspective: 'financial' | 'socioEconomic') =>
  results.results.find((r) => r.useCase === useCase && r.variant === variant && r.scenario === scenario && r.perspective === perspective && r.comparedTo === 'status-quo')!
    .metrics.npvEur;

beforeAll(async () => {
  plainRun = await exampleRun();
  results = withUncertainty(plainRun, { probabilities });
  section = buildReport(results, { lang: 'fr' }).sections.find((s) => s.id === 'incertitudes')!;
  lightingVariant = featuredVariant(results, 'lighting', defaultScenario(results));
  lightingName = results.variants.find((v) => v.useCase === 'lighting' && v.id === lightingVariant)!.name.fr;
});

describe('frequencyOf and formatProbability', () => {
  it('says « N cas sur 10 » with N = round(p × 10), and never « always » or « never » unless it is', () => {
    expect(frequencyOf(0.9)).toEqual({ kind: 'tenths', tenths: 9 });
    // 0.05 × 10 = 0.5 rounds to 1; 0.95 × 10 = 9.5 rounds to 10, yet not every draw.
    expect(frequencyOf(0.05)).toEqual({ kind: 'tenths', tenths: 1 });
    expect(frequencyOf(0.95)).toEqual({ kind: 'almostAll', tenths: 10 });
    expect(frequencyOf(0.04)).toEqual({ kind: 'almostNone', tenths: 0 });
    expect(frequencyOf(1)).toEqual({ kind: 'all', tenths: 10 });
    expect(frequencyOf(0)).toEqual({ kind: 'none', tenths: 0 });
    expect(() => frequencyOf(1.2)).toThrow(/share from 0 to 1/);
    expect(() => frequencyOf(NaN)).toThrow(/share from 0 to 1/);
  });

  it('writes a probability with one decimal, never 100 % or 0 % unless every draw or none', () => {
    expect(formatProbability(0.25)).toBe(`25,0${NBSP}%`);
    expect(formatProbability(1)).toBe(`100,0${NBSP}%`);
    expect(formatProbability(0.9996)).toBe(`>${NBSP}99,9${NBSP}%`);
    expect(formatProbability(0.0004)).toBe(`<${NBSP}0,1${NBSP}%`);
    expect(formatProbability(null)).toBe('—');
    expect(formatProbability(0.25, 'en')).toBe('25.0%');
  });
});

describe('the uncertainty section', () => {
  it('exists only when the run carries its uncertainty, after the use cases and before the scenarios', () => {
    expect(sectionIds(results)).toEqual(['synthese', 'usage-lighting', 'usage-water', 'incertitudes', 'scenarios', 'hypotheses', 'methode', 'manifeste']);
    expect(buildReport(results).sections.map((s) => s.id)).toEqual(sectionIds(results));
    expect(sectionIds(plainRun)).not.toContain('incertitudes');
    expect(buildReport(plainRun).sections.map((s) => s.id)).not.toContain('incertitudes');
    expect(section.title).toBe('Incertitudes');
  });

  it('states the method: draws, seed, Latin hypercube per chunk, what is drawn, values held fixed, common random numbers', () => {
    const method = texts(section).find((t) => t.startsWith('1'))!;
    // The fixture: 1,000 draws, seed 7, chunks of 256, 4 quantities (3 parameters, 1 trajectory).
    expect(method).toMatch(/^1\u202f000 tirages \(graine 7\), échantillonnés par hypercube latin par blocs de 256 tirages\./);
    expect(method).toContain('loi PERT (bas, valeur, haut)');
    expect(method).toContain('4 grandeurs incertaines (3 paramètres, 1 trajectoire)');
    expect(method).toContain('Les valeurs que fixe le territoire (ou la ligne de commande) restent fixes');
    expect(method).toContain('nombres aléatoires communs');
    expect(texts(section)).toContain(
      'Tornado (scénario TEND) : chaque grandeur incertaine tour à tour à son P10 puis à son P90, les autres à leur valeur de base ; « ± » donne la moitié de l’écart entre les deux résultats. Il montre les effets un par un, sans leurs interactions.',
    );
    // 1,000 draws: no warning about too few.
    expect(texts(section).some((t) => t.startsWith('Avec '))).toBe(false);
    const few = buildReport(withUncertainty(plainRun, { draws: 200 })).sections.find((s) => s.id === 'incertitudes')!;
    expect(texts(few)).toContain('Avec 200 tirages, les probabilités et les centiles extrêmes (P5, P95) sont approximatifs : comptez 1 000 tirages ou plus pour un rapport.');
  });

  it('reads the Monte Carlo in plain French, « N cas sur 10 » from the probabilities, per scenario', () => {
    const x = (scenario: string) => syntheticSummary(npvOf('lighting', lightingVariant, scenario, 'socioEconomic'));
    const tend = x('TEND');
    const s1 = x('S1');
    const eur = (v: number | null) => formatEurCompact(v, 'fr');
    expect(texts(section)).toContain(
      `Dans tous les tirages, la VAN socio-économique de « ${lightingName} » est positive sous TEND (P10 : ${eur(tend.p10)}, P90 : ${eur(tend.p90)}) ; ` +
        'elle évite des émissions dans plus de 9 cas sur 10 ; pour le budget de la commune, la VAN financière est positive dans 7 cas sur 10.',
    );
    expect(texts(section)).toContain(
      `La VAN socio-économique de « ${lightingName} » n’est positive dans aucun tirage sous S1 (P10 : ${eur(s1.p10)}, P90 : ${eur(s1.p90)}) ; ` +
        'elle évite des émissions dans 3 cas sur 10 ; pour le budget de la commune, la VAN financière est positive dans moins d’un cas sur 10.',
    );
  });

  it('names the three quantities that weigh most, with half their tornado swing', () => {
    // The fixture's swings are 0.7, 0.4 and 0.2 × |base|; the fourth quantity moves nothing.
    const b = Math.abs(npvOf('lighting', lightingVariant, 'TEND', 'socioEconomic'));
    const eur = (v: number) => formatEurCompact(v, 'fr');
    expect(texts(section)).toContain(
      `Ce qui pèse le plus sur la VAN socio-économique de « ${lightingName} » sous TEND : ` +
        `« Prix de l'électricité des petits sites des collectivités » (± ${eur(0.35 * b)}), « ${quantityLabel(results, 'ledLuminaireCostEur', 'fr')} » (± ${eur(0.2 * b)}) ` +
        `et « ${quantityLabel(results, 'socioEconomicDiscountRate', 'fr')} » (± ${eur(0.1 * b)}).`,
    );
  });

  it('reads the recommended variant too when it is not the featured one', () => {
    const waterFeatured = featuredVariant(results, 'water', 'TEND');
    const names = texts(section)
      .filter((t) => t.startsWith('« ') && t.endsWith('scénario par scénario :'))
      .map((t) => t.slice(2, t.indexOf(' »')));
    const water = results.variants.filter((v) => v.useCase === 'water');
    expect(names).toContain(water.find((v) => v.id === waterFeatured)!.name.fr);
    expect(names.length).toBeGreaterThanOrEqual(2);
  });

  it('gives per use case a summary table: NPV percentiles and the three probabilities, units in headers', () => {
    const tables = section.blocks.flatMap((b) => (b.kind === 'table' ? [b] : []));
    expect(tables).toHaveLength(2);
    const t = tables[0];
    expect(t.header).toEqual(['Scénario', 'Variante', 'VAN P10 (€)', 'VAN médiane (€)', 'VAN P90 (€)', 'P(VAN > 0) (%)', 'P(bilan net < 0) (%)', 'P(les deux) (%)']);
    const lightingVariants = results.variants.filter((v) => v.useCase === 'lighting' && v.kind !== 'statusQuo');
    expect(t.rows).toHaveLength(2 * lightingVariants.length);
    const s = syntheticSummary(npvOf('lighting', lightingVariant, 'TEND', 'socioEconomic'));
    expect(t.rows).toContainEqual(['TEND', lightingName, formatValue(s.p10, 'eur'), formatValue(s.p50, 'eur'), formatValue(s.p90, 'eur'), `100,0${NBSP}%`, `96,0${NBSP}%`, `96,0${NBSP}%`]);
  });

  it('reads in English with --lang en', () => {
    const en = buildReport(results, { lang: 'en' }).sections.find((s) => s.id === 'incertitudes')!;
    expect(en.title).toBe('Uncertainty');
    const name = results.variants.find((v) => v.useCase === 'lighting' && v.id === lightingVariant)!.name.en;
    const tend = syntheticSummary(npvOf('lighting', lightingVariant, 'TEND', 'socioEconomic'));
    const eur = (v: number | null) => formatEurCompact(v, 'en');
    expect(texts(en)).toContain(
      `In every draw, the socio-economic NPV of “${name}” is positive under TEND (P10: ${eur(tend.p10)}, P90: ${eur(tend.p90)}); ` +
        'it avoids emissions in more than 9 cases out of 10; for the municipality’s budget, the financial NPV is positive in 7 cases out of 10.',
    );
    expect(texts(en).some((t) => t.startsWith(`What weighs most on the socio-economic NPV of “${name}” under TEND: “Electricity price`))).toBe(true);
  });
});

describe('the uncertainty section in HTML and Markdown', () => {
  function png(colour: string): Buffer {
    const c = createCanvas(8, 6);
    const g = c.getContext('2d');
    g.fillStyle = colour;
    g.fillRect(0, 0, 8, 6);
    return c.toBuffer('image/png');
  }
  const charts: ChartImage[] = [
    { id: 'npv-lighting', useCase: 'lighting', section: 'useCase', title: 'VAN', alt: 'Barres de VAN', png: png('#E69F00') },
    { id: 'tornado-lighting', useCase: 'lighting', section: 'uncertainty', title: 'Tornado', alt: 'Diagramme en tornade', png: png('#0072B2') },
    { id: 'fan-water', useCase: 'water', section: 'uncertainty', title: 'Éventail', alt: 'Éventail de la VAN', png: png('#009E73') },
  ];
  const sectionOf = (html: string, id: string) => {
    const start = html.indexOf(`<section id="${id}"`);
    return start < 0 ? '' : html.slice(start, html.indexOf('</section>', start));
  };

  it('places the uncertainty charts in #incertitudes only, and escapes the names it quotes', () => {
    const hostile = { ...results, variants: results.variants.map((v) => (v.id === lightingVariant && v.useCase === 'lighting' ? { ...v, name: { fr: '<b>LED</b>', en: '<b>LED</b>' } } : v)) };
    const html = renderHtml(hostile, { lang: 'fr', charts });
    const unc = sectionOf(html, 'incertitudes');
    expect(unc).toContain('<h2>Incertitudes</h2>');
    expect(unc).toContain('id="chart-tornado-lighting"');
    expect(unc).toContain('id="chart-fan-water"');
    expect(unc.indexOf('id="chart-tornado-lighting"')).toBeLessThan(unc.indexOf('<h3>Eau potable</h3>'));
    expect(unc).toContain('« &lt;b&gt;LED&lt;/b&gt; »');
    expect(unc).not.toContain('<b>LED</b>');
    for (const other of ['synthese', 'usage-lighting', 'usage-water']) expect(sectionOf(html, other), other).not.toContain('chart-tornado');
    expect(sectionOf(html, 'usage-lighting')).toContain('id="chart-npv-lighting"');
    expect(html).toContain('<a href="#incertitudes">Incertitudes</a>');
  });

  it('has no uncertainty section without draws', () => {
    const html = renderHtml(plainRun, { lang: 'fr', charts: charts.filter((c) => c.section !== 'uncertainty') });
    expect(html).not.toContain('id="incertitudes"');
  });

  it('writes the same section in Markdown, with its anchor and its images beside it', () => {
    const md = documentToMarkdown(buildReport(results, { lang: 'fr', charts }));
    expect(md).toContain('<a id="incertitudes"></a>\n\n## Incertitudes');
    expect(md).toContain('![Diagramme en tornade](charts/tornado-lighting.png)');
    expect(md.indexOf('## Incertitudes')).toBeLessThan(md.indexOf('## Scénarios'));
  });
});

describe('the uncertainty sheet of the workbook', () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderWorkbook(results, { lang: 'fr' })) as unknown as ArrayBuffer);
  });

  it('is added after the others, its header frozen, units in its headers', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Synthèse', 'Indicateurs', 'Flux', 'Paramètres', 'Trajectoires', 'Flux des variantes', 'Incertitudes']);
    const ws = wb.getWorksheet('Incertitudes')!;
    // Title, six lines on the draws, a blank line, then the header (row 9).
    expect([ws.getCell('A2').value, ws.getCell('B2').value, ws.getCell('A3').value, ws.getCell('B3').value]).toEqual(['Tirages', 1000, 'Graine', 7]);
    const view = ws.views[0] as { state?: string; ySplit?: number };
    expect([view.state, view.ySplit]).toEqual(['frozen', 9]);
    const header = (ws.getRow(9).values as unknown[]).slice(1) as string[];
    for (const h of ['VAN moyenne (€)', 'VAN P10 (€)', 'VAN P95 (€)', 'Bilan carbone net P50 (tCO2e)', 'Temps de retour P90 (ans)', 'P(VAN > 0) (%)', 'P(retour ≤ 10 ans) (%)']) {
      expect(header).toContain(h);
    }
  });

  it('holds the Monte Carlo summary of every comparison, as numbers with formats', () => {
    const ws = wb.getWorksheet('Incertitudes')!;
    expect(ws.rowCount).toBe(9 + results.uncertainty!.montecarlo.results.length);
    const header = (ws.getRow(9).values as unknown[]).slice(1) as string[];
    const col = (h: string) => header.indexOf(h) + 1;
    const variantName = results.variants.find((v) => v.useCase === 'lighting' && v.id === lightingVariant)!.name.fr;
    let row = 0;
    ws.eachRow((r, i) => {
      if (i > 9 && r.getCell(2).value === variantName && r.getCell(4).value === 'TEND' && String(r.getCell(5).value).startsWith('socio')) row = i;
    });
    expect(row).toBeGreaterThan(9);
    const s = syntheticSummary(npvOf('lighting', lightingVariant, 'TEND', 'socioEconomic'));
    expect(ws.getCell(row, col('VAN P10 (€)')).value).toBeCloseTo(s.p10!, 6);
    expect(ws.getCell(row, col('VAN P10 (€)')).numFmt).toBe('#,##0 "€"');
    expect(ws.getCell(row, col('P(bilan net < 0) (%)')).value).toBe(0.96);
    expect(ws.getCell(row, col('P(bilan net < 0) (%)')).numFmt).toBe('0.0%');
  });

  it('is absent without draws', async () => {
    const plain = new ExcelJS.Workbook();
    await plain.xlsx.load((await renderWorkbook(plainRun, { lang: 'en' })) as unknown as ArrayBuffer);
    expect(plain.worksheets.map((w) => w.name)).not.toContain('Uncertainty');
  });
});

describe('labels of uncertain quantities', () => {
  it('uses the French description in French when the defaults give one, and the id otherwise', async () => {
    const { loadTerritory } = await import('../../src/io/territory.js');
    const { runTerritory } = await import('../../src/evaluate/load.js');
    const { examplesDir } = await import('../../src/core/paths.js');
    const r = runTerritory(await loadTerritory(`${examplesDir()}/ville-moyenne/territory.yaml`), { scenarios: ['TEND'], useCases: ['lighting'] });
    // scenarios/reference/finance-rules.yaml describes the socio-economic rate in French and English.
    const fr = r.parameters.find((p) => p.name === 'socioEconomicDiscountRate')!.descriptionFr!;
    expect(fr).toBeTruthy();
    // The label is the French description itself, or its first clause when it is long.
    expect(fr.startsWith(quantityLabel(r, 'socioEconomicDiscountRate', 'fr').replace(/…$/, ''))).toBe(true);
    expect(quantityLabel(r, 'socioEconomicDiscountRate', 'fr')).not.toBe('socioEconomicDiscountRate');
    expect(quantityLabel(r, 'noSuchParameter', 'fr')).toBe('noSuchParameter');
  }, 60_000);
});
