import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { examplesDir } from '../../src/core/paths.js';
import { loadTerritory, parseTerritory } from '../../src/io/territory.js';
import { documentFileName, pageOverrides, tableSourcesOf, territoryDocument } from '../../src/web/document.js';

describe('territoryDocument', () => {
  for (const example of ['ville-moyenne', 'commune-rurale', 'syndicat-departemental']) {
    it(`${example}: validating the document again gives the same territory, tables inlined`, async () => {
      const loaded = await loadTerritory(join(examplesDir(), example, 'territory.yaml'));
      const doc = territoryDocument(loaded);
      expect(tableSourcesOf(doc)).toEqual([]);
      const again = await parseTerritory(JSON.stringify(doc), documentFileName(doc));
      const strip = (t: typeof loaded) => ({ ...t, file: undefined, inputs: undefined, lineOf: undefined });
      expect(strip(again)).toEqual(strip(loaded));
    });
  }

  it('replaces a table source by the rows it gave (the syndicat’s CSV: 16 groups)', async () => {
    // examples/syndicat-departemental/territory.yaml says luminaires.csv (528 rows) groups into 16 groups.
    const doc = territoryDocument(await loadTerritory(join(examplesDir(), 'syndicat-departemental', 'territory.yaml')));
    expect(doc.useCases.lighting.inventory.luminaires).toHaveLength(16);
  });
});

describe('tableSourcesOf', () => {
  it('lists the table sources of inventories, with their files', () => {
    const doc = {
      useCases: {
        lighting: { inventory: { luminaires: { file: 'luminaires.csv', columns: {} }, cabinets: 3 } },
        water: { inventory: { billedVolumeM3PerYear: 1 } },
        buildings: { inventory: { buildings: { file: '../../etc/passwd' } } },
      },
    };
    expect(tableSourcesOf(doc)).toEqual([
      { path: 'useCases.lighting.inventory.luminaires', file: 'luminaires.csv' },
      { path: 'useCases.buildings.inventory.buildings', file: '../../etc/passwd' },
    ]);
    expect(tableSourcesOf(null)).toEqual([]);
    expect(tableSourcesOf({ useCases: 'x' })).toEqual([]);
  });
});

describe('pageOverrides and documentFileName', () => {
  it('marks slider values as set on the page', () => {
    expect(pageOverrides({ ledLuminaireCostEur: 800 })).toEqual({ ledLuminaireCostEur: { value: 800, source: 'réglage sur la page web (territoires serve)' } });
  });

  it('names a document after its id, or "territoire" when the id is not a plain identifier', () => {
    expect(documentFileName({ id: 'ville-moyenne' })).toBe('ville-moyenne.json');
    expect(documentFileName({ id: '../../x' })).toBe('territoire.json');
    expect(documentFileName({ id: '<img src=x>' })).toBe('territoire.json');
    expect(documentFileName(null)).toBe('territoire.json');
  });
});
