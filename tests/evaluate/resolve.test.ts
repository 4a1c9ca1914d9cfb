import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { applyLayer, applyScenarioParameters, fromDefaults, valuesOf } from '../../src/evaluate/resolve.js';

const defaults = fromDefaults(
  {
    ledPowerFraction: { value: 0.4, unit: 'fraction', confidence: 'medium', source: 'AFE (via parameters.md §5a)' },
    nodePowerW: { value: 0.5, unit: 'W', confidence: 'assumption', note: 'a radio node', range: { low: 0.2, high: 1 } },
  },
  'models/lighting/parameters.yaml',
);

describe('parameter resolution', () => {
  it('records every step of the trail: default → scenario → territory → override', () => {
    let p = applyScenarioParameters(defaults, 'S1', 'scenarios/s1.yaml', {
      ledPowerFraction: { value: 0.35, unit: 'fraction', confidence: 'low', source: 'S1 narrative' },
    });
    p = applyLayer(p, { origin: 'territory', file: 'ville.yaml', values: { ledPowerFraction: 0.3 } });
    p = applyLayer(p, { origin: 'override', file: '--set', values: { ledPowerFraction: '45 %' } });
    const r = p.ledPowerFraction;
    expect(r.value).toBeCloseTo(0.45, 12);
    expect(r.origin).toBe('override');
    expect(r.trail.map((s) => s.origin)).toEqual(['default', 'scenario', 'territory', 'override']);
    expect(r.trail.map((s) => s.value)).toEqual([0.4, 0.35, 0.3, 0.45]);
    // A value the user gives has no published source: it is an assumption unless the user says otherwise.
    expect(r.confidence).toBe('assumption');
    expect(r.source).toBe('command line --set');
    expect(valuesOf(p)).toEqual({ ledPowerFraction: 0.45, nodePowerW: 0.5 });
  });

  it('converts quantities with units and keeps a documented override’s own source and confidence', () => {
    const p = applyLayer(defaults, {
      origin: 'territory',
      file: 'ville.yaml',
      values: { nodePowerW: { value: '0.0008 kW', source: 'datasheet X', confidence: 'medium' } },
    });
    expect(p.nodePowerW.value).toBeCloseTo(0.8, 12);
    expect(p.nodePowerW.source).toBe('datasheet X');
    expect(p.nodePowerW.confidence).toBe('medium');
  });

  it('rejects an unknown name with close suggestions, and a wrong dimension with the expected unit', () => {
    const unknown = () => applyLayer(defaults, { origin: 'territory', file: 'ville.yaml', path: 'overrides', values: { ledPowerFractio: 0.3 } });
    expect(unknown).toThrow(InputError);
    try {
      unknown();
    } catch (e) {
      const err = e as InputError;
      expect(err.file).toBe('ville.yaml');
      expect(err.path).toBe('overrides.ledPowerFractio');
      expect(err.expected).toContain('ledPowerFraction');
    }
    try {
      applyLayer(defaults, { origin: 'territory', file: 'ville.yaml', values: { nodePowerW: '150 kg' } });
      expect.unreachable();
    } catch (e) {
      const err = e as InputError;
      expect(err.received).toBe('150 kg');
      expect(err.expected).toContain('W');
    }
  });
});
