/** Helpers for the scenario tests: temporary files and InputError capture. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { InputError, InputErrors } from '../../src/core/errors.js';

/** A fresh folder under the OS temporary folder. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'territoires-scenario-'));
}

/** Writes `lines` (joined with newlines) to `dir/name` and returns the path. */
export function writeLines(dir: string, name: string, lines: string[]): string {
  const file = join(dir, name);
  writeFileSync(file, lines.join('\n') + '\n', 'utf8');
  return file;
}

/** 1-based line of the first of `lines` that starts with `prefix` (as a test computes an expected line). */
export function lineStarting(lines: string[], prefix: string): number {
  const index = lines.findIndex((l) => l.startsWith(prefix));
  if (index < 0) throw new Error(`no line starts with ${JSON.stringify(prefix)}`);
  return index + 1;
}

/** Runs `fn`, expects an InputError, returns it. */
export function inputErrorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError, nothing was thrown');
}

/** The individual errors of an InputError (one, or the list of an InputErrors). */
export function allErrors(error: InputError): InputError[] {
  return error instanceof InputErrors ? error.errors : [error];
}

/** The header of a minimal valid scenario pack, id `id`. */
export function packHeader(id: string, extendsId?: string): string[] {
  return [
    `id: ${id}`,
    'name: { fr: Test, en: Test }',
    'description: { fr: Un paquet de test., en: A test pack. }',
    'date: "2026-01-01"',
    'currency: EUR',
    'priceBaseYear: 2023',
    ...(extendsId ? [`extends: ${extendsId}`] : []),
  ];
}
