/**
 * Colours and non-colour cues of the charts.
 *
 * Palette: Okabe & Ito, *Color Universal Design* (2008), https://jfly.uni-koeln.de/color/ — eight colours told
 * apart by people with the common colour-vision deficiencies. Yellow (#F0E442) comes last: it is hard to see on
 * white. Colour never carries meaning alone: lines also differ by dash pattern and point shape, bars by hatching
 * and by their legend text, cells of the table show their value.
 */

/** Okabe–Ito colours, in the order series take them (blue, orange, green, vermillion, purple, sky blue, black, yellow). */
export const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#000000', '#F0E442'] as const;

/** Neutral tones for axes, grids, the source line and the status quo. */
export const INK = '#1a1a1a';
export const MUTED = '#595959';
export const GRID = '#d9d9d9';
export const ZERO_LINE = '#7f7f7f';
export const BACKGROUND = '#ffffff';
/** Cells of the table that hold no value. */
export const NOT_APPLICABLE = '#e6e6e6';

/** Dash patterns of lines, one per series index [px on, px off]. */
export const DASHES: readonly (readonly number[])[] = [[], [8, 4], [2, 3], [10, 3, 2, 3], [14, 5], [4, 4], [1, 5]];
/** Point shapes of lines and markers, one per series index. */
export const POINT_STYLES = ['circle', 'rect', 'triangle', 'rectRot', 'star', 'crossRot', 'cross'] as const;

/**
 * The palette of a chart: the theme's colours when given (checked: `#rrggbb` or `#rgb`), else Okabe–Ito.
 * @example paletteOf(['#8B1E3F']) // ['#8B1E3F']; paletteOf() // OKABE_ITO
 */
export function paletteOf(colours?: readonly string[]): readonly string[] {
  if (!colours || colours.length === 0) return OKABE_ITO;
  for (const c of colours) rgbOf(c);
  return colours;
}

/**
 * Colour of the i-th series, cycling through the palette.
 * @example colourAt(OKABE_ITO, 9) // '#E69F00' (index 9 mod 8 = 1)
 */
export function colourAt(palette: readonly string[], i: number): string {
  return palette[i % palette.length];
}

/**
 * Dash pattern of the i-th series (a fresh array: chart.js may keep a reference).
 * @example dashAt(1) // [8, 4]
 */
export function dashAt(i: number): number[] {
  return [...DASHES[i % DASHES.length]];
}

/**
 * Point shape of the i-th series.
 * @example pointStyleAt(2) // 'triangle'
 */
export function pointStyleAt(i: number): (typeof POINT_STYLES)[number] {
  return POINT_STYLES[i % POINT_STYLES.length];
}

/**
 * Mixes a `#rrggbb` colour with white: `amount` 0 gives white, 1 the colour.
 * @example tint('#0072B2', 0.5) // '#80b9d9'
 */
export function tint(hex: string, amount: number): string {
  const [r, g, b] = rgbOf(hex);
  const a = Math.max(0, Math.min(1, amount));
  const mix = (c: number) => Math.round(255 + (c - 255) * a);
  return `#${[mix(r), mix(g), mix(b)].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Text colour readable on a background: near-black on light colours, white on dark ones (WCAG relative
 * luminance, threshold 0.4).
 * @example inkOn('#0072B2') // '#ffffff'
 */
export function inkOn(hex: string): string {
  const lin = rgbOf(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
  return luminance > 0.4 ? INK : '#ffffff';
}

/**
 * `#rgb` or `#rrggbb` → [r, g, b]; anything else throws, naming the colour (theme colours are user input).
 * @example rgbOf('#0072B2') // [0, 114, 178]
 */
export function rgbOf(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) throw new RangeError(`charts: colour must be written #rrggbb or #rgb, received ${hex}`);
  const h = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
}

/**
 * `#rrggbb` with an alpha, as `rgba(…)`.
 * @example withAlpha('#0072B2', 0.75) // 'rgba(0, 114, 178, 0.75)'
 */
export function withAlpha(hex: string, alpha: number): string {
  const [r, g, b] = rgbOf(hex);
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}
