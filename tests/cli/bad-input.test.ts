/**
 * Bad input through the whole command: every kind of mistake a user can make gets exit code 2, an error that names
 * the file, the line and the path, what was expected and what was received (checked on the `--json` error document,
 * `InputError.toJSON()`, and on the terminal text), and nothing is written to the output folder.
 *
 * Inputs are temporary copies of the shipped files (examples, scenario packs) with one mistake each; the expected
 * line is computed by the test from the text it wrote (`lineContaining`), not read back from the tool.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/core/paths.js';
import { isAbsentOrEmpty, lineContaining, runCli, tempDir, type CliOutcome } from './helpers.js';

const root = packageRoot();
const TOWN = readFileSync(join(root, 'examples', 'ville-moyenne', 'territory.yaml'), 'utf8');
const SYNDICAT = readFileSync(join(root, 'examples', 'syndicat-departemental', 'territory.yaml'), 'utf8');
const TEND = readFileSync(join(root, 'scenarios', 'tend.yaml'), 'utf8');
const S1_FILE = join(root, 'scenarios', 's1-generation-frugale.yaml');
const S1 = readFileSync(S1_FILE, 'utf8');

/** Replaces `needle` (which must occur) by `by`. */
function edit(text: string, needle: string | RegExp, by: string): string {
  const out = text.replace(needle, by);
  if (out === text) throw new Error(`test setup: ${String(needle)} not found`);
  return out;
}

/** Adds `lines` as the overrides of the lighting use case of the town (just before its subsidies). */
function lightingOverrides(lines: string): string {
  return edit(TOWN, '\n    subsidies:\n      # Fonds vert', `\n    overrides:\n${lines}\n    subsidies:\n      # Fonds vert`);
}

/** Removes the `key:` line (and the lines indented below it) that first follows the line starting with `after`. */
function removeKeyAfter(text: string, after: string, key: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith(after));
  const at = lines.findIndex((l, i) => i > start && l.startsWith(key));
  if (start < 0 || at < 0) throw new Error(`test setup: ${key} after ${after} not found`);
  const indent = key.length - key.trimStart().length;
  let end = at + 1;
  while (end < lines.length && lines[end].length - lines[end].trimStart().length > indent) end++;
  lines.splice(at, end - at);
  return lines.join('\n');
}

interface Expectation {
  file: string | null;
  line: number | null;
  path: string | null;
  expected: RegExp;
  received: RegExp;
}

interface Case {
  name: string;
  /** Writes the inputs into `dir`; returns the arguments (without --json/--out) and what the error must say. */
  setup(dir: string): { args: string[]; want: Expectation; writesOutput: boolean };
}

function territoryCase(name: string, text: string, want: (file: string, text: string) => Omit<Expectation, 'file'> & { file?: string | null }): Case {
  return {
    name,
    setup(dir) {
      const file = join(dir, 'territory.yaml');
      writeFileSync(file, text);
      const w = want(file, text);
      return { args: ['run', file], want: { ...w, file: w.file === undefined ? file : w.file }, writesOutput: true };
    },
  };
}

function packCase(name: string, text: string, want: (file: string, text: string) => Expectation): Case {
  return {
    name,
    setup(dir) {
      const file = join(dir, 'pack.yaml');
      writeFileSync(file, text);
      return { args: ['validate', file], want: want(file, text), writesOutput: false };
    },
  };
}

function argumentCase(name: string, extra: string[], path: string, expected: RegExp, received: RegExp): Case {
  return {
    name,
    setup() {
      // Command-line mistakes are in no file: no file and no line, the path names the flag.
      return { args: ['run', join(root, 'examples', 'ville-moyenne', 'territory.yaml'), ...extra], want: { file: null, line: null, path, expected, received }, writesOutput: true };
    },
  };
}

const CASES: Case[] = [
  territoryCase('malformed YAML (an unquoted colon inside a value)', edit(TOWN, /^name: .*$/m, 'name: Ville moyenne: exemple'), (_f, text) => ({
    // A syntax error has a line and a column but no path: the document could not be read at all.
    line: lineContaining(text, 'name: Ville moyenne: exemple'),
    path: null,
    expected: /valid YAML/,
    received: /mapping/i,
  })),
  territoryCase('unknown key at the top level', edit(TOWN, 'kind: commune\n', 'kind: commune\ncolour: blue\n'), (_f, text) => ({
    line: lineContaining(text, 'colour: blue'),
    path: 'colour',
    expected: /keys this format defines/,
    received: /colour/,
  })),
  territoryCase('unknown key inside an inventory', edit(TOWN, '      cabinets: 180', '      cabinets: 180\n      poles: 12'), (_f, text) => ({
    line: lineContaining(text, 'poles: 12'),
    path: 'useCases.lighting.inventory.poles',
    expected: /keys this format defines/,
    received: /poles/,
  })),
  territoryCase('wrong unit dimension in an override ("150 kg" for a W parameter)', lightingOverrides('      luminaireNodePowerW: "150 kg"'), (_f, text) => ({
    line: lineContaining(text, 'luminaireNodePowerW:'),
    path: 'useCases.lighting.overrides.luminaireNodePowerW',
    expected: /\bW\b/,
    received: /150 kg/,
  })),
  territoryCase('negative lifetime in an override', lightingOverrides('      ledLuminaireLifetimeYears: -5'), (_f, text) => ({
    line: lineContaining(text, 'ledLuminaireLifetimeYears:'),
    path: 'useCases.lighting.overrides.ledLuminaireLifetimeYears',
    expected: /> 0/,
    received: /-5/,
  })),
  territoryCase('unknown parameter name in overrides', lightingOverrides('      ledLuminaireCostEuro: 700'), (_f, text) => ({
    line: lineContaining(text, 'ledLuminaireCostEuro:'),
    path: 'useCases.lighting.overrides.ledLuminaireCostEuro',
    expected: /ledLuminaireCostEur\b/, // the close name is suggested
    received: /ledLuminaireCostEuro/,
  })),
  territoryCase('start year outside the supported years (1850)', edit(TOWN, 'startYear: 2026', 'startYear: 1850'), (_f, text) => ({
    line: lineContaining(text, 'startYear: 1850'),
    path: 'settings.startYear',
    expected: /2000/,
    received: /1850/,
  })),
  territoryCase('empty inventory (luminaires: [])', edit(TOWN, / {6}luminaires:\n( {8}- .*\n)+/, '      luminaires: []\n'), (_f, text) => ({
    line: lineContaining(text, 'luminaires: []'),
    path: 'useCases.lighting.inventory.luminaires',
    expected: />=\s*1/,
    received: /0 item/,
  })),
  territoryCase('NaN for a count (.nan)', edit(TOWN, 'count: 3500', 'count: .nan'), (_f, text) => ({
    line: lineContaining(text, 'count: .nan'),
    path: 'useCases.lighting.inventory.luminaires.0.count',
    expected: /number/,
    received: /NaN/,
  })),
  {
    name: 'CSV inventory with a missing column',
    setup(dir) {
      const file = join(dir, 'territory.yaml');
      writeFileSync(file, SYNDICAT);
      const csv = join(dir, 'luminaires.csv');
      // The column `nombre` (mapped to count) is missing.
      writeFileSync(csv, 'commune_insee;commune;type_lampe;puissance_w;age_ans;duree_vie_lampe_ans\n00001;A;SHP;170;20;\n');
      return {
        args: ['run', file],
        want: { file: csv, line: 1, path: 'useCases.lighting.inventory.luminaires.columns.count', expected: /column named nombre/, received: /type_lampe/ },
        writesOutput: true,
      };
    },
  },
  {
    name: 'CSV inventory with a negative count in a row that is summed into a group',
    setup(dir) {
      const file = join(dir, 'territory.yaml');
      writeFileSync(file, SYNDICAT);
      const csv = join(dir, 'luminaires.csv');
      const rows = [
        'commune_insee;commune;type_lampe;puissance_w;nombre;age_ans;duree_vie_lampe_ans',
        '00001;A;SHP;170;30;22;',
        '00001;A;LED;50;5;6;',
        '00002;B;SHP;170;-4;22;', // line 4: a negative count, same group as line 2 (30 − 4 would hide it)
      ];
      writeFileSync(csv, rows.join('\n') + '\n');
      return {
        args: ['run', file],
        want: { file: csv, line: 4, path: 'useCases.lighting.inventory.luminaires.count (column nombre)', expected: /≥ 0/, received: /-4/ },
        writesOutput: true,
      };
    },
  },
  {
    name: 'CSV inventory with text where a number is expected',
    setup(dir) {
      const file = join(dir, 'territory.yaml');
      writeFileSync(file, SYNDICAT);
      const csv = join(dir, 'luminaires.csv');
      const rows = [
        'commune_insee;commune;type_lampe;puissance_w;nombre;age_ans;duree_vie_lampe_ans',
        '00001;A;SHP;170;30;22;',
        '00001;A;LED;cinquante;5;6;', // line 3: the power is text; it becomes the group of item 1
      ];
      writeFileSync(csv, rows.join('\n') + '\n');
      return {
        args: ['run', file],
        want: { file: csv, line: 3, path: 'useCases.lighting.inventory.luminaires.1.powerW (column puissance_w)', expected: /number/, received: /cinquante/ },
        writesOutput: true,
      };
    },
  },
  packCase('scenario pack: a sourced value without its source', removeKeyAfter(S1, '  gridFactorKgCo2ePerKwh:', '    source:'), (file, text) => ({
    file,
    // the missing key has no line: the error points at its parent entry
    line: lineContaining(text, '  gridFactorKgCo2ePerKwh:'),
    path: 'trajectories.gridFactorKgCo2ePerKwh.source',
    expected: /source/,
    received: /missing/,
  })),
  packCase('scenario pack: extends itself', edit(S1, 'extends: TEND', 'extends: S1'), (file, text) => ({
    file,
    line: lineContaining(text, 'extends: S1'),
    path: 'extends',
    expected: /.+/,
    received: /S1/,
  })),
  packCase('scenario pack: extends cycle through another pack (TEND → S1 → TEND)', edit(TEND, 'priceBaseYear: 2023\n', 'priceBaseYear: 2023\nextends: S1\n'), () => ({
    // the cycle closes at the built-in S1, whose `extends: TEND` is reported
    file: S1_FILE,
    line: lineContaining(S1, 'extends: TEND'),
    path: 'extends',
    expected: /chain of parents/,
    received: /TEND → S1 → TEND/,
  })),
  packCase('scenario pack: unknown parent', edit(S1, 'extends: TEND', 'extends: S9'), (file, text) => ({
    file,
    line: lineContaining(text, 'extends: S9'),
    path: 'extends',
    expected: /TEND/,
    received: /S9/,
  })),
  argumentCase('unknown scenario id in --scenarios', ['--scenarios', 'TEND,S9'], '--scenarios', /TEND/, /^S9$/),
  argumentCase('unknown use case in --use-cases', ['--use-cases', 'lighting,mobility'], '--use-cases', /lighting, water, climate-risk, buildings/, /^mobility$/),
  argumentCase('unknown --format', ['--format', 'json,docx'], '--format', /formats among json, csv/, /^docx$/),
  argumentCase('bad --set syntax', ['--set', 'financialDiscountRate'], '--set', /name=value/, /^financialDiscountRate$/),
  {
    name: 'missing territory file',
    setup(dir) {
      const file = join(dir, 'nowhere', 'territory.yaml');
      return { args: ['run', file], want: { file, line: null, path: null, expected: /readable file/, received: /no such file/ }, writesOutput: true };
    },
  },
];

function checkError(o: CliOutcome, want: Expectation): void {
  expect(o.code).toBe(2);
  // --json prints the error document and nothing else on stdout
  const doc = JSON.parse(o.stdout) as Record<string, unknown> & { errors?: Record<string, unknown>[] };
  const e = doc.error === 'InputErrors' ? doc.errors![0] : doc;
  expect(e.error).toBe('InputError');
  expect(e.file).toBe(want.file);
  expect(e.line).toBe(want.line);
  expect(e.path).toBe(want.path);
  expect(e.expected).toMatch(want.expected);
  expect(e.received).toMatch(want.received);
  expect(String(e.fix).length).toBeGreaterThan(0);
  // The terminal text says the same: location, path, expected, received.
  if (want.file) expect(o.stderr).toContain(want.line === null ? want.file : `${want.file}:${want.line}`);
  if (want.path) expect(o.stderr).toContain(want.path);
  expect(o.stderr).toContain(String(e.expected));
  expect(o.stderr).toContain(String(e.received));
}

describe('territoires: bad input', () => {
  it('covers at least 15 kinds of mistakes', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(15);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s: exit 2, error located, nothing written', async (_name, c) => {
    const dir = tempDir();
    const { args, want, writesOutput } = c.setup(dir);
    const before = readdirSync(dir).sort();
    const out = join(dir, 'out');
    const o = await runCli([...args, '--json', ...(writesOutput ? ['--out', out] : [])]);
    checkError(o, want);
    expect(isAbsentOrEmpty(out)).toBe(true);
    // and nothing else appeared beside the inputs
    expect(readdirSync(dir).sort()).toEqual(before);
  });

  it('prints the error in English with --lang en, and in French by default', async () => {
    const dir = tempDir();
    const file = join(dir, 'territory.yaml');
    writeFileSync(file, edit(TOWN, 'kind: commune\n', 'kind: commune\ncolour: blue\n'));
    const en = await runCli(['run', file, '--lang', 'en', '--out', join(dir, 'out')]);
    expect(en.code).toBe(2);
    expect(en.stderr).toMatch(/^Input error: /);
    expect(en.stderr).toContain('expected: ');
    const fr = await runCli(['run', file, '--out', join(dir, 'out')]);
    expect(fr.code).toBe(2);
    expect(fr.stderr).toMatch(/^Erreur de saisie : /);
    expect(fr.stderr).toContain('attendu: ');
    // without --json nothing goes to stdout
    expect(en.stdout).toBe('');
    expect(fr.stdout).toBe('');
  });

  it("a failing run leaves an existing output folder's files untouched", async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'results.json'), '{"previous": true}\n');
    writeFileSync(join(out, 'notes.txt'), 'kept\n');
    // This mistake is found late, while resolving parameters during the evaluation, after the territory loaded.
    const file = join(dir, 'territory.yaml');
    writeFileSync(file, lightingOverrides('      ledLuminaireLifetimeYears: -5'));
    const o = await runCli(['run', file, '--out', out, '--format', 'json,csv']);
    expect(o.code).toBe(2);
    expect(readdirSync(out).sort()).toEqual(['notes.txt', 'results.json']);
    expect(readFileSync(join(out, 'results.json'), 'utf8')).toBe('{"previous": true}\n');
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('kept\n');
  });

  it('a usage error (unknown option) is bad input too: exit 2', async () => {
    const o = await runCli(['run', '--no-such-option']);
    expect(o.code).toBe(2);
    expect(o.stderr).toContain('--no-such-option');
  });
});
