/**
 * The web server of `territoires serve`: node:http only, the built page from one folder, a small JSON API.
 *
 * Routes:
 * - `GET /api/data`: scenario packs, reference data, model defaults, example territories, capabilities (the page
 *   computes the metrics itself from these);
 * - `POST /api/territory`: uploaded files (territory + tables) → the territory document;
 * - `POST /api/table`: one uploaded table (CSV, XLSX, GeoJSON) → its header and rows;
 * - `POST /api/report?format=html|xlsx|json`: a territory document and options → the download;
 * - `POST /api/montecarlo`: the same → progress then results, as JSON lines (when the Monte Carlo exists);
 * - any other `GET`/`HEAD`: a static file of the app's folder (see static.ts).
 *
 * Safety: it listens on 127.0.0.1 unless told otherwise; on a loopback address it answers only requests whose
 * `Host` is a loopback name (no DNS rebinding); `POST` needs `Content-Type: application/json` and, when the
 * browser sends an `Origin`, the server's own origin (no cross-site requests); bodies above `maxBodyBytes` get 413;
 * every response carries `nosniff` and a Content-Security-Policy without inline scripts; JSON answers escape
 * `<`, `>` and `&` so that no text of an upload ever reads as markup.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InputError } from '../core/errors.js';
import { DOWNLOAD_FORMATS, prepareRequest, renderDownload, tableFromUpload, territoryFromUpload, type DownloadFormat, type ServerState } from './api.js';
import { staticFile } from './static.js';

/** 5 MiB: a territory with its tables is far smaller; an XLSX inventory in base64 fits. */
export const DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024;

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const COMMON_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export interface WebServerOptions {
  /** Folder of the built page (index.html, app.js, styles.css). */
  root: string;
  /** What the API serves (loadServerState()). */
  state: ServerState;
  /** Address to listen on (default 127.0.0.1). */
  host?: string;
  /** Port (default 8080; 0 picks a free one). */
  port?: number;
  /** Largest request body accepted [bytes] (default 5 MiB). */
  maxBodyBytes?: number;
}

export interface WebServer {
  server: Server;
  /** `http://host:port` as the browser reaches it. */
  url: string;
  host: string;
  port: number;
  close(): Promise<void>;
}

/** An error answered with its own HTTP status and a JSON body. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * True for the loopback addresses and names (127.0.0.0/8, ::1, localhost), with or without IPv6 brackets.
 * @example
 * isLoopback('127.0.0.1') // → true
 * isLoopback('0.0.0.0')   // → false: every interface
 */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

/**
 * Starts the server and resolves once it listens.
 * @example
 * const web = await startWebServer({ root: 'dist/web', state: await loadServerState(), port: 0 });
 * // web.url → 'http://127.0.0.1:41234'; await web.close() stops it
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const host = options.host ?? '127.0.0.1';
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const loopbackOnly = isLoopback(host);
  const server = createServer((req, res) => {
    handle(req, res, { root: options.root, state: options.state, maxBodyBytes, loopbackOnly }).catch((error: unknown) => {
      sendError(res, error);
    });
  });
  // Slow or stalled clients do not hold the server.
  server.requestTimeout = 120_000;
  server.headersTimeout = 20_000;
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, host, () => {
      server.off('error', reject);
      resolvePromise();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    server,
    url: `http://${shownHost}:${address.port}`,
    host: address.address,
    port: address.port,
    close: () =>
      new Promise<void>((resolvePromise, reject) => {
        server.close((error) => (error ? reject(error) : resolvePromise()));
        server.closeAllConnections();
      }),
  };
}

interface Context {
  root: string;
  state: ServerState;
  maxBodyBytes: number;
  loopbackOnly: boolean;
}

async function handle(req: IncomingMessage, res: ServerResponse, ctx: Context): Promise<void> {
  const rawUrl = req.url ?? '/';
  const hostHeader = req.headers.host ?? '';
  if (ctx.loopbackOnly && !isLoopback(hostHeader.replace(/:\d+$/, ''))) {
    throw new HttpError(421, 'MisdirectedRequest', 'this server answers only requests addressed to 127.0.0.1, localhost or [::1]');
  }
  const queryAt = rawUrl.search(/[?#]/);
  const path = queryAt >= 0 ? rawUrl.slice(0, queryAt) : rawUrl;
  const query = new URLSearchParams(queryAt >= 0 ? rawUrl.slice(queryAt + 1).split('#')[0] : '');

  if (path.startsWith('/api/')) {
    await api(req, res, ctx, path, query, hostHeader);
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'MethodNotAllowed', 'static files are read with GET or HEAD');
  const found = staticFile(ctx.root, path);
  if (!found.ok) {
    send(res, found.status, 'text/plain; charset=utf-8', found.status === 400 ? 'Bad request\n' : 'Not found\n');
    return;
  }
  const body = readFileSync(found.file);
  send(res, 200, found.contentType, req.method === 'HEAD' ? '' : body, { 'Cache-Control': 'no-cache', 'Content-Length': String(body.length) });
}

async function api(req: IncomingMessage, res: ServerResponse, ctx: Context, path: string, query: URLSearchParams, hostHeader: string): Promise<void> {
  if (path === '/api/data') {
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'MethodNotAllowed', 'use GET');
    sendJson(res, 200, ctx.state.page);
    return;
  }
  const routes = ['/api/territory', '/api/table', '/api/report', '/api/montecarlo'];
  if (!routes.includes(path)) throw new HttpError(404, 'NotFound', `no API route ${path}`);
  if (req.method !== 'POST') throw new HttpError(405, 'MethodNotAllowed', 'use POST');
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${hostHeader}`) {
    throw new HttpError(403, 'Forbidden', 'cross-origin requests are refused');
  }
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') throw new HttpError(415, 'UnsupportedMediaType', 'send the body as application/json');
  const body = await readJsonBody(req, ctx.maxBodyBytes);

  if (path === '/api/territory') {
    const files = (body as { files?: unknown } | null)?.files;
    sendJson(res, 200, await territoryFromUpload(files));
    return;
  }
  if (path === '/api/table') {
    sendJson(res, 200, await tableFromUpload((body as { file?: unknown } | null)?.file));
    return;
  }
  if (path === '/api/report') {
    const format = query.get('format') ?? 'json';
    if (!(DOWNLOAD_FORMATS as readonly string[]).includes(format)) {
      throw new HttpError(400, 'BadRequest', `format must be one of ${DOWNLOAD_FORMATS.join(', ')}`);
    }
    const file = await renderDownload(ctx.state, body, format as DownloadFormat);
    if (!file) throw new HttpError(501, 'NotAvailable', `the ${format} renderer is not available in this version`);
    const bytes = typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : Buffer.from(file.content);
    send(res, 200, file.contentType, bytes, {
      'Content-Disposition': `attachment; filename="${file.name.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
      'Content-Length': String(bytes.length),
      'Cache-Control': 'no-store',
    });
    return;
  }
  await monteCarlo(res, ctx, body);
}

/** Streams `{type:'progress',done,total}` lines, then `{type:'result',result}` (or `{type:'error',…}`). */
async function monteCarlo(res: ServerResponse, ctx: Context, body: unknown): Promise<void> {
  const run = ctx.state.monteCarlo;
  if (!run) throw new HttpError(501, 'NotAvailable', 'the Monte Carlo is not available in this version');
  const b = body as { draws?: unknown; seed?: unknown };
  const draws = typeof b.draws === 'number' && Number.isInteger(b.draws) && b.draws >= 10 && b.draws <= 10_000 ? b.draws : null;
  const seed = typeof b.seed === 'number' && Number.isInteger(b.seed) && b.seed >= 0 ? b.seed : null;
  if (draws === null || seed === null) {
    throw new InputError('invalid Monte Carlo settings', { path: 'draws', expected: 'draws an integer from 10 to 10,000 and seed an integer ≥ 0', received: `draws ${String(b.draws)}, seed ${String(b.seed)}`, fix: 'correct the number of draws' });
  }
  const { prepared } = await prepareRequest(body, ctx.state.runData);
  const abort = new AbortController();
  res.on('close', () => abort.abort());
  res.writeHead(200, { ...COMMON_HEADERS, 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store' });
  const line = (value: unknown) => {
    if (!res.writableEnded) res.write(safeJson(value) + '\n');
  };
  try {
    const result = await run(prepared, { draws, seed, signal: abort.signal, onProgress: (done, total) => line({ type: 'progress', done, total }) });
    line({ type: 'result', result });
  } catch (error) {
    line({ type: 'error', ...errorBody(error).body });
  }
  res.end();
}

/** Reads a JSON body of at most `limit` bytes; 413 beyond, 400 when it is not JSON. */
function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.reject(new HttpError(413, 'PayloadTooLarge', `the request body is larger than ${limit} bytes`));
  }
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        req.resume();
        reject(new HttpError(413, 'PayloadTooLarge', `the request body is larger than ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (done) return;
      done = true;
      try {
        resolvePromise(JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown);
      } catch {
        reject(new HttpError(400, 'BadRequest', 'the request body is not valid JSON'));
      }
    });
    req.on('error', (error) => {
      if (done) return;
      done = true;
      reject(error);
    });
  });
}

/**
 * JSON text in which `<`, `>`, `&` and the line separators are escaped, non-finite numbers written as null and typed
 * arrays (Float64Array series) as arrays.
 * @example
 * safeJson({ name: '<b>', npv: NaN, flows: new Float64Array([1.5]) }) // → '{"name":"\u003cb\u003e","npv":null,"flows":[1.5]}'
 */
export function safeJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (typeof v === 'number' && !Number.isFinite(v)) return null;
    if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return Array.from(v as unknown as ArrayLike<number>);
    return v;
  })
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function send(res: ServerResponse, status: number, contentType: string, body: string | Buffer, headers: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.writeHead(status, { ...COMMON_HEADERS, 'Content-Type': contentType, ...headers });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  send(res, status, 'application/json; charset=utf-8', safeJson(value), { 'Cache-Control': 'no-store', ...headers });
}

function errorBody(error: unknown): { status: number; body: Record<string, unknown> } {
  if (error instanceof HttpError) return { status: error.status, body: { error: error.code, message: error.message } };
  if (error instanceof InputError) return { status: 400, body: error.toJSON() };
  const message = error instanceof Error ? error.message : String(error);
  return { status: 500, body: { error: 'RunError', message } };
}

function sendError(res: ServerResponse, error: unknown): void {
  const { status, body } = errorBody(error);
  if (status === 500) process.stderr.write(`territoires serve: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  // After a 413 the rest of the body is not read: close the connection rather than reuse it.
  sendJson(res, status, body, status === 413 ? { Connection: 'close' } : {});
}
