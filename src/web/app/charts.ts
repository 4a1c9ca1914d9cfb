/// <reference lib="dom" />
/**
 * The report's charts on the page: the chart configurations of src/report/charts (the same functions the HTML
 * report draws with), drawn by chart.js in the browser and updated in place after each computation.
 *
 * The report draws fixed-size images; here the same configurations are made responsive (16:9) and drawn at the
 * screen's pixel density. Each canvas is an image with the configuration's alt text as its accessible name.
 */
import { Chart, registerables, type ChartConfiguration } from 'chart.js';
import type { RunResults } from '../../evaluate/engine.js';
import { featuredVariant } from '../../report/charts/common.js';
import { cumulativeCashFlowChart } from '../../report/charts/cumulativeCashFlowChart.js';
import { npvByScenarioChart } from '../../report/charts/npvByScenarioChart.js';
import { h, replaceChildren } from './dom.js';
import type { Lang } from './i18n.js';

Chart.register(...registerables);

/** One chart of the page: its id, title and alt text, and the configuration to draw. */
export interface PageChart {
  id: string;
  title: string;
  alt: string;
  config: ChartConfiguration;
}

/**
 * The page's charts for the use cases evaluated: per use case, the NPV of every variant by scenario and the
 * cumulative discounted cash flow of the featured digital variant (financial perspective).
 * @example
 * pageCharts(townResults, 'fr').map((c) => c.id).slice(0, 2) // → ['npv-lighting', 'cash-lighting'] (8 charts in all)
 */
export function pageCharts(results: RunResults, lang: Lang): PageChart[] {
  const out: PageChart[] = [];
  for (const useCase of results.manifest.useCases) {
    const configs: [string, () => ChartConfiguration][] = [
      [`npv-${useCase}`, () => npvByScenarioChart(results, { useCase, lang }) as unknown as ChartConfiguration],
      [
        `cash-${useCase}`,
        () => cumulativeCashFlowChart(results, { useCase, lang, variant: featuredVariant(results, useCase), perspective: 'financial' }) as unknown as ChartConfiguration,
      ],
    ];
    for (const [id, make] of configs) {
      const config = make();
      const plugins = (config.options?.plugins ?? {}) as { title?: { text?: unknown }; territoiresAlt?: { text?: unknown } };
      const title = plugins.title?.text;
      out.push({
        id,
        title: Array.isArray(title) ? title.join(' ') : String(title ?? id),
        alt: String(plugins.territoiresAlt?.text ?? title ?? id),
        config,
      });
    }
  }
  return out;
}

/** The configuration adapted to the page: responsive, drawn at the screen's density, no animation. */
function forPage(config: ChartConfiguration): ChartConfiguration {
  return {
    ...config,
    options: {
      ...config.options,
      responsive: true,
      maintainAspectRatio: true,
      aspectRatio: 16 / 9,
      animation: false,
      devicePixelRatio: window.devicePixelRatio || 1,
    },
  } as ChartConfiguration;
}

/**
 * The charts drawn in one container, kept between computations and updated in place. A chart out of view is
 * brought up to date when it scrolls into view or when the browser is idle, so that an edit redraws only what
 * the reader sees (each figure's `data-version` tells which computation it shows).
 */
export class ChartPanel {
  private charts = new Map<string, { chart: Chart; figure: HTMLElement; canvas: HTMLCanvasElement; caption: HTMLElement }>();
  private container: HTMLElement | null = null;
  private visible = new Set<string>();
  private pending = new Map<string, { config: ChartConfiguration; version: number }>();
  private idle: number | undefined;
  private observer = new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        const id = (e.target as HTMLElement).dataset.chart ?? '';
        if (e.isIntersecting) {
          this.visible.add(id);
          this.flush(id);
        } else this.visible.delete(id);
      }
    },
    { rootMargin: '100px' },
  );

  /** Draws `charts` in `container`, reusing the charts already there; `version` labels this computation. */
  show(container: HTMLElement, charts: PageChart[], version: number): void {
    if (container !== this.container) {
      this.clear();
      this.container = container;
    }
    const wanted = new Set(charts.map((c) => c.id));
    for (const [id, entry] of this.charts) {
      if (!wanted.has(id)) {
        this.observer.unobserve(entry.figure);
        entry.chart.destroy();
        this.charts.delete(id);
        this.pending.delete(id);
      }
    }
    const figures: HTMLElement[] = [];
    for (const c of charts) {
      const config = forPage(c.config);
      let entry = this.charts.get(c.id);
      if (entry && (entry.chart.config as { type?: string }).type === config.type) {
        if (this.visible.has(c.id)) this.apply(c.id, config, version);
        else this.pending.set(c.id, { config, version });
      } else {
        if (entry) {
          this.observer.unobserve(entry.figure);
          entry.chart.destroy();
        }
        const canvas = h('canvas', { role: 'img' });
        const caption = h('figcaption');
        const figure = h('figure', { class: 'chart', 'data-chart': c.id, 'data-version': version }, h('div', { class: 'chart-box' }, canvas), caption);
        // Attached before drawing, so that chart.js measures the box.
        container.appendChild(figure);
        entry = { chart: new Chart(canvas, config), figure, canvas, caption };
        this.charts.set(c.id, entry);
        this.pending.delete(c.id);
        this.observer.observe(figure);
      }
      entry.canvas.setAttribute('aria-label', c.alt);
      entry.caption.textContent = c.title;
      figures.push(entry.figure);
    }
    replaceChildren(container, ...figures);
    if (this.pending.size > 0 && this.idle === undefined) {
      this.idle = requestIdleCallback(
        () => {
          this.idle = undefined;
          for (const id of [...this.pending.keys()]) this.flush(id);
        },
        { timeout: 2000 },
      );
    }
  }

  private apply(id: string, config: ChartConfiguration, version: number): void {
    const entry = this.charts.get(id);
    if (!entry) return;
    entry.chart.data = config.data;
    entry.chart.options = config.options ?? {};
    entry.chart.update('none');
    entry.figure.setAttribute('data-version', String(version));
  }

  private flush(id: string): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    this.apply(id, p.config, p.version);
  }

  /** Removes every chart. */
  clear(): void {
    for (const entry of this.charts.values()) {
      this.observer.unobserve(entry.figure);
      entry.chart.destroy();
    }
    this.charts.clear();
    this.pending.clear();
    this.visible.clear();
    if (this.idle !== undefined) cancelIdleCallback(this.idle);
    this.idle = undefined;
    if (this.container) replaceChildren(this.container);
    this.container = null;
  }
}
