/** Helpers for the CLI tests: run the command in-process and capture what it prints. */
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, vi } from 'vitest';
import { cli } from '../../src/cli/program.js';

export interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `territoires <argv>` in this process; stdout and stderr are captured, not printed. */
export async function runCli(argv: string[]): Promise<CliOutcome> {
  let stdout = '';
  let stderr = '';
  const capture = (sink: 'out' | 'err') => (chunk: string | Uint8Array): boolean => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    if (sink === 'out') stdout += text;
    else stderr += text;
    return true;
  };
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(capture('out') as typeof process.stdout.write);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(capture('err') as typeof process.stderr.write);
  try {
    const code = await cli(argv);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

/** A fresh folder under the OS temporary folder. */
export function tempDir(prefix = 'territoires-cli-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** True when `dir` does not exist or holds no file. */
export function isAbsentOrEmpty(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}

/** 1-based number of the first line of `text` that contains `needle` (how a test computes an expected line). */
export function lineContaining(text: string, needle: string): number {
  const index = text.split('\n').findIndex((l) => l.includes(needle));
  if (index < 0) throw new Error(`no line contains ${JSON.stringify(needle)}`);
  return index + 1;
}

/** The parts of `results.json` the coverage check reads. */
export interface ResultsDocument {
  manifest: { scenarios: string[]; useCases: string[] } & Record<string, unknown>;
  results: { useCase: string; variant: string; comparedTo: string; scenario: string; perspective: string }[];
  variants: { useCase: string; id: string; kind: string }[];
}

export const ALL_USE_CASES = ['lighting', 'water', 'climate-risk', 'buildings'];
export const ALL_SCENARIOS = ['TEND', 'S1', 'S2', 'S3', 'S4'];
export const PERSPECTIVES = ['financial', 'socioEconomic'];

/**
 * Checks that a run covers every use case × every variant (against the status quo) × the five scenarios × both
 * perspectives, and that every digital variant is also compared with a non-digital alternative. Returns the
 * number of result rows such a run must have.
 */
export function expectFullCoverage(doc: ResultsDocument): number {
  expect([...doc.manifest.useCases].sort()).toEqual([...ALL_USE_CASES].sort());
  expect(doc.manifest.scenarios).toEqual(ALL_SCENARIOS);
  const seen = new Set(doc.results.map((r) => `${r.useCase}|${r.variant}|${r.comparedTo}|${r.scenario}|${r.perspective}`));
  let rows = 0;
  for (const useCase of ALL_USE_CASES) {
    const variants = doc.variants.filter((v) => v.useCase === useCase);
    const statusQuo = variants.filter((v) => v.kind === 'statusQuo');
    expect(statusQuo.length).toBe(1);
    const alternatives = variants.filter((v) => v.kind === 'alternative').map((v) => v.id);
    for (const v of variants) {
      if (v.kind === 'statusQuo') continue;
      for (const scenario of ALL_SCENARIOS) {
        for (const perspective of PERSPECTIVES) {
          expect(seen.has(`${useCase}|${v.id}|${statusQuo[0].id}|${scenario}|${perspective}`)).toBe(true);
          rows++;
          if (v.kind === 'digital') {
            const againstAlternative = alternatives.some((a) => seen.has(`${useCase}|${v.id}|${a}|${scenario}|${perspective}`));
            expect(againstAlternative).toBe(true);
            rows++;
          }
        }
      }
    }
  }
  return rows;
}
