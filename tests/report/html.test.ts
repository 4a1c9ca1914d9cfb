import { createCanvas } from '@napi-rs/canvas';
import { beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/core/paths.js';
import type { RunResults } from '../../src/evaluate/engine.js';
import { recommend } from '../../src/evaluate/recommend.js';
import { sectionIds, type ChartImage } from '../../src/report/content.js';
import { escapeHtml } from '../../src/report/escape.js';
import { renderHtml } from '../../src/report/html.js';
import { formatEurRange, formatValue } from '../../src/report/i18n.js';
import { DEFAULT_THEME } from '../../src/report/theme.js';
import { exampleRun } from './fixtures.js';

const HOSTILE = {
  territory: '<script>alert(1)</script>',
  variantDescription: '<img src=x onerror=alert(2)>',
  source: '"><svg onload=alert(3)>',
  scenarioDescription: '</style><script>alert(4)</script>',
  chartAlt: 'x" onload="alert(5)',
  chartTitle: '<b>bold</b>',
  inputFile: '/data/<evil>.yaml',
};

function png(colour: string): Buffer {
  const c = createCanvas(8, 6);
  const g = c.getContext('2d');
  g.fillStyle = colour;
  g.fillRect(0, 0, 8, 6);
  return c.toBuffer('image/png');
}

let results: RunResults;
let charts: ChartImage[];
let html: string;

/** The HTML of one section, from its opening tag to the next section's. */
function section(id: string): string {
  const start = html.indexOf(`<section id="${id}"`);
  expect(start, id).toBeGreaterThanOrEqual(0);
  const end = html.indexOf('</section>', start);
  return html.slice(start, end);
}

beforeAll(async () => {
  results = await exampleRun(HOSTILE.territory);
  results.variants[1].description.fr = HOSTILE.variantDescription;
  results.parameters[0].source = HOSTILE.source;
  results.scenarios[0].description.fr = HOSTILE.scenarioDescription;
  results.manifest.inputs.push({ file: HOSTILE.inputFile, sha256: 'ab'.repeat(32) });
  charts = [
    { id: 'summary-chart', section: 'summary', title: HOSTILE.chartTitle, alt: HOSTILE.chartAlt, png: png('#0072B2') },
    { id: 'npv-lighting', useCase: 'lighting', section: 'useCase', title: 'VAN', alt: 'Barres de VAN', png: png('#E69F00') },
    { id: 'npv-water', useCase: 'water', section: 'useCase', title: 'VAN eau', alt: 'Barres de VAN (eau)', png: png('#009E73') },
    { id: 'macc', section: 'portfolio', title: 'MACC', alt: 'Courbe', png: png('#D55E00') },
  ];
  html = renderHtml(results, { lang: 'fr', theme: DEFAULT_THEME, charts });
});

describe('renderHtml: structure', () => {
  it('is one HTML document in French', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="fr">')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
  });

  it('has every section, with its stable id, once and in order', () => {
    const ids = sectionIds(results);
    expect(ids).toEqual(['synthese', 'usage-lighting', 'usage-water', 'scenarios', 'hypotheses', 'methode', 'manifeste']);
    let last = -1;
    for (const id of ids) {
      const at = html.indexOf(`<section id="${id}" class="report-section">`);
      expect(at, id).toBeGreaterThan(last);
      expect(html.indexOf(`<section id="${id}"`, at + 1), id).toBe(-1);
      expect(html, id).toContain(`<a href="#${id}">`);
      last = at;
    }
  });

  it('embeds every chart as a PNG data URI with its alt text, in its section', () => {
    for (const c of charts) {
      const img = `<img src="data:image/png;base64,${Buffer.from(c.png).toString('base64')}" alt="${escapeHtml(c.alt)}">`;
      expect(html, c.id).toContain(img);
      const where = c.section === 'useCase' ? `usage-${c.useCase}` : 'synthese';
      expect(section(where), c.id).toContain(img);
    }
  });

  it('is self-contained and printable on A4, with no script', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link|src="http|url\(/i);
    expect(html).toMatch(/@page \{ size: A4;/);
    expect(html).toMatch(/section\.report-section \{ break-before: page;/);
    expect(html).toMatch(/thead \{ display: table-header-group; \}/);
  });
});

describe('renderHtml: escaping', () => {
  it('escapes the territory name, descriptions, sources, chart texts and file names', () => {
    expect(html).toContain(escapeHtml(HOSTILE.territory));
    expect(html).toContain(escapeHtml(HOSTILE.variantDescription));
    expect(html).toContain(escapeHtml(HOSTILE.source));
    expect(html).toContain(escapeHtml(HOSTILE.scenarioDescription));
    expect(html).toContain(`alt="${escapeHtml(HOSTILE.chartAlt)}"`);
    expect(html).toContain(escapeHtml(HOSTILE.chartTitle));
    for (const raw of [HOSTILE.variantDescription, HOSTILE.source, HOSTILE.scenarioDescription, HOSTILE.chartTitle, '<evil>', HOSTILE.chartAlt]) {
      expect(html, raw).not.toContain(raw);
    }
  });

  it('keeps only the tags it writes itself', () => {
    const tags = new Set([...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[1].toLowerCase()));
    const allowed = ['html', 'head', 'meta', 'title', 'style', 'body', 'header', 'div', 'span', 'img', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'nav', 'ol', 'ul', 'li', 'a', 'main', 'section', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'figure', 'figcaption', 'footer', 'code', 'strong', 'em', 'pre', 'hr', 'blockquote'];
    for (const t of tags) expect(allowed, t).toContain(t);
  });
});

describe('renderHtml: content', () => {
  it('states the recommended variant of each use case and its financial NPV range in the summary', () => {
    const summary = section('synthese');
    const recs = recommend(results).recommendations;
    for (const useCase of ['lighting', 'water']) {
      const mine = recs.filter((r) => r.useCase === useCase);
      const name = results.variants.find((v) => v.useCase === useCase && v.id === mine[0].variant)!.name.fr;
      expect(summary, useCase).toContain(escapeHtml(`« ${name} »`));
      if (mine.every((r) => r.variant === mine[0].variant && r.figures)) {
        const fin = mine.map((r) => r.figures!.financialNpvEur);
        // The sentence quotes the lowest and highest financial NPV over the scenarios, in one scale.
        expect(summary, useCase).toContain(formatEurRange(Math.min(...fin), Math.max(...fin)));
      }
    }
    expect(summary).toContain('Sous les deux scénarios');
  });

  it('tabulates every variant against the status quo with its financial NPV', () => {
    const lighting = section('usage-lighting');
    const rows = results.results.filter((r) => r.useCase === 'lighting' && r.comparedTo === 'status-quo' && r.perspective === 'financial');
    expect(rows.length).toBe(10); // 5 variants × 2 scenarios
    for (const r of rows) expect(lighting).toContain(`<td class="num">${formatValue(r.metrics.npvEur, 'eur', 'fr')}</td>`);
  });

  it('lists every parameter in the assumptions annex with its confidence', () => {
    const annex = section('hypotheses');
    for (const p of results.parameters) expect(annex, p.name).toContain(escapeHtml(p.name));
    expect(annex).toContain('hypothèse');
  });

  it('quotes the French method notes as HTML under the annex', () => {
    const method = section('methode');
    expect(method).toContain('<h3>Éclairage public</h3>');
    expect(method).toContain('<h4>Objet</h4>');
    expect(method).not.toContain('<h4>Purpose</h4>');
    expect(method).toContain('<h3>Infrastructure numérique partagée</h3>');
  });

  it('shows the manifest: version, input hashes, seed', () => {
    const m = section('manifeste');
    expect(m).toContain(results.manifest.version);
    for (const i of results.manifest.inputs) expect(m).toContain(i.sha256);
    expect(m).toContain('aucune (calcul déterministe)');
    expect(m).toContain('examples/ville-moyenne/territory.yaml');
  });

  it('shows no absolute path of the author’s folders', () => {
    expect(html).not.toContain(packageRoot());
  });

  it('is written in English with lang en', () => {
    const en = renderHtml(results, { lang: 'en', charts });
    expect(en.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(en).toContain('Summary for decision-makers');
    expect(en).toContain('<h4>Purpose</h4>');
    expect(en).toContain('Under both scenarios');
  });

  it('carries the theme: organisation, colours, logo, footer', () => {
    const logo = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>');
    const themed = renderHtml(results, {
      theme: { organisation: 'Syndicat <SDE>', colours: { primary: '#123456', accent: '#abcdef' }, footer: 'Pied & page', logo: { file: 'l.svg', mediaType: 'image/svg+xml', data: logo } },
    });
    expect(themed).toContain('--primary: #123456; --accent: #abcdef;');
    expect(themed).toContain('Syndicat &lt;SDE&gt;');
    expect(themed).toContain(`<img src="data:image/svg+xml;base64,${Buffer.from(logo).toString('base64')}" alt="Syndicat &lt;SDE&gt;">`);
    expect(themed).toContain('<footer class="report-footer">Pied &amp; page · Syndicat &lt;SDE&gt;</footer>');
    // The footer is also printed at the foot of every page, as a CSS string.
    expect(themed).toContain('@bottom-left { content: "Pied & page";');
  });

  it('escapes a hostile footer in the print stylesheet', () => {
    const themed = renderHtml(results, { theme: { ...DEFAULT_THEME, footer: '"; } </style><script>alert(6)</script>' } });
    expect(themed).not.toMatch(/<script/i);
    expect(themed.match(/<\/style>/g)).toHaveLength(1);
    expect(themed).toContain('content: "\\"; } \\3c /style\\3e \\3c script\\3e alert(6)\\3c /script\\3e ";');
  });
});
