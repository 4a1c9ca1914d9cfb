import { describe, expect, it } from 'vitest';
import { getPath, setPath, unsetPath } from '../../../src/web/app/paths.js';

describe('dotted paths of the forms', () => {
  it('reads nested values and undefined for missing ones', () => {
    const doc = { settings: { startYear: 2026 }, list: [{ a: 1 }] };
    expect(getPath(doc, 'settings.startYear')).toBe(2026);
    expect(getPath(doc, 'list.0.a')).toBe(1);
    expect(getPath(doc, 'settings.missing.deeper')).toBeUndefined();
    expect(getPath(doc, 'settings.startYear.x')).toBeUndefined();
  });

  it('creates missing objects when setting', () => {
    const doc: Record<string, unknown> = { platform: null };
    setPath(doc, 'platform.fixedEurPerYear', 5000);
    setPath(doc, 'pooling.communes', 3);
    expect(doc).toEqual({ platform: { fixedEurPerYear: 5000 }, pooling: { communes: 3 } });
  });

  it('removes a key and the parents it leaves empty, but not a parent that keeps other keys', () => {
    const doc: Record<string, unknown> = { pooling: { communes: 3 }, platform: { fixedEurPerYear: 1, subscriptionEurPerDevicePerYear: 2 } };
    unsetPath(doc, 'pooling.communes');
    unsetPath(doc, 'platform.fixedEurPerYear');
    expect(doc).toEqual({ platform: { subscriptionEurPerDevicePerYear: 2 } });
    unsetPath(doc, 'nothing.here');
    expect(doc).toEqual({ platform: { subscriptionEurPerDevicePerYear: 2 } });
  });
});
