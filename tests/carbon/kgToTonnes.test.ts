import { describe, it, expect } from 'vitest';
import { KG_PER_TONNE, kgToTonnes } from '../../src/carbon/kgToTonnes.js';
import { toUnit } from '../../src/core/units.js';

describe('kgToTonnes', () => {
  it('divides by 1000', () => {
    // Documentation example: 2500 kg = 2.5 t, −400 kg = −0.4 t.
    expect(Array.from(kgToTonnes([2500, -400]))).toEqual([2.5, -0.4]);
  });

  it('agrees with the unit system', () => {
    // 1 tCO2e = 1000 kgCO2e as defined in src/core/units.ts.
    expect(KG_PER_TONNE).toBe(toUnit('1 tCO2e', 'kgCO2e'));
  });
});
