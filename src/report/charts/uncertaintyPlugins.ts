/**
 * A chart.js plugin of the uncertainty charts, carried inline by their configurations like those of plugins.ts:
 * `territoiresAnnotations` writes texts at data coordinates (percentiles beside a band), labels at the ends of
 * horizontal bars (whose geometry plugins.ts's value labels do not handle), and labelled vertical reference lines
 * (the base value of a tornado). It draws only what the
 * configuration holds; it never computes a result.
 */
import type { Chart, ChartType, Plugin } from 'chart.js';
import { ctxOf, font, haloText } from './plugins.js';
import { INK } from './palette.js';

export interface AnnotationText {
  /** Position on the x scale (a value, or a category index) and on the y scale. */
  x: number;
  y: number;
  text: string;
  /** Which side of the point the text sits on. */
  align: 'left' | 'right' | 'center';
  /** Offset from the point [px]; positive moves right / down. */
  dx?: number;
  dy?: number;
  bold?: boolean;
}

export interface AnnotationLine {
  /** Position on the x scale [x scale unit]. */
  x: number;
  /** Written at the top of the line. */
  text: string;
}

export interface AnnotationBars {
  /** Index of a dataset of horizontal bars. */
  dataset: number;
  /** One text per bar, written just beyond the bar's end (outside the bar, away from its base). */
  texts: string[];
}

export interface AnnotationsOptions {
  /** Texts at data coordinates; texts with the same x, side and offset are kept at least 12 px apart. */
  texts: AnnotationText[];
  /** Labels at the ends of horizontal bars. */
  bars?: AnnotationBars[];
  verticals: AnnotationLine[];
}

declare module 'chart.js' {
  // The type parameter must match chart.js's declaration to merge.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface PluginOptionsByType<TType extends ChartType> {
    territoiresAnnotations?: AnnotationsOptions;
  }
}

/** Writes the texts and draws the vertical lines of `options.plugins.territoiresAnnotations`. */
export const annotationsPlugin: Plugin<ChartType, AnnotationsOptions> = {
  id: 'territoiresAnnotations',
  afterDatasetsDraw(chart: Chart, _args, options) {
    const xs = chart.scales.x;
    const ys = chart.scales.y;
    if (!xs || !ys) return;
    const ctx = ctxOf(chart);
    const area = chart.chartArea;
    ctx.save();
    for (const line of options.verticals ?? []) {
      const px = xs.getPixelForValue(line.x);
      if (!Number.isFinite(px) || px < area.left - 1 || px > area.right + 1) continue;
      ctx.strokeStyle = INK;
      ctx.lineWidth = 1.5;
      ctx.setLineDash([6, 3]);
      ctx.beginPath();
      ctx.moveTo(px, area.top);
      ctx.lineTo(px, area.bottom);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.font = font(11, true);
      ctx.fillStyle = INK;
      ctx.textBaseline = 'bottom';
      ctx.textAlign = px > (area.left + area.right) / 2 ? 'right' : 'left';
      haloText(ctx, line.text, px + (ctx.textAlign === 'left' ? 4 : -4), area.top - 2);
    }
    ctx.textBaseline = 'middle';
    ctx.fillStyle = INK;
    // Texts at data coordinates, pushed apart within each column (same x, side and offset).
    const placed = (options.texts ?? [])
      .map((t) => ({ t, px: xs.getPixelForValue(t.x) + (t.dx ?? 0), py: ys.getPixelForValue(t.y) + (t.dy ?? 0) }))
      .filter((p) => Number.isFinite(p.px) && Number.isFinite(p.py));
    const columns = new Map<string, typeof placed>();
    for (const p of placed) {
      const key = `${p.px.toFixed(1)}|${p.t.align}`;
      columns.set(key, [...(columns.get(key) ?? []), p]);
    }
    for (const column of columns.values()) {
      column.sort((a, b) => a.py - b.py);
      for (let i = 1; i < column.length; i++) column[i].py = Math.max(column[i].py, column[i - 1].py + 12);
    }
    for (const p of placed) {
      ctx.font = font(10, p.t.bold ?? false);
      ctx.textAlign = p.t.align;
      haloText(ctx, p.t.text, p.px, p.py);
    }
    ctx.font = font(10);
    for (const b of options.bars ?? []) {
      const meta = chart.getDatasetMeta(b.dataset);
      if (!meta || !chart.isDatasetVisible(b.dataset)) continue;
      const data = chart.data.datasets[b.dataset]?.data ?? [];
      meta.data.forEach((el, i) => {
        const text = b.texts[i];
        // The bar's end is its data's second value (a floating bar [start, end]) or its value (from 0); chart.js's
        // own geometry puts the end on the side farther from zero, which is not always the data's end.
        const raw = data[i] as unknown;
        const [start, end] = Array.isArray(raw) ? [Number(raw[0]), Number(raw[1])] : [0, Number(raw)];
        const { y } = el.getProps(['y'], true) as Partial<Record<string, number>>;
        const x = xs.getPixelForValue(end);
        if (!text || y === undefined || !Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(start)) return;
        const left = end < start;
        ctx.textAlign = left ? 'right' : 'left';
        haloText(ctx, text, x + (left ? -4 : 4), y);
      });
    }
    ctx.restore();
  },
};
