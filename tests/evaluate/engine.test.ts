import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { examplesDir } from '../../src/core/paths.js';
import { evaluateRun, flowsFinite, type RunResults } from '../../src/evaluate/engine.js';
import { emptyFlows, FLOW_SERIES } from '../../src/evaluate/model.js';
import { yearAxis } from '../../src/core/time.js';
import { prepareRun } from '../../src/evaluate/load.js';
import { loadTerritory, type LoadedTerritory } from '../../src/io/territory.js';
import { resultsDocument, toJson } from '../../src/io/writers.js';

const NOW = new Date('2026-01-01T00:00:00Z');
let territory: LoadedTerritory;
let results: RunResults;

beforeAll(async () => {
  territory = await loadTerritory(join(examplesDir(), 'ville-moyenne', 'territory.yaml'));
  results = evaluateRun(prepareRun(territory, { scenarios: ['TEND', 'S1'] }), NOW);
});

describe('the engine on the built-in example', () => {
  it('compares every variant to the status quo under every scenario, in both perspectives', () => {
    for (const v of results.variants.filter((x) => x.kind !== 'statusQuo')) {
      const statusQuo = results.variants.find((x) => x.useCase === v.useCase && x.kind === 'statusQuo')!.id;
      for (const scenario of ['TEND', 'S1']) {
        for (const perspective of ['financial', 'socioEconomic']) {
          const rows = results.results.filter(
            (r) => r.useCase === v.useCase && r.variant === v.id && r.scenario === scenario && r.perspective === perspective && r.comparedTo === statusQuo,
          );
          expect(rows, `${v.useCase}/${v.id}/${scenario}/${perspective}`).toHaveLength(1);
        }
      }
    }
  });

  it('also compares each digital variant to a non-digital alternative, so the digital layer’s own value shows', () => {
    for (const v of results.variants.filter((x) => x.kind === 'digital')) {
      const alternatives = results.variants.filter((x) => x.useCase === v.useCase && x.kind === 'alternative').map((x) => x.id);
      const rows = results.results.filter((r) => r.variant === v.id && alternatives.includes(r.comparedTo));
      expect(rows.length, v.id).toBe(4); // 2 scenarios × 2 perspectives
    }
  });

  it('freezes the inventories it runs, so that a change in place fails loudly instead of reusing cached figures', async () => {
    // Models cache what depends on the inventory alone per inventory object (a WeakMap): a run after a change in
    // place would use the first run's figures. The engine freezes the inventories; a copy can be changed.
    const own = await loadTerritory(join(examplesDir(), 'ville-moyenne', 'territory.yaml'));
    const run = prepareRun(own, { scenarios: ['TEND'] });
    const lighting = run.useCases.find((u) => u.id === 'lighting')!.inventory as { luminaires: { count: number }[] };
    expect(() => {
      lighting.luminaires[0].count = 1;
    }).toThrow(TypeError);
    const copy = structuredClone(lighting);
    copy.luminaires[0].count = 1;
    expect(copy.luminaires[0].count).toBe(1);
  });

  it('gives the same numbers for the same inputs (byte-identical results.json)', () => {
    const again = evaluateRun(prepareRun(territory, { scenarios: ['TEND', 'S1'] }), NOW);
    expect(toJson(resultsDocument(again))).toBe(toJson(resultsDocument(results)));
  });

  it('lists every parameter with its origin, source and confidence, sourced or an assumption', () => {
    expect(results.parameters.length).toBeGreaterThan(100);
    for (const p of results.parameters) {
      expect(['default', 'scenario', 'territory', 'override', 'calibrated']).toContain(p.origin);
      expect(['high', 'medium', 'low', 'assumption']).toContain(p.confidence);
      if (p.confidence !== 'assumption') expect(p.source, p.name).toBeTruthy();
      expect(p.trail[0].origin).toBe('default');
    }
  });

  it('applies a --set override everywhere and records it', () => {
    const r = evaluateRun(prepareRun(territory, { scenarios: ['TEND'], overrides: { financialDiscountRate: '5 %' } }), NOW);
    const p = r.parameters.filter((x) => x.name === 'financialDiscountRate');
    expect(p.length).toBeGreaterThan(0);
    for (const x of p) {
      expect(x.value).toBeCloseTo(0.05, 12);
      expect(x.origin).toBe('override');
    }
  });

  it('changes the socio-economic NPV, not the financial one, with the 2019 carbon value path', () => {
    const r2019 = evaluateRun(prepareRun(territory, { scenarios: ['TEND'], carbonValuePath: '2019' }), NOW);
    const pick = (r: RunResults, perspective: string) =>
      r.results.find((x) => x.useCase === 'lighting' && x.variant === 'led' && x.scenario === 'TEND' && x.perspective === perspective)!.metrics.npvEur;
    expect(pick(r2019, 'financial')).toBe(pick(results, 'financial'));
    expect(pick(r2019, 'socioEconomic')).not.toBe(pick(results, 'socioEconomic'));
  });

  it('keeps the two carbon allocations equal in total over the horizon', () => {
    for (const r of results.results.slice(0, 20)) {
      const atPurchase = r.yearly.emissionsTco2e.reduce((a, b) => a + b, 0);
      const amortised = r.yearly.emissionsAmortisedTco2e.reduce((a, b) => a + b, 0);
      expect(amortised, `${r.useCase}/${r.variant}`).toBeCloseTo(atPurchase, 6);
    }
  });
});

describe('flowsFinite (the check of every model output)', () => {
  const axis = yearAxis(2026, 25);
  it('is true for finite flows, absent optional series included', () => {
    const f = emptyFlows(axis);
    f.capexEur[0] = 1e6;
    expect(flowsFinite(f)).toBe(true);
  });

  it('sees a NaN or an infinity in every series of FLOW_SERIES, at any year', () => {
    for (const name of FLOW_SERIES) {
      for (const [t, bad] of [[0, NaN], [3, Infinity], [25, -Infinity]] as const) {
        const f = emptyFlows(axis);
        const series = f[name] ?? (f[name] = new Float64Array(axis.length));
        series[t] = bad;
        expect(flowsFinite(f), `${name}[${t}] = ${bad}`).toBe(false);
      }
    }
  });
});

describe('a model output that is not finite', () => {
  it('stops the run with the model, variant, scenario, series and year', () => {
    const run = prepareRun(territory, { scenarios: ['TEND'], useCases: ['water'] });
    const uc = run.useCases[0];
    const variant = uc.model.variants[1].id;
    const broken = {
      ...run,
      useCases: [{ ...uc, model: { ...uc.model, simulate: (input: Parameters<typeof uc.model.simulate>[0]) => {
        const flows = uc.model.simulate(input);
        flows[variant].useKgCo2e[3] = NaN;
        return flows;
      } } }],
    };
    expect(() => evaluateRun(broken, NOW)).toThrow(`model water, variant ${variant}, scenario TEND: useKgCo2e[3] is NaN; models must return finite values`);
  });
});
