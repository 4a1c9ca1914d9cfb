import { describe, expect, it } from 'vitest';
import { colourAt, inkOn, OKABE_ITO, paletteOf, rgbOf, tint, withAlpha } from '../../../src/report/charts/palette.js';

describe('palette', () => {
  it('is Okabe–Ito by default (the eight colours of Okabe & Ito 2008)', () => {
    expect([...paletteOf()].sort()).toEqual(['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#000000', '#F0E442'].sort());
  });

  it('takes a theme’s colours and cycles through them', () => {
    const p = paletteOf(['#112233', '#abc']);
    expect(colourAt(p, 0)).toBe('#112233');
    expect(colourAt(p, 3)).toBe('#abc');
  });

  it('rejects a theme colour that is not #rrggbb or #rgb, naming it', () => {
    expect(() => paletteOf(['red'])).toThrow(/received red/);
  });

  it('keeps yellow, hard to see on white, last', () => {
    expect(OKABE_ITO[OKABE_ITO.length - 1]).toBe('#F0E442');
  });
});

describe('colour helpers', () => {
  it('rgbOf reads both forms', () => {
    expect(rgbOf('#0072B2')).toEqual([0, 114, 178]);
    expect(rgbOf('#fff')).toEqual([255, 255, 255]);
  });

  it('tint mixes with white: 0 → white, 1 → the colour, 0.5 → halfway', () => {
    expect(tint('#0072B2', 0)).toBe('#ffffff');
    expect(tint('#0072B2', 1)).toBe('#0072b2');
    // 255 + (0 − 255) × 0.5 = 127.5 → 128 = 0x80; 255 + (114 − 255) × 0.5 = 184.5 → 185 = 0xb9; (178 + 255) / 2 = 216.5 → 217 = 0xd9
    expect(tint('#0072B2', 0.5)).toBe('#80b9d9');
  });

  it('inkOn picks white on dark colours and near-black on light ones', () => {
    expect(inkOn('#0072B2')).toBe('#ffffff'); // relative luminance ≈ 0.15
    expect(inkOn('#e6e6e6')).toBe('#1a1a1a'); // ≈ 0.79
  });

  it('withAlpha writes rgba()', () => {
    expect(withAlpha('#0072B2', 0.75)).toBe('rgba(0, 114, 178, 0.75)');
  });
});
