/**
 * Monte Carlo that yields to the event loop between chunks, for a server that streams progress while it
 * computes (`territoires serve`). Same numbers as `runMonteCarlo`: both drive the same steps
 * (`monteCarloSteps`); this one awaits between chunks and stops when `signal` is aborted.
 */
import { setImmediate as nextTick } from 'node:timers/promises';
import type { PreparedRun } from './engine.js';
import { McInterrupted, monteCarloSteps, type MonteCarloOptions, type MonteCarloResult } from './montecarlo.js';

export async function runMonteCarloAsync(
  run: PreparedRun,
  options: Omit<MonteCarloOptions, 'shouldStop'> & { signal?: AbortSignal },
): Promise<MonteCarloResult> {
  const steps = monteCarloSteps(run, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (options.signal?.aborted) throw new McInterrupted(step.value, options.draws);
    await nextTick();
  }
}
