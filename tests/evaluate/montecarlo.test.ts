import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { examplesDir } from '../../src/core/paths.js';
import { loadRunData, prepareRun } from '../../src/evaluate/load.js';
import { evaluateScenarioMetrics, prepareRunWithData, type PreparedRun } from '../../src/evaluate/engine.js';
import { evaluateChunk, MC_METRICS, planUncertainty, rowKeys, runMonteCarlo, type MonteCarloResult } from '../../src/evaluate/montecarlo.js';
import type { UseCaseId } from '../../src/evaluate/registry.js';
import { sampleChunk } from '../../src/uncertainty/chunks.js';
import { runMonteCarloThreads } from '../../src/evaluate/montecarlo-threads.js';
import { loadTerritory, type LoadedTerritory } from '../../src/io/territory.js';

const runOptions = { scenarios: ['TEND', 'S1'], useCases: ['lighting'] };
let territory: LoadedTerritory;
let single: MonteCarloResult;

beforeAll(async () => {
  territory = await loadTerritory(join(examplesDir(), 'ville-moyenne', 'territory.yaml'));
  single = runMonteCarlo(prepareRun(territory, runOptions), { draws: 48, seed: 7, chunkSize: 16 });
});

describe('Monte Carlo over a run', () => {
  it('gives identical numbers on one thread, on two worker threads, and on the calling thread with a worker (same seed)', async () => {
    const run = prepareRun(territory, runOptions);
    // Workers alone: the calling thread leaves them every chunk and every row to summarise (but its share).
    const workers = await runMonteCarloThreads(run, territory, runOptions, { draws: 48, seed: 7, chunkSize: 16, threads: 3, callerComputes: false });
    expect(JSON.stringify(workers)).toBe(JSON.stringify(single));
    // The default: the calling thread computes chunks while the worker starts.
    const shared = await runMonteCarloThreads(run, territory, runOptions, { draws: 48, seed: 7, chunkSize: 16, threads: 2 });
    expect(JSON.stringify(shared)).toBe(JSON.stringify(single));
  }, 60_000);

  it('reports progress up to every draw, and stops cleanly when asked to', async () => {
    const run = prepareRun(territory, runOptions);
    const seen: number[] = [];
    await runMonteCarloThreads(run, territory, runOptions, { draws: 48, seed: 7, chunkSize: 16, threads: 2, onProgress: (d) => seen.push(d) });
    expect(seen).toEqual([16, 32, 48]); // three chunks of 16 draws, in the order they finish
    await expect(
      runMonteCarloThreads(run, territory, runOptions, { draws: 48, seed: 7, chunkSize: 16, threads: 2, shouldStop: () => true }),
    ).rejects.toThrow(/Monte Carlo stopped after 16 of 48 draws/);
  }, 60_000);

  it('changes with the seed and repeats with the same seed', () => {
    const run = prepareRun(territory, runOptions);
    expect(JSON.stringify(runMonteCarlo(run, { draws: 48, seed: 7, chunkSize: 16 }))).toBe(JSON.stringify(single));
    const other = runMonteCarlo(run, { draws: 48, seed: 8, chunkSize: 16 });
    expect(other.results[0].metrics.npvEur.mean).not.toBe(single.results[0].metrics.npvEur.mean);
  });

  it('covers every variant × scenario × perspective with ordered quantiles and coherent probabilities', () => {
    const run = prepareRun(territory, runOptions);
    expect(single.results.map((r) => `${r.variant}/${r.scenario}/${r.perspective}`)).toEqual(
      rowKeys(run).map((k) => `${k.variant}/${k.scenario}/${k.perspective}`),
    );
    for (const r of single.results) {
      const m = r.metrics.npvEur;
      expect(m.defined).toBe(1);
      expect(m.p5!).toBeLessThanOrEqual(m.p10!);
      expect(m.p10!).toBeLessThanOrEqual(m.p50!);
      expect(m.p50!).toBeLessThanOrEqual(m.p90!);
      expect(m.p90!).toBeLessThanOrEqual(m.p95!);
      const p = r.probabilities;
      expect(p.both).toBeLessThanOrEqual(Math.min(p.npvPositive, p.netNegative));
      expect(p.both).toBeGreaterThanOrEqual(p.npvPositive + p.netNegative - 1 - 1e-12);
    }
  });

  it('holds a value the territory states fixed, and samples sourced ranges', async () => {
    const run = prepareRun(territory, runOptions);
    const plan = planUncertainty(run);
    const names = plan.quantities.map((q) => q.name);
    // The example sets fctvaLagYears in its settings: a stated value, not an uncertainty.
    expect(names).not.toContain('fctvaLagYears');
    // The LED luminaire cost carries a range in models/lighting/parameters.yaml.
    expect(names.some((n) => /^led.*Cost/i.test(n))).toBe(true);
    for (const q of plan.quantities) expect(['parameter', 'trajectory']).toContain(q.kind);
  });
});

/**
 * The readable version of `evaluateChunk` (one fresh parameter copy per scenario and use case, every entry drawn
 * through its own quantile function), checked against it value by value; returns how many values were compared.
 */
function expectChunkEqualsReadable(run: PreparedRun, plan: ReturnType<typeof planUncertainty>, chunk: { index: number; start: number; size: number }): number {
  // Float64 columns (the runs use Float32): the values compared are the engine's, unrounded.
  const columns = rowKeys(run).map(() => MC_METRICS.map(() => new Float64Array(chunk.start + chunk.size).fill(-1)));
  evaluateChunk(run, plan, chunk, 7, 'lhs', columns);
  const uniforms = sampleChunk(
    plan.quantities.map(() => (u: number) => u),
    7,
    chunk.index,
    chunk.start,
    chunk.size,
    'lhs',
  );
  let checked = 0;
  for (let d = 0; d < chunk.size; d++) {
    let row = 0;
    plan.scenarios.forEach((sc, s) => {
      const series = { ...sc.series };
      for (const t of sc.trajectories) series[t.name] = sc.series[t.name].map((x) => x * t.quantile(uniforms[t.q][d]));
      const values = new Map<UseCaseId, Record<string, number>>();
      for (const uc of sc.useCases) {
        const v = { ...uc.base };
        for (const p of uc.parameters) v[p.name] = p.quantile(uniforms[p.q][d]);
        values.set(uc.id, v);
      }
      for (const r of evaluateScenarioMetrics(run, run.packs[s], series, values)) {
        MC_METRICS.forEach((name, j) => {
          const x = r.metrics[name];
          expect(Object.is(columns[row][j][chunk.start + d], x === null ? NaN : x)).toBe(true);
          checked++;
        });
        row++;
      }
    });
  }
  expect(checked).toBe(columns.length * MC_METRICS.length * chunk.size);
  // Draws outside the chunk are left alone.
  expect(columns.every((row) => row.every((col) => col[chunk.start - 1] === -1))).toBe(true);
  return checked;
}

describe('evaluateChunk', () => {
  it('writes what fresh parameter copies, each entry through its own quantile, give (the readable version)', () => {
    const run = prepareRun(territory, runOptions);
    const plan = planUncertainty(run);
    // A distribution met in both scenarios is computed once per draw: fewer slots than entries.
    const entries = plan.scenarios.reduce((a, sc) => a + sc.trajectories.length + sc.useCases.reduce((b, u) => b + u.parameters.length, 0), 0);
    expect(plan.slots.length).toBeLessThan(entries);
    // The built-in packs set trajectories only: S1's lighting parameters are TEND's, one object for both.
    expect(plan.scenarios[1].useCases[0].sharesWith).toBe(0);
    expect(expectChunkEqualsReadable(run, plan, { index: 1, start: 16, size: 6 })).toBeGreaterThan(0);
  });

  it('keeps a parameter object per scenario when a pack sets a parameter, with the same numbers', () => {
    const data = loadRunData();
    const s1 = data.packs.get('S1')!;
    // A pack that sets the LED power fraction (a test value, with a range so that it is drawn too).
    s1.parameters = {
      ...s1.parameters,
      ledPowerFraction: { value: 0.45, unit: 'fraction', source: 'test pack', confidence: 'low', range: { low: 0.35, high: 0.55 }, origin: { pack: 'S1', file: s1.file } },
    };
    const run = prepareRunWithData(territory, data, runOptions);
    const plan = planUncertainty(run);
    expect(plan.scenarios[1].useCases[0].sharesWith).toBe(-1);
    expect(plan.scenarios[1].useCases[0].base.ledPowerFraction).toBe(0.45);
    expectChunkEqualsReadable(run, plan, { index: 0, start: 1, size: 4 });
  });
});
