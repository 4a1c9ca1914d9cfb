import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { examplesDir } from '../../src/core/paths.js';
import { prepareRun } from '../../src/evaluate/load.js';
import { planUncertainty, rowKeys, runMonteCarlo, type MonteCarloResult } from '../../src/evaluate/montecarlo.js';
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
  it('gives identical numbers on one thread and on two worker threads (same seed)', async () => {
    const run = prepareRun(territory, runOptions);
    const threaded = await runMonteCarloThreads(run, territory, runOptions, { draws: 48, seed: 7, chunkSize: 16, threads: 2 });
    expect(JSON.stringify(threaded)).toBe(JSON.stringify(single));
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
