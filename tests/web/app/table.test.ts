import { describe, expect, it } from 'vitest';
import { importTable } from '../../../src/web/app/table.js';

describe('importTable', () => {
  it('maps columns to fields, converts numbers written as text and groups identical luminaires, adding counts', () => {
    const table = {
      header: ['lampe', 'puissance_w', 'nombre', 'age'],
      rows: [
        { lampe: 'SHP', puissance_w: '170', nombre: '12', age: '20' },
        { lampe: 'SHP', puissance_w: '170', nombre: '8', age: '20' },
        { lampe: 'SHP', puissance_w: '150', nombre: '5', age: '20' },
        { lampe: ' LED ', puissance_w: '45,5', nombre: 3, age: '' },
      ],
    };
    // Rows 1 and 2 share type, power and age: one group of 12 + 8 = 20 luminaires.
    expect(importTable(table, { type: 'lampe', powerW: 'puissance_w', count: 'nombre', ageYears: 'age' })).toEqual([
      { id: 'import-1', type: 'SHP', powerW: 170, count: 20, ageYears: 20 },
      { id: 'import-2', type: 'SHP', powerW: 150, count: 5, ageYears: 20 },
      { id: 'import-3', type: 'LED', powerW: 45.5, count: 3 },
    ]);
  });

  it('counts each row as one luminaire when no column gives the count (one row per light point)', () => {
    const table = { header: ['t', 'w'], rows: [{ t: 'BF', w: 140 }, { t: 'BF', w: 140 }, { t: 'BF', w: 140 }] };
    expect(importTable(table, { type: 't', powerW: 'w' })).toEqual([{ id: 'import-1', type: 'BF', powerW: 140, count: 3 }]);
  });

  it('keeps an invalid value as it is, for the territory validation to report', () => {
    const table = { header: ['t', 'w', 'n'], rows: [{ t: 'SHP', w: 'environ 150', n: '2' }] };
    expect(importTable(table, { type: 't', powerW: 'w', count: 'n' })).toEqual([{ id: 'import-1', type: 'SHP', powerW: 'environ 150', count: 2 }]);
  });
});
