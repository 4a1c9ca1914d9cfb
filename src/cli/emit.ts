/**
 * What the long commands (montecarlo, rollup) share around their computation: a progress bar that Ctrl-C stops
 * cleanly, and the JSON document written to a folder, to stdout or read as a table.
 */
import { toJson, writeAtomically } from '../io/writers.js';
import { progressBar, type Lang } from './output.js';

/**
 * Runs a long computation with a progress bar (on a terminal, not with `--json`) that Ctrl-C stops cleanly: the
 * computation is given `onProgress` and `shouldStop` (true once Ctrl-C was pressed); when it then throws its
 * interruption error (`isInterrupted`), the message says that nothing was written and the result is the exit code
 * 130. Any other error is passed through `mapError` and thrown.
 * @example const r = await interruptible({ json: false, lang: 'fr' }, 1000, 'Monte Carlo', 'tirages', (p, s) => run(p, s), (e) => e instanceof McInterrupted);
 */
export async function interruptible<T>(
  opts: { json?: boolean; lang: Lang },
  total: number,
  label: string,
  unit: string,
  compute: (onProgress: (done: number) => void, shouldStop: () => boolean) => Promise<T>,
  isInterrupted: (error: unknown) => error is Error,
  mapError: (error: unknown) => unknown = (error) => error,
): Promise<{ result: T } | { exitCode: number }> {
  let stop = false;
  const onSigint = (): void => {
    stop = true;
  };
  process.once('SIGINT', onSigint);
  const bar = await progressBar(total, label, unit, !opts.json && process.stderr.isTTY === true);
  try {
    const result = await compute(
      (done) => bar?.update(done),
      () => stop,
    );
    bar?.stop();
    return { result };
  } catch (error) {
    bar?.stop();
    if (isInterrupted(error)) {
      process.stderr.write(`${opts.lang === 'fr' ? 'Interrompu' : 'Stopped'}: ${error.message}; ${opts.lang === 'fr' ? 'rien n’a été écrit' : 'nothing was written'}\n`);
      return { exitCode: 130 };
    }
    throw mapError(error);
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
}

/**
 * Writes a command's JSON document: into `opts.out` as `name` when asked (atomically), and on stdout with `--json`,
 * or else the terminal reading `text()`. Returns the exit code 0.
 */
export function emitDocument(opts: { out?: string; json?: boolean }, name: string, document: unknown, text: () => string): number {
  if (opts.out) writeAtomically(opts.out, [{ name, content: toJson(document) }]);
  process.stdout.write(opts.json ? toJson(document) : text() + '\n');
  return 0;
}

