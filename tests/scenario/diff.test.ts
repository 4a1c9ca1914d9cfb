import { describe, expect, it } from 'vitest';
import { diffPacks, loadReference, loadScenarioPacks, resolvePack, type ResolvedPack } from '../../src/scenario/index.js';

const packs = loadScenarioPacks();
const reference = loadReference();
const tend = resolvePack('TEND', packs, { reference });
const s1 = resolvePack('S1', packs, { reference });

describe('diffPacks', () => {
  it('S1 vs TEND lists the grid factor difference in 2050 and not the shared 2023 start', () => {
    const rows = diffPacks(s1, tend).filter((r) => r.name === 'gridFactorKgCo2ePerKwh');
    // both paths start at 0.052 in 2023 (Base Empreinte); 2050: S1 0.029 (derived, table 1.4), TEND 0.045 (assumption)
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row).toMatchObject({ kind: 'trajectory', year: 2050, unit: 'kgCO2e/kWh', a: 0.029, b: 0.045 });
    expect(row.delta).toBeCloseTo(0.016, 12); // 0.045 − 0.029
    expect(row.relative).toBeCloseTo(0.016 / 0.029, 12);
  });

  it('compares at the years asked for, interpolating', () => {
    const [row] = diffPacks(s1, tend, [2030]).filter((r) => r.name === 'gridFactorKgCo2ePerKwh');
    // linear from 2023 to 2050, 7/27 of the way: S1 0.052 − 0.023 × 7/27, TEND 0.052 − 0.007 × 7/27
    expect(row.a).toBeCloseTo(0.052 - (0.023 * 7) / 27, 12);
    expect(row.b).toBeCloseTo(0.052 - (0.007 * 7) / 27, 12);
  });

  it('lists nothing for entries S1 inherits from TEND, nor for a pack against itself', () => {
    const names = new Set(diffPacks(s1, tend).map((r) => r.name));
    expect(names.has('heatingOilFactorKgCo2ePerKwh')).toBe(false); // S1 does not override it
    expect(names.has('carbonValueEurPerTco2e')).toBe(false); // same reference path
    expect(names.has('lightingHoursFactor')).toBe(true); // S1 cuts lighting hours
    expect(diffPacks(tend, tend)).toEqual([]);
  });

  it('lists the carbon value when the two packs use different paths', () => {
    const old = resolvePack('TEND', packs, { reference, carbonValuePath: '2019' });
    const row = diffPacks(tend, old, [2050]).find((r) => r.name === 'carbonValueEurPerTco2e');
    // 2025 path: 563 €2023 in 2050; 2019 path: 775 €2018 × 1.116 = 864.9 €2023
    expect(row?.a).toBe(563);
    expect(row?.b).toBeCloseTo(864.9, 9);
  });

  it('entries present in one pack only, and parameters', () => {
    const extra: ResolvedPack = {
      ...tend,
      trajectories: {
        ...tend.trajectories,
        newFactor: { unit: 'fraction', interpolation: 'linear', years: [2030], values: [2], confidence: 'high', source: 's', origin: { pack: 'X', file: 'x.yaml' } },
      },
      parameters: { ...tend.parameters, vatRate: { ...tend.parameters.vatRate, value: 0.1 } },
    };
    const rows = diffPacks(tend, extra);
    expect(rows.find((r) => r.name === 'newFactor')).toEqual({
      name: 'newFactor', kind: 'trajectory', year: 2030, unit: 'fraction', a: null, b: 2, delta: null, relative: null,
    });
    // vatRate 0.20 → 0.10: delta −0.1, relative −0.5
    const vat = rows.find((r) => r.name === 'vatRate');
    expect(vat).toMatchObject({ kind: 'parameter', a: 0.2, b: 0.1 });
    expect(vat?.delta).toBeCloseTo(-0.1, 12);
    expect(vat?.relative).toBeCloseTo(-0.5, 12);
    expect(vat?.year).toBeUndefined();
  });
});
