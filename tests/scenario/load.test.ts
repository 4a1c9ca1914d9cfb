import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  builtinScenarioDir,
  loadReference,
  loadScenarioPack,
  loadScenarioPacks,
} from '../../src/scenario/index.js';
import { allErrors, inputErrorOf, lineStarting, packHeader, tempDir, writeLines } from './helpers.js';

/** A pack with one trajectory `name` whose body lines (indented 4) are `body`. */
function packWith(name: string, body: string[], header = packHeader('T')): string[] {
  return [...header, 'trajectories:', `  ${name}:`, ...body.map((l) => `    ${l}`)];
}

const SOURCED = ['source: "test source"', 'confidence: high'];

describe('builtinScenarioDir', () => {
  it('is the scenarios/ folder beside package.json', () => {
    const dir = builtinScenarioDir();
    expect(basename(dir)).toBe('scenarios');
    expect(existsSync(join(dir, '..', 'package.json'))).toBe(true);
    expect(existsSync(join(dir, 'tend.yaml'))).toBe(true);
  });
});

describe('loadScenarioPack: a valid file', () => {
  it('converts "<number> <unit>" points into the declared unit and sorts years', () => {
    const lines = packWith('gridFactorKgCo2ePerKwh', [
      'unit: kgCO2e/kWh',
      'points:',
      '  2023: "52 gCO2e/kWh"', // 52 g = 0.052 kg
      '  2050: 0.029',
      ...SOURCED,
    ]);
    const pack = loadScenarioPack(writeLines(tempDir(), 'ok.yaml', lines));
    const t = pack.trajectories.gridFactorKgCo2ePerKwh;
    expect(t.years).toEqual([2023, 2050]);
    expect(t.values[0]).toBeCloseTo(0.052, 12);
    expect(t.values[1]).toBe(0.029);
    expect(t.interpolation).toBe('linear'); // the default
    expect(t.origin).toEqual({ pack: 'T', file: pack.file, line: lineStarting(lines, '  gridFactorKgCo2ePerKwh:') });
  });

  it('converts a trajectory declared in another unit of the canonical dimension into the canonical unit', () => {
    const lines = packWith('gridFactorKgCo2ePerKwh', ['unit: gCO2e/kWh', 'points: { 2023: 52 }', ...SOURCED]);
    const t = loadScenarioPack(writeLines(tempDir(), 'g.yaml', lines)).trajectories.gridFactorKgCo2ePerKwh;
    expect(t.unit).toBe('kgCO2e/kWh');
    expect(t.declaredUnit).toBe('gCO2e/kWh');
    expect(t.values[0]).toBeCloseTo(0.052, 12); // 52 g / 1000
  });
});

describe('loadScenarioPack: bad inputs name the file, line, path, expected and received', () => {
  it('malformed YAML', () => {
    const lines = [...packHeader('T'), 'trajectories:', '  x: [1, 2', 'parameters: {}'];
    const file = writeLines(tempDir(), 'bad.yaml', lines);
    const e = inputErrorOf(() => loadScenarioPack(file));
    expect(e.file).toBe(file);
    expect(e.line).toBeGreaterThanOrEqual(lineStarting(lines, '  x: [1, 2'));
    expect(e.expected).toContain('valid YAML');
    expect(e.received.length).toBeGreaterThan(0);
    expect(e.path).toBeUndefined(); // a syntax error has no document path
  });

  it('unknown key', () => {
    const lines = packWith('lightingHoursFactor', ['unit: fraction', 'points: { 2023: 1 }', 'colour: red', ...SOURCED]);
    const file = writeLines(tempDir(), 'key.yaml', lines);
    const e = inputErrorOf(() => loadScenarioPack(file));
    expect(e.file).toBe(file);
    expect(e.line).toBe(lineStarting(lines, '    colour:'));
    expect(e.path).toBe('trajectories.lightingHoursFactor.colour');
    expect(e.expected).toContain('only the keys this format defines');
    expect(e.received).toBe('the key colour');
  });

  it('wrong unit dimension: "150 kg" in a kgCO2e/kWh trajectory', () => {
    const lines = packWith('gridFactorKgCo2ePerKwh', ['unit: kgCO2e/kWh', 'points:', '  2023: 0.052', '  2030: "150 kg"', ...SOURCED]);
    const file = writeLines(tempDir(), 'dim.yaml', lines);
    const e = inputErrorOf(() => loadScenarioPack(file));
    expect(e.file).toBe(file);
    expect(e.line).toBe(lineStarting(lines, '      2030:'));
    expect(e.path).toBe('trajectories.gridFactorKgCo2ePerKwh.points.2030');
    expect(e.expected).toBe('a quantity convertible to kgCO2e/kWh');
    expect(e.received).toBe('the text "150 kg"');
  });

  it('declared unit of the wrong dimension for a known trajectory', () => {
    const lines = packWith('gridFactorKgCo2ePerKwh', ['unit: kWh', 'points: { 2023: 1 }', ...SOURCED]);
    const file = writeLines(tempDir(), 'unit.yaml', lines);
    const e = inputErrorOf(() => loadScenarioPack(file));
    expect(e.line).toBe(lineStarting(lines, '    unit:'));
    expect(e.path).toBe('trajectories.gridFactorKgCo2ePerKwh.unit');
    expect(e.expected).toBe('a unit convertible to kgCO2e/kWh');
    expect(e.received).toBe('the text "kWh"');
  });

  it('unit unknown to src/core/units.ts', () => {
    const lines = packWith('fooFactor', ['unit: furlongs', 'points: { 2023: 1 }', ...SOURCED]);
    const file = writeLines(tempDir(), 'unknown-unit.yaml', lines);
    const e = inputErrorOf(() => loadScenarioPack(file));
    expect(e.path).toBe('trajectories.fooFactor.unit');
    expect(e.line).toBe(lineStarting(lines, '    unit:'));
    expect(e.expected).toContain('a unit known to the toolkit');
    expect(e.received).toBe('the text "furlongs"');
  });

  it('missing source on a value that is not an assumption', () => {
    const lines = packWith('lightingHoursFactor', ['unit: fraction', 'points: { 2023: 1 }', 'confidence: medium']);
    const file = writeLines(tempDir(), 'source.yaml', lines);
    const e = inputErrorOf(() => loadScenarioPack(file));
    expect(e.file).toBe(file);
    // the key is missing: the line is its closest parent's, the trajectory name
    expect(e.line).toBe(lineStarting(lines, '  lightingHoursFactor:'));
    expect(e.path).toBe('trajectories.lightingHoursFactor.source');
    expect(e.expected).toBe('a source (citation) for a value of confidence medium');
    expect(e.received).toBe('nothing (the key is missing)');
    expect(e.fix).toContain('confidence: assumption');
  });

  it('assumption without note and without range: two problems, both reported', () => {
    const lines = packWith('lightingHoursFactor', ['unit: fraction', 'points: { 2023: 1 }', 'confidence: assumption']);
    const file = writeLines(tempDir(), 'assumption.yaml', lines);
    const errors = allErrors(inputErrorOf(() => loadScenarioPack(file)));
    expect(errors.map((e) => e.path)).toEqual([
      'trajectories.lightingHoursFactor.note',
      'trajectories.lightingHoursFactor.relativeRange',
    ]);
    for (const e of errors) {
      expect(e.file).toBe(file);
      expect(e.line).toBe(lineStarting(lines, '  lightingHoursFactor:'));
      expect(e.received).toBe('nothing (the key is missing)');
    }
    expect(errors[0].expected).toBe('a note giving the reasoning behind the assumed value');
    expect(errors[1].expected).toContain('relativeRange { low, high }');
  });

  it('year outside 2000–2100', () => {
    const lines = packWith('lightingHoursFactor', ['unit: fraction', 'points:', '  2023: 1', '  2150: 0.5', ...SOURCED]);
    const file = writeLines(tempDir(), 'year.yaml', lines);
    const e = inputErrorOf(() => loadScenarioPack(file));
    expect(e.line).toBe(lineStarting(lines, '      2150:'));
    expect(e.path).toBe('trajectories.lightingHoursFactor.points.2150');
    expect(e.expected).toBe('a whole calendar year from 2000 to 2100');
    expect(e.received).toBe('the year 2150');
  });

  it('NaN value (.nan)', () => {
    const lines = packWith('lightingHoursFactor', ['unit: fraction', 'points:', '  2023: 1', '  2030: .nan', ...SOURCED]);
    const file = writeLines(tempDir(), 'nan.yaml', lines);
    const e = inputErrorOf(() => loadScenarioPack(file));
    expect(e.file).toBe(file);
    expect(e.line).toBe(lineStarting(lines, '      2030:'));
    expect(e.path).toBe('trajectories.lightingHoursFactor.points.2030');
    expect(e.expected).toBe('a finite number, or a text "<number> <unit>" such as "52 gCO2e/kWh"');
    expect(e.received).toBe('NaN');
  });

  it('a quantity that overflows to Infinity', () => {
    const lines = packWith('networkEnergyKwhPerGb', ['unit: kWh/GB', 'points:', '  2023: "1e999 kWh/GB"', ...SOURCED]);
    const file = writeLines(tempDir(), 'inf.yaml', lines);
    const e = inputErrorOf(() => loadScenarioPack(file));
    expect(e.path).toBe('trajectories.networkEnergyKwhPerGb.points.2023');
    expect(e.line).toBe(lineStarting(lines, '      2023:'));
    expect(e.expected).toBe('a finite number in kWh/GB');
    expect(e.received).toBe('the text "1e999 kWh/GB"');
  });

  it('decreasing years', () => {
    const lines = packWith('lightingHoursFactor', ['unit: fraction', 'points:', '  2050: 0.6', '  2030: 0.8', ...SOURCED]);
    const file = writeLines(tempDir(), 'order.yaml', lines);
    const e = inputErrorOf(() => loadScenarioPack(file));
    expect(e.file).toBe(file);
    expect(e.line).toBe(lineStarting(lines, '      2030:'));
    expect(e.path).toBe('trajectories.lightingHoursFactor.points.2030');
    expect(e.expected).toBe('years in increasing order');
    expect(e.received).toBe('2030 written after 2050');
  });

  it('geometric interpolation through zero', () => {
    const lines = packWith('x', ['unit: fraction', 'interpolation: geometric', 'points: { 2023: 1, 2050: 0 }', ...SOURCED]);
    const e = inputErrorOf(() => loadScenarioPack(writeLines(tempDir(), 'geo.yaml', lines)));
    expect(e.path).toBe('trajectories.x.points.2050');
    expect(e.expected).toBe('non-zero values, all of the same sign');
    expect(e.received).toBe('the value 0 in 2050');
  });

  it('relativeRange that does not bracket 1', () => {
    const lines = packWith('x', ['unit: fraction', 'points: { 2023: 1 }', 'relativeRange: { low: 1.1, high: 1.5 }', ...SOURCED]);
    const e = inputErrorOf(() => loadScenarioPack(writeLines(tempDir(), 'rr.yaml', lines)));
    expect(e.path).toBe('trajectories.x.relativeRange');
    expect(e.line).toBe(lineStarting(lines, '    relativeRange:'));
    expect(e.received).toBe('low 1.1, high 1.5');
  });

  it('a parameter whose range does not contain its value', () => {
    const lines = [
      ...packHeader('T'),
      'parameters:',
      '  financialDiscountRate:',
      '    value: "8 %"', // 0.08
      '    unit: fraction',
      '    confidence: assumption',
      '    note: a test',
      '    range: { low: 0, high: 0.06 }',
    ];
    const e = inputErrorOf(() => loadScenarioPack(writeLines(tempDir(), 'range.yaml', lines)));
    expect(e.path).toBe('parameters.financialDiscountRate.range');
    expect(e.line).toBe(lineStarting(lines, '    range:'));
    expect(e.expected).toBe('low ≤ value ≤ high (and low ≤ mode ≤ high)');
    expect(e.received).toBe('low 0, high 0.06, value 0.08 (fraction)');
  });

  it('the carbon value written in a pack', () => {
    const lines = packWith('carbonValueEurPerTco2e', ['unit: EUR/tCO2e', 'points: { 2023: 256 }', ...SOURCED]);
    const e = inputErrorOf(() => loadScenarioPack(writeLines(tempDir(), 'carbon.yaml', lines)));
    expect(e.path).toBe('trajectories.carbonValueEurPerTco2e');
    expect(e.line).toBe(lineStarting(lines, '  carbonValueEurPerTco2e:'));
    expect(e.fix).toContain('carbonValuePath');
  });

  it('a pack that extends itself', () => {
    const lines = [...packHeader('S9', 'S9')];
    const e = inputErrorOf(() => loadScenarioPack(writeLines(tempDir(), 'self.yaml', lines)));
    expect(e.message).toContain('extends cycle: S9 → S9');
    expect(e.path).toBe('extends');
    expect(e.line).toBe(lineStarting(lines, 'extends:'));
  });

  it('a missing file', () => {
    const file = join(tempDir(), 'nope.yaml');
    const e = inputErrorOf(() => loadScenarioPack(file));
    expect(e.file).toBe(file);
    expect(e.received).toBe('no such file');
  });
});

describe('loadScenarioPacks: checks across files', () => {
  it('extends cycle, named S1 → S2 → S1, at the pack that closes it', () => {
    const dir = tempDir();
    writeLines(dir, 'a.yaml', packHeader('S1', 'S2'));
    const bLines = packHeader('S2', 'S1');
    const b = writeLines(dir, 'b.yaml', bLines);
    const errors = allErrors(inputErrorOf(() => loadScenarioPacks(dir)));
    expect(errors).toHaveLength(1); // reported once, not once per member of the cycle
    const e = errors[0];
    expect(e.message).toContain('extends cycle: S1 → S2 → S1');
    expect(e.file).toBe(b);
    expect(e.line).toBe(lineStarting(bLines, 'extends:'));
    expect(e.path).toBe('extends');
    expect(e.expected).toBe('a chain of parents that ends at a pack without extends');
    expect(e.received).toBe('the cycle S1 → S2 → S1');
  });

  it('unknown parent', () => {
    const dir = tempDir();
    const lines = packHeader('S1', 'NOPE');
    const file = writeLines(dir, 'a.yaml', lines);
    writeLines(dir, 'b.yaml', packHeader('ROOT'));
    const e = inputErrorOf(() => loadScenarioPacks(dir));
    expect(e.file).toBe(file);
    expect(e.line).toBe(lineStarting(lines, 'extends:'));
    expect(e.path).toBe('extends');
    expect(e.expected).toBe('the id of a loaded pack: ROOT, S1');
    expect(e.received).toBe('extends: NOPE');
  });

  it('duplicate ids', () => {
    const dir = tempDir();
    const first = writeLines(dir, 'a.yaml', packHeader('S1'));
    const lines = packHeader('S1');
    const second = writeLines(dir, 'b.yaml', lines);
    const e = inputErrorOf(() => loadScenarioPacks(dir));
    expect(e.file).toBe(second);
    expect(e.line).toBe(lineStarting(lines, 'id:'));
    expect(e.path).toBe('id');
    expect(e.received).toBe(`S1, already the id of ${first}`);
  });

  it('a child whose price base year differs from its parent', () => {
    const dir = tempDir();
    writeLines(dir, 'a.yaml', packHeader('ROOT'));
    const lines = packHeader('KID', 'ROOT').map((l) => (l.startsWith('priceBaseYear') ? 'priceBaseYear: 2020' : l));
    const file = writeLines(dir, 'b.yaml', lines);
    const e = inputErrorOf(() => loadScenarioPacks(dir));
    expect(e.file).toBe(file);
    expect(e.path).toBe('priceBaseYear');
    expect(e.line).toBe(lineStarting(lines, 'priceBaseYear:'));
    expect(e.received).toBe('2020');
  });

  it('reports the problems of every file of the folder together', () => {
    const dir = tempDir();
    writeLines(dir, 'a.yaml', [...packHeader('A'), 'colour: red']);
    writeLines(dir, 'b.yaml', [...packHeader('B'), 'flavour: sweet']);
    const errors = allErrors(inputErrorOf(() => loadScenarioPacks(dir)));
    expect(errors.map((e) => e.path)).toEqual(['colour', 'flavour']);
  });
});

describe('loadReference', () => {
  it('merges the built-in reference files, each entry with its origin', () => {
    const ref = loadReference();
    expect(ref.files.map((f) => f.id).sort()).toEqual(['carbon-value', 'emission-factors', 'finance-rules']);
    // France Stratégie 2021 rule: 1.2 % + 1 × 2 % = 3.2 %
    expect(ref.parameters.socioEconomicDiscountRate.value).toBe(0.032);
    expect(ref.parameters.socioEconomicDiscountRate.origin.pack).toBe('reference:finance-rules');
    expect(basename(ref.parameters.socioEconomicDiscountRate.origin.file)).toBe('finance-rules.yaml');
    expect(ref.parameters.socioEconomicDiscountRate.localisedDescription?.fr).toContain('Taux');
    expect(ref.trajectories.carbonValue2025PathEurPerTco2e.values).toEqual([256, 300, 563]); // France Stratégie 2025
  });

  it('refuses a name defined in two reference files', () => {
    const dir = tempDir();
    const param = [
      'parameters:',
      '  vatRate: { value: 0.2, unit: fraction, source: "CGI art. 278", confidence: high }',
    ];
    const head = (id: string): string[] => [`id: ${id}`, 'name: { fr: R, en: R }', 'description: { fr: R, en: R }'];
    const first = writeLines(dir, 'a.yaml', [...head('a'), ...param]);
    const second = writeLines(dir, 'b.yaml', [...head('b'), ...param]);
    const e = inputErrorOf(() => loadReference(dir));
    expect(e.file).toBe(second);
    expect(e.path).toBe('parameters.vatRate');
    expect(e.line).toBe(5);
    expect(e.received).toBe(`vatRate, also at ${first}:5`);
  });
});
