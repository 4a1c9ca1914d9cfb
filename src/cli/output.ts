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
