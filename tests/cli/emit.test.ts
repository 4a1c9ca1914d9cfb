import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { emitDocument, interruptible } from '../../src/cli/emit.js';
import { tempDir } from './helpers.js';

class Stopped extends Error {}
const isStopped = (e: unknown): e is Stopped => e instanceof Stopped;

/** Captures what `f` writes to stderr and stdout. */
async function capture<T>(f: () => Promise<T> | T): Promise<{ value: T; stderr: string; stdout: string }> {
  let stderr = '';
  let stdout = '';
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(((c: string) => ((stderr += c), true)) as typeof process.stderr.write);
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(((c: string) => ((stdout += c), true)) as typeof process.stdout.write);
  try {
    return { value: await f(), stderr, stdout };
  } finally {
    err.mockRestore();
    out.mockRestore();
  }
}

describe('interruptible', () => {
  it('returns the result, and leaves no SIGINT listener behind', async () => {
    const before = process.listenerCount('SIGINT');
    const seen: number[] = [];
    const outcome = await interruptible({ json: true, lang: 'fr' }, 3, 'Test', 'pas', async (onProgress) => {
      for (let i = 1; i <= 3; i++) {
        onProgress(i);
        seen.push(i);
      }
      return 42;
    }, isStopped);
    expect(outcome).toEqual({ result: 42 });
    expect(seen).toEqual([1, 2, 3]);
    expect(process.listenerCount('SIGINT')).toBe(before);
  });

  it('after Ctrl-C, lets the computation stop and says that nothing was written (exit code 130)', async () => {
    const { value, stderr } = await capture(() =>
      interruptible({ json: true, lang: 'fr' }, 10, 'Test', 'pas', async (_onProgress, shouldStop) => {
        expect(shouldStop()).toBe(false);
        // Ctrl-C: the listener the function installed (the last one) is called as Node.js would call it.
        const listeners = process.listeners('SIGINT');
        (listeners[listeners.length - 1] as () => void)();
        if (shouldStop()) throw new Stopped('stopped after 4 of 10 steps');
        return 0;
      }, isStopped),
    );
    expect(value).toEqual({ exitCode: 130 });
    expect(stderr).toBe('Interrompu: stopped after 4 of 10 steps; rien n’a été écrit\n');
  });

  it('throws any other error, through mapError', async () => {
    await expect(
      interruptible({ json: true, lang: 'en' }, 1, 'Test', 'steps', async () => {
        throw new Error('broken');
      }, isStopped, (e) => new Error(`mapped: ${(e as Error).message}`)),
    ).rejects.toThrow('mapped: broken');
  });
});

describe('emitDocument', () => {
  it('writes the document into the folder, and prints it with --json or the reading without', async () => {
    const out = join(tempDir(), 'out');
    const json = await capture(() => emitDocument({ out, json: true }, 'x.json', { a: 1 }, () => 'reading'));
    expect(json.value).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({ a: 1 });
    expect(JSON.parse(readFileSync(join(out, 'x.json'), 'utf8'))).toEqual({ a: 1 });
    const text = await capture(() => emitDocument({}, 'x.json', { a: 1 }, () => 'reading'));
    expect(text.stdout).toBe('reading\n');
  });
});
