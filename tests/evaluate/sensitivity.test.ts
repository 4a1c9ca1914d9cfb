import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { examplesDir } from '../../src/core/paths.js';
import { evaluateRun, type PreparedRun } from '../../src/evaluate/engine.js';
import { prepareRun } from '../../src/evaluate/load.js';
import { runSobol, runTornado } from '../../src/evaluate/sensitivity.js';
import { loadTerritory } from '../../src/io/territory.js';

let run: PreparedRun;

beforeAll(async () => {
  const territory = await loadTerritory(join(examplesDir(), 'ville-moyenne', 'territory.yaml'));
  run = prepareRun(territory, { scenarios: ['TEND'], useCases: ['lighting'] });
});

describe('tornado on a run', () => {
  it('starts from the deterministic result and ranks quantities by swing', () => {
    const t = runTornado(run, { scenario: 'TEND', top: 10 });
    const deterministic = evaluateRun(run, new Date(0)).results;
    for (const o of t.outputs) {
      const row = deterministic.find(
        (r) => r.variant === o.variant && r.comparedTo === o.comparedTo && r.perspective === o.perspective,
      )!;
      // The base point of the tornado is exactly the run's own value.
      expect(o.base).toBeCloseTo(o.metric === 'npvEur' ? row.metrics.npvEur : row.metrics.netTco2e, 6);
      for (let i = 1; i < o.rows.length; i++) expect(o.rows[i - 1].swing).toBeGreaterThanOrEqual(o.rows[i].swing);
      for (const r of o.rows) expect(r.low).toBeLessThanOrEqual(r.high);
    }
  });

  it('finds that the LED luminaire cost moves the LED retrofit’s NPV but not its carbon', () => {
    const t = runTornado(run, { scenario: 'TEND', top: 400 });
    const npv = t.outputs.find((o) => o.variant === 'led' && o.perspective === 'financial' && o.metric === 'npvEur')!;
    const carbon = t.outputs.find((o) => o.variant === 'led' && o.perspective === 'financial' && o.metric === 'netTco2e')!;
    const costInNpv = npv.rows.find((r) => r.name === 'ledLuminaireCostEur')!;
    const costInCarbon = carbon.rows.find((r) => r.name === 'ledLuminaireCostEur')!;
    expect(costInNpv.swing).toBeGreaterThan(0);
    // A higher purchase price lowers the NPV.
    expect(costInNpv.outputAtHigh).toBeLessThan(costInNpv.outputAtLow);
    expect(costInCarbon.swing).toBe(0);
  });
});

describe('Sobol on a run', () => {
  it('returns indices for the screened quantities with intervals, and counts the model runs', () => {
    const s = runSobol(run, { scenario: 'TEND', useCase: 'lighting', variant: 'led', perspective: 'financial', metric: 'npvEur', n: 32, top: 3, bootstrap: 50 });
    expect(s.factors).toHaveLength(3);
    expect(s.evaluations).toBe(32 * (3 + 2));
    for (const f of s.factors) {
      expect(Number.isFinite(f.first)).toBe(true);
      expect(f.totalCi[0]).toBeLessThanOrEqual(f.totalCi[1]);
    }
  }, 60_000);
});
