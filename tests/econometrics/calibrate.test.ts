import { describe, expect, it } from 'vitest';
import { fitBaseline } from '../../src/econometrics/baseline.js';
import { calibrateParameter, calibrationLayer } from '../../src/econometrics/calibrate.js';
import { avoidedEnergy } from '../../src/econometrics/savings.js';
import { applyLayer, fromDefaults } from '../../src/evaluate/resolve.js';

// Savings hand case of savings.test.ts: F = 3,980 / 21,980 = 0.181074, monthly baseline CV(RMSE) 0.70 %.
const fit = fitBaseline([6000, 10900, 16100, 21000], [{ name: 'dju_18', values: [100, 200, 300, 400] }]);
const savings = avoidedEnergy(fit, { y: [7000, 11000], x: [[150, 250]] });
const SHA = 'a'.repeat(64);

describe('calibrateParameter', () => {
  it('turns measured savings into an override whose source names the data hash', () => {
    const o = calibrateParameter({ fit: savings, parameter: 'gtbSavingsFraction', file: '/data/ecole.csv', sha256: SHA });
    expect(o.name).toBe('gtbSavingsFraction');
    expect(o.value).toBeCloseTo(3980 / 21980, 12);
    expect(o.origin).toBe('calibrated');
    expect(o.unit).toBe('fraction');
    expect(o.source).toBe(`calibrated from data (sha256 ${SHA}), ecole.csv`);
    // range: F ± ΔE_save / E_baseline at 90 % (= FSU × F)
    const half = savings.uncertainty.fractionalUncertainty * savings.savingsFraction;
    expect(o.range.low).toBeCloseTo(o.value - half, 12);
    expect(o.range.high).toBeCloseTo(o.value + half, 12);
    // Guideline 14 savings criterion met and CV(RMSE) 0.7 % ≤ 15 % (monthly calibration): high
    expect(o.confidence).toBe('high');
    expect(o.note).toMatch(/IPMVP option C/);
  });

  it('gives the consumption ratio 1 − F for an automation factor', () => {
    const o = calibrateParameter({ fit: savings, parameter: 'bacsFactor', file: 'x.csv', sha256: SHA, quantity: 'consumptionRatio' });
    expect(o.value).toBeCloseTo(1 - 3980 / 21980, 12);
    expect(o.note).toMatch(/1 − savings fraction/);
  });

  it('lowers the confidence when the savings are not established', () => {
    // consumption went up: no savings, the Guideline 14 criterion has no verdict → low
    const worse = avoidedEnergy(fit, { y: [9000, 14000], x: [[150, 250]] });
    expect(calibrateParameter({ fit: worse, parameter: 'p', file: 'x.csv', sha256: SHA }).confidence).toBe('low');
  });

  it('is applied by the engine as a calibrated layer with the hash in the trail', () => {
    const params = fromDefaults({ gtbSavingsFraction: { value: 0.3, unit: 'fraction', source: 'EN 15232 (R)', confidence: 'low' } }, 'models/buildings/parameters.yaml');
    const o = calibrateParameter({ fit: savings, parameter: 'gtbSavingsFraction', file: '/data/ecole.csv', sha256: SHA });
    const out = applyLayer(params, calibrationLayer([o], '/data/ecole.csv')).gtbSavingsFraction;
    expect(out.origin).toBe('calibrated');
    expect(out.value).toBeCloseTo(o.value, 12);
    expect(out.source).toMatch(/^calibrated from data \(sha256 a{64}\)/);
    expect(out.confidence).toBe('high');
    expect(out.trail.map((t) => t.origin)).toEqual(['default', 'calibrated']);
    // The calibration's own uncertainty replaces the default range, so Monte Carlo draws within it.
    expect(out.range).toEqual(o.range);
  });

  it('refuses a malformed hash', () => {
    expect(() => calibrateParameter({ fit: savings, parameter: 'p', file: 'x.csv', sha256: 'abc' })).toThrow(/64 lowercase hex/);
  });
});
