import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { cli } from '../../src/cli/program.js';
import { packageRoot } from '../../src/core/paths.js';
import { InputError } from '../../src/core/errors.js';
import type { RunResults } from '../../src/evaluate/engine.js';
import { escapeHtml } from '../../src/report/escape.js';
import { findChromium, renderReport, reportCharts } from '../../src/report/index.js';
import { exampleRun } from './fixtures.js';

let results: RunResults;

beforeAll(async () => {
  results = await exampleRun();
});

describe('renderReport', () => {
  it('renders html, md and xlsx with the charts of chartsForReport', async () => {
    const files = await renderReport(results, ['html', 'md', 'xlsx'], 'fr');
    const charts = await reportCharts(results, 'fr');
    expect(charts.length).toBeGreaterThan(5);
    expect(files.map((f) => f.name)).toEqual(['report.html', 'report.md', ...charts.map((c) => `charts/${c.id}.png`), 'report.xlsx']);
    const html = files[0].content as string;
    const md = files[1].content as string;
    for (const c of charts) {
      expect(html, c.id).toContain(`<img src="data:image/png;base64,${Buffer.from(c.png).toString('base64')}" alt="${escapeHtml(c.alt)}">`);
      expect(md, c.id).toContain(`](charts/${c.id}.png)`);
    }
    expect(html).not.toMatch(/<script/i);
  });

  it('draws the charts once per results object and language', async () => {
    const a = await reportCharts(results, 'fr');
    const b = await reportCharts(results, 'fr');
    expect(b).toBe(a);
  });

  it('refuses an unknown format', async () => {
    await expect(renderReport(results, ['docx'])).rejects.toThrow(RangeError);
  });

  it('prints a PDF when Chromium is installed, and otherwise says how to get one', async () => {
    if (findChromium() === null) {
      await expect(renderReport(results, ['pdf'])).rejects.toThrow(InputError);
      await expect(renderReport(results, ['pdf'])).rejects.toThrow(/Le format pdf demande Chromium/);
    } else {
      const [pdf] = await renderReport(results, ['pdf']);
      expect(Buffer.from(pdf.content as Uint8Array).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
  });
});

/** Runs the CLI in-process, output captured. */
async function run(argv: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    return { code: await cli(argv), stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

describe('territoires run --format html,md,xlsx --theme', () => {
  it('writes the themed report files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'territoires-report-'));
    const theme = join(packageRoot(), 'themes', 'exemple-bureau-etudes.yaml');
    const { code } = await run(['run', '--scenarios', 'TEND', '--use-cases', 'lighting', '--format', 'html,md,xlsx', '--theme', theme, '--out', dir]);
    expect(code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['charts', 'logo.svg', 'report.html', 'report.md', 'report.xlsx']);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toContain('Bureau d’études Exemple');
    expect(html).toContain('--primary: #2d4a22;');
  });

  it('stops with exit code 2 on a bad theme, writing nothing', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'territoires-report-')), 'out');
    const { code, stderr } = await run(['run', '--scenarios', 'TEND', '--format', 'html', '--theme', join(packageRoot(), 'themes', 'missing.yaml'), '--out', dir]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/file not found/);
    expect(existsSync(dir)).toBe(false);
  });
});
