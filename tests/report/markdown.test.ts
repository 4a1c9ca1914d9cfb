import { createCanvas } from '@napi-rs/canvas';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResults } from '../../src/evaluate/engine.js';
import { recommend } from '../../src/evaluate/recommend.js';
import { buildReport, sectionIds, type ChartImage } from '../../src/report/content.js';
import { escapeMarkdown } from '../../src/report/escape.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { exampleRun } from './fixtures.js';

const HOSTILE_NAME = '<script>alert(1)</script> | *x*';

let results: RunResults;
let charts: ChartImage[];
let md: string;
let files: ReturnType<typeof renderMarkdown>;

function png(): Buffer {
  const c = createCanvas(4, 4);
  c.getContext('2d').fillRect(0, 0, 4, 4);
  return c.toBuffer('image/png');
}

beforeAll(async () => {
  results = await exampleRun(HOSTILE_NAME);
  charts = [
    { id: 'metric-table', section: 'summary', title: 'Indicateurs', alt: 'Tableau [coloré]', png: png() },
    { id: 'npv-lighting', useCase: 'lighting', section: 'useCase', title: 'VAN', alt: 'Barres de VAN', png: png() },
  ];
  files = renderMarkdown(results, { lang: 'fr', charts });
  md = files.find((f) => f.name === 'report.md')!.content as string;
});

describe('renderMarkdown', () => {
  it('writes report.md and one PNG per chart beside it', () => {
    expect(files.map((f) => f.name)).toEqual(['report.md', 'charts/metric-table.png', 'charts/npv-lighting.png']);
    expect(files[1].content).toBe(charts[0].png);
  });

  it('has the same sections as the HTML report, each with its anchor, in order', () => {
    const doc = buildReport(results, { charts });
    expect(doc.sections.map((s) => s.id)).toEqual(sectionIds(results));
    let last = -1;
    for (const s of doc.sections) {
      const at = md.indexOf(`<a id="${s.id}"></a>\n\n## ${escapeMarkdown(s.title)}`);
      expect(at, s.id).toBeGreaterThan(last);
      expect(md, s.id).toContain(`](#${s.id})`);
      last = at;
    }
  });

  it('links every chart image with its alt text', () => {
    expect(md).toContain('![Tableau \\[coloré\\]](charts/metric-table.png)');
    expect(md).toContain('![Barres de VAN](charts/npv-lighting.png)');
    // The use-case chart sits in the use case's section.
    expect(md.indexOf('charts/npv-lighting.png')).toBeGreaterThan(md.indexOf('<a id="usage-lighting"></a>'));
    expect(md.indexOf('charts/npv-lighting.png')).toBeLessThan(md.indexOf('<a id="usage-water"></a>'));
  });

  it('escapes user text: no raw tag, pipes and emphasis escaped', () => {
    expect(md).not.toMatch(/<script/i);
    expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt; \\| \\*x\\*');
  });

  it('carries the recommendation sentences and the tables of the summary', () => {
    const rec = recommend(results).recommendations.find((r) => r.useCase === 'lighting')!;
    const name = results.variants.find((v) => v.useCase === 'lighting' && v.id === rec.variant)!.name.fr;
    expect(md).toContain(`**→** Sous les deux scénarios, la variante recommandée, « ${escapeMarkdown(name)} »`);
    expect(md).toMatch(/\| Scénario \| Variante recommandée \| VAN financière \(€\) \|/);
    expect(md).toMatch(/\| --- \| --- \| ---: \|/);
  });

  it('moves the method notes’ headings under the annex', () => {
    const method = md.slice(md.indexOf('<a id="methode"></a>'), md.indexOf('<a id="manifeste"></a>'));
    expect(method).toContain('### Éclairage public');
    expect(method).toMatch(/^#### Objet$/m);
    // The only level-1 or level-2 heading is the annex's own.
    expect(method.split('\n').filter((l) => /^#{1,2} /.test(l))).toEqual(['## Annexe : méthode']);
  });

  it('writes the theme logo beside the report', () => {
    const logo = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>');
    const out = renderMarkdown(results, { theme: { organisation: 'SDE', colours: { primary: '#000', accent: '#fff' }, logo: { file: 'x.svg', mediaType: 'image/svg+xml', data: logo } } });
    expect(out.map((f) => f.name)).toEqual(['report.md', 'logo.svg']);
    expect(out[0].content as string).toContain('![SDE](logo.svg) **SDE**');
  });

  it('refuses two charts with the same file name', () => {
    expect(() => renderMarkdown(results, { charts: [charts[0], { ...charts[1], id: 'Metric Table' }] })).toThrow(/share the file name/);
  });
});
