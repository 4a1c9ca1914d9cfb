import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { examplesDir } from '../../src/core/paths.js';
import { loadServerState, type ServerState } from '../../src/web/api.js';
import { CONTENT_SECURITY_POLICY, isLoopback, safeJson, startWebServer, type WebServer } from '../../src/web/server.js';
import { staticFile } from '../../src/web/static.js';

// A fixture folder: the app's root beside a secret file that must never be served.
const SECRET = 'TOP-SECRET-do-not-serve';
const HOSTILE = '<img src=x onerror=alert(1)>';
let base: string;
let root: string;
let state: ServerState;
let web: WebServer;

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'territoires-web-test-'));
  root = join(base, 'app');
  mkdirSync(join(root, 'sub'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(join(root, 'app.js'), 'export {};');
  writeFileSync(join(root, 'styles.css'), 'body{}');
  writeFileSync(join(root, 'sub', 'page.txt'), 'inside');
  writeFileSync(join(base, 'secret.txt'), SECRET);
  writeFileSync(join(base, 'app-secret.txt'), SECRET); // shares the root's name as a prefix
  symlinkSync(join(base, 'secret.txt'), join(root, 'link.txt'));
  symlinkSync(base, join(root, 'linkdir'));
  state = await loadServerState();
  web = await startWebServer({ root, state, port: 0, maxBodyBytes: 1024 * 1024 });
}, 120_000);

afterAll(async () => {
  await web?.close();
  if (base) rmSync(base, { recursive: true, force: true });
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request with exactly this path (no client-side normalisation), bounded in time. */
function send(method: string, path: string, options: { headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Reply> {
  return new Promise((resolvePromise, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: web.port, method, path, headers: options.headers, timeout: 20_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolvePromise({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('timeout', () => req.destroy(new Error(`timeout on ${method} ${path}`)));
    req.on('error', reject);
    req.end(options.body);
  });
}

/** The raw bytes of a request line, for paths an HTTP client refuses to send (NUL, backslash, absolute form). */
function sendRaw(target: string): Promise<Reply> {
  return new Promise((resolvePromise, reject) => {
    const socket = connect(web.port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.setTimeout(20_000, () => socket.destroy(new Error(`timeout on ${target}`)));
    socket.on('connect', () => socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${web.port}\r\nConnection: close\r\n\r\n`));
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
      resolvePromise({ status, headers: {}, body: text });
    });
  });
}

const json = (body: unknown, headers: Record<string, string> = {}) => ({ headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
const b64 = (x: string | Buffer) => Buffer.from(x).toString('base64');

describe('static files', () => {
  it('serves the app’s files with their type, nosniff and the Content-Security-Policy', async () => {
    const index = await send('GET', '/');
    expect(index.status).toBe(200);
    expect(index.body).toContain('<title>t</title>');
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect(index.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self'(;|$)/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect((await send('GET', '/app.js')).headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await send('GET', '/sub/page.txt')).body).toBe('inside');
    const head = await send('HEAD', '/styles.css');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });

  it('refuses every path traversal (400 or 404) and never serves a file outside the app’s folder', async () => {
    const targets = [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E/secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/.%2e/secret.txt',
      '/sub/../../secret.txt',
      '/sub/%2e%2e/%2e%2e/secret.txt',
      '/%2e%2e/app-secret.txt',
      '/%252e%252e/secret.txt',
      '/%2fetc%2fpasswd',
      '//etc/passwd',
      '/etc/passwd',
      '/%c0%ae%c0%ae/secret.txt',
      '/link.txt',
      '/linkdir/secret.txt',
      '/sub',
      '/sub/',
      '/index.html%00.txt',
      `/${'%2e%2e/'.repeat(12)}etc/passwd`,
    ];
    for (const target of targets) {
      const reply = await send('GET', target);
      expect([400, 404], target).toContain(reply.status);
      expect(reply.body, target).not.toContain(SECRET);
      expect(reply.body, target).not.toMatch(/root:.*:0:0:/);
    }
    for (const target of ['/..\\secret.txt', '/%5c..%5csecret.txt', '/index.html\u0000.txt', 'http://127.0.0.1/../secret.txt', '*', 'secret.txt']) {
      const reply = await sendRaw(target);
      expect([400, 404], JSON.stringify(target)).toContain(reply.status);
      expect(reply.body, JSON.stringify(target)).not.toContain(SECRET);
    }
  });

  it('staticFile says why it refuses', () => {
    expect(staticFile(root, '/%2e%2e/secret.txt')).toEqual({ ok: false, status: 400, reason: 'dot segment' });
    expect(staticFile(root, '/a%00b')).toEqual({ ok: false, status: 400, reason: 'NUL byte' });
    expect(staticFile(root, '/%E0%A4%A')).toEqual({ ok: false, status: 400, reason: 'malformed percent-encoding' });
    expect(staticFile(root, '/link.txt')).toEqual({ ok: false, status: 404, reason: 'link outside the app folder' });
    expect(staticFile(root, '/sub')).toEqual({ ok: false, status: 404, reason: 'not a file' });
    expect(staticFile(root, '/app.js')).toMatchObject({ ok: true, file: join(root, 'app.js') });
  });

  it('answers other methods with 405', async () => {
    expect((await send('PUT', '/index.html', { body: 'x' })).status).toBe(405);
    expect((await send('DELETE', '/')).status).toBe(405);
    expect((await send('GET', '/api/report')).status).toBe(405);
  });
});

describe('API safety', () => {
  it('refuses a body over the limit with 413, whether its length is declared or streamed, and keeps serving', async () => {
    const big = Buffer.alloc(1024 * 1024 + 10, 0x61);
    const declared = await send('POST', '/api/territory', { headers: { 'Content-Type': 'application/json' }, body: big });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body)).toMatchObject({ error: 'PayloadTooLarge' });
    const streamed = await new Promise<number>((resolvePromise, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: web.port, method: 'POST', path: '/api/territory', headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' }, timeout: 20_000 }, (res) => {
        res.resume();
        resolvePromise(res.statusCode ?? 0);
      });
      req.on('error', reject);
      for (let i = 0; i < 20; i++) req.write(Buffer.alloc(64 * 1024, 0x61));
      req.end();
    });
    expect(streamed).toBe(413);
    expect((await send('GET', '/')).status).toBe(200);
  });

  it('needs JSON, the server’s own origin and a loopback Host', async () => {
    expect((await send('POST', '/api/territory', { headers: { 'Content-Type': 'text/plain' }, body: '{}' })).status).toBe(415);
    expect((await send('POST', '/api/territory', { headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'a=1' })).status).toBe(415);
    const cross = await send('POST', '/api/territory', json({ files: [] }, { Origin: 'http://evil.example' }));
    expect(cross.status).toBe(403);
    const rebound = await send('GET', '/', { headers: { Host: 'evil.example' } });
    expect(rebound.status).toBe(421);
    const same = await send('POST', '/api/territory', json({ files: [] }, { Origin: `http://127.0.0.1:${web.port}` }));
    expect(same.status).toBe(400);
    expect((await send('POST', '/api/territory', { headers: { 'Content-Type': 'application/json' }, body: '{not json' })).status).toBe(400);
    expect((await send('GET', '/api/nothing')).status).toBe(404);
  });

  it('listens on the loopback address by default', async () => {
    const other = await startWebServer({ root, state, port: 0 });
    try {
      expect(other.host).toBe('127.0.0.1');
      expect(other.url).toBe(`http://127.0.0.1:${other.port}`);
    } finally {
      await other.close();
    }
    expect(isLoopback('127.0.0.1')).toBe(true);
    expect(isLoopback('[::1]')).toBe(true);
    expect(isLoopback('localhost')).toBe(true);
    expect(isLoopback('0.0.0.0')).toBe(false);
    expect(isLoopback('127.0.0.1.evil.example')).toBe(false);
  });
});

describe('API', () => {
  const townYaml = () => readFileSync(join(examplesDir(), 'ville-moyenne', 'territory.yaml'), 'utf8');

  it('sends the run data, the examples and what it can render', async () => {
    const reply = await send('GET', '/api/data');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
    const data = JSON.parse(reply.body) as { runData: { packs: Record<string, unknown> }; examples: { id: string }[]; capabilities: { formats: string[]; monteCarlo: boolean } };
    expect(Object.keys(data.runData.packs).sort()).toEqual(['S1', 'S2', 'S3', 'S4', 'TEND']);
    expect(data.examples[0].id).toBe('ville-moyenne');
    expect(data.capabilities.formats).toContain('json');
    expect(data.capabilities.monteCarlo).toBe(state.monteCarlo !== null);
  });

  it('returns an uploaded hostile name as escaped JSON: no markup in the response bytes', async () => {
    const text = townYaml().replace(/^name: .*$/m, `name: ${JSON.stringify(HOSTILE)}`);
    const reply = await send('POST', '/api/territory', json({ files: [{ name: 'territory.yaml', base64: b64(text) }] }));
    expect(reply.status).toBe(200);
    expect(reply.body).not.toContain('<');
    expect(reply.body).not.toContain('>');
    expect(reply.body).toContain('\\u003cimg src=x onerror=alert(1)\\u003e');
    expect((JSON.parse(reply.body) as { document: { name: string } }).document.name).toBe(HOSTILE);
  });

  it('answers bad input with 400 and the InputError’s fields', async () => {
    // A population written as text: one schema error, at line 8 of the town example.
    const text = townYaml().replace('population: 30000', 'population: beaucoup');
    const reply = await send('POST', '/api/territory', json({ files: [{ name: 'territory.yaml', base64: b64(text) }] }));
    expect(reply.status).toBe(400);
    const body = JSON.parse(reply.body) as Record<string, unknown>;
    expect(body).toMatchObject({ error: 'InputError', file: 'territory.yaml', line: 8, path: 'population', received: expect.stringContaining('beaucoup') });
    expect(body.fix).toEqual(expect.any(String));
  });

  it('renders results.json for a document as an attachment', async () => {
    const upload = await send('POST', '/api/territory', json({ files: [{ name: 'territory.yaml', base64: b64(townYaml()) }] }));
    const territory = (JSON.parse(upload.body) as { document: unknown }).document;
    const reply = await send('POST', '/api/report?format=json', json({ territory, scenarios: ['TEND'], useCases: ['lighting'], overrides: { ledLuminaireCostEur: 800 } }));
    expect(reply.status).toBe(200);
    expect(reply.headers['content-disposition']).toBe('attachment; filename="results.json"');
    const doc = JSON.parse(reply.body) as { manifest: { scenarios: string[] }; parameters: { name: string; value: number; source: string }[] };
    expect(doc.manifest.scenarios).toEqual(['TEND']);
    expect(doc.parameters.find((p) => p.name === 'ledLuminaireCostEur')).toMatchObject({ value: 800, source: 'réglage sur la page web (territoires serve)' });
    expect((await send('POST', '/api/report?format=pdf', json({ territory }))).status).toBe(400);
  });

  it('renders the workbook when `territoires run` can, and says 501 otherwise', async () => {
    const upload = await send('POST', '/api/territory', json({ files: [{ name: 'territory.yaml', base64: b64(townYaml()) }] }));
    const territory = (JSON.parse(upload.body) as { document: unknown }).document;
    const reply = await send('POST', '/api/report?format=xlsx', json({ territory, scenarios: ['TEND'], useCases: ['water'] }));
    if (state.formats.xlsx) {
      expect(reply.status).toBe(200);
      expect(reply.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(reply.headers['content-disposition']).toMatch(/^attachment; filename="[A-Za-z0-9._-]+\.xlsx"$/);
      // An XLSX file is a ZIP archive: it starts with "PK".
      expect(reply.body.slice(0, 2)).toBe('PK');
    } else {
      expect(reply.status).toBe(501);
    }
  }, 60_000);

  it('runs the Monte Carlo when the engine provides it, and says 501 otherwise', async () => {
    const upload = await send('POST', '/api/territory', json({ files: [{ name: 'territory.yaml', base64: b64(townYaml()) }] }));
    const territory = (JSON.parse(upload.body) as { document: unknown }).document;
    const reply = await send('POST', '/api/montecarlo', json({ territory, scenarios: ['TEND'], useCases: ['lighting'], draws: 20, seed: 1 }));
    if (state.monteCarlo === null) {
      expect(reply.status).toBe(501);
      expect(JSON.parse(reply.body)).toMatchObject({ error: 'NotAvailable' });
    } else {
      expect(reply.status).toBe(200);
      const lines = reply.body.trim().split('\n').map((l) => JSON.parse(l) as { type: string });
      expect(lines.some((l) => l.type === 'progress')).toBe(true);
      expect(lines[lines.length - 1].type).toBe('result');
    }
  });
});

describe('safeJson', () => {
  it('escapes markup characters and line separators, writes non-finite numbers as null and typed arrays as arrays', () => {
    // JSON.parse gives back the same value: \u003c is '<'.
    const value = { a: '</script><b>&', b: '\u2028', c: Infinity, d: new Float64Array([1.5, NaN]) };
    const text = safeJson(value);
    expect(text).toBe('{"a":"\\u003c/script\\u003e\\u003cb\\u003e\\u0026","b":"\\u2028","c":null,"d":[1.5,null]}');
    expect(JSON.parse(text)).toEqual({ a: '</script><b>&', b: '\u2028', c: null, d: [1.5, null] });
  });
});
