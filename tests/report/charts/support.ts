/** Shared helpers for the chart tests (not a test file). */
import { join } from 'node:path';
import { examplesDir } from '../../../src/core/paths.js';
import type { RunOptions, RunResults } from '../../../src/evaluate/engine.js';
import { runTerritory } from '../../../src/evaluate/load.js';
import { loadTerritory, parseTerritory } from '../../../src/io/territory.js';

/** The run date of every test run: the manifest's date appears on each chart's source line. */
export const NOW = new Date('2026-01-01T00:00:00Z');
export const EXAMPLE = join(examplesDir(), 'ville-moyenne', 'territory.yaml');

/**
 * The town example run on the lighting use case only. Snapshots use it so they do not change when use cases are
 * added to the example: the shared digital infrastructure is allocated across the use cases a run holds, so
 * lighting's own numbers would move with every use case added.
 */
export async function lightingResults(): Promise<RunResults> {
  return runTerritory(await loadTerritory(EXAMPLE), { useCases: ['lighting'] }, NOW);
}

/** The whole town example, every use case it holds (for rendering tests that must not depend on which). */
export async function exampleResults(options: RunOptions = {}): Promise<RunResults> {
  return runTerritory(await loadTerritory(EXAMPLE), options, NOW);
}

/**
 * A small buildings-only territory: two buildings, one above the décret tertiaire's 1,000 m² threshold. Figures
 * are illustrative (an office at ≈200 kWh/m², a school at ≈180 kWh/m²), not data about a real commune.
 */
export const BUILDINGS_YAML = `
id: test-batiments
name: Commune test (bâtiments)
kind: commune
population: 5000
settings:
  startYear: 2026
  horizonYears: 25
useCases:
  buildings:
    inventory:
      buildings:
        - id: mairie
          name: Mairie
          activity: office
          floorAreaM2: 1500
          bacsClass: D
          energy:
            - { carrier: gas, use: heating, kwhPerYear: 200000 }
            - { carrier: electricity, use: lighting, kwhPerYear: 40000 }
            - { carrier: electricity, use: other, kwhPerYear: 60000 }
        - id: ecole
          name: École
          activity: education
          floorAreaM2: 900
          energy:
            - { carrier: heatingOil, use: heating, kwhPerYear: 130000 }
            - { carrier: electricity, use: lighting, kwhPerYear: 20000 }
            - { carrier: electricity, use: other, kwhPerYear: 12000 }
`;

export async function buildingsResults(): Promise<RunResults> {
  return runTerritory(await parseTerritory(BUILDINGS_YAML, '/virtual/test-batiments.yaml'), {}, NOW);
}

/** The configuration as plain data (functions dropped, plugins reduced to their ids), for snapshots. */
export function plain(config: unknown): unknown {
  return JSON.parse(JSON.stringify(config));
}

export interface PixelStats {
  width: number;
  height: number;
  /** Share of pixels that differ from the background by more than a small tolerance [fraction]. */
  nonBackgroundShare: number;
  /** Distinct colours after quantising each channel to 16 levels (anti-aliasing does not inflate it much). */
  distinctColours: number;
  /** Pixels within ±`tolerance` of a colour, per channel. */
  count(rgb: [number, number, number], tolerance?: number): number;
}

/** Decodes a PNG with @napi-rs/canvas and measures what was drawn. */
export async function pixelStats(png: Buffer, background: [number, number, number] = [255, 255, 255]): Promise<PixelStats> {
  const { createCanvas, loadImage } = await import('@napi-rs/canvas');
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  const { data } = ctx.getImageData(0, 0, image.width, image.height);
  let differing = 0;
  const colours = new Set<number>();
  for (let i = 0; i < data.length; i += 4) {
    const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
    if (Math.abs(r - background[0]) + Math.abs(g - background[1]) + Math.abs(b - background[2]) > 24) differing++;
    colours.add(((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4));
  }
  return {
    width: image.width,
    height: image.height,
    nonBackgroundShare: differing / (image.width * image.height),
    distinctColours: colours.size,
    count([r, g, b], tolerance = 2) {
      let n = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (Math.abs(data[i] - r) <= tolerance && Math.abs(data[i + 1] - g) <= tolerance && Math.abs(data[i + 2] - b) <= tolerance) n++;
      }
      return n;
    },
  };
}
