import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SeriesArena } from '../../src/core/arena.js';
import { examplesDir } from '../../src/core/paths.js';
import { evaluateScenarioMetrics, evaluationWorkspace, resolveParameters } from '../../src/evaluate/engine.js';
import { prepareRun } from '../../src/evaluate/load.js';
import { FLOW_SERIES, type VariantFlows } from '../../src/evaluate/model.js';
import { planUncertainty } from '../../src/evaluate/montecarlo.js';
import { valuesOf } from '../../src/evaluate/resolve.js';
import type { UseCaseId } from '../../src/evaluate/registry.js';
import { loadTerritory } from '../../src/io/territory.js';
import { seriesForPack } from '../../src/scenario/index.js';

// Reused buffers must never leak one call's numbers into the next: with an arena (models) or a workspace (engine),
// a call made after a call with other parameter values gives, bit for bit, what a call with fresh buffers gives.
// The "other values" put every uncertain parameter at its P90 instead of its resolved value (the quantile functions
// Monte Carlo uses), which changes counts, lifetimes and therefore which records a model takes.

const EXAMPLES = ['ville-moyenne', 'commune-rurale', 'syndicat-departemental'];

/** Every series and count of every variant, as plain numbers (for toEqual, which tells −0 from 0 and NaN apart). */
function snapshot(flows: Record<string, VariantFlows>): Record<string, (number | undefined)[] | null> {
  const out: Record<string, (number | undefined)[] | null> = {};
  for (const [variant, f] of Object.entries(flows)) {
    for (const name of FLOW_SERIES) {
      const values = f[name];
      out[`${variant}.${name}`] = values ? Array.from(values) : null;
    }
    out[`${variant}.counts`] = [f.connectedDevices, f.dataMbPerYear];
  }
  return out;
}

describe.each(EXAMPLES)('buffers reused between calls (%s)', (example) => {
  it('give each model the flows of a fresh call, after a call with other values', async () => {
    const territory = await loadTerritory(join(examplesDir(), example, 'territory.yaml'));
    const run = prepareRun(territory, {});
    const plan = planUncertainty(run);
    run.packs.forEach((pack, s) => {
      const series = seriesForPack(pack, run.axis);
      for (const uc of run.useCases) {
        const base = valuesOf(resolveParameters(run, uc, pack));
        const other = { ...base };
        for (const p of plan.scenarios[s].useCases.find((u) => u.id === uc.id)!.parameters) other[p.name] = p.quantile(0.9);
        const input = { axis: run.axis, s: series, inventory: uc.inventory };
        const fresh = snapshot(uc.model.simulate({ ...input, p: base }));
        const arena = new SeriesArena();
        uc.model.simulate({ ...input, p: other, arena });
        arena.reset();
        expect(snapshot(uc.model.simulate({ ...input, p: base, arena }))).toEqual(fresh);
      }
    });
  });

  it('give the engine the metrics of a fresh call, after a call with other values', async () => {
    const territory = await loadTerritory(join(examplesDir(), example, 'territory.yaml'));
    const run = prepareRun(territory, {});
    const plan = planUncertainty(run);
    const workspace = evaluationWorkspace(run);
    run.packs.forEach((pack, s) => {
      const series = seriesForPack(pack, run.axis);
      const base = new Map<UseCaseId, Record<string, number>>();
      const other = new Map<UseCaseId, Record<string, number>>();
      for (const uc of run.useCases) {
        const values = valuesOf(resolveParameters(run, uc, pack));
        base.set(uc.id, values);
        const moved = { ...values };
        for (const p of plan.scenarios[s].useCases.find((u) => u.id === uc.id)!.parameters) moved[p.name] = p.quantile(0.9);
        other.set(uc.id, moved);
      }
      const fresh = evaluateScenarioMetrics(run, pack, series, base);
      evaluateScenarioMetrics(run, pack, series, other, workspace);
      expect(evaluateScenarioMetrics(run, pack, series, base, workspace)).toEqual(fresh);
      // Rows rewritten in place (the roll-up's option): the same array and records, the numbers of a fresh call.
      const rows = evaluateScenarioMetrics(run, pack, series, other, workspace, { rows: [] });
      const first = rows[0].metrics;
      const again = evaluateScenarioMetrics(run, pack, series, base, workspace, { rows });
      expect(again).toBe(rows);
      expect(again[0].metrics).toBe(first);
      expect(again).toEqual(fresh);
    });
  });
});
