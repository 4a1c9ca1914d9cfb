import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { chromiumArguments, chromiumMissing, findChromium, renderPdf } from '../../src/report/pdf.js';

/** A stand-in for Chromium: writes a small PDF where --print-to-pdf says, and logs its arguments. */
function fakeChromium(body: string): { exe: string; log: string } {
  const dir = mkdtempSync(join(tmpdir(), 'territoires-fake-chromium-'));
  const exe = join(dir, 'chromium');
  const log = join(dir, 'args.txt');
  writeFileSync(exe, `#!/bin/sh\nprintf '%s\\n' "$@" > '${log}'\n${body}\n`);
  chmodSync(exe, 0o755);
  return { exe, log };
}

const PRINT = 'for a in "$@"; do case "$a" in --print-to-pdf=*) printf \'%%PDF-1.4 fake\' > "${a#--print-to-pdf=}";; esac; done';

describe('renderPdf', () => {
  it('says what to install when Chromium is missing', async () => {
    expect(findChromium(['/no/such/chromium'])).toBeNull();
    await expect(renderPdf('<html></html>', { chromium: '/no/such/chromium' })).rejects.toThrow(InputError);
    const e = chromiumMissing('fr');
    expect(e.message).toBe('Le format pdf demande Chromium : installez le paquet Debian chromium, ou utilisez --format html et imprimez la page');
    expect(chromiumMissing('en').message).toMatch(/^The pdf format needs Chromium/);
  });

  it('prints the HTML headless, offline, with a throw-away profile, and returns the PDF', async () => {
    const { exe, log } = fakeChromium(PRINT);
    const pdf = await renderPdf('<!DOCTYPE html><html lang="fr"><body>x</body></html>', { chromium: exe });
    expect(pdf.toString('latin1')).toBe('%PDF-1.4 fake');
    const args = readFileSync(log, 'utf8').trim().split('\n');
    for (const flag of ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']) {
      expect(args).toContain(flag);
    }
    const page = args[args.length - 1];
    expect(page).toMatch(/^file:\/\/.*\/report\.html$/);
    // The temporary folder is removed afterwards.
    expect(existsSync(new URL(page))).toBe(false);
  });

  it('fails clearly when Chromium fails or writes no PDF', async () => {
    await expect(renderPdf('<html></html>', { chromium: fakeChromium('exit 3').exe })).rejects.toThrow(/Chromium failed/);
    await expect(renderPdf('<html></html>', { chromium: fakeChromium('true').exe })).rejects.toThrow(/without writing a PDF/);
  });

  it('builds the arguments in order, the page last', () => {
    const args = chromiumArguments('/t/report.html', '/t/report.pdf', '/t/profile');
    expect(args).toContain('--print-to-pdf=/t/report.pdf');
    expect(args).toContain('--user-data-dir=/t/profile');
    expect(args[args.length - 1]).toBe('file:///t/report.html');
  });

  // CI installs Debian's chromium (.ci/run); on a machine without it this test says so and does nothing else.
  it('prints a real report with Debian’s Chromium when it is installed', async (context) => {
    const chromium = findChromium();
    if (!chromium) {
      if (process.env.CI) throw new Error('CI must install chromium (see .ci/run)');
      context.skip();
      return;
    }
    const pdf = await renderPdf('<!DOCTYPE html><html lang="fr"><body><h1>Synthèse</h1><p>1 234,5 €</p></body></html>', { chromium });
    expect(Buffer.from(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(1000);
  }, 60_000);
});
