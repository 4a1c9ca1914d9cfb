/**
 * The HTML report: one self-contained file (styles inline, charts and logo as base64 data URIs, no script, no
 * external resource), `lang` set, an A4 print stylesheet (each section starts a page; table headers repeat on
 * every page). Every piece of text comes from the report document (content.ts) and is escaped here with
 * `escapeHtml`; the method notes go through the safe Markdown converter.
 */
import type { RunResults } from '../evaluate/engine.js';
import type { RecommendationSet } from '../evaluate/recommend.js';
import { buildReport, type Block, type ChartImage, type ReportDocument } from './content.js';
import { escapeHtml, safeId } from './escape.js';
import { strings, type Lang } from './i18n.js';
import { markdownToHtml } from './markdownToHtml.js';
import { DEFAULT_THEME, type Theme } from './theme.js';

export interface HtmlOptions {
  lang?: Lang;
  theme?: Theme;
  charts?: readonly ChartImage[];
  recommendations?: RecommendationSet;
}

/**
 * A data URI of bytes (base64).
 * @example dataUri('image/png', Uint8Array.from([137, 80])) // 'data:image/png;base64,iVA='
 */
export function dataUri(mediaType: string, bytes: Uint8Array): string {
  return `data:${mediaType};base64,${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')}`;
}

/**
 * A CSS string literal: quotes and backslashes escaped, `<`, `>` and line breaks as hexadecimal escapes (so that
 * the text can neither end the string nor the `<style>` element).
 * @example cssString('a "b" </style>') // '"a \\"b\\" \\3c /style\\3e "'
 */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[<>\r\n\f]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

function stylesheet(theme: Theme): string {
  // Theme colours are validated as #rgb / #rrggbb by the theme schema, so they are safe in CSS.
  const colour = (c: string, fallback: string) => (/^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(c) ? c : fallback);
  return `
:root { --primary: ${colour(theme.colours.primary, DEFAULT_THEME.colours.primary)}; --accent: ${colour(theme.colours.accent, DEFAULT_THEME.colours.accent)}; --ink: #1a1a1a; --muted: #595959; --rule: #d0d7de; --band: #f2f5f8; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "DejaVu Sans", "Segoe UI", "Helvetica Neue", Arial, sans-serif; font-size: 11pt; line-height: 1.45; color: var(--ink); margin: 0 auto; max-width: 62rem; padding: 0 1.5rem 4rem; }
header.report-header { border-top: 10px solid var(--primary); padding: 1rem 0 .5rem; margin-bottom: 1rem; }
.brand { display: flex; align-items: center; gap: .8rem; color: var(--primary); font-weight: bold; }
.brand img { max-height: 3.2rem; max-width: 12rem; }
h1 { font-size: 1.7rem; margin: .6rem 0 .2rem; color: var(--primary); }
h2 { font-size: 1.35rem; color: var(--primary); border-bottom: 2px solid var(--primary); padding-bottom: .2rem; margin-top: 2.2rem; }
h3 { font-size: 1.12rem; color: var(--primary); margin: 1.4rem 0 .4rem; }
h4, h5, h6 { font-size: 1rem; color: var(--primary); margin: 1rem 0 .3rem; }
p.territory { font-size: 1.2rem; margin: 0; }
p.subtitle { color: var(--muted); margin: .2rem 0 0; }
p.lead { font-size: 1.05rem; }
p.recommendation { border-left: 4px solid var(--accent); padding: .1rem 0 .1rem .7rem; font-weight: 600; }
p.note, p.footnote { font-size: .85rem; color: var(--muted); }
p.footnote { margin: -.6rem 0 1rem; }
a { color: var(--accent); }
nav.toc ol { columns: 2; }
table { border-collapse: collapse; width: 100%; font-size: .85rem; margin: .5rem 0 1rem; }
th, td { border-bottom: 1px solid var(--rule); padding: .22rem .4rem; vertical-align: top; text-align: left; }
thead th { background: var(--band); border-bottom: 2px solid var(--primary); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
.table-wrap { overflow-x: auto; }
table.wide { font-size: .78rem; }
table.key-value th { width: 35%; }
figure.chart { margin: 1rem 0 1.4rem; text-align: center; break-inside: avoid; page-break-inside: avoid; }
figure.chart img { max-width: 100%; height: auto; }
figure.chart figcaption { font-size: .85rem; color: var(--muted); }
.method-note { font-size: .9rem; }
.method-note table { font-size: .75rem; }
.method-note code, td code { font-size: .9em; background: var(--band); padding: 0 .15em; }
.method-note pre { background: var(--band); padding: .5rem; overflow-x: auto; }
footer.report-footer { margin-top: 3rem; border-top: 1px solid var(--rule); padding-top: .4rem; font-size: .8rem; color: var(--muted); }
@page { size: A4; margin: 16mm 14mm 18mm 14mm;
  @bottom-left { content: ${cssString(theme.footer ?? theme.organisation)}; font-size: 7.5pt; color: #595959; }
  @bottom-right { content: counter(page) " / " counter(pages); font-size: 7.5pt; color: #595959; } }
@media print {
  body { max-width: none; padding: 0; font-size: 9.5pt; }
  a { color: inherit; text-decoration: none; }
  nav.toc { break-after: page; page-break-after: always; }
  section.report-section { break-before: page; page-break-before: always; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  thead { display: table-header-group; }
  tr, figure, img, p.recommendation { break-inside: avoid; page-break-inside: avoid; }
  table.wide { font-size: 7pt; }
}
`.trim();
}

function table(block: Extract<Block, { kind: 'table' }>): string {
  const cls = block.role === 'wide' ? ' class="wide"' : block.role === 'keyValue' ? ' class="key-value"' : '';
  const th = (text: string, j: number) => `<th${block.numeric[j] ? ' class="num"' : ''} scope="col">${escapeHtml(text)}</th>`;
  const td = (text: string, j: number) =>
    block.role === 'keyValue' && j === 0
      ? `<th scope="row">${escapeHtml(text)}</th>`
      : `<td${block.numeric[j] ? ' class="num"' : ''}>${escapeHtml(text)}</td>`;
  const head = `<thead><tr>${block.header.map(th).join('')}</tr></thead>`;
  const body = block.rows.map((r) => `<tr>${r.map(td).join('')}</tr>`).join('\n');
  const notes = block.footnotes.map((f) => `<p class="footnote">${escapeHtml(f)}</p>`).join('\n');
  return `<div class="table-wrap"><table${cls}>\n${head}\n<tbody>\n${body}\n</tbody>\n</table></div>${notes ? '\n' + notes : ''}`;
}

function block(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `<h${b.level}>${escapeHtml(b.text)}</h${b.level}>`;
    case 'paragraph':
      return `<p${b.role ? ` class="${b.role}"` : ''}>${escapeHtml(b.text)}</p>`;
    case 'list':
      return `<ul>\n${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('\n')}\n</ul>`;
    case 'table':
      return table(b);
    case 'chart':
      return (
        `<figure class="chart" id="chart-${escapeHtml(safeId(b.chart.id))}">` +
        `<img src="${dataUri('image/png', b.chart.png)}" alt="${escapeHtml(b.chart.alt)}">` +
        `<figcaption>${escapeHtml(b.chart.title)}</figcaption></figure>`
      );
    case 'markdown':
      return `<div class="method-note">\n${markdownToHtml(b.source, { headingOffset: 4 - b.topLevel })}\n</div>`;
  }
}

/**
 * Renders a report document as a self-contained HTML page.
 * @example documentToHtml(buildReport(results)).includes('<section id="synthese"') // true
 */
export function documentToHtml(doc: ReportDocument, generator = 'territoires'): string {
  const s = strings(doc.lang);
  const theme = doc.theme;
  const logo = theme.logo ? `<img src="${dataUri(theme.logo.mediaType, theme.logo.data)}" alt="${escapeHtml(theme.organisation)}">` : '';
  const toc = doc.sections.map((x) => `<li><a href="#${escapeHtml(x.id)}">${escapeHtml(x.title)}</a></li>`).join('\n');
  const sections = doc.sections
    .map((x) => `<section id="${escapeHtml(x.id)}" class="report-section">\n<h2>${escapeHtml(x.title)}</h2>\n${x.blocks.map(block).join('\n')}\n</section>`)
    .join('\n');
  const footer = [theme.footer, theme.organisation].filter((x): x is string => Boolean(x));
  return `<!DOCTYPE html>
<html lang="${doc.lang === 'en' ? 'en' : 'fr'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${escapeHtml(generator)}">
<title>${escapeHtml(`${doc.title} — ${doc.territory}`)}</title>
<style>
${stylesheet(theme)}
</style>
</head>
<body>
<header class="report-header">
<div class="brand">${logo}<span class="organisation">${escapeHtml(theme.organisation)}</span></div>
<h1>${escapeHtml(doc.title)}</h1>
<p class="territory">${escapeHtml(doc.territory)}</p>
<p class="subtitle">${escapeHtml(doc.subtitle)}</p>
</header>
<nav class="toc" aria-label="${escapeHtml(s.contents)}">
<h2>${escapeHtml(s.contents)}</h2>
<ol>
${toc}
</ol>
</nav>
<main>
${sections}
</main>
<footer class="report-footer">${escapeHtml(footer.join(' · '))}</footer>
</body>
</html>
`;
}

/**
 * The HTML report of a run: one self-contained page (charts embedded as PNG data URIs, no script).
 * @param results a run's results
 * @param options language (default 'fr'), theme (default: the built-in one), chart images (from
 *   `chartsForReport`), precomputed recommendations
 * @returns the HTML text
 * @example renderHtml(results, { lang: 'fr', charts }).startsWith('<!DOCTYPE html>\n<html lang="fr">') // true
 */
export function renderHtml(results: RunResults, options: HtmlOptions = {}): string {
  const doc = buildReport(results, options);
  return documentToHtml(doc, `territoires ${results.manifest.version}`);
}
