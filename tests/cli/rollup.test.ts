import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { examplesDir } from '../../src/core/paths.js';
import { runTerritory } from '../../src/evaluate/load.js';
import { loadCommunes } from '../../src/io/communes.js';
import { loadTerritory } from '../../src/io/territory.js';
import { isAbsentOrEmpty, lineContaining, runCli, tempDir } from './helpers.js';

const communesFile = join(examplesDir(), 'communes', 'communes.yaml');
const territoryFile = join(examplesDir(), 'commune-rurale', 'territory.yaml');

interface RollUpDocument {
  manifest: { inputs: { file: string }[]; scenarios: string[] };
  communes: number;
  rows: { useCase: string; variant: string; scenario: string; perspective: string; communes: number; sums: Record<string, number>; npvPositive: number }[];
}

describe('territoires rollup', () => {
  it('sums the example communes: each row is the sum of the communes run one by one as territories', async () => {
    const out = tempDir();
    const r = await runCli(['rollup', communesFile, '--territory', territoryFile, '--use-cases', 'lighting,water', '--scenarios', 'TEND', '--threads', '1', '--json', '--out', out]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as RollUpDocument;
    expect(JSON.parse(readFileSync(join(out, 'rollup.json'), 'utf8')).rows).toEqual(doc.rows);
    expect(doc.communes).toBe(3);
    // Lighting: 5 variants besides the status quo; water: 2; each in 2 perspectives, one scenario.
    expect(doc.rows).toHaveLength((5 + 2) * 2);
    // The inputs: the territory file, the communes file and the CSV survey of the third commune.
    const inputs = doc.manifest.inputs.map((i) => i.file);
    expect(inputs).toContain(communesFile);
    expect(inputs).toContain(join(examplesDir(), 'communes', 'luminaires-hameaux-c.csv'));

    // Expected: each commune of the file as the rural commune's territory with its inventories, run alone.
    const territory = await loadTerritory(territoryFile);
    const { communes } = await loadCommunes(communesFile);
    const alone = communes.map((c) =>
      runTerritory(
        { ...territory, useCases: territory.useCases.filter((u) => u.id in c.inventories).map((u) => ({ ...u, inventory: c.inventories[u.id] })) },
        { scenarios: ['TEND'], useCases: ['lighting', 'water'] },
        new Date(0),
      ),
    );
    for (const row of doc.rows) {
      const each = alone.map((a) => a.results.find((x) => x.useCase === row.useCase && x.variant === row.variant && x.perspective === row.perspective)!.metrics);
      expect(row.sums.npvEur).toBeCloseTo(each.reduce((s, m) => s + m.npvEur, 0), 6);
      expect(row.sums.avoidedTco2e).toBeCloseTo(each.reduce((s, m) => s + m.avoidedTco2e, 0), 9);
      expect(row.npvPositive).toBe(each.filter((m) => m.npvEur > 0).length);
    }
    // The CSV's five sections group into four luminaire groups (two sodium sections share power and age).
    const c = communes[2].inventories.lighting as { luminaires: { type: string; count: number }[] };
    expect(c.luminaires.map((g) => [g.type, g.count])).toEqual([
      ['sodium-hp', 75],
      ['mercury', 25],
      ['led', 50],
      ['sodium-hp', 33],
    ]);
  }, 60_000);

  it('prints a French table by default', async () => {
    const r = await runCli(['rollup', communesFile, '--territory', territoryFile, '--use-cases', 'water', '--scenarios', 'TEND', '--threads', '1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('3 communes, sommes sur les communes');
    expect(r.stdout).toContain('Σ VAN k€');
    expect(r.stdout).toMatch(/smart-network\s+TEND\s+financial/);
  }, 60_000);

  it('sums a use case over the communes that describe it, and says so', async () => {
    // Two communes of the example file, the second without its water inventory (its water run by another body).
    const file = join(tempDir(), 'communes.yaml');
    writeFileSync(
      file,
      [
        'communes:',
        '  - id: village-a',
        '    inventories:',
        '      lighting: { luminaires: [{ type: sodium-hp, count: 80, powerW: 170, ageYears: 20 }], cabinets: 4, currentSwitchOffHoursPerNight: 5 }',
        '      water: { billedVolumeM3PerYear: 35400, networkEfficiency: 0.70, networkLengthKm: 17, subscribers: 280 }',
        '  - id: bourg-b',
        '    inventories:',
        '      lighting: { luminaires: [{ type: sodium-hp, count: 300, powerW: 170, ageYears: 18 }], cabinets: 14, currentSwitchOffHoursPerNight: 4 }',
        '',
      ].join('\n'),
    );
    const args = ['rollup', file, '--territory', territoryFile, '--use-cases', 'lighting,water', '--scenarios', 'TEND', '--threads', '1'];
    const json = await runCli([...args, '--json']);
    expect(json.code).toBe(0);
    const doc = JSON.parse(json.stdout) as RollUpDocument;
    expect(doc.communes).toBe(2);
    expect(new Set(doc.rows.filter((r) => r.useCase === 'lighting').map((r) => r.communes))).toEqual(new Set([2]));
    expect(new Set(doc.rows.filter((r) => r.useCase === 'water').map((r) => r.communes))).toEqual(new Set([1]));
    const table = await runCli(args);
    expect(table.stdout).toContain('une ligne ne somme que les communes qui décrivent son usage');
    expect(table.stdout).toMatch(/smart-network\s+TEND\s+financial.*\d \/ 1/);
  }, 60_000);

  it('points an invalid inventory at its file and line, exits with 2 and writes nothing', async () => {
    const dir = tempDir();
    const text = readFileSync(communesFile, 'utf8').replace('networkEfficiency: 0.76', 'networkEfficiency: 1.76');
    const file = join(dir, 'communes.yaml');
    writeFileSync(file, text);
    // The CSV the third commune reads sits beside the file.
    writeFileSync(join(dir, 'luminaires-hameaux-c.csv'), readFileSync(join(examplesDir(), 'communes', 'luminaires-hameaux-c.csv')));
    const out = join(dir, 'out');
    const r = await runCli(['rollup', file, '--territory', territoryFile, '--use-cases', 'lighting,water', '--scenarios', 'TEND', '--threads', '1', '--json', '--out', out]);
    expect(r.code).toBe(2);
    const error = JSON.parse(r.stdout) as { file: string; line: number; path: string };
    expect(error.file).toBe(file);
    expect(error.path).toBe('communes.1.inventories.water.networkEfficiency');
    expect(error.line).toBe(lineContaining(text, 'networkEfficiency: 1.76'));
    expect(isAbsentOrEmpty(out)).toBe(true);
  }, 60_000);

  it("applies a commune's own parameter values, and points a misspelt one at its line", async () => {
    const dir = tempDir();
    const file = join(dir, 'communes.yaml');
    const text = (name: string) =>
      [
        'communes:',
        '  - id: village-a',
        '    inventories:',
        '      lighting: { luminaires: [{ type: sodium-hp, count: 80, powerW: 170, ageYears: 20 }], cabinets: 4 }',
        '    overrides:',
        `      ${name}: 1500`,
        '',
      ].join('\n');
    const args = ['rollup', file, '--territory', territoryFile, '--use-cases', 'lighting', '--scenarios', 'TEND', '--threads', '1', '--json'];
    writeFileSync(file, text('ledLuminaireCostEur'));
    const ok = await runCli(args);
    expect(ok.code).toBe(0);
    // Expected: the same value given on the command line, --set ledLuminaireCostEur=1500 (the rural commune's
    // territory sets no value of its own for it).
    writeFileSync(file, text('ledLuminaireCostEur').replace(/\n {4}overrides:\n.*\n/, '\n'));
    const withSet = await runCli([...args, '--set', 'ledLuminaireCostEur=1500']);
    expect(withSet.code).toBe(0);
    const rows = (r: { stdout: string }) => (JSON.parse(r.stdout) as RollUpDocument).rows;
    expect(rows(ok)).toEqual(rows(withSet));
    // … and not the territory's value: without either, the LED retrofit invests less.
    const plain = await runCli(args);
    const ledCapex = (r: { stdout: string }) => rows(r).find((x) => x.variant === 'led' && x.perspective === 'financial')!.sums.capexEur;
    expect(ledCapex(ok)).toBeGreaterThan(ledCapex(plain));
    // A misspelt name: exit 2, the file, its line, the path and close names.
    writeFileSync(file, text('ledLuminaireCostEurr'));
    const bad = await runCli(args);
    expect(bad.code).toBe(2);
    const error = JSON.parse(bad.stdout) as { file: string; line: number; path: string; expected: string };
    expect(error.file).toBe(file);
    expect(error.line).toBe(6);
    expect(error.path).toBe('communes.0.overrides.ledLuminaireCostEurr');
    expect(error.expected).toContain('ledLuminaireCostEur');
    // `territoires validate` finds it too, before any roll-up, and a value in the wrong unit as well.
    const validated = await runCli(['validate', file, '--json']);
    expect(validated.code).toBe(2);
    expect(JSON.parse(validated.stdout)).toMatchObject({ path: 'communes.0.overrides.ledLuminaireCostEurr', line: 6 });
    writeFileSync(file, text('ledLuminaireCostEur').replace(': 1500', ': 1500 kWh'));
    const unit = JSON.parse((await runCli(['validate', file, '--json'])).stdout) as { message: string; line: number };
    expect(unit.message).toContain('invalid value for ledLuminaireCostEur');
    expect(unit.line).toBe(6);
    writeFileSync(file, text('ledLuminaireCostEur'));
    expect((await runCli(['validate', file, '--json'])).code).toBe(0);
  }, 60_000);

  it('rejects a communes file of the wrong shape with its line', async () => {
    const dir = tempDir();
    const file = join(dir, 'communes.yaml');
    const text = 'communes:\n  - id: a\n    inventory:\n      water: {}\n';
    writeFileSync(file, text);
    const r = await runCli(['rollup', file, '--territory', territoryFile, '--json']);
    expect(r.code).toBe(2);
    const error = JSON.parse(r.stdout) as { errors?: { path: string; line: number }[]; path?: string; line?: number };
    const all = error.errors ?? [error as { path: string; line: number }];
    expect(all.map((e) => e.path)).toContain('communes.0.inventory'); // the unknown key (a typo of inventories)
    expect(all.find((e) => e.path === 'communes.0.inventory')?.line).toBe(3);
  });

  it('points an invalid value read from a table at the table file\'s row and column', async () => {
    const dir = tempDir();
    const file = join(dir, 'communes.yaml');
    writeFileSync(file, readFileSync(communesFile, 'utf8'));
    const csv = readFileSync(join(examplesDir(), 'communes', 'luminaires-hameaux-c.csv'), 'utf8');
    const bad = csv.replace("Place de l'église;mercury;140;25;31", "Place de l'église;mercury;-140;25;31");
    expect(bad).not.toBe(csv);
    const table = join(dir, 'luminaires-hameaux-c.csv');
    writeFileSync(table, bad);
    for (const args of [['rollup', file, '--territory', territoryFile, '--use-cases', 'lighting,water', '--threads', '1', '--json'], ['validate', file, '--json']]) {
      const r = await runCli(args);
      expect(r.code).toBe(2);
      const error = JSON.parse(r.stdout) as { file: string; line: number; path: string };
      expect(error.file).toBe(table);
      expect(error.line).toBe(lineContaining(bad, "Place de l'église")); // line 4 of the CSV (header on line 1)
      expect(error.path).toMatch(/^communes\.2\.inventories\.lighting\.luminaires\.\d+\.powerW \(column puissance_w\)$/);
    }
  });

  it('refuses a communes file that lists an id twice, at the line of the second, exits with 2 and writes nothing', async () => {
    const dir = tempDir();
    const file = join(dir, 'communes.yaml');
    const text =
      'communes:\n' +
      '  - id: "01001"\n    inventories:\n      water: { billedVolumeM3PerYear: 40000, networkEfficiency: 0.75, networkLengthKm: 15, subscribers: 300 }\n' +
      '  - id: "01001"\n    inventories:\n      water: { billedVolumeM3PerYear: 20000, networkEfficiency: 0.7, networkLengthKm: 9, subscribers: 150 }\n';
    writeFileSync(file, text);
    const out = join(dir, 'out');
    const r = await runCli(['rollup', file, '--territory', territoryFile, '--use-cases', 'water', '--json', '--out', out]);
    expect(r.code).toBe(2);
    const error = JSON.parse(r.stdout) as { path: string; line: number; received: string };
    expect(error.path).toBe('communes.1.id');
    expect(error.line).toBe(5); // the second `- id: "01001"`
    expect(error.received).toContain('communes.0');
    expect(isAbsentOrEmpty(out)).toBe(true);
    const validate = await runCli(['validate', file, '--json']);
    expect(validate.code).toBe(2);
  });

  it('territoires validate checks a communes file: shape, tables and every inventory against its schema', async () => {
    const ok = await runCli(['validate', communesFile, '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ kind: 'communes', valid: true, detail: '3 communes; inventories: lighting 3, water 3' });
    const dir = tempDir();
    const text = readFileSync(communesFile, 'utf8').replace('cabinets: 4', 'cabinets: -4').replace('subscribers: 500', 'subscribers: many');
    const file = join(dir, 'communes.yaml');
    writeFileSync(file, text);
    writeFileSync(join(dir, 'luminaires-hameaux-c.csv'), readFileSync(join(examplesDir(), 'communes', 'luminaires-hameaux-c.csv')));
    const bad = await runCli(['validate', file, '--json']);
    expect(bad.code).toBe(2);
    // Both problems at once, each at its line: communes 0 (cabinets) and 2 (subscribers).
    const errors = (JSON.parse(bad.stdout) as { errors: { path: string; line: number }[] }).errors;
    expect(errors.map((e) => [e.path, e.line])).toEqual([
      ['communes.0.inventories.lighting.cabinets', lineContaining(text, 'cabinets: -4')],
      ['communes.2.inventories.water.subscribers', lineContaining(text, 'subscribers: many')],
    ]);
  });
});
