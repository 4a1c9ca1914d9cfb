/**
 * The committed notebooks (notebooks/*.ipynb) keep the shape the issue asks for: the tslab TypeScript kernel,
 * imports of the package by its name only, outputs from a complete execution, French-first prose that opens with
 * how to run and ends with what to try next, compact outputs. Executing them is `npm run notebooks` (CI); these
 * tests only read the files.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = join(import.meta.dirname, '..', '..', 'notebooks');
const files = readdirSync(dir)
  .filter((n) => n.endsWith('.ipynb'))
  .sort();

interface Output {
  output_type: string;
  name?: string;
  data?: Record<string, unknown>;
}
interface Cell {
  cell_type: 'markdown' | 'code' | 'raw';
  source: string | string[];
  outputs?: Output[];
}
interface Notebook {
  nbformat: number;
  metadata: { kernelspec?: { name: string; language: string } };
  cells: Cell[];
}

const read = (name: string): Notebook => JSON.parse(readFileSync(join(dir, name), 'utf8')) as Notebook;
const text = (cell: Cell) => (Array.isArray(cell.source) ? cell.source.join('') : cell.source);
/** Module specifiers of static imports and dynamic imports in a code cell. */
const specifiers = (code: string) => [...code.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm)].map((m) => m[1]);

describe('notebooks/', () => {
  it('holds the notebooks, numbered in reading order', () => {
    // Issue "Notebooks for analysts and consultants": tour, tuning a scenario, uncertainty, econometrics, portfolio;
    // then the roll-up over many communes.
    expect(files.map((f) => f.slice(0, 3))).toEqual(['01-', '02-', '03-', '04-', '05-', '06-']);
  });

  it('weighs less than 3 MB in all (the issue budget)', () => {
    const total = files.reduce((s, f) => s + statSync(join(dir, f)).size, 0);
    expect(total).toBeLessThan(3 * 1024 * 1024);
  });
});

describe.each(files)('%s', (file) => {
  const nb = read(file);
  const code = nb.cells.filter((c) => c.cell_type === 'code');

  it('runs on the tslab TypeScript kernel', () => {
    expect(nb.nbformat).toBe(4);
    expect(nb.metadata.kernelspec).toMatchObject({ name: 'tslab', language: 'typescript' });
  });

  it('imports the package by its name, never its internals', () => {
    const used = code.flatMap((c) => specifiers(text(c)));
    expect(used).toContain('territoires');
    const allowed = (s: string) => s === 'territoires' || s === 'tslab' || s.startsWith('node:');
    expect(used.filter((s) => !allowed(s))).toEqual([]);
  });

  it('is committed with the outputs of a complete run: every code cell has output, none failed', () => {
    // Each code cell of these notebooks displays something (a table, a sentence or a chart); a cell without output
    // was not executed, and tslab reports a failing cell on stderr.
    expect(code.length).toBeGreaterThan(0);
    for (const [i, cell] of code.entries()) {
      const outputs = cell.outputs ?? [];
      expect(outputs.length, `code cell ${i + 1} has no output`).toBeGreaterThan(0);
      const failed = outputs.filter((o) => o.output_type === 'error' || (o.output_type === 'stream' && o.name === 'stderr'));
      expect(failed, `code cell ${i + 1} failed`).toEqual([]);
    }
  });

  it('keeps outputs compact: at most 3 PNG charts', () => {
    const images = code.flatMap((c) => c.outputs ?? []).filter((o) => o.data && 'image/png' in o.data);
    expect(images.length).toBeLessThanOrEqual(3);
  });

  it('opens with what it shows and how to run it, and ends with what to try next', () => {
    const first = nb.cells[0];
    const last = nb.cells[nb.cells.length - 1];
    expect(first.cell_type).toBe('markdown');
    expect(text(first)).toMatch(/^# \d\. /);
    expect(text(first)).toContain('Ce que montre ce carnet');
    expect(text(first)).toContain("L'exécuter");
    expect(text(first)).toContain('npm run notebooks');
    expect(last.cell_type).toBe('markdown');
    expect(text(last)).toContain('Pour aller plus loin');
  });
});
