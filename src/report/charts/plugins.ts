/**
 * Small chart.js plugins of our own, carried inline by each chart configuration (`config.plugins`) so that a
 * configuration renders the same wherever it goes; their settings are plain data in `options.plugins.<id>`.
 *
 * - `territoiresBackground`: fills the canvas (chart.js leaves it transparent);
 * - `territoiresSource`: the source line at the bottom ("Source : Territoires v… — scénarios ADEME…");
 * - `territoiresHatch`: diagonal hatching over the bars of chosen datasets (a cue that is not colour);
 * - `territoiresValueLabels`: the value of each bar beside it, formatted in the chart's language;
 * - `territoiresMarkers`: labelled points in data coordinates (payback years, milestones);
 * - `territoiresMacc`: rectangles spanning two points of each dataset (the variable-width bars of a marginal
 *   abatement cost curve, drawn on linear axes);
 * - `territoiresTable`: a table of coloured cells drawn in the chart area (the scenario × metric table).
 *
 * Plugins only draw what the configuration holds: they never compute a result.
 */
import type { Chart, ChartType, Plugin } from 'chart.js';
import { formatNumber } from './format.js';
import type { Lang } from './labels.js';
import { BACKGROUND, GRID, INK, MUTED } from './palette.js';

/** Font family of every chart text: DejaVu Sans, bundled in src/report/fonts and registered by the renderer. */
export const FONT_FAMILY = 'Territoires Sans';

export interface BackgroundOptions {
  colour: string;
}
export interface SourceOptions {
  text: string;
}
export interface HatchOptions {
  /** Indices of the datasets whose bars are hatched. */
  datasets: number[];
}
export interface ValueLabelsOptions {
  /** Indices of the datasets whose bars are labelled. */
  datasets: number[];
  lang: Lang;
  /** Unit written after each value; empty when the axis title carries it. */
  unit: string;
  decimals: number;
  /** 'value': the bar's end value; 'delta': its length (end − start, for floating bars). */
  mode: 'value' | 'delta';
}
export interface Marker {
  /** Position in data coordinates. */
  x: number;
  y: number;
  text: string;
  colour: string;
  /** Vertical offset of the text above the point, in text lines (to keep close markers apart) [lines]. */
  row: number;
}
export interface MarkersOptions {
  markers: Marker[];
}
export interface MaccOptions {
  /** A short label per dataset, written on or beside its rectangle. */
  labels: string[];
}
export interface TableCell {
  text: string;
  fill: string;
  ink: string;
}
export interface TableOptions {
  /** Header of the row-label column. */
  corner: string;
  columns: string[];
  rows: { label: string; group: string; cells: TableCell[] }[];
}
export interface AltOptions {
  /** One-sentence description of the chart, for accessibility (not drawn). */
  text: string;
}

declare module 'chart.js' {
  // The type parameter must match chart.js's declaration to merge.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface PluginOptionsByType<TType extends ChartType> {
    territoiresBackground?: BackgroundOptions;
    territoiresSource?: SourceOptions;
    territoiresHatch?: HatchOptions;
    territoiresValueLabels?: ValueLabelsOptions;
    territoiresMarkers?: MarkersOptions;
    territoiresMacc?: MaccOptions;
    territoiresTable?: TableOptions;
    territoiresAlt?: AltOptions;
  }
}

/** The part of the 2D context the plugins use (the project compiles without the DOM library). */
export interface Ctx2D {
  save(): void;
  restore(): void;
  beginPath(): void;
  closePath(): void;
  rect(x: number, y: number, w: number, h: number): void;
  clip(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  stroke(): void;
  fill(): void;
  fillRect(x: number, y: number, w: number, h: number): void;
  strokeRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number): void;
  strokeText(text: string, x: number, y: number): void;
  measureText(text: string): { width: number };
  translate(x: number, y: number): void;
  rotate(angle: number): void;
  setLineDash(segments: number[]): void;
  fillStyle: string;
  strokeStyle: string;
  lineWidth: number;
  lineJoin: string;
  font: string;
  textAlign: string;
  textBaseline: string;
}

/** The chart's 2D context, typed as the part the plugins use. */
export function ctxOf(chart: Chart): Ctx2D {
  return chart.ctx as unknown as Ctx2D;
}

/**
 * A CSS font string in the bundled family.
 * @example font(11, true) // 'bold 11px "Territoires Sans"'
 */
export function font(sizePx: number, bold = false): string {
  return `${bold ? 'bold ' : ''}${sizePx}px "${FONT_FAMILY}"`;
}

interface BarBox {
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** End of the bar (the value's side). */
  end: number;
  /** Start of the bar (the base). */
  start: number;
}

function barBoxes(chart: Chart, datasetIndex: number): (BarBox | null)[] {
  const meta = chart.getDatasetMeta(datasetIndex);
  if (!meta || meta.hidden || !chart.isDatasetVisible(datasetIndex)) return [];
  return meta.data.map((el) => {
    const { x, y, base, width } = el.getProps(['x', 'y', 'base', 'width'], true) as Partial<Record<string, number>>;
    if (x === undefined || y === undefined || base === undefined || width === undefined) return null;
    if (!Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(base)) return null;
    return { left: x - width / 2, right: x + width / 2, top: Math.min(y, base), bottom: Math.max(y, base), end: y, start: base };
  });
}

/** Fills the whole canvas before anything is drawn. */
export const backgroundPlugin: Plugin<ChartType, BackgroundOptions> = {
  id: 'territoiresBackground',
  beforeDraw(chart, _args, options) {
    const ctx = ctxOf(chart);
    ctx.save();
    ctx.fillStyle = options.colour ?? BACKGROUND;
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
};

/** Writes the source line at the bottom left (the chart keeps room for it with `layout.padding.bottom`). */
export const sourcePlugin: Plugin<ChartType, SourceOptions> = {
  id: 'territoiresSource',
  afterDraw(chart, _args, options) {
    if (!options.text) return;
    const ctx = ctxOf(chart);
    ctx.save();
    ctx.font = font(11);
    ctx.fillStyle = MUTED;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'bottom';
    let text = options.text;
    const room = chart.width - 20;
    while (text.length > 10 && ctx.measureText(text).width > room) text = `${text.slice(0, -2)}…`;
    ctx.fillText(text, 10, chart.height - 6);
    ctx.restore();
  },
};

/** Diagonal hatching (white lines) over the bars of the listed datasets. */
export const hatchPlugin: Plugin<ChartType, HatchOptions> = {
  id: 'territoiresHatch',
  afterDatasetsDraw(chart, _args, options) {
    const ctx = ctxOf(chart);
    for (const i of options.datasets ?? []) {
      for (const box of barBoxes(chart, i)) {
        if (!box || box.right - box.left < 1 || box.bottom - box.top < 1) continue;
        ctx.save();
        ctx.beginPath();
        ctx.rect(box.left, box.top, box.right - box.left, box.bottom - box.top);
        ctx.clip();
        ctx.strokeStyle = 'rgba(255, 255, 255, 0.9)';
        ctx.lineWidth = 1.5;
        ctx.beginPath();
        const h = box.bottom - box.top;
        for (let x = box.left - h; x < box.right; x += 6) {
          ctx.moveTo(x, box.bottom);
          ctx.lineTo(x + h, box.top);
        }
        ctx.stroke();
        ctx.restore();
      }
    }
  },
};

/** Text with a white halo, readable over lines and bars. */
export function haloText(ctx: Ctx2D, text: string, x: number, y: number): void {
  ctx.save();
  ctx.lineJoin = 'round';
  ctx.lineWidth = 3;
  ctx.strokeStyle = 'rgba(255, 255, 255, 0.9)';
  ctx.strokeText(text, x, y);
  ctx.restore();
  ctx.fillText(text, x, y);
}

/** Writes each bar's value (or length) at its end, outside the bar. */
export const valueLabelsPlugin: Plugin<ChartType, ValueLabelsOptions> = {
  id: 'territoiresValueLabels',
  afterDatasetsDraw(chart, _args, options) {
    const ctx = ctxOf(chart);
    ctx.save();
    ctx.font = font(10);
    ctx.fillStyle = INK;
    ctx.textAlign = 'center';
    for (const i of options.datasets ?? []) {
      const data = chart.data.datasets[i]?.data ?? [];
      barBoxes(chart, i).forEach((box, j) => {
        const raw = data[j] as unknown;
        if (!box || raw === null || raw === undefined) return;
        const value = Array.isArray(raw) ? (options.mode === 'delta' ? Number(raw[1]) - Number(raw[0]) : Number(raw[1])) : Number(raw);
        if (!Number.isFinite(value)) return;
        const text = options.unit ? `${formatNumber(value, options.lang, options.decimals)}\u00a0${options.unit}` : formatNumber(value, options.lang, options.decimals);
        const up = box.end <= box.start;
        ctx.textBaseline = up ? 'bottom' : 'top';
        haloText(ctx, text, (box.left + box.right) / 2, up ? box.top - 2 : box.bottom + 2);
      });
    }
    ctx.restore();
  },
};

/** Draws a diamond and a label at each marker's data coordinates. */
export const markersPlugin: Plugin<ChartType, MarkersOptions> = {
  id: 'territoiresMarkers',
  afterDatasetsDraw(chart, _args, options) {
    const ctx = ctxOf(chart);
    const xs = chart.scales.x;
    const ys = chart.scales.y;
    if (!xs || !ys) return;
    const area = chart.chartArea;
    ctx.save();
    ctx.font = font(10, true);
    ctx.textBaseline = 'bottom';
    for (const m of options.markers ?? []) {
      const px = xs.getPixelForValue(m.x);
      const py = ys.getPixelForValue(m.y);
      if (!Number.isFinite(px) || !Number.isFinite(py) || px < area.left - 1 || px > area.right + 1) continue;
      ctx.fillStyle = m.colour;
      ctx.strokeStyle = '#ffffff';
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      ctx.moveTo(px, py - 7);
      ctx.lineTo(px + 7, py);
      ctx.lineTo(px, py + 7);
      ctx.lineTo(px - 7, py);
      ctx.closePath();
      ctx.fill();
      ctx.stroke();
      ctx.setLineDash([2, 2]);
      ctx.strokeStyle = m.colour;
      ctx.lineWidth = 1;
      const ty = py - 10 - m.row * 13;
      ctx.beginPath();
      ctx.moveTo(px, py - 7);
      ctx.lineTo(px, ty);
      ctx.stroke();
      ctx.setLineDash([]);
      const w = ctx.measureText(m.text).width;
      ctx.textAlign = px + w / 2 > area.right ? 'right' : px - w / 2 < area.left ? 'left' : 'center';
      haloText(ctx, m.text, px, ty);
    }
    ctx.restore();
  },
};

/**
 * Draws, for each visible dataset, the rectangle between its first two points ({x0, 0} and {x1, cost}), in the
 * dataset's colour, with its short label above (positive) or below (negative) — turned upright when the
 * rectangle is narrower than the text.
 */
export const maccPlugin: Plugin<ChartType, MaccOptions> = {
  id: 'territoiresMacc',
  beforeDatasetsDraw(chart, _args, options) {
    const ctx = ctxOf(chart);
    const xs = chart.scales.x;
    const ys = chart.scales.y;
    if (!xs || !ys) return;
    ctx.save();
    ctx.font = font(10, true);
    chart.data.datasets.forEach((ds, i) => {
      if (!chart.isDatasetVisible(i)) return;
      const [p0, p1] = ds.data as unknown as { x: number; y: number }[];
      if (!p0 || !p1) return;
      const x0 = xs.getPixelForValue(p0.x);
      const x1 = xs.getPixelForValue(p1.x);
      const y0 = ys.getPixelForValue(p0.y);
      const y1 = ys.getPixelForValue(p1.y);
      const left = Math.min(x0, x1);
      const top = Math.min(y0, y1);
      const w = Math.abs(x1 - x0);
      const h = Math.abs(y1 - y0);
      ctx.fillStyle = String(ds.backgroundColor ?? MUTED);
      ctx.fillRect(left, top, w, h);
      ctx.strokeStyle = '#ffffff';
      ctx.lineWidth = 1;
      ctx.strokeRect(left, top, w, h);
      const label = options.labels?.[i];
      if (!label) return;
      ctx.fillStyle = INK;
      const positive = p1.y >= p0.y;
      const tw = ctx.measureText(label).width;
      if (tw + 4 <= w) {
        ctx.textAlign = 'center';
        ctx.textBaseline = positive ? 'bottom' : 'top';
        haloText(ctx, label, left + w / 2, positive ? top - 3 : top + h + 3);
      } else {
        ctx.save();
        ctx.translate(left + w / 2, positive ? top - 3 : top + h + 3);
        ctx.rotate(-Math.PI / 2);
        ctx.textAlign = positive ? 'left' : 'right';
        ctx.textBaseline = 'middle';
        haloText(ctx, label, 0, 0);
        ctx.restore();
      }
    });
    ctx.restore();
  },
};

/** Draws a table of coloured cells in the chart area: a header row, then one row per entry. */
export const tablePlugin: Plugin<ChartType, TableOptions> = {
  id: 'territoiresTable',
  afterDraw(chart, _args, options) {
    const rows = options.rows ?? [];
    const columns = options.columns ?? [];
    if (rows.length === 0 || columns.length === 0) return;
    const ctx = ctxOf(chart);
    const area = chart.chartArea;
    const labelWidth = Math.round((area.right - area.left) * 0.45);
    const cellWidth = (area.right - area.left - labelWidth) / columns.length;
    const headerHeight = 26;
    const rowHeight = Math.min(28, (area.bottom - area.top - headerHeight) / rows.length);
    const size = Math.max(9, Math.min(13, Math.floor(rowHeight * 0.5)));
    ctx.save();
    ctx.textBaseline = 'middle';
    ctx.font = font(size, true);
    ctx.fillStyle = INK;
    ctx.textAlign = 'left';
    ctx.fillText(options.corner ?? '', area.left + 4, area.top + headerHeight / 2);
    ctx.textAlign = 'center';
    columns.forEach((c, j) => ctx.fillText(c, area.left + labelWidth + (j + 0.5) * cellWidth, area.top + headerHeight / 2));
    rows.forEach((row, i) => {
      const y = area.top + headerHeight + i * rowHeight;
      ctx.font = font(size);
      ctx.fillStyle = INK;
      ctx.textAlign = 'left';
      let label = row.label;
      while (label.length > 8 && ctx.measureText(label).width > labelWidth - 8) label = `${label.slice(0, -2)}…`;
      ctx.fillText(label, area.left + 4, y + rowHeight / 2);
      row.cells.forEach((cell, j) => {
        const x = area.left + labelWidth + j * cellWidth;
        ctx.fillStyle = cell.fill;
        ctx.fillRect(x + 1, y + 1, cellWidth - 2, rowHeight - 2);
        ctx.fillStyle = cell.ink;
        ctx.textAlign = 'center';
        ctx.fillText(cell.text, x + cellWidth / 2, y + rowHeight / 2);
      });
      const next = rows[i + 1];
      ctx.strokeStyle = next && next.group !== row.group ? MUTED : GRID;
      ctx.lineWidth = next && next.group !== row.group ? 1.5 : 0.5;
      ctx.beginPath();
      ctx.moveTo(area.left, y + rowHeight);
      ctx.lineTo(area.right, y + rowHeight);
      ctx.stroke();
    });
    ctx.restore();
  },
};
