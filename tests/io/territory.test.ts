/**
 * Territory loading with table sources: rows replace the source, the tables join the manifest's inputs with
 * their SHA-256, and an invalid row is reported in the table's own file, line and column.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, InputErrors } from '../../src/core/errors.js';
import { loadTerritory, parseTerritory } from '../../src/io/territory.js';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'territoires-territory-'));
}

async function inputErrorOf(fn: () => Promise<unknown>): Promise<InputError> {
  try {
    await fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error instanceof InputErrors ? error.errors[0] : (error as InputError);
  }
  throw new Error('expected an InputError, nothing was thrown');
}

const territory = (lighting: string) =>
  [
    'id: essai',
    'name: Essai',
    'kind: commune',
    'population: 600',
    'useCases:',
    '  lighting:',
    '    inventory:',
    lighting,
    '      cabinets: 4',
  ].join('\n') + '\n';

const CSV = ['type;puissance;nombre', 'sodium-hp;170;60', 'led;45;20', 'sodium-hp;170;20', ''].join('\n');

describe('parseTerritory with a table source', () => {
  it('replaces the source by its grouped rows and lists the table among the inputs with its SHA-256', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'l.csv'), CSV);
    const file = join(dir, 'territory.yaml');
    const text = territory("      luminaires: { file: l.csv, columns: { type: type, powerW: puissance, count: nombre }, groupBy: [type, powerW], sum: [count] }");
    writeFileSync(file, text);
    const t = await loadTerritory(file);
    const lighting = t.useCases.find((u) => u.id === 'lighting')!;
    // 60 + 20 sodium points, 20 LED points
    expect((lighting.inventory as { luminaires: unknown[] }).luminaires).toEqual([
      { type: 'sodium-hp', powerW: 170, count: 80 },
      { type: 'led', powerW: 45, count: 20 },
    ]);
    const sha = (s: string) => createHash('sha256').update(s).digest('hex');
    expect(t.inputs).toEqual([
      { file, sha256: sha(text) },
      { file: join(dir, 'l.csv'), sha256: sha(CSV) },
    ]);
  });

  it('reports an invalid row in the table file, at its line, with the column', async () => {
    const dir = tempDir();
    // line 3: a power of 0 W (powerW must be > 0)
    writeFileSync(join(dir, 'l.csv'), ['type;puissance;nombre', 'sodium-hp;170;60', 'led;0;20', ''].join('\n'));
    const e = await inputErrorOf(() =>
      parseTerritory(territory('      luminaires: { file: l.csv, columns: { type: type, powerW: puissance, count: nombre } }'), join(dir, 'territory.yaml')),
    );
    expect(e.file).toBe(join(dir, 'l.csv'));
    expect(e.line).toBe(3);
    expect(e.path).toBe('useCases.lighting.inventory.luminaires.1.powerW (column puissance)');
    expect(e.received).toBe('the number 0');
    expect(e.fix).toContain('puissance');
  });

  it('a required field that no column gives asks for a mapping or a default', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'l.csv'), CSV);
    const e = await inputErrorOf(() =>
      parseTerritory(territory('      luminaires: { file: l.csv, columns: { type: type, powerW: puissance } }'), join(dir, 'territory.yaml')),
    );
    expect(e.file).toBe(join(dir, 'l.csv'));
    expect(e.line).toBe(2);
    expect(e.path).toContain('luminaires.0.count');
    expect(e.fix).toMatch(/columns.*defaults/);
  });
});

describe('parseTerritory: document-level errors', () => {
  it('rejects a document that is not a mapping', async () => {
    const e = await inputErrorOf(() => parseTerritory('- a\n- b\n', '/x/territory.yaml'));
    expect(e.file).toBe('/x/territory.yaml');
    expect(e.line).toBe(1);
    expect(e.received).toBe('a list of 2 item(s)');
  });

  it('rejects a territory without any use case, at the useCases line', async () => {
    const text = ['id: essai', 'name: Essai', 'kind: commune', 'population: 600', 'useCases: {}', ''].join('\n');
    const e = await inputErrorOf(() => parseTerritory(text, '/x/territory.yaml'));
    expect(e.path).toBe('useCases');
    expect(e.line).toBe(5);
  });

  it('applies the settings defaults (start 2026, 25 years)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'l.csv'), CSV);
    const t = await parseTerritory(
      territory('      luminaires: { file: l.csv, columns: { type: type, powerW: puissance, count: nombre } }'),
      join(dir, 'territory.yaml'),
    );
    expect(t.settings).toEqual({ startYear: 2026, horizonYears: 25 });
    // without groupBy, one item per row
    expect((t.useCases[0].inventory as { luminaires: unknown[] }).luminaires).toHaveLength(3);
  });
});
