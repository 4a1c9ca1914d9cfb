import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { examplesDir } from '../../src/core/paths.js';
import { evaluateScenarioMetrics, evaluationWorkspace, resolveParameters, type MetricsRow } from '../../src/evaluate/engine.js';
import { prepareRun } from '../../src/evaluate/load.js';
import type { UseCaseId } from '../../src/evaluate/registry.js';
import { valuesOf } from '../../src/evaluate/resolve.js';
import { loadTerritory } from '../../src/io/territory.js';
import { seriesForPack } from '../../src/scenario/index.js';

// The engine computes what the digital variants of one evaluation share (parameters, the terminals' fleet, a gateway
// fleet per gateway count) once, in a work space (models/digital sharedInfrastructureParts). Each variant must still
// carry its share priced with its OWN use case's parameters: a use case whose digital parameters differ must not
// hand its fleets to the others, nor receive theirs. The gateway and terminal catalogue entries are read by the
// shared infrastructure only (no use-case model deploys a gateway or a terminal), so changing them for one use case
// moves that use case's metrics and no other's.

const EXAMPLES = ['ville-moyenne', 'commune-rurale', 'syndicat-departemental'];

function byUseCase(rows: MetricsRow[]): Map<UseCaseId, string> {
  const out = new Map<UseCaseId, string[]>();
  for (const row of rows) {
    const list = out.get(row.useCase) ?? [];
    list.push(JSON.stringify(row));
    out.set(row.useCase, list);
  }
  return new Map([...out].map(([id, list]) => [id, list.join('\n')]));
}

describe.each(EXAMPLES)('shared infrastructure in one evaluation (%s)', (example) => {
  it("prices each use case's share with that use case's own digital parameters", async () => {
    const territory = await loadTerritory(join(examplesDir(), example, 'territory.yaml'));
    const run = prepareRun(territory, { scenarios: ['TEND'] });
    const pack = run.packs[0];
    const series = seriesForPack(pack, run.axis);
    const base = new Map<UseCaseId, Record<string, number>>();
    for (const uc of run.useCases) base.set(uc.id, valuesOf(resolveParameters(run, uc, pack)));
    const workspace = evaluationWorkspace(run);
    const reference = byUseCase(evaluateScenarioMetrics(run, pack, series, base, workspace));
    // The first, a middle and the last use case in turn: gateways twice as dear, terminals lasting one year less.
    const ids = run.useCases.map((uc) => uc.id);
    for (const changed of [ids[0], ids[Math.floor(ids.length / 2)], ids[ids.length - 1]]) {
      const values = new Map(base);
      const p = base.get(changed)!;
      values.set(changed, { ...p, gatewayCostEur: 2 * p.gatewayCostEur, terminalLifetimeYears: p.terminalLifetimeYears - 1 });
      const moved = byUseCase(evaluateScenarioMetrics(run, pack, series, values, workspace));
      for (const id of ids) {
        if (id === changed) expect(moved.get(id), `${changed} changed`).not.toBe(reference.get(id));
        else expect(moved.get(id), `${id} when ${changed} changed`).toBe(reference.get(id));
      }
    }
  });
});
