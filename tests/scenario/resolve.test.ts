import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  REQUIRED_TRAJECTORIES,
  loadReference,
  loadScenarioPack,
  loadScenarioPacks,
  resolvePack,
  valueAtYear,
  type ScenarioPackFile,
} from '../../src/scenario/index.js';
import { inputErrorOf, lineStarting, packHeader, tempDir, writeLines } from './helpers.js';

const reference = loadReference();

/** The built-in packs plus the pack of `lines`, written to a temporary file. */
function withPack(lines: string[]): { packs: Map<string, ScenarioPackFile>; file: string } {
  const packs = loadScenarioPacks();
  const file = writeLines(tempDir(), 'child.yaml', lines);
  const pack = loadScenarioPack(file);
  packs.set(pack.id, pack);
  return { packs, file };
}

describe('resolvePack: extends', () => {
  const childLines = [
    ...packHeader('CHILD', 'S1'),
    'trajectories:',
    '  lightingHoursFactor:',
    '    unit: fraction',
    '    points: { 2023: 1, 2050: 0.5 }',
    '    confidence: assumption',
    '    note: a test override',
    '    relativeRange: { low: 0.8, high: 1.2 }',
    'parameters:',
    '  financialDiscountRate:',
    '    value: "4 %"',
    '    unit: fraction',
    '    confidence: assumption',
    '    note: a test override',
    '    range: { low: 0.02, high: 0.06 }',
  ];

  it('flattens the chain from the root; child entries win and carry their origin', () => {
    const { packs, file } = withPack(childLines);
    const r = resolvePack('CHILD', packs, { reference });
    expect(r.chain).toEqual(['TEND', 'S1', 'CHILD']);
    expect(r.file).toBe(file);

    const lighting = r.trajectories.lightingHoursFactor;
    expect(lighting.values).toEqual([1, 0.5]);
    expect(lighting.origin).toEqual({ pack: 'CHILD', file, line: lineStarting(childLines, '  lightingHoursFactor:') });

    // inherited from S1 (its own override of TEND), and from TEND (not overridden by S1)
    expect(r.trajectories.gridFactorKgCo2ePerKwh.origin.pack).toBe('S1');
    expect(basename(r.trajectories.gridFactorKgCo2ePerKwh.origin.file)).toBe('s1-generation-frugale.yaml');
    expect(r.trajectories.heatingOilFactorKgCo2ePerKwh.origin.pack).toBe('TEND');

    // parameters: the child's override of a reference parameter, the reference's own otherwise
    expect(r.parameters.financialDiscountRate.value).toBe(0.04); // "4 %"
    expect(r.parameters.financialDiscountRate.origin.pack).toBe('CHILD');
    expect(r.parameters.vatRate.origin.pack).toBe('reference:finance-rules');
  });

  it('replaces a parent entry whole: no point of the parent survives', () => {
    // TEND's connectedDevicesFactor has points 2023, 2030, 2050; S1's has only 2023.
    const packs = loadScenarioPacks();
    const tend = resolvePack('TEND', packs, { reference });
    const s1 = resolvePack('S1', packs, { reference });
    expect(tend.trajectories.connectedDevicesFactor.years).toEqual([2023, 2030, 2050]);
    expect(s1.trajectories.connectedDevicesFactor.years).toEqual([2023]);
    expect(s1.trajectories.connectedDevicesFactor.values).toEqual([1]);
  });

  it('injects the 2025 carbon value path by default and the 2019 path on request', () => {
    const packs = loadScenarioPacks();
    const r2025 = resolvePack('TEND', packs, { reference });
    const carbon = r2025.trajectories.carbonValueEurPerTco2e;
    expect(r2025.carbonValuePath).toBe('2025');
    expect(carbon.values).toEqual([256, 300, 563]); // France Stratégie 2025, €2023
    expect(carbon.origin.pack).toBe('reference:carbon-value');
    const r2019 = resolvePack('TEND', packs, { reference, carbonValuePath: '2019' });
    // 2019 path: 250 €2018 in 2030 × 1.116 = 279 €2023 (France Stratégie 2025's own conversion)
    expect(valueAtYear(r2019.trajectories.carbonValueEurPerTco2e, 2030)).toBeCloseTo(250 * 1.116, 9);
  });

  it('loads the reference itself when none is given, from referenceDir', () => {
    const r = resolvePack('S2', loadScenarioPacks(), { referenceDir: reference.dir });
    expect(r.trajectories.carbonValueEurPerTco2e.values).toEqual([256, 300, 563]);
  });
});

describe('resolvePack: errors', () => {
  it('unknown pack id lists the known ones', () => {
    const e = inputErrorOf(() => resolvePack('S5', loadScenarioPacks(), { reference }));
    expect(e.expected).toBe('one of S1, S2, S3, S4, TEND');
    expect(e.received).toBe('S5');
  });

  it('missing required trajectories are all named', () => {
    const lines = [
      ...packHeader('LONE'),
      'trajectories:',
      '  gridFactorKgCo2ePerKwh: { unit: kgCO2e/kWh, points: { 2023: 0.052 }, source: "test", confidence: low }',
    ];
    const { packs, file } = withPack(lines);
    const e = inputErrorOf(() => resolvePack('LONE', packs, { reference }));
    const missing = REQUIRED_TRAJECTORIES.filter((n) => n !== 'gridFactorKgCo2ePerKwh');
    expect(missing).toHaveLength(REQUIRED_TRAJECTORIES.length - 1);
    expect(e.file).toBe(file);
    expect(e.path).toBe('trajectories');
    expect(e.line).toBe(lineStarting(lines, 'trajectories:'));
    expect(e.received).toBe(`missing ${missing.join(', ')}`);
    // the same pack resolves when nothing is required
    expect(Object.keys(resolvePack('LONE', packs, { reference, required: [] }).trajectories)).toEqual([
      'gridFactorKgCo2ePerKwh',
      'carbonValueEurPerTco2e',
    ]);
  });

  it('an extends cycle met while resolving', () => {
    const packs = loadScenarioPacks();
    const a = writeLines(tempDir(), 'a.yaml', packHeader('A', 'B'));
    const bLines = packHeader('B', 'A');
    const b = writeLines(tempDir(), 'b.yaml', bLines);
    packs.set('A', loadScenarioPack(a));
    packs.set('B', loadScenarioPack(b));
    const e = inputErrorOf(() => resolvePack('A', packs, { reference }));
    expect(e.message).toContain('A → B → A');
    expect(e.file).toBe(b);
    expect(e.line).toBe(lineStarting(bLines, 'extends:'));
  });

  it('an unknown parent met while resolving', () => {
    const lines = packHeader('ORPHAN', 'GHOST');
    const { packs, file } = withPack(lines);
    const e = inputErrorOf(() => resolvePack('ORPHAN', packs, { reference }));
    expect(e.file).toBe(file);
    expect(e.path).toBe('extends');
    expect(e.line).toBe(lineStarting(lines, 'extends:'));
    expect(e.received).toBe('extends: GHOST');
  });

  it('a reference folder without the carbon value path', () => {
    const dir = tempDir();
    writeLines(dir, 'rules.yaml', ['id: rules', 'name: { fr: R, en: R }', 'description: { fr: R, en: R }']);
    const e = inputErrorOf(() => resolvePack('TEND', loadScenarioPacks(), { referenceDir: dir }));
    expect(e.path).toBe('trajectories.carbonValue2025PathEurPerTco2e');
  });

  it('an unknown carbon value path', () => {
    // a JavaScript caller can pass anything; TypeScript callers are stopped by the type
    const e = inputErrorOf(() => resolvePack('TEND', loadScenarioPacks(), { reference, carbonValuePath: '2008' as '2019' }));
    expect(e.expected).toBe('one of 2019, 2025');
  });
});
