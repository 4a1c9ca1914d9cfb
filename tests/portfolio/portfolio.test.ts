import { beforeAll, describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { InputError } from '../../src/core/errors.js';
import { examplesDir } from '../../src/core/paths.js';
import { evaluateRun, prepareRunWithData, type RunData, type RunResults } from '../../src/evaluate/engine.js';
import { loadRunData } from '../../src/evaluate/load.js';
import { loadTerritory, parseTerritory, type LoadedTerritory } from '../../src/io/territory.js';
import { runPortfolio, selectFromResults, type Objective } from '../../src/portfolio/portfolio.js';

let data: RunData;
let town: LoadedTerritory;
let results: RunResults;

beforeAll(async () => {
  data = loadRunData();
  town = await loadTerritory(join(examplesDir(), 'ville-moyenne', 'territory.yaml'));
  results = evaluateRun(prepareRunWithData(town, data, { scenarios: ['TEND'] }));
});

/**
 * Independent reference for the town: candidates read straight from the result rows (variants against the status
 * quo the run declares), every combination of one variant or none per use case and every start year enumerated.
 */
function bruteForce(objective: Objective, budgetEur: number, caps: number[] | null, rate: number): number {
  const groups = new Map<string, { capex: number; value: number }[]>();
  for (const v of results.variants) {
    if (v.kind === 'statusQuo') continue;
    const statusQuo = results.variants.find((x) => x.useCase === v.useCase && x.kind === 'statusQuo')!.id;
    const find = (perspective: string) =>
      results.results.find((r) => r.useCase === v.useCase && r.variant === v.id && r.comparedTo === statusQuo && r.perspective === perspective)!;
    const fin = find('financial');
    const soc = find('socioEconomic');
    const value = objective === 'npv' ? fin.metrics.npvEur : objective === 'socioEconomicNpv' ? soc.metrics.npvEur : soc.metrics.avoidedTco2e;
    groups.set(v.useCase, [...(groups.get(v.useCase) ?? []), { capex: fin.metrics.capexEur, value }]);
  }
  const lists = [...groups.values()];
  const years = caps ? caps.length : 1;
  const used = new Array<number>(years).fill(0);
  let best = 0;
  const walk = (g: number, capex: number, value: number): void => {
    if (g === lists.length) {
      best = Math.max(best, value);
      return;
    }
    walk(g + 1, capex, value);
    for (const o of lists[g]) {
      for (let s = 0; s < years; s++) {
        if (capex + o.capex > budgetEur || (caps && used[s] + o.capex > caps[s])) continue;
        used[s] += o.capex;
        walk(g + 1, capex + o.capex, value + o.value / Math.pow(1 + rate, s));
        used[s] -= o.capex;
      }
    }
  };
  walk(0, 0, 0);
  return best;
}

describe('selectFromResults', () => {
  it.each([
    ['npv', 2e6],
    ['socioEconomicNpv', 2e6],
    ['tco2e', 2e6],
    ['npv', 12e6],
    ['socioEconomicNpv', 0],
  ] as [Objective, number][])('finds the brute-force optimum for the town (%s, %d €)', (objective, budgetEur) => {
    const s = selectFromResults([results], { budgetEur, objective });
    expect(s.optimal).toBe(true);
    expect(s.objectiveValue).toBeCloseTo(bruteForce(objective, budgetEur, null, 0), 6);
    expect(s.capexEur).toBeLessThanOrEqual(budgetEur);
    // every candidate is a variant of the town other than a status quo: 5 + 2 + 2 + 4 = 13 (lighting, water,
    // climate-risk, buildings in models/*)
    expect(s.candidates).toHaveLength(13);
    expect(new Set(s.chosen.map((id) => id.split('/')[1])).size).toBe(s.chosen.length);
    expect(s.unit).toBe(objective === 'tco2e' ? 'tCO2e' : 'EUR');
  });

  it('phases the choice under yearly caps, delayed NPVs discounted at the socio-economic rate', () => {
    // 3.2 %: France Stratégie's socio-economic discount rate for β = 1 (scenarios/reference, socioEconomicDiscountRate).
    // Caps of 1.5 M€/yr: the water smart network (≈1.46 M€) and building management (≈0.38 M€) do not fit in the
    // same year. A year's delay costs NPV × (1 − 1/1.032): water ≈1.37 M€ × 3.1 % ≈ 42 k€, buildings ≈1.85 M€ × 3.1 %
    // ≈ 57 k€, so the water network waits a year. The lighting variants (≈4.4–4.9 M€) exceed any year's cap.
    const caps = [1.5e6, 1.5e6, 1.5e6];
    const s = selectFromResults([results], { budgetEur: 3e6, objective: 'socioEconomicNpv', yearlyCapEur: caps });
    expect(s.phasing.find((p) => p.id === 'ville-moyenne/buildings/gtb')?.startYear).toBe(2026);
    expect(s.phasing.find((p) => p.id === 'ville-moyenne/water/smart-network')?.startYear).toBe(2027);
    expect(s.leftOut.filter((l) => l.id.includes('/lighting/')).every((l) => l.reason === 'exceedsBudget')).toBe(true);
    expect(s.objectiveValue).toBeCloseTo(bruteForce('socioEconomicNpv', 3e6, caps, 0.032), 6);
    expect(s.yearlyCapEur).toEqual(caps);
    expect(s.capexByYear.map((y) => y.year)).toEqual([2026, 2027, 2028]);
    for (const [i, y] of s.capexByYear.entries()) expect(y.capexEur).toBeLessThanOrEqual(caps[i]);
    for (const p of s.phasing) expect(p.startYear).toBeGreaterThanOrEqual(2026);
  });

  it('refuses a scenario the run lacks, a bad objective or budget, and caps across start years', () => {
    expect(() => selectFromResults([results], { budgetEur: 1e6, objective: 'npv', scenario: 'S3' })).toThrow(/has no scenario S3/);
    expect(() => selectFromResults([results], { budgetEur: 1e6, objective: 'irr' as Objective })).toThrow(InputError);
    expect(() => selectFromResults([results], { budgetEur: -1, objective: 'npv' })).toThrow(InputError);
    const later = structuredClone(results);
    later.manifest.startYear = 2028;
    later.manifest.territory.id = 'later';
    expect(() => selectFromResults([results, later], { budgetEur: 1e6, objective: 'npv', yearlyCapEur: 5e5 })).toThrow(
      /yearly caps need territories that start the same year/,
    );
  });
});

describe('runPortfolio', () => {
  it('runs several communes in one go: one candidate group per territory and use case, MACC and pooling', async () => {
    const village = await parseTerritory(
      `
id: village
name: Village
kind: commune
population: 800
useCases:
  lighting:
    inventory:
      luminaires:
        - { type: sodium-hp, count: 150, powerW: 170, ageYears: 25 }
      cabinets: 6
`,
      '/inline/village.yaml',
    );
    const bourg = await parseTerritory(
      `
id: bourg
name: Bourg
kind: commune
population: 3000
useCases:
  lighting:
    inventory:
      luminaires:
        - { type: sodium-hp, count: 600, powerW: 170, ageYears: 20 }
      cabinets: 20
`,
      '/inline/bourg.yaml',
    );
    const r = runPortfolio([village, bourg], { budgetEur: 500_000, objective: 'socioEconomicNpv', scenarios: ['TEND'], data });
    // two territories × the 5 lighting variants other than the status quo
    expect(r.selection.candidates).toHaveLength(10);
    expect(new Set(r.selection.candidates.map((c) => c.territory))).toEqual(new Set(['village', 'bourg']));
    // at most one lighting variant per commune
    const chosenTerritories = r.selection.chosen.map((id) => id.split('/')[0]);
    expect(new Set(chosenTerritories).size).toBe(chosenTerritories.length);
    expect(r.selection.capexEur).toBeLessThanOrEqual(500_000);
    expect(new Set(r.macc.map((m) => m.territory))).toEqual(new Set(['village', 'bourg']));
    // two communes: pooling is compared by default
    expect(r.pooling?.poolCommunes).toBe(2);
    expect(r.pooling?.communes.map((c) => c.territory)).toEqual(['village', 'bourg']);
    expect(runPortfolio([village, bourg], { budgetEur: 1, objective: 'npv', scenarios: ['TEND'], data, pooling: false }).pooling).toBeUndefined();
  });

  it('refuses duplicate territories and unknown scenarios', () => {
    expect(() => runPortfolio([town, town], { budgetEur: 1e6, objective: 'npv', data })).toThrow(/two territories have the id ville-moyenne/);
    expect(() => runPortfolio([town], { budgetEur: 1e6, objective: 'npv', scenario: 'S9', data })).toThrow(/unknown scenario pack S9/);
    expect(() => runPortfolio([], { budgetEur: 1e6, objective: 'npv', data })).toThrow(InputError);
  });
});
