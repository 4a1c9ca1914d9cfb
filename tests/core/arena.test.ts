import { describe, expect, it } from 'vitest';
import { SeriesArena, seriesRecord } from '../../src/core/arena.js';
import { emptyFleet } from '../../src/core/equipment.js';
import { yearAxis } from '../../src/core/time.js';
import { emptyFlows } from '../../src/evaluate/model.js';

describe('SeriesArena', () => {
  const axis = yearAxis(2026, 3); // 4 years

  it('hands out the same records, zeroed, at the same positions of the next call', () => {
    const arena = new SeriesArena();
    const a = emptyFlows(axis, arena);
    const b = emptyFleet(axis.length, arena);
    a.capexEur[0] = 5;
    a.connectedDevices = 12;
    b.inService[3] = 7;
    arena.reset();
    const a2 = emptyFlows(axis, arena);
    const b2 = emptyFleet(axis.length, arena);
    expect(a2).toBe(a);
    expect(b2).toBe(b);
    expect(Array.from(a2.capexEur)).toEqual([0, 0, 0, 0]);
    expect(Array.from(b2.inService)).toEqual([0, 0, 0, 0]);
    expect(a2.connectedDevices).toBeUndefined(); // counts a model may set are cleared too
    expect(arena.size).toBe(2);
  });

  it('refuses to have a series replaced (its views are the arena\'s own), and keeps series independent', () => {
    const arena = new SeriesArena();
    const a = emptyFlows(axis, arena);
    const own = a.opexEur;
    expect(() => (a.opexEur = new Float64Array([1, 2, 3, 4]))).toThrow(TypeError);
    a.opexEur[2] = 5; // writing into a series is what callers do
    arena.reset();
    const again = emptyFlows(axis, arena);
    expect(again.opexEur).toBe(own);
    expect(Array.from(again.opexEur)).toEqual([0, 0, 0, 0]);
    again.capexEur[3] = 1;
    expect(again.opexEur[0]).toBe(0); // views do not overlap: capex[3] is not opex[0]
  });

  it('re-creates a slot whose shape changed, and allocates fresh series without an arena', () => {
    const arena = new SeriesArena();
    const fleet = emptyFleet(4, arena);
    arena.reset();
    const flows = emptyFlows(axis, arena); // position 0 is now a flows record: a new slot
    expect(flows).not.toBe(fleet);
    expect(Object.keys(flows)).toContain('capexNotFctvaEligibleEur');
    expect(emptyFlows(axis)).not.toBe(emptyFlows(axis));
  });

  it('seriesRecord: without an arena, fresh zero series on one buffer, independent and writable; with one, the arena\'s record', () => {
    const fresh = seriesRecord<{ a: Float64Array; b: Float64Array }>(['a', 'b'], 3);
    expect(fresh.a.buffer).toBe(fresh.b.buffer); // one allocation
    fresh.a[2] = 7;
    expect(Array.from(fresh.b)).toEqual([0, 0, 0]); // b starts where a ends: a[2] is not b[0]
    fresh.b = new Float64Array([1, 2, 3]); // a fresh record is a plain object
    expect(fresh.b[1]).toBe(2);
    const arena = new SeriesArena();
    const names = ['a', 'b'] as const;
    const first = seriesRecord<{ a: Float64Array }>(names, 3, arena);
    first.a[0] = 5;
    arena.reset();
    const again = seriesRecord<{ a: Float64Array }>(names, 3, arena);
    expect(again).toBe(first);
    expect(again.a[0]).toBe(0);
  });
});
