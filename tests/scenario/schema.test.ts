import { describe, expect, it } from 'vitest';
import { parameterFileJsonSchema, referenceJsonSchema, scenarioJsonSchema } from '../../src/scenario/index.js';

type Json = Record<string, unknown>;

describe('JSON Schema export', () => {
  it('scenario packs: a strict object with the pack fields and a trajectory schema', () => {
    const s = scenarioJsonSchema();
    expect(s.type).toBe('object');
    expect(s.additionalProperties).toBe(false);
    const props = s.properties as Json;
    for (const key of ['id', 'name', 'description', 'date', 'currency', 'priceBaseYear', 'extends', 'trajectories', 'parameters']) {
      expect(props).toHaveProperty(key);
    }
    expect(s.required).toEqual(expect.arrayContaining(['id', 'name', 'description', 'date', 'currency', 'priceBaseYear']));
    const trajectory = (props.trajectories as Json).additionalProperties as Json;
    const interpolation = (trajectory.properties as Json).interpolation as Json;
    expect(interpolation.enum).toEqual(['linear', 'step', 'geometric']);
    expect(interpolation.default).toBe('linear');
    expect(JSON.parse(JSON.stringify(s))).toEqual(s); // plain JSON, writable to a file
  });

  it('reference data and model defaults files', () => {
    const r = referenceJsonSchema();
    expect(r.type).toBe('object');
    expect(Object.keys(r.properties as Json)).toEqual(['id', 'name', 'description', 'date', 'trajectories', 'parameters']);
    const p = parameterFileJsonSchema();
    expect(p.type).toBe('object');
    expect(p.required).toEqual(['model', 'parameters']);
    const parameter = ((p.properties as Json).parameters as Json).additionalProperties as Json;
    expect(parameter.required).toEqual(expect.arrayContaining(['value', 'unit', 'description', 'confidence']));
  });
});
