/**
 * PDF by printing the HTML report with a headless Chromium, when one is installed (`/usr/bin/chromium` or
 * `/usr/bin/chromium-browser`, the Debian and Ubuntu package names). The HTML goes to a temporary folder with a
 * throw-away browser profile, Chromium prints it (A4, from the report's own print stylesheet) with its network
 * features off, and the folder is removed. Without Chromium, a clear InputError says what to install or do instead.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InputError } from '../core/errors.js';
import type { Lang } from './i18n.js';

/** Where Chromium is looked for, in order. */
export const CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

export interface PdfOptions {
  /** Chromium executable (default: the first of CHROMIUM_PATHS that exists). */
  chromium?: string;
  /** Longest time Chromium may take [ms] (default 120 000). */
  timeoutMs?: number;
  /** Language of the error message when Chromium is missing (default 'fr'). */
  lang?: Lang;
}

/**
 * The first installed Chromium, or null.
 * @example findChromium(['/no/such/chromium']) // null
 */
export function findChromium(paths: readonly string[] = CHROMIUM_PATHS): string | null {
  return paths.find((p) => existsSync(p)) ?? null;
}

/**
 * The error raised when no Chromium is installed.
 * @example chromiumMissing('fr').message // 'Le format pdf demande Chromium : installez le paquet Debian chromium, …'
 */
export function chromiumMissing(lang: Lang = 'fr'): InputError {
  const fr = lang === 'fr';
  return new InputError(
    fr
      ? 'Le format pdf demande Chromium : installez le paquet Debian chromium, ou utilisez --format html et imprimez la page'
      : 'The pdf format needs Chromium: install the Debian package chromium, or use --format html and print the page',
    {
      path: '--format',
      expected: fr ? `Chromium installé (${CHROMIUM_PATHS.join(' ou ')})` : `Chromium installed (${CHROMIUM_PATHS.join(' or ')})`,
      received: fr ? 'aucun Chromium trouvé' : 'no Chromium found',
      fix: fr ? 'sudo apt-get install chromium, ou --format html puis « Imprimer » en PDF depuis un navigateur' : 'sudo apt-get install chromium, or --format html then "Print" to PDF from a browser',
    },
  );
}

/**
 * Command-line arguments of a headless print to PDF (the page last).
 * @example chromiumArguments('/t/r.html', '/t/r.pdf', '/t/p').at(-1) // 'file:///t/r.html'
 */
export function chromiumArguments(htmlFile: string, pdfFile: string, profileDir: string): string[] {
  return [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-extensions',
    '--no-pdf-header-footer',
    `--user-data-dir=${profileDir}`,
    `--print-to-pdf=${pdfFile}`,
    pathToFileURL(htmlFile).href,
  ];
}

/**
 * Prints an HTML page to PDF with headless Chromium.
 * @param html the self-contained HTML report
 * @param options Chromium path, timeout [ms], language of the error
 * @returns the PDF bytes
 * @throws InputError when Chromium is not installed; Error when it fails or produces no PDF
 * @example (await renderPdf(renderHtml(results))).subarray(0, 5).toString() // '%PDF-'
 */
export async function renderPdf(html: string, options: PdfOptions = {}): Promise<Buffer> {
  const chromium = options.chromium ?? findChromium();
  if (!chromium || !existsSync(chromium)) throw chromiumMissing(options.lang ?? 'fr');
  const dir = mkdtempSync(join(tmpdir(), 'territoires-pdf-'));
  try {
    const htmlFile = join(dir, 'report.html');
    const pdfFile = join(dir, 'report.pdf');
    writeFileSync(htmlFile, html);
    await new Promise<void>((resolve, reject) => {
      execFile(chromium, chromiumArguments(htmlFile, pdfFile, join(dir, 'profile')), { timeout: options.timeoutMs ?? 120_000 }, (error, _stdout, stderr) => {
        if (error) reject(new Error(`renderPdf: Chromium failed (${error.message.split('\n')[0]})${stderr ? `: ${String(stderr).slice(0, 500)}` : ''}`, { cause: error }));
        else resolve();
      });
    });
    if (!existsSync(pdfFile)) throw new Error(`renderPdf: Chromium (${chromium}) ended without writing a PDF`);
    const pdf = readFileSync(pdfFile);
    if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error('renderPdf: Chromium wrote a file that is not a PDF');
    return pdf;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
