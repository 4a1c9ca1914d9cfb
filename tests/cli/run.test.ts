/**
 * `territoires run`, `validate`, `scenarios` and `schema` through the command, in-process.
 *
 * The built-in example is run twice in full (once with --out, once without) and both outputs are reused by all the
 * assertions below: the `results.json` contract of DESIGN.md, nothing but JSON on stdout with --json, byte-identical
 * output apart from `manifest.createdAt`, and 4 use cases × 5 scenarios × 2 perspectives.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONFIDENCE_LEVELS, ORIGINS } from '../../src/core/parameter.js';
import { packageRoot } from '../../src/core/paths.js';
import { expectFullCoverage, runCli, tempDir, type CliOutcome, type ResultsDocument } from './helpers.js';

const root = packageRoot();
const TOWN_FILE = join(root, 'examples', 'ville-moyenne', 'territory.yaml');

/** The metrics DESIGN.md names in the `results.json` contract. */
const CONTRACT_METRICS = [
  'npvEur',
  'irr',
  'mirr',
  'simplePaybackYears',
  'discountedPaybackYears',
  'benefitCostRatio',
  'capexEur',
  'lifecycleCostEur',
  'energySavedKwh',
  'energySavedFraction',
  'embodiedTco2e',
  'avoidedTco2e',
  'netTco2e',
  'carbonPaybackYears',
  'abatementCostEurPerTco2e',
];

interface Row {
  territory: string;
  useCase: string;
  variant: string;
  comparedTo: string;
  scenario: string;
  perspective: string;
  metrics: Record<string, unknown>;
  yearly: Record<string, unknown[]>;
}
interface ParameterRow {
  name: string;
  value: unknown;
  unit: unknown;
  origin: string;
  source: string | null;
  confidence: string;
  useCase: string | null;
}
interface Doc extends ResultsDocument {
  manifest: ResultsDocument['manifest'] & { createdAt: string; startYear: number; horizonYears: number; territory: { id: string }; inputs: { file: string; sha256: string }[] };
  results: Row[];
  parameters: ParameterRow[];
}

let first: CliOutcome;
let second: CliOutcome;
let outDir: string;
let doc: Doc;

beforeAll(async () => {
  outDir = join(tempDir(), 'out');
  // Without a territory argument, `run` evaluates the built-in example (the town).
  first = await runCli(['run', '--json', '--out', outDir]);
  second = await runCli(['run', '--json']);
  doc = JSON.parse(first.stdout) as Doc;
}, 120_000);

describe('run --json on the built-in example', () => {
  it('succeeds and prints one JSON document and nothing else; nothing on stderr', () => {
    expect(first.code).toBe(0);
    expect(first.stderr).toBe('');
    expect(() => JSON.parse(first.stdout)).not.toThrow();
    expect(first.stdout.startsWith('{')).toBe(true);
    expect(first.stdout.trimEnd().endsWith('}')).toBe(true);
    expect(Object.keys(doc)).toEqual(expect.arrayContaining(['manifest', 'results', 'parameters']));
  });

  it('writes with --out the same results.json it prints, plus the CSV files', () => {
    expect(readdirSync(outDir).sort()).toEqual(['metrics.csv', 'parameters.csv', 'results.json', 'yearly.csv']);
    expect(readFileSync(join(outDir, 'results.json'), 'utf8')).toBe(first.stdout);
  });

  it('gives byte-identical JSON on a second run, apart from manifest.createdAt', () => {
    expect(second.code).toBe(0);
    const stamp = /"createdAt": "[^"]*"/;
    expect(first.stdout).toMatch(stamp);
    expect(second.stdout.replace(stamp, '"createdAt": ""')).toBe(first.stdout.replace(stamp, '"createdAt": ""'));
  });

  it('has a manifest naming the tool, the territory, the years, the packs and the input hashes', () => {
    const m = doc.manifest;
    expect(m.tool).toBe('territoires');
    expect(m.territory.id).toBe('ville-moyenne');
    expect(Number.isNaN(Date.parse(m.createdAt))).toBe(false);
    // settings of examples/ville-moyenne/territory.yaml: startYear 2026, horizonYears 25
    expect(m.startYear).toBe(2026);
    expect(m.horizonYears).toBe(25);
    expect(m.inputs[0].file).toBe(TOWN_FILE);
    expect(m.inputs[0].sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('covers 4 use cases × every variant × 5 scenarios × 2 perspectives, each result for the town', () => {
    const expectedRows = expectFullCoverage(doc);
    expect(doc.results.length).toBe(expectedRows);
    expect(new Set(doc.results.map((r) => r.territory))).toEqual(new Set(['ville-moyenne']));
    expect(new Set(doc.results.map((r) => r.perspective))).toEqual(new Set(['financial', 'socioEconomic']));
  });

  it('gives every result the contract metrics, each a finite number or null', () => {
    for (const r of doc.results) {
      for (const name of CONTRACT_METRICS) {
        expect(name in r.metrics, `${name} in ${r.useCase}/${r.variant}`).toBe(true);
        const v = r.metrics[name];
        expect(v === null || (typeof v === 'number' && Number.isFinite(v)), `${name} = ${String(v)}`).toBe(true);
      }
      // NPV, capex, lifecycle cost and carbon totals always exist
      for (const name of ['npvEur', 'capexEur', 'lifecycleCostEur', 'embodiedTco2e', 'avoidedTco2e', 'netTco2e']) {
        expect(typeof r.metrics[name]).toBe('number');
      }
    }
  });

  it('gives every result yearly series on the axis 2026–2051 (year 0 to 25)', () => {
    const years = Array.from({ length: 26 }, (_, i) => 2026 + i);
    for (const r of doc.results) {
      expect(r.yearly.year).toEqual(years);
      expect(r.yearly.cashFlowEur).toHaveLength(26);
      expect(r.yearly.emissionsTco2e).toHaveLength(26);
      for (const v of [...r.yearly.cashFlowEur, ...r.yearly.emissionsTco2e]) expect(typeof v).toBe('number');
    }
  });

  it('lists every parameter with name, value, unit, origin, source and confidence; no source means an assumption', () => {
    expect(doc.parameters.length).toBeGreaterThan(0);
    for (const p of doc.parameters) {
      expect(typeof p.name).toBe('string');
      expect(typeof p.value).toBe('number');
      expect(typeof p.unit).toBe('string');
      expect(ORIGINS).toContain(p.origin);
      expect(CONFIDENCE_LEVELS).toContain(p.confidence);
      expect(p.source === null || typeof p.source === 'string').toBe(true);
      if (p.source === null) expect(p.confidence, p.name).toBe('assumption');
    }
  });

  it("records the territory's own settings as its values (fctvaLagYears: 2 in the example)", () => {
    const rows = doc.parameters.filter((p) => p.name === 'fctvaLagYears');
    expect(rows.length).toBeGreaterThan(0);
    for (const p of rows) {
      expect(p.value).toBe(2);
      expect(p.origin).toBe('territory');
      expect(p.source).toContain(TOWN_FILE);
    }
  });
});

describe('run with options', () => {
  it('--scenarios, --use-cases and --set narrow the run and are recorded', async () => {
    const o = await runCli(['run', TOWN_FILE, '--json', '--scenarios', 'S2', '--use-cases', 'lighting', '--set', 'financialDiscountRate=0.05']);
    expect(o.code).toBe(0);
    const d = JSON.parse(o.stdout) as Doc;
    expect(d.manifest.scenarios).toEqual(['S2']);
    expect(d.manifest.useCases).toEqual(['lighting']);
    expect(new Set(d.results.map((r) => `${r.useCase}/${r.scenario}`))).toEqual(new Set(['lighting/S2']));
    const rate = d.parameters.find((p) => p.name === 'financialDiscountRate')!;
    expect(rate.value).toBe(0.05);
    expect(rate.origin).toBe('override');
    expect(rate.confidence).toBe('assumption');
  });

  it('without --json prints a summary table and where the files went', async () => {
    const out = join(tempDir(), 'summary');
    const o = await runCli(['run', TOWN_FILE, '--scenarios', 'TEND', '--use-cases', 'water', '--lang', 'en', '--format', 'json', '--out', out]);
    expect(o.code).toBe(0);
    expect(o.stdout).toContain('each variant against the status quo');
    expect(o.stdout).toContain('Results written to');
    expect(readdirSync(out)).toEqual(['results.json']);
  });
});

describe('validate', () => {
  const files: [string, string][] = [
    ...readdirSync(join(root, 'examples'))
      .filter((d) => existsSync(join(root, 'examples', d, 'territory.yaml')))
      .map((d) => [join(root, 'examples', d, 'territory.yaml'), 'territory'] as [string, string]),
    ...readdirSync(join(root, 'scenarios'))
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => [join(root, 'scenarios', f), 'scenario'] as [string, string]),
    ...readdirSync(join(root, 'scenarios', 'reference'))
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => [join(root, 'scenarios', 'reference', f), 'reference'] as [string, string]),
    ...readdirSync(join(root, 'models'))
      .filter((d) => existsSync(join(root, 'models', d, 'parameters.yaml')))
      .map((d) => [join(root, 'models', d, 'parameters.yaml'), 'parameters'] as [string, string]),
  ];

  it('finds the three examples, five packs and the models’ parameter files', () => {
    expect(files.filter(([, k]) => k === 'territory')).toHaveLength(3);
    expect(files.filter(([, k]) => k === 'scenario')).toHaveLength(5);
    expect(files.filter(([, k]) => k === 'parameters').length).toBeGreaterThanOrEqual(5);
  });

  it.each(files)('accepts %s (%s)', async (file, kind) => {
    const o = await runCli(['validate', file, '--json']);
    expect(o.stderr).toBe('');
    expect(o.code).toBe(0);
    expect(JSON.parse(o.stdout)).toMatchObject({ file, kind, valid: true });
  });
});

describe('scenarios', () => {
  it('list: the five packs, TEND the root of the others', async () => {
    const o = await runCli(['scenarios', 'list', '--json']);
    expect(o.code).toBe(0);
    const packs = JSON.parse(o.stdout) as { id: string; extends: string | null }[];
    expect(packs.map((p) => p.id).sort()).toEqual(['S1', 'S2', 'S3', 'S4', 'TEND']);
    for (const p of packs) expect(p.extends).toBe(p.id === 'TEND' ? null : 'TEND');
    const text = await runCli(['scenarios', 'list']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Génération frugale');
  });

  it('show: a resolved pack with its trajectories at the years asked', async () => {
    const o = await runCli(['scenarios', 'show', 'S3', '--json', '--years', '2030,2050']);
    expect(o.code).toBe(0);
    const pack = JSON.parse(o.stdout) as { id: string; chain: string[]; trajectories: Record<string, { values: Record<string, number> }> };
    expect(pack.id).toBe('S3');
    expect(pack.chain).toEqual(['TEND', 'S3']);
    expect(Object.keys(pack.trajectories.gridFactorKgCo2ePerKwh.values)).toEqual(['2030', '2050']);
    expect((await runCli(['scenarios', 'show', 'TEND'])).code).toBe(0);
  });

  it('diff: rows of what differs between two packs', async () => {
    const o = await runCli(['scenarios', 'diff', 'TEND', 'S1', '--json']);
    expect(o.code).toBe(0);
    const rows = JSON.parse(o.stdout) as { name: string }[];
    expect(rows.length).toBeGreaterThan(0);
    // S1 overrides the grid factor's 2050 point (0.045 in TEND, 0.029 in S1)
    expect(rows.some((r) => r.name === 'gridFactorKgCo2ePerKwh')).toBe(true);
    expect((await runCli(['scenarios', 'diff', 'S2', 'S4'])).code).toBe(0);
  });

  it('an unknown pack id is bad input', async () => {
    const o = await runCli(['scenarios', 'show', 'S7', '--json']);
    expect(o.code).toBe(2);
    expect(JSON.parse(o.stdout)).toMatchObject({ error: 'InputError', received: 'S7' });
  });
});

describe('schema', () => {
  it('prints the territory JSON Schema, with the four use cases', async () => {
    const o = await runCli(['schema']);
    expect(o.code).toBe(0);
    const schema = JSON.parse(o.stdout) as { $schema: string; type: string; properties: { useCases: { properties: Record<string, unknown> } }; required: string[] };
    expect(schema.$schema).toMatch(/json-schema\.org/);
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties.useCases.properties).sort()).toEqual(['buildings', 'climate-risk', 'lighting', 'water']);
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'name', 'kind', 'population', 'useCases']));
  });

  it.each(['scenario', 'reference', 'parameters'])('prints the %s JSON Schema', async (format) => {
    const o = await runCli(['schema', '--format', format]);
    expect(o.code).toBe(0);
    expect(JSON.parse(o.stdout)).toHaveProperty('$schema');
  });

  it('--out writes every schema as a file', async () => {
    const out = join(tempDir(), 'schemas');
    const o = await runCli(['schema', '--out', out]);
    expect(o.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['communes.schema.json', 'parameters.schema.json', 'reference.schema.json', 'scenario.schema.json', 'territory.schema.json']);
  });
});

describe('the territory JSON Schema', () => {
  it('accepts an inventory list written inline or as a table source, as the loader does', async () => {
    const { territoryJsonSchema } = await import('../../src/cli/schema.js');
    type S = { properties?: Record<string, S>; anyOf?: S[]; type?: string; required?: string[] };
    const schema = territoryJsonSchema() as S;
    const luminaires = schema.properties!.useCases.properties!.lighting.properties!.inventory.properties!.luminaires;
    const forms = luminaires.anyOf!;
    expect(forms.map((f) => f.type)).toEqual(['array', 'object']);
    // The table form: a file is required, the column mapping and grouping are optional (src/io/tables.ts).
    expect(forms[1].required).toEqual(['file']);
    expect(Object.keys(forms[1].properties!)).toEqual(['file', 'sheet', 'columns', 'defaults', 'groupBy', 'sum']);
  });
});

describe('the communes JSON Schema', () => {
  it('holds each use case\'s inventory schema, lists inline or as a table source, and no other use case', async () => {
    const { communesJsonSchema } = await import('../../src/cli/schema.js');
    type S = { properties?: Record<string, S>; items?: S; anyOf?: S[]; type?: string; required?: string[]; additionalProperties?: unknown };
    const schema = communesJsonSchema() as S;
    const inventories = schema.properties!.communes.items!.properties!.inventories;
    expect(Object.keys(inventories.properties!)).toEqual(['lighting', 'water', 'climate-risk', 'buildings']);
    expect(inventories.additionalProperties).toBe(false);
    expect(inventories.properties!.lighting.properties!.luminaires.anyOf!.map((f) => f.type)).toEqual(['array', 'object']);
    // The water inventory's required fields (models/water/model.ts: the efficiency or the produced volume, either one).
    expect(inventories.properties!.water.required).toEqual(['billedVolumeM3PerYear', 'networkLengthKm', 'subscribers']);
  });
});
