import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { calibrateCommand, type CalibrateCommandOptions } from '../../src/cli/calibrate.js';
import { InputError } from '../../src/core/errors.js';
import { readMeterSeries, splitSeries } from '../../src/econometrics/readSeries.js';

const EXAMPLE = fileURLToPath(new URL('../../examples/data/ecole-gaz-mensuel.csv', import.meta.url));

/** Runs the command and returns [exit code, stdout]. */
async function run(opts: Partial<CalibrateCommandOptions>, file = EXAMPLE): Promise<[number, string]> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    const code = await calibrateCommand(file, { y: 'gaz_kwh', x: ['dju_18'], model: 'linear', lang: 'fr', ...opts });
    return [code, out];
  } finally {
    spy.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

describe('territoires calibrate --json', () => {
  it('prints the documented shape for a degree-day baseline', async () => {
    const [code, out] = await run({ json: true, reportingFrom: '2024-01', parameter: 'gtbSavingsFraction' });
    expect(code).toBe(0);
    const doc = JSON.parse(out);
    expect(Object.keys(doc)).toEqual(
      expect.arrayContaining(['model', 'n', 'p', 'coefficients', 'rSquared', 'adjustedRSquared', 'rmse', 'cvRmse', 'nmbe', 'durbinWatson', 'guideline14']),
    );
    expect(doc.model).toBe('linear');
    expect(doc.n).toBe(24); // 2022–2023, the baseline
    expect(doc.p).toBe(2);
    expect(doc.coefficients.map((c: { name: string }) => c.name)).toEqual(['intercept', 'dju_18']);
    for (const c of doc.coefficients) expect(Object.keys(c).sort()).toEqual(['estimate', 'name', 'pValue', 'stdError', 'tStat']);
    // The generator's heating slope is 90 kWh/DJU (examples/data/README.md): the estimate lies within 3 standard errors.
    const slope = doc.coefficients[1];
    expect(Math.abs(slope.estimate - 90)).toBeLessThan(3 * slope.stdError);
    expect(doc.guideline14.interval).toBe('monthly');
    expect(doc.guideline14.calibration).toMatchObject({ cvRmseMax: 0.15, nmbeMax: 0.05 });
    expect(typeof doc.guideline14.calibration.met).toBe('boolean');
    expect(doc.guideline14.savingsUncertainty).toMatchObject({ confidence: 0.68, maxFractionalUncertainty: 0.5 });
    expect(doc.data.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.savings.m).toBe(12);
    expect(doc.calibrated).toMatchObject({ name: 'gtbSavingsFraction', origin: 'calibrated' });
    expect(doc.calibrated.source).toBe(`calibrated from data (sha256 ${doc.data.sha256}), ecole-gaz-mensuel.csv`);
  });

  it('recovers the synthetic series’ true savings within the reported uncertainty', async () => {
    // True 2024 savings from the generator: heating slope 90 → 72 kWh/DJU, base load 150 kWh/day unchanged, so
    // true F = 18 × ΣDJU₂₀₂₄ / (150 × 366 + 90 × ΣDJU₂₀₂₄) (2024 has 366 days).
    const s = splitSeries(await readMeterSeries(EXAMPLE, { y: 'gaz_kwh', x: ['dju_18'] }), '2024-01');
    const dju2024 = s.reporting.x[0].values.reduce((a, b) => a + b, 0);
    const trueF = (18 * dju2024) / (150 * 366 + 90 * dju2024);
    const doc = JSON.parse((await run({ json: true, reportingFrom: '2024-01' }))[1]);
    const halfWidth = doc.savings.uncertainty.absolute / doc.savings.adjustedBaselineTotal; // 90 %
    expect(Math.abs(doc.savings.savingsFraction - trueF)).toBeLessThan(halfWidth);
  });

  it('reports a change-point model with its change point', async () => {
    const doc = JSON.parse((await run({ json: true, x: ['t_ext_c'], model: '3p-heating' }))[1]);
    expect(doc.model).toBe('3p-heating');
    expect(doc.n).toBe(36);
    expect(doc.p).toBe(3);
    expect(doc.coefficients.map((c: { name: string }) => c.name)).toEqual(['intercept', 't_ext_c.heating']);
    expect(doc.changePoints).toHaveLength(1);
    // the synthetic DJU base is 18 °C; on monthly mean temperatures the fitted change point lands near it
    expect(doc.changePoints[0].value).toBeGreaterThan(14);
    expect(doc.changePoints[0].value).toBeLessThan(20);
    expect(doc.savings).toBeNull();
  });
});

describe('territoires calibrate (text)', () => {
  it('prints a French table by default and an English one with --lang en', async () => {
    const [, fr] = await run({ reportingFrom: '2024-01' });
    expect(fr).toMatch(/^Modèle de référence : linéaire, gaz_kwh ~ dju_18/);
    expect(fr).toMatch(/coefficient\s+estimation\s+erreur-type\s+t\s+p-valeur/);
    expect(fr).toMatch(/ASHRAE Guideline 14 \(mensuelles\)/);
    expect(fr).toMatch(/Économies \(période de suivi, 12 périodes\)/);
    const [, en] = await run({ lang: 'en' });
    expect(en).toMatch(/^Baseline model: linear/);
    expect(en).toMatch(/adjusted R²/);
  });
});

describe('territoires calibrate: bad input', () => {
  it('throws an InputError naming a missing column', async () => {
    await expect(run({ x: ['hdd'] })).rejects.toBeInstanceOf(InputError);
    await expect(run({ x: ['hdd'] })).rejects.toMatchObject({ path: '--x', line: 1 });
    await expect(run({ y: 'electricite' })).rejects.toMatchObject({ path: '--y' });
  });

  it('throws an InputError for an unknown model, a two-column change-point model, or --parameter alone', async () => {
    await expect(run({ model: '6p' as CalibrateCommandOptions['model'] })).rejects.toMatchObject({ path: '--model' });
    await expect(run({ model: '3p-heating', x: ['t_ext_c', 'dju_18'] })).rejects.toMatchObject({ path: '--model' });
    await expect(run({ parameter: 'gtbSavingsFraction' })).rejects.toMatchObject({ path: '--parameter' });
    await expect(run({ x: ['dju_18', 'dju_18'] })).rejects.toMatchObject({ path: '--x' });
  });
});
