import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { examplesDir } from '../../src/core/paths.js';
import { loadRunData, runTerritory } from '../../src/evaluate/load.js';
import { loadTerritory } from '../../src/io/territory.js';
import { resultsDocument } from '../../src/io/writers.js';
import {
  isSafeFileName,
  loadServerState,
  prepareRequest,
  relativePaths,
  renderDownload,
  tableFromUpload,
  territoryFromUpload,
  type ServerState,
} from '../../src/web/api.js';
import { territoryDocument } from '../../src/web/document.js';

const b64 = (x: string | Buffer) => Buffer.from(x).toString('base64');
const example = (id: string, file: string) => readFileSync(join(examplesDir(), id, file));
const HOSTILE = '<img src=x onerror=alert(1)>';

async function inputError(promise: Promise<unknown>): Promise<InputError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe('territoryFromUpload', () => {
  it('reads a territory file as `territoires run` does', async () => {
    const { document, file } = await territoryFromUpload([{ name: 'territory.yaml', base64: b64(example('ville-moyenne', 'territory.yaml')) }]);
    expect(file).toBe('territory.yaml');
    expect(document).toEqual(territoryDocument(await loadTerritory(join(examplesDir(), 'ville-moyenne', 'territory.yaml'))));
  });

  it('reads the tables a territory cites when they are uploaded with it', async () => {
    const { document } = await territoryFromUpload([
      { name: 'territory.yaml', base64: b64(example('syndicat-departemental', 'territory.yaml')) },
      { name: 'luminaires.csv', base64: b64(example('syndicat-departemental', 'luminaires.csv')) },
    ]);
    const expected = territoryDocument(await loadTerritory(join(examplesDir(), 'syndicat-departemental', 'territory.yaml')));
    expect(document.useCases.lighting).toEqual(expected.useCases.lighting);
  });

  it('refuses a table source that names a file not uploaded, a folder or a path outside', async () => {
    const yaml = (file: string) =>
      example('syndicat-departemental', 'territory.yaml').toString('utf8').replace('file: luminaires.csv', `file: ${JSON.stringify(file)}`);
    for (const file of ['luminaires.csv', '../luminaires.csv', '/etc/passwd', '../../../../etc/passwd', 'sub/luminaires.csv']) {
      const e = await inputError(territoryFromUpload([{ name: 'territory.yaml', base64: b64(yaml(file)) }]));
      expect(e.path, file).toBe('useCases.lighting.inventory.luminaires.file');
      expect(e.message).toMatch(/was not uploaded/);
    }
  });

  it('keeps a hostile name as data, character for character', async () => {
    const text = example('ville-moyenne', 'territory.yaml').toString('utf8').replace(/^name: .*$/m, `name: ${JSON.stringify(HOSTILE)}`);
    const { document } = await territoryFromUpload([{ name: 'territory.yaml', base64: b64(text) }]);
    expect(document.name).toBe(HOSTILE);
  });

  it('refuses unsafe or unsupported file names, several territories and none', async () => {
    const ok = b64(example('ville-moyenne', 'territory.yaml'));
    for (const name of ['../territory.yaml', '/etc/territory.yaml', 'a/b.yaml', 'script.js', '.yaml', `${HOSTILE}.yaml`, 'x\u0000.yaml']) {
      const e = await inputError(territoryFromUpload([{ name, base64: ok }]));
      expect(e.message, name).toMatch(/unsupported file name/);
    }
    expect((await inputError(territoryFromUpload([{ name: 'a.yaml', base64: ok }, { name: 'b.yaml', base64: ok }]))).message).toMatch(/several territory files/);
    expect((await inputError(territoryFromUpload([{ name: 'luminaires.csv', base64: b64('a;b\n1;2\n') }]))).message).toMatch(/no territory file/);
    expect((await inputError(territoryFromUpload([]))).message).toMatch(/no file uploaded/);
    expect((await inputError(territoryFromUpload('x'))).message).toMatch(/no file uploaded/);
  });

  it('reports validation errors without the temporary folder in file names', async () => {
    const text = example('ville-moyenne', 'territory.yaml').toString('utf8').replace('count: 3500', 'count: -1');
    const e = await inputError(territoryFromUpload([{ name: 'territory.yaml', base64: b64(text) }]));
    expect(e.file).toBe('territory.yaml');
    expect(JSON.stringify(e.toJSON())).not.toMatch(/territoires-upload-/);
  });

  it('accepts plain names with accents, spaces and parentheses', () => {
    expect(isSafeFileName('Éclairage 2024 (export).csv')).toBe(true);
    expect(isSafeFileName('territoire.YAML')).toBe(true);
    expect(isSafeFileName('a..yaml')).toBe(false);
  });
});

describe('tableFromUpload', () => {
  it('reads a CSV with the readers of `territoires run` (delimiter detected, values as text)', async () => {
    const table = await tableFromUpload({ name: 'lampes.csv', base64: b64('type_lampe;puissance_w;nombre\nSHP;170;33\nLED;50;8\n') });
    expect(table).toEqual({
      header: ['type_lampe', 'puissance_w', 'nombre'],
      rows: [
        { type_lampe: 'SHP', puissance_w: '170', nombre: '33' },
        { type_lampe: 'LED', puissance_w: '50', nombre: '8' },
      ],
    });
  });

  it('reads an XLSX workbook’s first sheet', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Inventaire');
    ws.addRow(['type', 'W', 'n']);
    ws.addRow(['SHP', 150, 12]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    expect(await tableFromUpload({ name: 'inventaire.xlsx', base64: bytes.toString('base64') })).toEqual({ header: ['type', 'W', 'n'], rows: [{ type: 'SHP', W: 150, n: 12 }] });
  });

  it('refuses other files and reports an unreadable workbook as bad input', async () => {
    expect((await inputError(tableFromUpload({ name: 'territory.yaml', base64: b64('a: 1') }))).message).toMatch(/unsupported table/);
    const e = await inputError(tableFromUpload({ name: 'faux.xlsx', base64: b64('not a zip') }));
    expect(e.message).toMatch(/not a readable XLSX/);
    expect(JSON.stringify(e.toJSON())).not.toMatch(/territoires-table-/);
  });
});

describe('prepareRequest', () => {
  const runData = loadRunData();

  it('refuses a document that cites a table file: the server reads no file a request names', async () => {
    const body = { territory: { id: 'x', useCases: { lighting: { inventory: { luminaires: { file: '/etc/passwd' } } } } } };
    const e = await inputError(prepareRequest(body, runData));
    expect(e.path).toBe('territory.useCases.lighting.inventory.luminaires');
  });

  it('refuses unknown scenarios, malformed overrides and bodies that are not objects', async () => {
    const territory = territoryDocument(await loadTerritory(join(examplesDir(), 'ville-moyenne', 'territory.yaml')));
    expect((await inputError(prepareRequest({ territory, scenarios: ['S9'] }, runData))).message).toMatch(/unknown scenario pack S9/);
    expect((await inputError(prepareRequest({ territory, overrides: { ledLuminaireCostEur: '1e400' } }, runData))).path).toBe('overrides.ledLuminaireCostEur');
    expect((await inputError(prepareRequest({ territory, overrides: { noSuchParameter: 1 } }, runData))).message).toMatch(/unknown parameter noSuchParameter/);
    expect((await inputError(prepareRequest([], runData))).message).toMatch(/malformed request/);
    expect((await inputError(prepareRequest({}, runData))).message).toMatch(/no territory/);
  });
});

describe('relativePaths', () => {
  it('makes the machine’s paths relative to the package, leaving other strings alone', () => {
    expect(relativePaths({ a: '/srv/pkg/models/x.yaml', b: ['/srv/pkg/y', '/srv/pkgother', 'z'], c: 1 }, '/srv/pkg')).toEqual({ a: 'models/x.yaml', b: ['y', '/srv/pkgother', 'z'], c: 1 });
  });
});

describe('renderDownload and the server state', () => {
  let state: ServerState;
  beforeAll(async () => {
    state = await loadServerState();
  }, 120_000);

  it('lists the examples (the town first) as documents, without machine paths', () => {
    expect(state.page.examples.map((e) => e.id)).toEqual(['ville-moyenne', 'commune-rurale', 'syndicat-departemental']);
    expect(JSON.stringify(state.page)).not.toContain(examplesDir());
  });

  it('renders results.json as `territoires run --format json` does', async () => {
    const town = await loadTerritory(join(examplesDir(), 'ville-moyenne', 'territory.yaml'));
    const file = await renderDownload(state, { territory: territoryDocument(town), scenarios: ['TEND'], useCases: ['water'] }, 'json');
    expect(file?.name).toBe('results.json');
    const doc = JSON.parse(String(file?.content)) as ReturnType<typeof resultsDocument>;
    const expected = resultsDocument(runTerritory(town, { scenarios: ['TEND'], useCases: ['water'] }));
    expect((doc.results as { metrics: unknown }[]).map((r) => r.metrics)).toEqual(JSON.parse(JSON.stringify((expected.results as { metrics: unknown }[]).map((r) => r.metrics))));
  });
});
