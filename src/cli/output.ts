/**
 * Terminal output: French number formats, aligned tables, error reports with exit codes.
 */
import { InputError } from '../core/errors.js';

export type Lang = 'fr' | 'en';

/** Formats a number the French way (`1 234,5`) or the English way, with `digits` decimals. */
export function formatNumber(x: number | null | undefined, digits = 0, lang: Lang = 'fr'): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  return new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x);
}

/** A plain-text table with right-aligned numeric columns. */
export function table(header: string[], rows: string[][], numeric: boolean[] = []): string {
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => (r[j] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, j) => (numeric[j] ? c.padStart(widths[j]) : c.padEnd(widths[j]))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/**
 * Reads a whole-number command-line option, or throws an InputError naming the flag (exit code 2).
 * @param value the option's text
 * @param flag the flag, for the message, e.g. '--draws'
 * @param min smallest value allowed
 * @example integerOption('1000', '--draws', 1) // 1000; integerOption('0', '--draws', 1) throws
 */
export function integerOption(value: string, flag: string, min: number): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min) {
    throw new InputError(`invalid ${flag}`, { path: flag, expected: `a whole number ≥ ${min}`, received: value, fix: `e.g. ${flag} ${Math.max(min, 10)}` });
  }
  return n;
}

/** A progress bar on stderr (cli-progress). */
export interface ProgressBar {
  update(done: number): void;
  stop(): void;
}

/**
 * Starts a progress bar on stderr for `total` steps when `enabled` (callers pass e.g. `!json && stderr.isTTY`, so
 * that pipes and --json output stay clean); undefined otherwise. cli-progress is imported only when a bar is shown.
 * @param total number of steps [count]
 * @param label text before the bar, e.g. 'Monte Carlo'
 * @param unit name of the steps after the counts, e.g. 'tirages'
 * @example const bar = await progressBar(1000, 'Monte Carlo', 'tirages', process.stderr.isTTY); bar?.update(500); bar?.stop();
 */
export async function progressBar(total: number, label: string, unit: string, enabled: boolean): Promise<ProgressBar | undefined> {
  if (!enabled) return undefined;
  const { SingleBar, Presets } = (await import('cli-progress')).default;
  const bar = new SingleBar({ format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit} | {eta}s`, stream: process.stderr }, Presets.shades_classic);
  bar.start(total, 0);
  return bar;
}

/** Prints an error and returns the exit code: 2 for bad input, 1 for a run failure. */
export function reportError(error: unknown, json: boolean, lang: Lang): number {
  if (error instanceof InputError) {
    if (json) process.stdout.write(JSON.stringify(error.toJSON(), null, 2) + '\n');
    process.stderr.write((lang === 'fr' ? 'Erreur de saisie : ' : 'Input error: ') + error.format(lang) + '\n');
    return 2;
  }
  const e = error instanceof Error ? error : new Error(String(error));
  if (json) process.stdout.write(JSON.stringify({ error: 'RunError', message: e.message }, null, 2) + '\n');
  process.stderr.write((lang === 'fr' ? "Échec de l'exécution : " : 'Run failure: ') + (e.stack ?? e.message) + '\n');
  return 1;
}
