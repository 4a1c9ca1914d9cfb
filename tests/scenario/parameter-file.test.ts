import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadParameterFile } from '../../src/scenario/index.js';
import { allErrors, inputErrorOf, lineStarting, tempDir, writeLines } from './helpers.js';

const fixture = fileURLToPath(new URL('./fixtures/parameters.yaml', import.meta.url));
const fixtureLines = readFileSync(fixture, 'utf8').split('\n');

describe('loadParameterFile', () => {
  it('reads the fixture, converting values and ranges into the declared units', () => {
    const f = loadParameterFile(fixture);
    expect(f.model).toBe('fixture');
    expect(f.file).toBe(fixture);
    const power = f.parameters.luminairePowerW;
    expect(power.value).toBeCloseTo(70, 10); // "0.07 kW" = 70 W
    expect(power.unit).toBe('W');
    expect(power.range?.low).toBe(30); // "30 W"
    expect(power.range?.mode).toBe(70); // a plain number is already in W
    expect(power.range?.high).toBeCloseTo(150, 10); // "0.15 kW"
    expect(power.description).toBe('Power of one LED luminaire [W]');
    expect(power.confidence).toBe('medium');
    expect(power.line).toBe(lineStarting(fixtureLines, '  luminairePowerW:'));

    const life = f.parameters.ledLifetimeYears;
    expect(life).toMatchObject({ value: 20, unit: 'years', confidence: 'assumption', range: { low: 15, mode: 20, high: 25 } });
    expect(life.distribution).toEqual({ type: 'pert', low: 15, mode: 20, high: 25 });
    expect(life.source).toBeUndefined();

    const dimming = f.parameters.dimmingSavingFraction;
    expect(dimming.value).toBe(0.3); // "30 %"
    expect(dimming.range).toEqual({ low: 0.1, high: 0.5 });
  });

  it('refuses a value of the wrong dimension', () => {
    const lines = [
      'model: bad',
      'parameters:',
      '  luminairePowerW:',
      '    value: "3 kg"',
      '    unit: W',
      '    description: Power [W]',
      '    source: "test"',
      '    confidence: high',
    ];
    const file = writeLines(tempDir(), 'parameters.yaml', lines);
    const e = inputErrorOf(() => loadParameterFile(file));
    expect(e.file).toBe(file);
    expect(e.line).toBe(lineStarting(lines, '    value:'));
    expect(e.path).toBe('parameters.luminairePowerW.value');
    expect(e.expected).toBe('a quantity convertible to W');
    expect(e.received).toBe('the text "3 kg"');
  });

  it('refuses an assumption without range and a range that excludes its mode, together', () => {
    const lines = [
      'model: bad',
      'parameters:',
      '  a:',
      '    value: 1',
      '    unit: fraction',
      '    description: A [fraction]',
      '    confidence: assumption',
      '    note: no range given',
      '  b:',
      '    value: 5',
      '    unit: years',
      '    description: B [years]',
      '    source: "test"',
      '    confidence: low',
      '    range: { low: 1, mode: 12, high: 10 }',
    ];
    const file = writeLines(tempDir(), 'parameters.yaml', lines);
    const errors = allErrors(inputErrorOf(() => loadParameterFile(file)));
    expect(errors.map((e) => [e.path, e.line])).toEqual([
      ['parameters.a.range', lineStarting(lines, '  a:')],
      ['parameters.b.range', lineStarting(lines, '    range:')],
    ]);
    expect(errors[1].received).toBe('low 1, mode 12, high 10, value 5 (years)');
  });

  it('requires a description (schema stage)', () => {
    const lines = ['model: bad', 'parameters:', '  a: { value: 1, unit: fraction, source: "s", confidence: high }'];
    const file = writeLines(tempDir(), 'parameters.yaml', lines);
    const e = inputErrorOf(() => loadParameterFile(file));
    expect(e.path).toBe('parameters.a.description');
    expect(e.line).toBe(3);
    expect(e.received).toBe('nothing (the key is missing)');
  });

  it('refuses an inconsistent distribution', () => {
    const lines = [
      'model: bad',
      'parameters:',
      '  a:',
      '    value: 1',
      '    unit: fraction',
      '    description: A [fraction]',
      '    source: "s"',
      '    confidence: high',
      '    distribution: { type: uniform, low: 2, high: 1 }',
    ];
    const e = inputErrorOf(() => loadParameterFile(writeLines(tempDir(), 'parameters.yaml', lines)));
    expect(e.path).toBe('parameters.a.distribution');
    expect(e.expected).toBe('low < high');
    expect(e.received).toBe('low 2, high 1');
  });
});
