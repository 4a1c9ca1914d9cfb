/**
 * The Markdown report: the same document as the HTML report (content.ts), as `report.md` with its images beside it
 * (`charts/<id>.png`, and the theme's logo). User text is escaped with `escapeMarkdown` (HTML neutralised, Markdown
 * syntax characters backslash-escaped); each section starts with an anchor carrying its stable id
 * (`<a id="synthese"></a>`), so links between sections work in the usual viewers.
 */
import type { RunResults } from '../evaluate/engine.js';
import type { OutputFile } from '../io/writers.js';
import { buildReport, type Block, type ReportDocument } from './content.js';
import { escapeMarkdown, safeFileName } from './escape.js';
import { strings } from './i18n.js';
import type { HtmlOptions } from './html.js';

export type MarkdownOptions = HtmlOptions;

/**
 * Relative path of a chart image beside the Markdown file: `charts/<id>.png` (an unsafe id is sanitised).
 * @example chartFile('waterfall-lighting-TEND') // 'charts/waterfall-lighting-TEND.png'
 */
export function chartFile(id: string): string {
  return `charts/${safeFileName(id)}.png`;
}

/** Moves every heading (outside code fences) so that the shallowest one is at `topLevel`. */
function shiftHeadings(markdown: string, from: number, to: number): string {
  let inFence = false;
  return markdown
    .split('\n')
    .map((line) => {
      if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
      const m = !inFence && /^(#{1,6})(\s.*)$/.exec(line);
      return m ? '#'.repeat(Math.max(1, Math.min(6, m[1].length - from + to))) + m[2] : line;
    })
    .join('\n');
}

function table(b: Extract<Block, { kind: 'table' }>): string {
  const row = (cells: string[]) => `| ${cells.map((c) => escapeMarkdown(c) || ' ').join(' | ')} |`;
  const rule = `|${b.header.map((_h, j) => (b.numeric[j] ? ' ---: ' : ' --- ')).join('|')}|`;
  const lines = [row(b.header), rule, ...b.rows.map(row)];
  const notes = b.footnotes.map((f) => `\n*${escapeMarkdown(f)}*`).join('\n');
  return lines.join('\n') + (notes ? '\n' + notes : '');
}

function block(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `${'#'.repeat(b.level)} ${escapeMarkdown(b.text)}`;
    case 'paragraph':
      if (b.role === 'recommendation') return `**→** ${escapeMarkdown(b.text)}`;
      if (b.role === 'note') return `*${escapeMarkdown(b.text)}*`;
      return escapeMarkdown(b.text);
    case 'list':
      return b.items.map((i) => `- ${escapeMarkdown(i)}`).join('\n');
    case 'table':
      return table(b);
    case 'chart':
      return `![${escapeMarkdown(b.chart.alt)}](${chartFile(b.chart.id)})\n\n*${escapeMarkdown(b.chart.title)}*`;
    case 'markdown':
      // The model notes are the package's own documentation, quoted as they are, headings moved under the annex.
      return shiftHeadings(b.source, b.topLevel, 4);
  }
}

/**
 * Renders a report document as Markdown text (images referenced as `charts/<id>.png`, logo as `logo.<ext>`).
 * @example documentToMarkdown(buildReport(results)).includes('<a id="synthese"></a>') // true
 */
export function documentToMarkdown(doc: ReportDocument): string {
  const s = strings(doc.lang);
  const theme = doc.theme;
  const out: string[] = [];
  const logo = theme.logo ? `![${escapeMarkdown(theme.organisation)}](${logoFile(theme.logo.mediaType)}) ` : '';
  out.push(`${logo}**${escapeMarkdown(theme.organisation)}**`);
  out.push(`# ${escapeMarkdown(doc.title)}`);
  out.push(`**${escapeMarkdown(doc.territory)}**  \n${escapeMarkdown(doc.subtitle)}`);
  out.push(`## ${escapeMarkdown(s.contents)}`);
  out.push(doc.sections.map((x, k) => `${k + 1}. [${escapeMarkdown(x.title)}](#${x.id})`).join('\n'));
  for (const section of doc.sections) {
    out.push(`<a id="${section.id}"></a>\n\n## ${escapeMarkdown(section.title)}`);
    for (const b of section.blocks) out.push(block(b));
  }
  if (theme.footer) out.push(`---\n\n*${escapeMarkdown(theme.footer)}*`);
  return out.join('\n\n') + '\n';
}

function logoFile(mediaType: string): string {
  return mediaType === 'image/svg+xml' ? 'logo.svg' : 'logo.png';
}

/**
 * The Markdown report of a run and the images it links to.
 * @param results a run's results
 * @param options language (default 'fr'), theme, chart images, precomputed recommendations
 * @returns `report.md`, one `charts/<id>.png` per chart, and `logo.png|svg` when the theme has a logo
 * @example renderMarkdown(results, { charts }).map((f) => f.name) // ['report.md', 'charts/npv-by-scenario-lighting.png', …]
 */
export function renderMarkdown(results: RunResults, options: MarkdownOptions = {}): OutputFile[] {
  const doc = buildReport(results, options);
  const files: OutputFile[] = [{ name: 'report.md', content: documentToMarkdown(doc) }];
  const seen = new Set<string>();
  for (const chart of options.charts ?? []) {
    const name = chartFile(chart.id);
    // Case-insensitive: on such file systems `a.png` and `A.png` are the same file.
    if (seen.has(name.toLowerCase())) throw new Error(`renderMarkdown: two charts share the file name ${name} (ids must be unique)`);
    seen.add(name.toLowerCase());
    files.push({ name, content: chart.png });
  }
  if (doc.theme.logo) files.push({ name: logoFile(doc.theme.logo.mediaType), content: doc.theme.logo.data });
  return files;
}
