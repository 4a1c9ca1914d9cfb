import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { InputError, InputErrors } from '../../src/core/errors.js';
import { examplesDir } from '../../src/core/paths.js';
import type { RunOptions } from '../../src/evaluate/engine.js';
import { prepareRun, runTerritory } from '../../src/evaluate/load.js';
import { rowKeys } from '../../src/evaluate/montecarlo.js';
import { ROLL_UP_SUMS, rollUp, RollUpInterrupted, type RollUpCommune } from '../../src/evaluate/rollup.js';
import { rollUpThreads } from '../../src/evaluate/rollup-threads.js';
import type { UseCaseId } from '../../src/evaluate/registry.js';
import { loadTerritory, type LoadedTerritory } from '../../src/io/territory.js';

const runOptions: RunOptions = { scenarios: ['TEND', 'S2'] };
let territory: LoadedTerritory;

beforeAll(async () => {
  territory = await loadTerritory(join(examplesDir(), 'ville-moyenne', 'territory.yaml'));
});

type Json = Record<string, unknown>;

/** The town's inventories, with its lighting groups' counts multiplied by `k` (a smaller or larger commune). */
function commune(id: string, k: number): RollUpCommune {
  const inventories: Partial<Record<UseCaseId, unknown>> = {};
  for (const u of territory.useCases) {
    const inv = structuredClone(u.inventory) as Json;
    if (u.id === 'lighting') {
      for (const g of inv.luminaires as Json[]) g.count = Math.max(1, Math.round((g.count as number) * k));
      inv.cabinets = Math.max(1, Math.round((inv.cabinets as number) * k));
    }
    inventories[u.id] = inv;
  }
  return { id, inventories };
}

/** The same commune run as a territory of its own: its `runTerritory` results. */
function runAlone(c: RollUpCommune): ReturnType<typeof runTerritory> {
  const t: LoadedTerritory = {
    ...territory,
    useCases: territory.useCases.filter((u) => c.inventories[u.id] !== undefined).map((u) => ({ ...u, inventory: c.inventories[u.id] })),
  };
  return runTerritory(t, runOptions, new Date(0));
}

describe('roll-up over communes', () => {
  it('sums each comparison over the communes: the sums of their runs as territories of their own', () => {
    const communes = [commune('a', 1), commune('b', 0.1), commune('c', 2.5)];
    const run = prepareRun(territory, runOptions);
    const result = rollUp(run, communes, { blockSize: 2 });
    expect(result.communes).toBe(3);
    expect(result.rows.map(({ useCase, variant, scenario, perspective }) => [useCase, variant, scenario, perspective])).toEqual(
      rowKeys(run).map(({ useCase, variant, scenario, perspective }) => [useCase, variant, scenario, perspective]),
    );
    // Expected: each commune run alone (`runTerritory`, the yearly path of the engine), its metrics added up.
    const alone = communes.map(runAlone);
    for (const row of result.rows) {
      const matching = alone.map((r) =>
        r.results.find((x) => x.useCase === row.useCase && x.variant === row.variant && x.scenario === row.scenario && x.perspective === row.perspective)!,
      );
      for (const name of ROLL_UP_SUMS) {
        const expected = matching.reduce((s, x) => s + x.metrics[name], 0);
        expect(row.sums[name]).toBeCloseTo(expected, 6);
      }
      expect(row.npvPositive).toBe(matching.filter((x) => x.metrics.npvEur > 0).length);
      expect(row.netNegative).toBe(matching.filter((x) => x.metrics.netTco2e < 0).length);
    }
    // The lighting retrofit's investment scales with the luminaires: commune c (×2.5) invests more than a (×1).
    const capex = (r: ReturnType<typeof runAlone>): number =>
      r.results.find((x) => x.useCase === 'lighting' && x.variant !== 'status-quo' && x.scenario === 'TEND' && x.perspective === 'financial')!.metrics.capexEur;
    expect(capex(alone[2])).toBeGreaterThan(capex(alone[0]));
  });

  it('two identical communes give twice the town, exactly', () => {
    const run = prepareRun(territory, { scenarios: ['TEND'] });
    const town = runTerritory(territory, { scenarios: ['TEND'] }, new Date(0));
    const result = rollUp(run, [commune('a', 1), commune('b', 1)]);
    for (const row of result.rows) {
      const r = town.results.find((x) => x.useCase === row.useCase && x.variant === row.variant && x.perspective === row.perspective)!;
      // x + x = 2x exactly in binary floating point, and the fast metrics equal the yearly path's to the last bit.
      expect(row.sums.npvEur).toBe(2 * r.metrics.npvEur);
      expect(row.sums.netTco2e).toBe(2 * r.metrics.netTco2e);
    }
  });

  it('gives the same sums to the last bit on one thread and on two (blocks added in block order)', async () => {
    const communes = [0.2, 0.5, 1, 1.7, 3, 0.05].map((k, i) => commune(`c${i}`, k));
    const run = prepareRun(territory, runOptions);
    const one = rollUp(run, communes, { blockSize: 2 });
    const seen: number[] = [];
    const two = await rollUpThreads(run, territory, runOptions, communes, { blockSize: 2, threads: 2, onProgress: (d) => seen.push(d) });
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    expect(seen[seen.length - 1]).toBe(6);
  }, 60_000);

  it('names the commune and the path of an invalid inventory or a misspelt use case, from the calling thread and from a worker', async () => {
    const run = prepareRun(territory, { scenarios: ['TEND'] });
    const bad = commune('bad', 1);
    ((bad.inventories.lighting as Json).luminaires as Json[])[0].count = -3;
    const error = (() => {
      try {
        rollUp(run, [commune('ok', 1), bad]);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).path).toBe('communes.1.inventories.lighting.luminaires.0.count');
    expect((error as InputError).message).toContain('commune bad');

    // A misspelt use case would otherwise leave the commune without it, without a word.
    const { lighting, ...others } = commune('x', 1).inventories;
    const misspelt = { id: 'typo', inventories: { ...others, lightning: lighting } } as RollUpCommune;
    const typo = (() => {
      try {
        rollUp(run, [misspelt]);
      } catch (e) {
        return e;
      }
    })() as InputError;
    expect(typo).toBeInstanceOf(InputError);
    expect(typo.path).toBe('communes.0.inventories.lightning');
    expect(typo.message).toBe('roll-up: commune typo has an inventory for an unknown use case lightning');
    expect(typo.fix).toContain('did you mean lighting?');

    // Blocks 0 and 1 go to the worker first (two ahead), the calling thread takes block 2: the bad commune is
    // evaluated by the worker, and its error arrives as an InputError with the same path.
    const communes = [commune('a', 1), bad, commune('c', 1), commune('d', 1)];
    const fromWorker = await rollUpThreads(run, territory, { scenarios: ['TEND'] }, communes, { blockSize: 1, threads: 2 }).catch((e: unknown) => e);
    expect(fromWorker).toBeInstanceOf(InputError);
    expect(fromWorker).not.toBeInstanceOf(InputErrors);
    expect((fromWorker as InputError).path).toBe('communes.1.inventories.lighting.luminaires.0.count');
  }, 60_000);

  it('evaluates a commune for the use cases it has: each row sums the communes that describe its use case', async () => {
    // Expected: each commune run alone as a territory that describes only its use cases (`runTerritory`: its shared
    // digital infrastructure sized and shared among those use cases alone), its metrics added up.
    const without = (c: RollUpCommune, ...ids: UseCaseId[]): RollUpCommune => ({
      id: c.id,
      inventories: Object.fromEntries(Object.entries(c.inventories).filter(([id]) => !ids.includes(id as UseCaseId))),
    });
    const communes = [
      commune('all', 1),
      without(commune('no-water', 0.5), 'water'),
      without(commune('lighting-only', 2), 'water', 'climate-risk', 'buildings'),
      without(commune('no-lighting', 1.5), 'lighting'),
      { id: 'nothing', inventories: {} },
    ];
    const run = prepareRun(territory, runOptions);
    const result = rollUp(run, communes, { blockSize: 2 });
    expect(result.communes).toBe(5);
    const alone = communes.map((c) => ({
      has: (id: UseCaseId) => c.inventories[id] !== undefined,
      results: Object.keys(c.inventories).length === 0 ? [] : runAlone(c).results,
    }));
    for (const row of result.rows) {
      const having = alone.filter((a) => a.has(row.useCase));
      expect(row.communes).toBe(having.length);
      const matching = having.map(
        (a) => a.results.find((x) => x.useCase === row.useCase && x.variant === row.variant && x.scenario === row.scenario && x.perspective === row.perspective)!,
      );
      for (const name of ROLL_UP_SUMS) expect(row.sums[name]).toBeCloseTo(matching.reduce((sum, x) => sum + x.metrics[name], 0), 6);
      expect(row.npvPositive).toBe(matching.filter((x) => x.metrics.npvEur > 0).length);
      expect(row.netNegative).toBe(matching.filter((x) => x.metrics.netTco2e < 0).length);
    }
    // Lighting: 'all', 'no-water' and 'lighting-only'; water: 'all' and 'no-lighting'.
    expect(result.rows.find((r) => r.useCase === 'lighting')!.communes).toBe(3);
    expect(result.rows.find((r) => r.useCase === 'water')!.communes).toBe(2);
    // The same on two threads, to the last bit.
    const two = await rollUpThreads(run, territory, runOptions, communes, { blockSize: 2, threads: 2 });
    expect(JSON.stringify(two)).toBe(JSON.stringify(result));
  }, 60_000);

  it("applies a commune's own parameter values over the territory's, and only to that commune", async () => {
    // Expected: the commune run alone with the same values given on the command line (`--set`, the next layer up:
    // the town's territory sets neither parameter). 1,500 € a LED luminaire instead of the default 1,050 €, and
    // 3,000 lit hours a year instead of 4,100.
    const own = { ledLuminaireCostEur: 1500, operatingHoursPerYear: '3000 h/yr' };
    const communes: RollUpCommune[] = [commune('plain', 1), { ...commune('quoted', 0.5), overrides: own }];
    const run = prepareRun(territory, runOptions);
    const result = rollUp(run, communes, { blockSize: 1 });
    const plain = runAlone(communes[0]);
    const quoted = runTerritory({ ...territory, useCases: territory.useCases.map((u) => ({ ...u, inventory: communes[1].inventories[u.id] })) }, { ...runOptions, overrides: own }, new Date(0));
    const atDefaults = runAlone(communes[1]);
    for (const row of result.rows) {
      const find = (r: ReturnType<typeof runAlone>) =>
        r.results.find((x) => x.useCase === row.useCase && x.variant === row.variant && x.scenario === row.scenario && x.perspective === row.perspective)!.metrics;
      for (const name of ROLL_UP_SUMS) expect(row.sums[name]).toBeCloseTo(find(plain)[name] + find(quoted)[name], 6);
    }
    // The values changed the commune's lighting: its LED retrofit invests more than at the default price.
    const led = (r: ReturnType<typeof runAlone>) => r.results.find((x) => x.useCase === 'lighting' && x.variant === 'led' && x.scenario === 'TEND' && x.perspective === 'financial')!.metrics;
    expect(led(quoted).capexEur).toBeGreaterThan(led(atDefaults).capexEur);
    // Same on two threads, to the last bit.
    expect(JSON.stringify(await rollUpThreads(run, territory, runOptions, communes, { threads: 2, blockSize: 1 }))).toBe(JSON.stringify(result));
    // The command line comes last, as for a territory: with --set ledLuminaireCostEur=700, the commune's 1,500 € gives
    // way, and its lit hours stay its own.
    const setOptions = { ...runOptions, overrides: { ledLuminaireCostEur: 700 } };
    const withSet = rollUp(prepareRun(territory, setOptions), [communes[1]]);
    const expected = runTerritory(
      { ...territory, useCases: territory.useCases.map((u) => ({ ...u, inventory: communes[1].inventories[u.id] })) },
      { ...runOptions, overrides: { ...own, ledLuminaireCostEur: 700 } },
      new Date(0),
    );
    for (const row of withSet.rows) {
      const m = expected.results.find((x) => x.useCase === row.useCase && x.variant === row.variant && x.scenario === row.scenario && x.perspective === row.perspective)!.metrics;
      for (const name of ROLL_UP_SUMS) expect(row.sums[name]).toBeCloseTo(m[name], 6);
    }
  }, 60_000);

  it("names the commune and the path of a bad value among its own parameters", () => {
    const run = prepareRun(territory, { scenarios: ['TEND'] });
    const errorOf = (overrides: unknown): InputError => {
      try {
        rollUp(run, [commune('a', 1), { ...commune('b', 1), overrides } as RollUpCommune]);
      } catch (e) {
        return e as InputError;
      }
      throw new Error('expected an error');
    };
    const unknown = errorOf({ ledLuminaireCostEurr: 900 });
    expect(unknown).toBeInstanceOf(InputError);
    expect(unknown.message).toBe('roll-up: commune b: unknown parameter ledLuminaireCostEurr');
    expect(unknown.path).toBe('communes.1.overrides.ledLuminaireCostEurr');
    expect(unknown.expected).toContain('ledLuminaireCostEur');
    expect(unknown.file).toBeUndefined(); // locateCommuneError adds the communes file's line
    const unit = errorOf({ ledLuminaireCostEur: '900 kWh' });
    expect(unit.message).toBe('roll-up: commune b: invalid value for ledLuminaireCostEur');
    expect(unit.path).toBe('communes.1.overrides.ledLuminaireCostEur');
    const shape = errorOf([900]);
    expect(shape.message).toBe('roll-up: the overrides of commune b are not a table of parameter values');
    expect(shape.path).toBe('communes.1.overrides');
  });

  it('refuses a commune id used twice, at the later commune, before evaluating anything', async () => {
    const run = prepareRun(territory, { scenarios: ['TEND'] });
    const communes = [commune('01001', 1), commune('01002', 1), commune('01001', 2)];
    const error = (() => {
      try {
        rollUp(run, communes);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).path).toBe('communes.2.id');
    expect((error as InputError).received).toBe('"01001", already the id of communes.0');
    // On two threads, the same error before any worker starts.
    const threaded = await rollUpThreads(run, territory, { scenarios: ['TEND'] }, communes, { blockSize: 1, threads: 2 }).catch((e: unknown) => e);
    expect((threaded as InputError).path).toBe('communes.2.id');
    // Two repeated ids: both reported at once.
    const twice = [...communes, commune('01002', 1)];
    expect(() => rollUp(run, twice)).toThrow(InputErrors);
  });

  it('stops between blocks when asked to (Ctrl-C), on one thread and on two', async () => {
    const run = prepareRun(territory, { scenarios: ['TEND'] });
    const communes = [commune('a', 1), commune('b', 1), commune('c', 1)];
    expect(() => rollUp(run, communes, { blockSize: 1, shouldStop: () => true })).toThrow(RollUpInterrupted);
    expect(() => rollUp(run, communes, { blockSize: 1, shouldStop: () => true })).toThrow('roll-up stopped after 1 of 3 communes');
    const stopped = await rollUpThreads(run, territory, { scenarios: ['TEND'] }, communes, { blockSize: 1, threads: 2, shouldStop: () => true }).catch((e: unknown) => e);
    expect(stopped).toBeInstanceOf(RollUpInterrupted);
  }, 60_000);

  it('rejects with the copy error when a commune cannot be sent to a worker thread', async () => {
    // (That the worker is then terminated is not observable from here; rollUpThreads terminates every worker in a
    // finally block once the error is recorded.)
    const run = prepareRun(territory, { scenarios: ['TEND'] });
    const odd = commune('odd', 1);
    (odd.inventories.water as Json).note = () => 'a function cannot be sent to a thread';
    const communes = [odd, commune('b', 1), commune('c', 1)];
    const error = await rollUpThreads(run, territory, { scenarios: ['TEND'] }, communes, { blockSize: 1, threads: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe('DataCloneError');
  }, 60_000);
});
