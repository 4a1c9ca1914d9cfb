/**
 * What the web server computes for the page: the run data and examples it hands to the browser, the territory
 * behind an upload, and the downloads (results.json, HTML report, workbook) rendered by the same code as
 * `territoires run`.
 *
 * Request bodies are data: a territory arrives as a document (inline inventories only) or as uploaded files
 * written to a fresh temporary folder; nothing a request names is read from anywhere else.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { InputError } from '../core/errors.js';
import { examplesDir, packageRoot } from '../core/paths.js';
import { DEFAULT_SCENARIOS, evaluateRun, prepareRunWithData, type RunData, type RunResults } from '../evaluate/engine.js';
import { loadRunData } from '../evaluate/load.js';
import { loadTerritory, parseTerritory } from '../io/territory.js';
import { parseCsv, parseGeoJson, readXlsx } from '../io/tables.js';
import { parseDocument } from '../io/yaml.js';
import { documentFileName, pageOverrides, tableSourcesOf, territoryDocument, type TerritoryDocument } from './document.js';

/** Formats the page can download, each one file. */
export const DOWNLOAD_FORMATS = ['html', 'xlsx', 'json'] as const;
export type DownloadFormat = (typeof DOWNLOAD_FORMATS)[number];

const DOWNLOAD_TYPES: Record<DownloadFormat, { extension: string; contentType: string }> = {
  html: { extension: '.html', contentType: 'text/html; charset=utf-8' },
  xlsx: { extension: '.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  json: { extension: '.json', contentType: 'application/json; charset=utf-8' },
};

/** Files an upload may hold: the territory (YAML or JSON) and the tables it cites. */
export const UPLOAD_EXTENSIONS = ['.yaml', '.yml', '.json', '.csv', '.txt', '.xlsx', '.geojson'] as const;
/** At most this many files in one upload. */
export const MAX_UPLOAD_FILES = 20;

/** An example territory, resolved to a document. */
export interface ExampleEntry {
  id: string;
  name: string;
  description?: string;
  document: TerritoryDocument;
}

/** What the page loads once: run data, examples, what the server can render. */
export interface WebData {
  version: string;
  /** Language the page opens in, unless the reader chose one before (`territoires serve --lang`). */
  lang: 'fr' | 'en';
  runData: { packs: Record<string, unknown>; reference: unknown; defaults: unknown };
  examples: ExampleEntry[];
  capabilities: { formats: DownloadFormat[]; monteCarlo: boolean };
}

/** Everything the server keeps in memory: the run data as read from disk, and the page's copy of it. */
export interface ServerState {
  runData: RunData;
  page: WebData;
  /** Renderers by format (`territoires run`'s table). */
  formats: Record<string, (r: RunResults, lang: 'fr' | 'en') => Promise<OutputFileLike[]> | OutputFileLike[]>;
  monteCarlo: MonteCarloFunction | null;
}

export interface OutputFileLike {
  name: string;
  content: string | Uint8Array;
}

/** The Monte Carlo entry point the server calls (src/evaluate/montecarlo-async.ts). */
export type MonteCarloFunction = (
  prepared: ReturnType<typeof prepareRunWithData>,
  options: { draws: number; seed: number; onProgress?: (done: number, total: number) => void; signal?: AbortSignal },
) => Promise<unknown> | unknown;

/**
 * Reads what the server needs once: scenario packs, reference data, model defaults, the example territories,
 * the report renderers and (when it exists) the Monte Carlo entry point.
 * @param options.lang language the page opens in (default French)
 * @example
 * const state = await loadServerState({ lang: 'fr' });
 * // state.page.examples[0].id → 'ville-moyenne'; state.page.capabilities.formats → ['html', 'xlsx', 'json']
 */
export async function loadServerState(options: { lang?: 'fr' | 'en' } = {}): Promise<ServerState> {
  const runData = loadRunData();
  const examples: ExampleEntry[] = [];
  const dir = examplesDir();
  for (const id of readdirSync(dir).sort()) {
    const file = join(dir, id, 'territory.yaml');
    if (!existsSync(file)) continue;
    const t = await loadTerritory(file);
    examples.push({ id, name: t.name, ...(t.description ? { description: t.description } : {}), document: territoryDocument(t) });
  }
  // The town example first: it is the built-in one.
  examples.sort((a, b) => (a.id === 'ville-moyenne' ? -1 : b.id === 'ville-moyenne' ? 1 : a.id.localeCompare(b.id)));
  const { FORMATS } = await import('../cli/run.js');
  const monteCarlo = await importMonteCarlo();
  const root = packageRoot();
  const page: WebData = {
    version: (await import('../core/version.js')).VERSION,
    lang: options.lang === 'en' ? 'en' : 'fr',
    runData: relativePaths(
      { packs: Object.fromEntries(runData.packs), reference: runData.reference, defaults: runData.defaults },
      root,
    ) as WebData['runData'],
    examples: relativePaths(examples, root) as ExampleEntry[],
    capabilities: { formats: DOWNLOAD_FORMATS.filter((f) => f in FORMATS), monteCarlo: monteCarlo !== null },
  };
  return { runData, page, formats: FORMATS, monteCarlo };
}

/** The Monte Carlo the server runs: src/evaluate/montecarlo-async.ts, which yields between chunks so progress streams. */
async function importMonteCarlo(): Promise<MonteCarloFunction | null> {
  const { runMonteCarloAsync } = await import('../evaluate/montecarlo-async.js');
  return (prepared, options) => runMonteCarloAsync(prepared, { ...options, chunkSize: 64 });
}

/**
 * A deep copy where every string starting with `root/` is made relative to it (no machine paths to the page).
 * @example
 * relativePaths({ file: '/srv/territoires/models/lighting/parameters.yaml' }, '/srv/territoires')
 * // → { file: 'models/lighting/parameters.yaml' }
 */
export function relativePaths(value: unknown, root: string): unknown {
  const prefix = root.endsWith('/') ? root : `${root}/`;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return v.startsWith(prefix) ? v.slice(prefix.length) : v;
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value);
}

/** One file of an upload, as the page sends it. */
export interface UploadedFile {
  name: string;
  /** The file's bytes in base64. */
  base64: string;
}

function uploadError(message: string, expected: string, received: string, fix: string): InputError {
  return new InputError(message, { path: 'files', expected, received, fix });
}

/**
 * The territory behind uploaded files: one territory file (YAML, or JSON with `useCases`) and the tables it cites
 * by plain file name. The files are written to a new temporary folder, read as `territoires run` reads them, and
 * removed. A table source naming anything but one of the uploaded files (a path, `..`, a file not sent) is refused.
 * @example
 * await territoryFromUpload([{ name: 'territory.yaml', base64: btoa(yamlText) }])
 * // → { document: { id: 'ville-moyenne', … }, file: 'territory.yaml' }
 */
export async function territoryFromUpload(files: unknown): Promise<{ document: TerritoryDocument; file: string }> {
  if (!Array.isArray(files) || files.length === 0) {
    throw uploadError('no file uploaded', 'a list of files { name, base64 }', describe(files), 'choose the territory file (YAML) and the tables it cites');
  }
  if (files.length > MAX_UPLOAD_FILES) {
    throw uploadError('too many files', `at most ${MAX_UPLOAD_FILES} files`, `${files.length} files`, 'send the territory file and the tables it cites only');
  }
  const uploaded = new Map<string, Buffer>();
  for (const f of files as unknown[]) {
    const name = (f as { name?: unknown } | null)?.name;
    const base64 = (f as { base64?: unknown } | null)?.base64;
    if (typeof name !== 'string' || typeof base64 !== 'string') {
      throw uploadError('malformed upload', 'files as { name: string, base64: string }', describe(f), 'upload the files again from the page');
    }
    if (!isSafeFileName(name)) {
      throw uploadError(
        `unsupported file name ${JSON.stringify(name)}`,
        `a plain file name ending in ${UPLOAD_EXTENSIONS.join(', ')}`,
        name,
        'rename the file (letters, digits, spaces, . _ - ( ) only) with one of these extensions',
      );
    }
    if (uploaded.has(name)) throw uploadError(`file ${name} sent twice`, 'each file once', name, 'choose each file once');
    uploaded.set(name, Buffer.from(base64, 'base64'));
  }
  const candidates = [...uploaded.keys()].filter((n) => /\.ya?ml$/i.test(n));
  if (candidates.length === 0) {
    for (const n of uploaded.keys()) {
      if (!/\.json$/i.test(n)) continue;
      try {
        const data = JSON.parse(uploaded.get(n)!.toString('utf8')) as { useCases?: unknown };
        if (data && typeof data === 'object' && 'useCases' in data) candidates.push(n);
      } catch {
        // not JSON: not a territory
      }
    }
  }
  if (candidates.length !== 1) {
    throw uploadError(
      candidates.length === 0 ? 'no territory file among the uploaded files' : 'several territory files uploaded',
      'exactly one territory file (.yaml, .yml, or .json with useCases), plus the tables it cites',
      [...uploaded.keys()].join(', '),
      candidates.length === 0
        ? 'add the territory file (start from an example and download it as YAML); a table alone does not describe a territory'
        : 'upload one territory at a time',
    );
  }
  const territoryName = candidates[0];
  const text = uploaded.get(territoryName)!.toString('utf8');
  const parsed = parseDocument(text, territoryName);
  for (const source of tableSourcesOf(parsed.data)) {
    if (!uploaded.has(source.file) || source.file === territoryName) {
      throw new InputError(`table ${JSON.stringify(source.file)} was not uploaded`, {
        file: territoryName,
        line: parsed.lineOf(source.path.split('.').concat('file')),
        path: `${source.path}.file`,
        expected: 'the plain name of a table file uploaded with the territory (no folder)',
        received: source.file,
        fix: `choose ${basename(source.file)} together with ${territoryName}, and name it in the territory file without a folder`,
      });
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'territoires-upload-'));
  try {
    for (const [name, bytes] of uploaded) writeFileSync(join(dir, name), bytes);
    try {
      const territory = await loadTerritory(join(dir, territoryName));
      return { document: territoryDocument(territory), file: territoryName };
    } catch (error) {
      throw withoutFolder(error, dir);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Most rows a table upload returns to the page. */
export const MAX_TABLE_ROWS = 50_000;

/**
 * Reads one uploaded table (CSV, XLSX or GeoJSON) with the readers of `territoires run`, for the page to match its
 * columns to inventory fields. The file is written to a new temporary folder and removed.
 * @example
 * await tableFromUpload({ name: 'luminaires.csv', base64: btoa('type;nombre\nSHP;12\n') })
 * // → { header: ['type', 'nombre'], rows: [{ type: 'SHP', nombre: '12' }] }
 */
export async function tableFromUpload(file: unknown): Promise<{ header: string[]; rows: Record<string, string | number>[] }> {
  const name = (file as { name?: unknown } | null)?.name;
  const base64 = (file as { base64?: unknown } | null)?.base64;
  if (typeof name !== 'string' || typeof base64 !== 'string') {
    throw uploadError('malformed upload', 'a file as { name: string, base64: string }', describe(file), 'upload the file again from the page');
  }
  if (!isSafeFileName(name) || !/\.(csv|txt|xlsx|geojson)$/i.test(name)) {
    throw uploadError(`unsupported table ${JSON.stringify(name)}`, 'a .csv, .xlsx or .geojson file with a plain name', name, 'export the inventory as CSV or XLSX');
  }
  const bytes = Buffer.from(base64, 'base64');
  let table: { header: string[]; rows: { values: Record<string, string | number> }[] };
  if (/\.xlsx$/i.test(name)) {
    const dir = mkdtempSync(join(tmpdir(), 'territoires-table-'));
    try {
      writeFileSync(join(dir, name), bytes);
      table = await readXlsx(join(dir, name)).catch((error: unknown) => {
        throw withoutFolder(error, dir);
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  } else if (/\.geojson$/i.test(name)) table = parseGeoJson(bytes.toString('utf8'), name);
  else table = parseCsv(bytes.toString('utf8'), name);
  if (table.rows.length > MAX_TABLE_ROWS) {
    throw uploadError(`${name}: too many rows`, `at most ${MAX_TABLE_ROWS} rows`, `${table.rows.length} rows`, 'group identical luminaires in the file (a count column), or split it');
  }
  return { header: table.header, rows: table.rows.map((r) => r.values) };
}

/**
 * True for a plain file name with an extension the upload accepts: letters (accents included), digits, spaces and
 * `. _ - ( )`, no folder, no `..`.
 * @example
 * isSafeFileName('Éclairage 2024 (export).csv') // → true
 * isSafeFileName('../territory.yaml')            // → false
 */
export function isSafeFileName(name: string): boolean {
  if (name.length === 0 || name.length > 120) return false;
  if (!/^[\p{L}\p{N}][\p{L}\p{N} ._()-]*$/u.test(name)) return false;
  if (name.includes('..')) return false;
  const lower = name.toLowerCase();
  return UPLOAD_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** The error with the temporary folder removed from every file name it gives. */
function withoutFolder(error: unknown, dir: string): unknown {
  if (!(error instanceof InputError)) return error;
  const strip = (s: string | undefined) => (s === undefined ? undefined : s.split(`${dir}/`).join(''));
  const copy = Object.create(Object.getPrototypeOf(error) as object) as InputError;
  Object.assign(copy, error, {
    message: strip(error.message),
    file: strip(error.file),
    received: strip(error.received),
    fix: strip(error.fix),
    expected: strip(error.expected),
  });
  if ('errors' in error && Array.isArray((error as { errors: unknown[] }).errors)) {
    Object.assign(copy, { errors: (error as { errors: unknown[] }).errors.map((e) => withoutFolder(e, dir)) });
  }
  return copy;
}

/** What the page asks the server to evaluate. */
export interface EvaluationRequest {
  territory: TerritoryDocument;
  scenarios?: string[];
  useCases?: string[];
  /** Parameter values set with the page's controls, in each parameter's unit. */
  overrides?: Record<string, number>;
  lang?: 'fr' | 'en';
}

/**
 * Checks a request body, validates its territory as `territoires run` does, and prepares the run. The territory must
 * cite no table source: the page sends inventories inline, and the server reads no file a request names.
 * @example
 * const { prepared } = await prepareRequest({ territory: townDocument, scenarios: ['TEND'], overrides: { ledLuminaireCostEur: 800 } }, runData);
 * // prepared.packs.length → 1; the LED cost resolves to 800 EUR/unit, source « réglage sur la page web »
 */
export async function prepareRequest(body: unknown, runData: RunData): Promise<{ request: EvaluationRequest; prepared: ReturnType<typeof prepareRunWithData> }> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new InputError('malformed request', { path: '(body)', expected: 'a JSON object { territory, scenarios, useCases, overrides, lang }', received: describe(body), fix: 'send the request from the page' });
  }
  const b = body as Record<string, unknown>;
  const territory = b.territory;
  if (territory === null || typeof territory !== 'object' || Array.isArray(territory)) {
    throw new InputError('no territory in the request', { path: 'territory', expected: 'a territory document', received: describe(territory), fix: 'choose an example or upload a territory first' });
  }
  const sources = tableSourcesOf(territory);
  if (sources.length > 0) {
    throw new InputError('the territory cites a table file', {
      path: `territory.${sources[0].path}`,
      expected: 'inventories written inline (the page reads tables when they are uploaded)',
      received: `a table source naming ${sources[0].file}`,
      fix: 'upload the territory file together with its tables',
    });
  }
  const scenarios = stringList(b.scenarios, 'scenarios');
  const known = [...runData.packs.keys()];
  for (const id of scenarios ?? []) {
    if (!known.includes(id)) {
      throw new InputError(`unknown scenario pack ${id}`, { path: 'scenarios', expected: `pack ids among ${known.sort().join(', ')}`, received: id, fix: 'choose scenarios from the page' });
    }
  }
  const useCases = stringList(b.useCases, 'useCases');
  const values: Record<string, number> = {};
  if (b.overrides !== undefined) {
    if (b.overrides === null || typeof b.overrides !== 'object' || Array.isArray(b.overrides)) {
      throw new InputError('malformed overrides', { path: 'overrides', expected: 'an object { parameterName: number }', received: describe(b.overrides), fix: 'send the request from the page' });
    }
    for (const [name, value] of Object.entries(b.overrides as Record<string, unknown>)) {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new InputError(`invalid value for ${name}`, { path: `overrides.${name}`, expected: 'a finite number in the unit of the parameter', received: describe(value), fix: 'move the control again' });
      }
      values[name] = value;
    }
  }
  const lang = b.lang === 'en' ? 'en' : 'fr';
  const loaded = await parseTerritory(JSON.stringify(territory), documentFileName(territory));
  const prepared = prepareRunWithData(loaded, runData, {
    scenarios: scenarios && scenarios.length > 0 ? scenarios : [...DEFAULT_SCENARIOS],
    useCases: useCases ?? undefined,
    overrides: pageOverrides(values),
  });
  const request: EvaluationRequest = { territory: territory as TerritoryDocument, overrides: values, lang };
  if (scenarios) request.scenarios = scenarios;
  if (useCases) request.useCases = useCases;
  return { request, prepared };
}

/**
 * Evaluates a request and renders one download with `territoires run`'s renderers.
 * @returns the file name, its bytes and its content type; null when the server has no renderer for the format yet
 * @example
 * const file = await renderDownload(state, { territory: townDocument }, 'json');
 * // file.name → 'results.json'; file.contentType → 'application/json; charset=utf-8'
 */
export async function renderDownload(state: ServerState, body: unknown, format: DownloadFormat): Promise<{ name: string; content: string | Uint8Array; contentType: string } | null> {
  const render = state.formats[format];
  if (!render) return null;
  const { request, prepared } = await prepareRequest(body, state.runData);
  const results = evaluateRun(prepared);
  const files = await render(results, request.lang ?? 'fr');
  const { extension, contentType } = DOWNLOAD_TYPES[format];
  const file = files.find((f) => f.name.toLowerCase().endsWith(extension));
  if (!file) throw new Error(`the ${format} renderer wrote no ${extension} file`);
  return { name: basename(file.name), content: file.content, contentType };
}

function stringList(value: unknown, path: string): string[] | null {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw new InputError(`malformed ${path}`, { path, expected: 'a list of ids', received: describe(value), fix: 'send the request from the page' });
  }
  return value as string[];
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value).slice(0, 40)}`;
}
