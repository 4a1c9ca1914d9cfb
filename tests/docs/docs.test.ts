import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { firstSentence, generateDocs, schemaFields } from '../../scripts/docs.js';
import { packageRoot } from '../../src/core/paths.js';
import { runTerritory } from '../../src/evaluate/load.js';
import { loadTerritory } from '../../src/io/territory.js';
import { TRAJECTORY_UNITS } from '../../src/scenario/index.js';

const root = packageRoot();
const read = (path: string): string => readFileSync(join(root, path), 'utf8');

describe('generated documentation (npm run docs)', () => {
  it('matches the committed files: glossary, method index, CLI reference, JSON Schemas', async () => {
    const generated = await generateDocs(root);
    for (const file of generated) {
      const target = join(root, file.path);
      expect(existsSync(target), `${file.path} is missing: run npm run docs`).toBe(true);
      expect(readFileSync(target, 'utf8'), `${file.path} is out of date: run npm run docs`).toBe(file.content);
    }
    // no schema left behind by a format that no longer exists
    const schemas = readdirSync(join(root, 'docs', 'schemas')).map((n) => `docs/schemas/${n}`).sort();
    expect(schemas, 'docs/schemas holds files npm run docs does not write: remove them').toEqual(
      generated.filter((f) => f.path.startsWith('docs/schemas/')).map((f) => f.path).sort(),
    );
  }, 60_000);
});

describe('docs/glossary.md', () => {
  const glossary = read('docs/glossary.md');

  it('names every model parameter, every scenario trajectory and every reference entry (read here from the YAML files)', () => {
    const names: string[] = [];
    for (const id of readdirSync(join(root, 'models'))) {
      const file = join(root, 'models', id, 'parameters.yaml');
      if (!existsSync(file)) continue;
      names.push(...Object.keys((parse(readFileSync(file, 'utf8')) as { parameters: object }).parameters));
    }
    names.push(...Object.keys(TRAJECTORY_UNITS));
    for (const n of readdirSync(join(root, 'scenarios', 'reference'))) {
      const doc = parse(read(`scenarios/reference/${n}`)) as { parameters?: object; trajectories?: object };
      names.push(...Object.keys(doc.parameters ?? {}), ...Object.keys(doc.trajectories ?? {}));
    }
    expect(names.length).toBeGreaterThan(150); // five models, 24 trajectories, three reference files
    const missing = names.filter((name) => !glossary.includes(`| \`${name}\` |`));
    expect(missing).toEqual([]);
  });

  it('gives the lighting LED power fraction its unit, default, range and confidence (models/lighting/parameters.yaml)', () => {
    // ledPowerFraction: value 0.4, unit fraction, range { low: 0.2, mode: 0.4, high: 0.6 }, confidence low
    expect(glossary).toMatch(/\| `ledPowerFraction` \| fraction \| 0\.4 \| 0\.2 – 0\.4 – 0\.6 \| low \| /);
  });

  it('lists territory fields with their unit taken from the description (src/io/territory.ts: "[year]")', () => {
    expect(glossary).toMatch(/\| `settings\.startYear` \| integer \(≥ 2000, ≤ 2100\) \| {2}\| year \| 2026 \| /);
    expect(glossary).toContain('| `useCases.lighting.inventory.luminaires[].powerW` |');
  });
});

describe('schemaFields', () => {
  it('walks objects, lists of objects, free keys and $refs into dotted paths, with required flags and units', () => {
    const rows = schemaFields({
      type: 'object',
      required: ['a'],
      properties: {
        a: { type: 'number', minimum: 0, description: 'Length [km]' },
        list: { type: 'array', items: { $ref: '#/$defs/item' } },
        free: { type: 'object', additionalProperties: { type: 'string' } },
      },
      $defs: { item: { type: 'object', required: ['x'], properties: { x: { type: 'integer', unit: 'W', default: 3 } } } },
    });
    // hand-listed: one row per field, in schema order
    expect(rows.map((r) => [r.path, r.type, r.required, r.unit, r.default])).toEqual([
      ['a', 'number (≥ 0)', true, 'km', ''],
      ['list', 'list of {x}', false, '', ''],
      ['list[].x', 'integer', true, 'W', '3'],
      ['free', 'mapping', false, '', ''],
      ['free.<name>', 'string', false, '', ''],
    ]);
  });

  it('stops at a recursive $ref instead of looping', () => {
    const rows = schemaFields({
      type: 'object',
      properties: { node: { $ref: '#/$defs/node' } },
      $defs: { node: { type: 'object', properties: { child: { $ref: '#/$defs/node' } } } },
    });
    expect(rows.map((r) => r.path)).toEqual(['node', 'node.child']);
  });
});

describe('firstSentence', () => {
  it('skips the full stops of abbreviations and stops at the end of the first sentence', () => {
    const text = '/**\n * Cost per unit, e.g. per luminaire, excl. VAT [EUR]. Second sentence.\n * @example f() // 1\n */\nexport function f() {}';
    expect(firstSentence(text, 'f')).toBe('Cost per unit, e.g. per luminaire, excl. VAT [EUR].');
  });

  it('follows a paragraph that ends on ":" with the first line of its formula', () => {
    const text = '/**\n * Sum of the flows:\n *\n *     s = Σ v[t]\n *\n * More.\n */\nexport function g() {}';
    expect(firstSentence(text, 'g')).toBe('Sum of the flows: `s = Σ v[t]`');
  });

  it('returns null for a function without a doc comment', () => {
    expect(firstSentence('export function h() {}', 'h')).toBeNull();
  });
});

describe('docs/methods.md', () => {
  const methods = read('docs/methods.md');

  it('links to files that exist', () => {
    const targets = [...methods.matchAll(/\]\(\.\.\/([^)#]+)\)/g)].map((m) => m[1]);
    expect(targets.length).toBeGreaterThan(100);
    expect(targets.filter((t) => !existsSync(join(root, t)))).toEqual([]);
  });

  it("links every model's method note", () => {
    for (const id of readdirSync(join(root, 'models'))) {
      if (existsSync(join(root, 'models', id, 'README.md'))) expect(methods).toContain(`(../models/${id}/README.md)`);
    }
  });
});

describe('README.md', () => {
  const readme = read('README.md');

  it('keeps the quick start: npm ci && npm start, then npm test', () => {
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toMatch(/^npm test\b/m);
  });

  it('documents every metric and yearly series a run writes to results.json (a run of the example town, lighting, TEND)', async () => {
    const territory = await loadTerritory(join(root, 'examples', 'ville-moyenne', 'territory.yaml'));
    const run = runTerritory(territory, { scenarios: ['TEND'], useCases: ['lighting'] });
    const row = run.results[0];
    const names = [...Object.keys(row), ...Object.keys(row.metrics), ...Object.keys(row.yearly), ...Object.keys(run.manifest), ...Object.keys(run.parameters[0])];
    expect(names.filter((name) => !readme.includes(`\`${name}\``))).toEqual([]);
  });

  it('describes every command of the CLI and links the generated references', () => {
    for (const command of ['run', 'validate', 'schema', 'scenarios list', 'scenarios show', 'scenarios diff', 'montecarlo', 'sensitivity', 'calibrate', 'portfolio', 'serve']) {
      expect(readme).toContain(`territoires ${command}`);
    }
    for (const doc of ['docs/glossary.md', 'docs/methods.md', 'docs/cli.md', 'docs/schemas/territory.schema.json', 'CHANGELOG.md']) {
      expect(readme).toContain(doc);
    }
  });

  it('links to files that exist', () => {
    const targets = [...readme.matchAll(/\]\(([^)#:]+)(?:#[^)]*)?\)/g)].map((m) => m[1]).filter((t) => !t.startsWith('http'));
    expect(targets.filter((t) => !existsSync(resolve(dirname(join(root, 'README.md')), t)))).toEqual([]);
  });
});
