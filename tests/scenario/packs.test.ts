// The built-in scenario packs (scenarios/*.yaml) and reference data (scenarios/reference/*.yaml).
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { yearAxis } from '../../src/core/time.js';
import {
  REQUIRED_TRAJECTORIES,
  TRAJECTORY_UNITS,
  loadReference,
  loadScenarioPacks,
  resolvePack,
  seriesForPack,
  valueAtYear,
} from '../../src/scenario/index.js';

const packs = loadScenarioPacks();
const reference = loadReference();
const IDS = ['TEND', 'S1', 'S2', 'S3', 'S4'];
const resolved = Object.fromEntries(IDS.map((id) => [id, resolvePack(id, packs, { reference })]));
const at = (id: string, name: string, year: number): number => valueAtYear(resolved[id].trajectories[name], year);

describe('built-in scenario packs', () => {
  it('are the five ADEME Transition(s) 2050 scenarios, one file each', () => {
    expect([...packs.keys()].sort()).toEqual(['S1', 'S2', 'S3', 'S4', 'TEND']);
    expect(Object.fromEntries([...packs].map(([id, p]) => [id, basename(p.file)]))).toEqual({
      TEND: 'tend.yaml',
      S1: 's1-generation-frugale.yaml',
      S2: 's2-cooperations-territoriales.yaml',
      S3: 's3-technologies-vertes.yaml',
      S4: 's4-pari-reparateur.yaml',
    });
  });

  it.each(IDS)('%s resolves with both carbon value paths, every required trajectory in its canonical unit', (id) => {
    for (const carbonValuePath of ['2025', '2019'] as const) {
      const r = resolvePack(id, packs, { reference, carbonValuePath });
      expect(r.chain).toEqual(id === 'TEND' ? ['TEND'] : ['TEND', id]);
      expect(r.priceBaseYear).toBe(2023);
      expect(r.currency).toBe('EUR');
      for (const name of [...REQUIRED_TRAJECTORIES, 'carbonValueEurPerTco2e']) {
        expect(r.trajectories[name], name).toBeDefined();
        expect(r.trajectories[name].unit, name).toBe(TRAJECTORY_UNITS[name]);
      }
    }
  });

  it.each(IDS)('%s: descriptions in French and English, paths starting in 2023 or 2024', (id) => {
    const pack = packs.get(id)!;
    expect(pack.description.fr.split(/[.!?](\s|$)/).filter((s) => s.trim().length > 1).length).toBeGreaterThanOrEqual(2);
    expect(pack.description.en.length).toBeGreaterThan(100);
    for (const [name, t] of Object.entries(pack.trajectories)) {
      expect(t.description?.fr, name).toBeTruthy();
      expect(t.description?.en, name).toBeTruthy();
      expect([2023, 2024], name).toContain(t.years[0]);
      expect(t.years[t.years.length - 1], name).toBeLessThanOrEqual(2050);
    }
  });

  it('S1–S4 override only what differs from TEND and inherit the rest', () => {
    for (const id of ['S1', 'S2', 'S3', 'S4']) {
      expect(packs.get(id)!.extends).toBe('TEND');
      expect(resolved[id].trajectories.heatingOilFactorKgCo2ePerKwh.origin.pack).toBe('TEND');
      expect(resolved[id].trajectories.gridFactorKgCo2ePerKwh.origin.pack).toBe(id);
    }
  });

  it('grid factors start from the observed mix and reach the derived 2050 values of reference table 1.4', () => {
    for (const id of IDS) expect(at(id, 'gridFactorKgCo2ePerKwh', 2023)).toBe(0.052); // Base Empreinte mix moyen (R)
    // table 1.4, derived life-cycle intensity in 2050: S1 29, S2 23, S3 34, S4 40 gCO2e/kWh
    expect(at('S1', 'gridFactorKgCo2ePerKwh', 2050)).toBe(0.029);
    expect(at('S2', 'gridFactorKgCo2ePerKwh', 2050)).toBe(0.023);
    expect(at('S3', 'gridFactorKgCo2ePerKwh', 2050)).toBe(0.034);
    expect(at('S4', 'gridFactorKgCo2ePerKwh', 2050)).toBe(0.04);
  });

  it('start from the static factors of reference/emission-factors.yaml', () => {
    const p = reference.parameters;
    expect(at('TEND', 'gridFactorKgCo2ePerKwh', 2023)).toBe(p.emissionFactorElectricityMixKgCo2ePerKwh.value);
    expect(at('TEND', 'gasFactorKgCo2ePerKwh', 2023)).toBe(p.emissionFactorNaturalGasKgCo2ePerKwh.value);
    expect(at('TEND', 'heatingOilFactorKgCo2ePerKwh', 2023)).toBe(p.emissionFactorHeatingOilKgCo2ePerKwh.value);
    expect(at('TEND', 'woodFactorKgCo2ePerKwh', 2023)).toBe(p.emissionFactorWoodKgCo2ePerKwh.value);
    expect(at('TEND', 'heatNetworkFactorKgCo2ePerKwh', 2023)).toBe(p.emissionFactorHeatNetworkKgCo2ePerKwh.value);
  });

  it('electricity prices: SDES 2024 start, S2 −12 % by 2050 (ADEME)', () => {
    for (const id of IDS) expect(at(id, 'electricityPriceEurPerKwh', 2024)).toBe(0.245); // 245 €/MWh, SDES H1 2024
    expect(at('S2', 'electricityPriceEurPerKwh', 2050)).toBeCloseTo(0.88 * at('TEND', 'electricityPriceEurPerKwh', 2050), 12);
  });

  it('sobriety ranks as ADEME describes: S1 cuts lighting hours and heating setpoint most, TEND keeps today', () => {
    const hours = Object.fromEntries(IDS.map((id) => [id, at(id, 'lightingHoursFactor', 2050)]));
    expect(hours.TEND).toBe(1);
    expect(hours.S1).toBeLessThan(hours.S2);
    expect(hours.S2).toBeLessThan(hours.S3);
    expect(hours.S3).toBeLessThanOrEqual(hours.S4);
    const setpoint = Object.fromEntries(IDS.map((id) => [id, at(id, 'heatingSetpointC', 2050)]));
    expect(setpoint.TEND).toBe(19);
    expect(Math.min(...Object.values(setpoint))).toBe(setpoint.S1);
  });

  it('connected devices: TEND 2030 derived from ADEME–Arcep +65 % over 2020–2030', () => {
    // 1.65^(7/10) ≈ 1.42 relative to 2023 at a constant growth rate
    expect(at('TEND', 'connectedDevicesFactor', 2030)).toBeCloseTo(Math.pow(1.65, 0.7), 2);
    expect(at('S1', 'connectedDevicesFactor', 2050)).toBe(1); // ADEME–Arcep sobriety scenario: no growth
  });

  it('carbon value 2025 path: 2040 interpolated geometrically, √(300 × 563) ≈ 411 €2023', () => {
    expect(at('TEND', 'carbonValueEurPerTco2e', 2040)).toBeCloseTo(Math.sqrt(300 * 563), 9);
    expect(at('TEND', 'carbonValueEurPerTco2e', 2060)).toBe(563); // held flat after the last point
  });

  it('gives finite series on an appraisal axis', () => {
    for (const id of IDS) {
      const s = seriesForPack(resolved[id], yearAxis(2026, 30));
      for (const [name, series] of Object.entries(s)) {
        expect(series.every(Number.isFinite), `${id} ${name}`).toBe(true);
      }
    }
  });
});

describe('built-in reference data', () => {
  it('finance rules of the reference', () => {
    const p = reference.parameters;
    expect(p.socioEconomicDiscountRate.value).toBeCloseTo(p.riskFreeRate.value + p.beta.value * p.riskPremium.value, 12); // 1.2 % + 1 × 2 %
    expect(p.fctvaRate.value).toBe(0.16404); // CGCT L1615-6
    expect(p.fctvaRate.confidence).toBe('low'); // "R" in the reference
    expect(p.financialDiscountRate.confidence).toBe('assumption');
    expect(p.financialDiscountRate.range).toMatchObject({ low: 0, high: 0.06 });
    expect(p.fctvaLagYears.value).toBe(2);
  });

  it('the 2019 carbon path is converted from €2018 with the ratio 279 / 250 = 1.116', () => {
    const t = reference.trajectories.carbonValue2019PathEurPerTco2e;
    expect(valueAtYear(t, 2018)).toBeCloseTo(54 * 1.116, 9);
    expect(valueAtYear(t, 2040)).toBeCloseTo(500 * 1.116, 9);
    expect(valueAtYear(t, 2050)).toBeCloseTo(775 * 1.116, 9);
    expect(valueAtYear(t, 2023)).toBe(187); // France Stratégie 2025: the 2019 path in 2023, €2023
  });
});
