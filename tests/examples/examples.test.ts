/**
 * The three example territories: each loads, describes the four use cases and a digital section, follows the
 * derivations written in its comments (1 light point per 6 inhabitants, 59 m³ billed per inhabitant, …), and
 * runs in full. Its table sources (the rural commune's GeoJSON, the syndicat's CSV) add up to the totals the
 * comments state. The built-in example's full run is checked in tests/cli/run.test.ts; the two others run here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/core/paths.js';
import { parseCsv, parseGeoJson } from '../../src/io/tables.js';
import { loadTerritory, type LoadedTerritory } from '../../src/io/territory.js';
import { ALL_USE_CASES, expectFullCoverage, runCli, type ResultsDocument } from '../cli/helpers.js';

const examples = join(packageRoot(), 'examples');

interface Luminaire {
  type: string;
  count: number;
  powerW: number;
  ageYears?: number;
  lampLifetimeYears?: number;
}

/** What each example states in its header and comments. */
const EXPECTED = {
  'commune-rurale': { kind: 'commune', population: 1500 },
  'ville-moyenne': { kind: 'commune', population: 30000 },
  'syndicat-departemental': { kind: 'syndicat', population: 150000 },
} as const;
type ExampleId = keyof typeof EXPECTED;
const IDS = Object.keys(EXPECTED) as ExampleId[];

const loaded = new Map<ExampleId, LoadedTerritory>();

beforeAll(async () => {
  for (const id of IDS) loaded.set(id, await loadTerritory(join(examples, id, 'territory.yaml')));
});

function inventory<T>(id: ExampleId, useCase: string): T {
  return loaded.get(id)!.useCases.find((u) => u.id === useCase)!.inventory as T;
}

function sumBy(items: Luminaire[], key: (l: Luminaire) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const l of items) out[key(l)] = (out[key(l)] ?? 0) + l.count;
  return out;
}

describe.each(IDS)('example %s', (id) => {
  it('has its identity, the four use cases, a description and a digital section', () => {
    const t = loaded.get(id)!;
    expect(t.id).toBe(id);
    expect(t.kind).toBe(EXPECTED[id].kind);
    expect(t.population).toBe(EXPECTED[id].population);
    expect(t.description?.length ?? 0).toBeGreaterThan(20);
    expect(t.useCases.map((u) => u.id).sort()).toEqual([...ALL_USE_CASES].sort());
    expect(t.digital).toBeDefined();
    expect(t.settings.startYear).toBe(2026);
  });

  it('has ≈1 light point per 6 inhabitants (≈11 M points for ≈68 M inhabitants, Enedis 2022)', () => {
    const lights = inventory<{ luminaires: Luminaire[] }>(id, 'lighting').luminaires;
    const points = lights.reduce((a, l) => a + l.count, 0);
    // 1,500 / 6 = 250; 30,000 / 6 = 5,000; 150,000 / 6 = 25,000
    expect(points).toBe(EXPECTED[id].population / 6);
  });

  it('bills ≈59 m³ of water per inhabitant and year (SISPEA volumes, derived in the file)', () => {
    const water = inventory<{ billedVolumeM3PerYear: number }>(id, 'water');
    // 1,500 × 59 = 88,500; 30,000 × 59 = 1,770,000; 150,000 × 59 = 8,850,000
    expect(water.billedVolumeM3PerYear).toBe(EXPECTED[id].population * 59);
  });

  it('gives the climate-risk inventory the territory population', () => {
    expect(inventory<{ population: number }>(id, 'climate-risk').population).toBe(EXPECTED[id].population);
  });

  it('funds the lighting renovation with the Fonds vert at 20 % (Gazette des communes 2024)', () => {
    const subsidies = loaded.get(id)!.useCases.find((u) => u.id === 'lighting')!.subsidies;
    expect(subsidies).toEqual([expect.objectContaining({ name: 'Fonds vert', share: 0.2 })]);
  });

  it('keeps every file comment-documented: the territory file cites the reference it derives from', () => {
    const text = readFileSync(join(examples, id, 'territory.yaml'), 'utf8');
    expect(text).toContain('parameters.md');
    // subsidies that the reference does not give are marked as assumptions
    expect(text).toMatch(/ASSUMPTION[^\n]*\n(?:\s*#.*\n)*\s*- \{ name: (DETR|DSIL)/);
  });
});

describe('the rural commune’s GeoJSON street-lighting survey', () => {
  const text = readFileSync(join(examples, 'commune-rurale', 'lampadaires.geojson'), 'utf8');
  const { rows } = parseGeoJson(text, 'lampadaires.geojson');

  it('has about 30 street_lamp point features tagged the OpenStreetMap way', () => {
    const doc = JSON.parse(text) as { features: { geometry: { type: string; coordinates: number[] } }[] };
    expect(rows).toHaveLength(30);
    for (const f of doc.features) expect(f.geometry.type).toBe('Point');
    for (const r of rows) {
      expect(r.values.highway).toBe('street_lamp');
      expect(['high_pressure_sodium', 'mercury', 'led']).toContain(r.values.lamp_type);
    }
  });

  it('adds up to the 250 points of the comments: 185 sodium, 30 mercury, 35 LED', () => {
    const loadedLights = inventory<{ luminaires: Luminaire[] }>('commune-rurale', 'lighting').luminaires;
    expect(sumBy(loadedLights, (l) => l.type)).toEqual({ high_pressure_sodium: 185, mercury: 30, led: 35 });
    // grouped into one group per type, power, age and relamping cycle
    expect(loadedLights).toEqual([
      { type: 'high_pressure_sodium', count: 185, powerW: 170, ageYears: 25 },
      { type: 'mercury', count: 30, powerW: 140, ageYears: 35, lampLifetimeYears: 3 },
      { type: 'led', count: 35, powerW: 45, ageYears: 4 },
    ]);
  });
});

describe('the syndicat’s CSV of luminaires per commune', () => {
  const { header, rows } = parseCsv(readFileSync(join(examples, 'syndicat-departemental', 'luminaires.csv'), 'utf8'), 'luminaires.csv');

  it('has the columns the territory file maps, one row per member commune and lamp type', () => {
    expect(header).toEqual(['commune_insee', 'commune', 'type_lampe', 'puissance_w', 'nombre', 'age_ans', 'duree_vie_lampe_ans']);
    const keys = rows.map((r) => `${r.values.commune_insee}|${r.values.type_lampe}`);
    expect(new Set(keys).size).toBe(rows.length);
  });

  it('covers 200 communes with fictitious INSEE codes (département 00 does not exist)', () => {
    const codes = new Set(rows.map((r) => String(r.values.commune_insee)));
    expect(codes.size).toBe(200);
    for (const c of codes) expect(c).toMatch(/^00\d{3}$/);
    expect(new Set(rows.map((r) => r.values.commune)).size).toBe(200);
  });

  it('adds up to the totals of the comments: 17,500 SHP, 2,500 BF, 1,250 IM, 3,750 LED (70/10/5/15 % of 25,000)', () => {
    const lights = inventory<{ luminaires: Luminaire[] }>('syndicat-departemental', 'lighting').luminaires;
    expect(sumBy(lights, (l) => l.type)).toEqual({ SHP: 17500, BF: 2500, IM: 1250, LED: 3750 });
    // the raw rows give the same totals as the grouped inventory
    const raw: Record<string, number> = {};
    for (const r of rows) raw[String(r.values.type_lampe)] = (raw[String(r.values.type_lampe)] ?? 0) + Number(r.values.nombre);
    expect(raw).toEqual({ SHP: 17500, BF: 2500, IM: 1250, LED: 3750 });
  });

  it('is grouped without merging different ages, powers or relamping cycles', () => {
    const lights = inventory<{ luminaires: Luminaire[] }>('syndicat-departemental', 'lighting').luminaires;
    const keys = lights.map((l) => `${l.type}|${l.powerW}|${l.ageYears}|${l.lampLifetimeYears ?? ''}`);
    expect(new Set(keys).size).toBe(lights.length);
    const distinctInCsv = new Set(rows.map((r) => `${r.values.type_lampe}|${r.values.puissance_w}|${r.values.age_ans}|${r.values.duree_vie_lampe_ans}`));
    expect(lights.length).toBe(distinctInCsv.size);
    // power per type as stated: sodium and metal-halide 170 W, mercury 140 W, LED 50 W; mercury relamped every 3 years
    for (const l of lights) {
      expect(l.powerW).toBe({ SHP: 170, IM: 170, BF: 140, LED: 50 }[l.type]);
      expect(l.lampLifetimeYears).toBe(l.type === 'BF' ? 3 : undefined);
    }
  });

  it('has count-weighted mean ages near those of the comments (≈22 SHP, ≈29 BF, ≈14 IM, ≈6.5 LED years)', () => {
    const lights = inventory<{ luminaires: Luminaire[] }>('syndicat-departemental', 'lighting').luminaires;
    const mean = (type: string) => {
      const g = lights.filter((l) => l.type === type);
      return g.reduce((a, l) => a + l.count * l.ageYears!, 0) / g.reduce((a, l) => a + l.count, 0);
    };
    expect(mean('SHP')).toBeCloseTo(22, 0);
    expect(mean('BF')).toBeCloseTo(29.4, 0);
    expect(mean('IM')).toBeCloseTo(14.3, 0);
    expect(mean('LED')).toBeCloseTo(6.5, 0);
  });
});

describe.each(['commune-rurale', 'syndicat-departemental'] as const)('territoires run on %s', (id) => {
  it('succeeds and covers the four use cases × every variant × five scenarios × both perspectives', async () => {
    const o = await runCli(['run', join(examples, id, 'territory.yaml'), '--json']);
    expect(o.stderr).toBe('');
    expect(o.code).toBe(0);
    const doc = JSON.parse(o.stdout) as ResultsDocument & { manifest: { inputs: { file: string }[] } };
    expect(doc.results.length).toBe(expectFullCoverage(doc));
    // the table source is among the hashed inputs
    const table = id === 'commune-rurale' ? 'lampadaires.geojson' : 'luminaires.csv';
    expect(doc.manifest.inputs.map((i) => i.file)).toContain(join(examples, id, table));
  }, 60_000);
});
