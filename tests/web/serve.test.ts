import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { cli } from '../../src/cli/program.js';
import { serveCommand } from '../../src/cli/serve.js';

const root = mkdtempSync(join(tmpdir(), 'territoires-serve-'));
writeFileSync(join(root, 'index.html'), '<!doctype html><title>serve</title>');
writeFileSync(join(root, 'app.js'), 'export {};');

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('territoires serve', () => {
  it('serves on 127.0.0.1 by default, prints the address, and stops with exit code 0', async () => {
    const out: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out.push(String(chunk));
      return true;
    });
    try {
      const stop = new AbortController();
      const running = serveCommand({ port: 0, host: '127.0.0.1', lang: 'fr', root, signal: stop.signal });
      await vi.waitFor(() => expect(out.join('')).toMatch(/Page web : http:\/\/127\.0\.0\.1:\d+/), { timeout: 60_000, interval: 100 });
      const url = /Page web : (http:\/\/127\.0\.0\.1:\d+)/.exec(out.join(''))![1];
      const reply = await fetch(url, { signal: AbortSignal.timeout(10_000) });
      expect(reply.status).toBe(200);
      expect(await reply.text()).toContain('<title>serve</title>');
      stop.abort();
      expect(await running).toBe(0);
      await expect(fetch(url, { signal: AbortSignal.timeout(5_000) })).rejects.toThrow();
    } finally {
      write.mockRestore();
    }
  }, 90_000);

  it('opens the page in English with --lang en', async () => {
    const out: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out.push(String(chunk));
      return true;
    });
    try {
      const stop = new AbortController();
      const running = serveCommand({ port: 0, host: '127.0.0.1', lang: 'en', root, signal: stop.signal });
      await vi.waitFor(() => expect(out.join('')).toMatch(/Web page: http:\/\/127\.0\.0\.1:\d+/), { timeout: 60_000, interval: 100 });
      const url = /Web page: (http:\/\/127\.0\.0\.1:\d+)/.exec(out.join(''))![1];
      const data = (await (await fetch(`${url}/api/data`, { signal: AbortSignal.timeout(10_000) })).json()) as { lang: string };
      expect(data.lang).toBe('en');
      stop.abort();
      expect(await running).toBe(0);
    } finally {
      write.mockRestore();
    }
  }, 90_000);

  it('refuses a port out of range as bad input (exit code 2)', async () => {
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await cli(['serve', '--port', 'quatre-vingts'])).toBe(2);
      expect(await cli(['serve', '--port', '70000'])).toBe(2);
      expect(String(err.mock.calls[0][0])).toMatch(/invalid port/);
    } finally {
      err.mockRestore();
    }
  });
});
