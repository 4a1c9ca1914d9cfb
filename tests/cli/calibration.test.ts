import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { examplesDir } from '../../src/core/paths.js';
import { runCli, tempDir } from './helpers.js';

describe('calibrate, then run with the calibrated parameter', () => {
  it('feeds the measured savings back into the appraisal with origin `calibrated` and the data file’s hash', async () => {
    const data = join(examplesDir(), 'data', 'ecole-gaz-mensuel.csv');
    const fit = await runCli([
      'calibrate', data, '--y', 'gaz_kwh', '--x', 'dju_18', '--date', 'mois',
      '--reporting-from', '2024-01', '--parameter', 'thermostatHeatingSavingFraction', '--json',
    ]);
    expect(fit.code).toBe(0);
    const doc = JSON.parse(fit.stdout) as { calibrated: { value: number; source: string; sha256: string; range: { low: number; high: number } } };
    expect(doc.calibrated.source).toContain(doc.calibrated.sha256);
    const file = join(tempDir(), 'calibration.json');
    writeFileSync(file, fit.stdout);

    const run = await runCli(['run', '--calibration', file, '--use-cases', 'buildings', '--scenarios', 'TEND', '--json']);
    expect(run.code).toBe(0);
    const results = JSON.parse(run.stdout) as { parameters: { name: string; value: number; origin: string; source: string; range?: { low: number; high: number } }[] };
    const p = results.parameters.find((x) => x.name === 'thermostatHeatingSavingFraction')!;
    expect(p.origin).toBe('calibrated');
    expect(p.value).toBe(doc.calibrated.value);
    expect(p.source).toContain(`sha256 ${doc.calibrated.sha256}`);
    expect(p.range).toEqual(doc.calibrated.range);
  }, 60_000);

  it('rejects a calibration file without a calibrated parameter (exit 2)', async () => {
    const file = join(tempDir(), 'not-a-calibration.json');
    writeFileSync(file, JSON.stringify({ model: 'linear' }));
    const run = await runCli(['run', '--calibration', file, '--json']);
    expect(run.code).toBe(2);
    const err = JSON.parse(run.stdout) as { file: string; path: string; expected: string };
    expect(err.file).toBe(file);
    expect(err.path).toBe('calibrated');
  });
});
