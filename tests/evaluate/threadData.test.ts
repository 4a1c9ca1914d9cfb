import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { examplesDir } from '../../src/core/paths.js';
import { prepareRunWithData, runDataForThread, runDataFromThread } from '../../src/evaluate/engine.js';
import { prepareRun } from '../../src/evaluate/load.js';
import { loadTerritory } from '../../src/io/territory.js';

describe('run data sent to a worker thread', () => {
  it('can be copied to a thread (the files’ lineOf functions left out) and prepares the same run', async () => {
    const territory = await loadTerritory(join(examplesDir(), 'ville-moyenne', 'territory.yaml'));
    const run = prepareRun(territory, { scenarios: ['TEND', 'S3'] });
    // postMessage uses the structured clone algorithm, which refuses functions.
    expect(() => structuredClone(run.data)).toThrow(/could not be cloned/);
    const sent = structuredClone(runDataForThread(run.data));
    const data = runDataFromThread(sent);
    const again = prepareRunWithData(territory, data, { scenarios: ['TEND', 'S3'] });
    expect(again.packs.map((p) => p.id)).toEqual(['TEND', 'S3']);
    // The same resolved packs and defaults, value for value.
    expect(JSON.stringify(again.packs)).toBe(JSON.stringify(run.packs));
    expect(JSON.stringify(again.useCases.map((u) => u.defaults))).toBe(JSON.stringify(run.useCases.map((u) => u.defaults)));
    // The files' lineOf knows no line in the thread.
    expect(data.packs.get('TEND')!.lineOf(['id'])).toBeUndefined();
    expect(data.reference.files.every((f) => f.lineOf(['id']) === undefined)).toBe(true);
  });
});
