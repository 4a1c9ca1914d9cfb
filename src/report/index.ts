/**
 * Reports of a run: HTML (self-contained), Markdown (with its images), XLSX workbook, PDF (through Chromium).
 *
 * `renderReport(results, formats, lang, theme)` renders the asked formats into files (nothing is written here: the
 * CLI writes them atomically). Charts come from src/report/charts (`chartsForReport`) and are drawn once per
 * results object, language and palette, even when the CLI asks for html and md in two calls: the memo is a WeakMap
 * keyed by the results object, so it lives exactly as long as the results do.
 */
import type { RunResults } from '../evaluate/engine.js';
import { recommend, type RecommendationSet } from '../evaluate/recommend.js';
import type { OutputFile } from '../io/writers.js';
import type { ChartImage } from './content.js';
import { renderHtml } from './html.js';
import type { Lang } from './i18n.js';
import { renderMarkdown } from './markdown.js';
import { chartColours, DEFAULT_THEME, type Theme } from './theme.js';

export { buildReport, sectionIds, useCaseSectionId, type Block, type ChartImage, type ReportDocument, type ReportSection } from './content.js';
export { escapeHtml, escapeMarkdown, safeFileName, safeId } from './escape.js';
export { renderHtml, documentToHtml, type HtmlOptions } from './html.js';
export * from './i18n.js';
export { markdownToHtml } from './markdownToHtml.js';
export { renderMarkdown, documentToMarkdown, chartFile } from './markdown.js';
export { methodNote, noteForLanguage } from './modelNotes.js';
export { renderPdf, findChromium, chromiumMissing, CHROMIUM_PATHS, type PdfOptions } from './pdf.js';
export { DEFAULT_THEME, loadTheme, themeSchema, chartColours, type Theme, type ThemeLogo } from './theme.js';
export { renderWorkbook, columnLetter, NUMBER_FORMATS, SHEETS, type WorkbookOptions } from './workbook.js';

/** Report formats this module renders (json and csv are written by src/io/writers.ts). */
export const REPORT_FORMATS = ['html', 'md', 'xlsx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const chartMemo = new WeakMap<RunResults, Map<string, Promise<ChartImage[]>>>();

/**
 * The charts of a run's report, drawn once per results object, language and palette.
 * @example (await reportCharts(results, 'fr')).length // 13 for the town example restricted to lighting and water
 */
export async function reportCharts(results: RunResults, lang: Lang, theme: Theme = DEFAULT_THEME): Promise<ChartImage[]> {
  const colours = chartColours(theme);
  const key = `${lang}|${(colours ?? []).join(',')}`;
  let byKey = chartMemo.get(results);
  if (!byKey) {
    byKey = new Map();
    chartMemo.set(results, byKey);
  }
  let charts = byKey.get(key);
  if (!charts) {
    charts = import('./charts/index.js').then((m) => m.chartsForReport(results, lang, colours ? { colours } : {}));
    byKey.set(key, charts);
    // A failed drawing is not remembered: the next call tries again.
    charts.catch(() => byKey!.delete(key));
  }
  return charts;
}

/**
 * Renders a run's report in the given formats.
 * @param results a run's results
 * @param formats any of 'html', 'md', 'xlsx', 'pdf'
 * @param lang 'fr' (default) or 'en'
 * @param theme organisation, logo, colours, footer (default: the built-in theme)
 * @returns the files, named relative to the output folder: report.html, report.md with charts/<id>.png (and the
 *   logo), report.xlsx, report.pdf
 * @throws RangeError on an unknown format; InputError for 'pdf' without Chromium
 * @example (await renderReport(results, ['html', 'xlsx'], 'fr')).map((f) => f.name) // ['report.html', 'report.xlsx']
 */
export async function renderReport(results: RunResults, formats: readonly string[], lang: Lang = 'fr', theme: Theme = DEFAULT_THEME): Promise<OutputFile[]> {
  for (const f of formats) {
    if (!(REPORT_FORMATS as readonly string[]).includes(f)) throw new RangeError(`renderReport: format must be one of ${REPORT_FORMATS.join(', ')}, received ${f}`);
  }
  if (formats.includes('pdf')) {
    const { findChromium, chromiumMissing } = await import('./pdf.js');
    if (!findChromium()) throw chromiumMissing(lang);
  }
  const recommendations: RecommendationSet = recommend(results);
  const needsCharts = formats.some((f) => f === 'html' || f === 'md' || f === 'pdf');
  const charts = needsCharts ? await reportCharts(results, lang, theme) : [];
  const files: OutputFile[] = [];
  let html: string | undefined;
  const htmlOnce = () => (html ??= renderHtml(results, { lang, theme, charts, recommendations }));
  for (const format of formats) {
    if (format === 'html') files.push({ name: 'report.html', content: htmlOnce() });
    else if (format === 'md') files.push(...renderMarkdown(results, { lang, theme, charts, recommendations }));
    else if (format === 'xlsx') {
      const { renderWorkbook } = await import('./workbook.js');
      files.push({ name: 'report.xlsx', content: await renderWorkbook(results, { lang, theme, recommendations }) });
    } else if (format === 'pdf') {
      const { renderPdf } = await import('./pdf.js');
      files.push({ name: 'report.pdf', content: await renderPdf(htmlOnce(), { lang }) });
    }
  }
  return files;
}
