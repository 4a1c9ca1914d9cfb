import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResults } from '../../../src/evaluate/engine.js';
import { decretTertiaireChart } from '../../../src/report/charts/decretTertiaireChart.js';
import { round } from '../../../src/report/charts/format.js';
import { buildingsResults, lightingResults, plain } from './support.js';

let buildings: RunResults;
let lighting: RunResults;
beforeAll(async () => {
  [buildings, lighting] = await Promise.all([buildingsResults(), lightingResults()]);
});

type Points = { x: number; y: number }[];

describe('decretTertiaireChart', () => {
  it('matches its snapshot (a two-building territory built in the test, TEND)', () => {
    expect(plain(decretTertiaireChart(buildings))).toMatchSnapshot();
  });

  it('steps the targets down from the reference: −40 % in 2030, −50 % in 2040, −60 % in 2050 (Décret n° 2019-771)', () => {
    const config = decretTertiaireChart(buildings, { scenario: 'S3' });
    const sq = buildings.flows.find((f) => f.useCase === 'buildings' && f.scenario === 'S3' && f.variant === 'status-quo')!;
    // The reference: the status quo's first operating year (index 1), in MWh.
    const reference = round(sq.series.energyKwh[1] / 1000, 1);
    const targets = config.data.datasets[config.data.datasets.length - 1];
    expect(targets.stepped).toBe('before');
    expect(targets.data as Points).toEqual([
      { x: 2027, y: reference },
      { x: 2030, y: round(reference * 0.6, 1) },
      { x: 2040, y: round(reference * 0.5, 1) },
      { x: 2050, y: round(reference * 0.4, 1) },
      { x: 2051, y: round(reference * 0.4, 1) }, // held to the horizon (2026 + 25)
    ]);
    const markers = config.options?.plugins?.territoiresMarkers?.markers ?? [];
    expect(markers.map((m) => m.text)).toEqual(['2030\u00a0: −40\u00a0%', '2040\u00a0: −50\u00a0%', '2050\u00a0: −60\u00a0%']);
  });

  it('draws each variant’s consumption over the operating years, in MWh', () => {
    const config = decretTertiaireChart(buildings);
    const variants = buildings.variants.filter((v) => v.useCase === 'buildings');
    expect(config.data.datasets).toHaveLength(variants.length + 1);
    variants.forEach((v, i) => {
      const kwh = buildings.flows.find((f) => f.useCase === 'buildings' && f.scenario === 'TEND' && f.variant === v.id)!.series.energyKwh;
      const points = config.data.datasets[i].data as Points;
      expect(points).toHaveLength(25);
      expect(points[4]).toEqual({ x: 2031, y: round(kwh[5] / 1000, 1) });
    });
  });

  it('refuses a run without the buildings use case', () => {
    expect(() => decretTertiaireChart(lighting)).toThrow(/decretTertiaireChart: the run has no buildings use case/);
  });
});
