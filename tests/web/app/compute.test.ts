import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.js';
import { examplesDir } from '../../../src/core/paths.js';
import { loadRunData, runTerritory } from '../../../src/evaluate/load.js';
import { loadTerritory } from '../../../src/io/territory.js';
import { computeResults, toRunData } from '../../../src/web/app/compute.js';
import { metricRows } from '../../../src/web/app/metrics.js';
import { territoryDocument } from '../../../src/web/document.js';

const data = loadRunData();
const now = new Date('2026-01-01T00:00:00Z');
const town = await loadTerritory(join(examplesDir(), 'ville-moyenne', 'territory.yaml'));
const all = { scenarios: ['TEND', 'S1', 'S2', 'S3', 'S4'], useCases: ['lighting', 'water', 'climate-risk', 'buildings'], overrides: {} };

describe('computeResults (the page’s computation)', () => {
  it('gives the results of `territoires run` on the same territory, number for number', async () => {
    // The reference is the command line's own path (file → loadTerritory → runTerritory).
    const expected = runTerritory(town, {}, now);
    const page = await computeResults(territoryDocument(town), data, all, now);
    expect(page.results.length).toBe(expected.results.length);
    expect(page.results.map((r) => r.metrics)).toEqual(expected.results.map((r) => r.metrics));
  });

  it('works from the run data as the server sends it (JSON, packs as an object)', async () => {
    const sent = JSON.parse(JSON.stringify({ packs: Object.fromEntries(data.packs), reference: data.reference, defaults: data.defaults }));
    const runData = toRunData(sent);
    const page = await computeResults(territoryDocument(town), runData, all, now);
    expect(page.results.map((r) => r.metrics)).toEqual(runTerritory(town, {}, now).results.map((r) => r.metrics));
    // JSON drops the files' lineOf functions: the page's copy has them back, knowing no line, so that an error about
    // a pack names its file and path instead of failing on a missing function.
    expect(data.packs.get('TEND')!.lineOf(['id'])).toBeGreaterThan(0);
    expect(runData.packs.get('TEND')!.lineOf(['id'])).toBeUndefined();
    expect(runData.reference.files.every((f) => f.lineOf(['id']) === undefined)).toBe(true);
  });

  it('applies slider values as overrides, like --set, saying they were set on the page', async () => {
    const choices = { scenarios: ['TEND'], useCases: ['lighting'] };
    const base = await computeResults(territoryDocument(town), data, { ...choices, overrides: {} }, now);
    const cheaper = await computeResults(territoryDocument(town), data, { ...choices, overrides: { ledLuminaireCostEur: 500 } }, now);
    const cli = runTerritory(town, { scenarios: ['TEND'], useCases: ['lighting'], overrides: { ledLuminaireCostEur: 500 } }, now);
    const led = (r: typeof base) => metricRows(r, 'TEND').find((x) => x.variant === 'led')!;
    // Cheaper LED luminaires (500 instead of 1,050 €) raise the LED variant's financial NPV…
    expect(led(cheaper).npvFinancialEur).toBeGreaterThan(led(base).npvFinancialEur);
    // … by exactly what the command line computes with --set ledLuminaireCostEur=500.
    expect(led(cheaper).npvFinancialEur).toBe(metricRows(cli, 'TEND').find((x) => x.variant === 'led')!.npvFinancialEur);
    const row = cheaper.parameters.find((p) => p.name === 'ledLuminaireCostEur')!;
    expect(row).toMatchObject({ value: 500, origin: 'override', source: 'réglage sur la page web (territoires serve)' });
  });

  it('throws the validation errors with paths into the document', async () => {
    const doc = territoryDocument(town);
    (doc.useCases.lighting.inventory.luminaires as { count: unknown }[])[0].count = null;
    const error = await computeResults(doc, data, all, now).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).path).toBe('useCases.lighting.inventory.luminaires.0.count');
  });
});

describe('metricRows', () => {
  it('lists each variant against the status quo in the scenario shown, both NPVs from the matching rows', async () => {
    const r = runTerritory(town, { scenarios: ['TEND', 'S2'], useCases: ['water'] }, now);
    const rows = metricRows(r, 'S2');
    const variants = r.variants.filter((v) => v.useCase === 'water' && v.kind !== 'statusQuo').map((v) => v.id);
    expect(rows.map((x) => x.variant)).toEqual(variants);
    for (const row of rows) {
      const find = (perspective: string) =>
        r.results.find((x) => x.variant === row.variant && x.scenario === 'S2' && x.perspective === perspective && x.comparedTo === 'status-quo')!;
      expect(row.npvFinancialEur).toBe(find('financial').metrics.npvEur);
      expect(row.npvSocioEconomicEur).toBe(find('socioEconomic').metrics.npvEur);
      expect(row.paybackYears).toBe(find('financial').metrics.simplePaybackYears);
    }
  });
});
