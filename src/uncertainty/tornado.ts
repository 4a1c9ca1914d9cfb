/**
 * Tornado analysis: one-at-a-time swings. Each parameter in turn is set to its low value (P10 by convention) and
 * to its high value (P90), all others staying at their base values; the swing |f(high) − f(low)| of each output
 * ranks the parameters, widest bar first, as in a tornado chart.
 *
 * A tornado diagram shows local, one-at-a-time effects: it ignores interactions and the joint spread of the
 * parameters, which the Sobol indices (`sobol`) capture. It costs 2d + 1 model evaluations for d parameters.
 *
 * References: A. Saltelli et al., *Global Sensitivity Analysis. The Primer*, Wiley 2008, ch. 1 (one-at-a-time
 * designs and their limits); R. T. Clemen, *Making Hard Decisions*, 2nd ed., Duxbury 1996, chapter on
 * sensitivity analysis (tornado diagrams).
 */
import type { Distribution } from '../core/parameter.js';
import { compileQuantile } from './distributions.js';

/** One bar of a tornado chart. */
export interface TornadoRow {
  /** Parameter name. */
  name: string;
  /** Index of the parameter in the input arrays. */
  index: number;
  /** Low input value (P10) [parameter unit]. */
  low: number;
  /** High input value (P90) [parameter unit]. */
  high: number;
  /** Output with this parameter at its low value, the others at base [output unit]. */
  outputAtLow: number;
  /** Output with this parameter at its high value, the others at base [output unit]. */
  outputAtHigh: number;
  /** |outputAtHigh − outputAtLow| [output unit]. */
  swing: number;
}

/** Tornado rows for every output, plus the outputs at the base point. */
export interface TornadoResult {
  /** Outputs with every parameter at its base value [output units]. */
  base: number[];
  /** For each output, one row per parameter sorted by swing, widest first (ties keep the input order). */
  rows: TornadoRow[][];
}

function evaluate(
  model: (x: Float64Array) => number[],
  x: Float64Array,
  outputs: number | undefined,
  what: string,
): number[] {
  const y = model(x);
  if (!Array.isArray(y) || (outputs !== undefined && y.length !== outputs)) {
    const received = Array.isArray(y) ? y.length : typeof y;
    throw new RangeError(`tornado: the model must return ${outputs ?? 'an array of'} outputs, received ${received} (${what})`);
  }
  y.forEach((v, k) => {
    if (!Number.isFinite(v)) throw new Error(`tornado: output ${k} is ${v} (${what}); models must return finite values`);
  });
  return y.slice();
}

/**
 * One-at-a-time tornado analysis of a model with several outputs.
 *
 * The model receives one `Float64Array` of inputs that is **reused** between calls (copy it if you keep it) and
 * returns its outputs as an array of numbers. Calls: the base point, then for each parameter i its low and high
 * values.
 *
 * @param model x → outputs; x[i] is parameter i [its unit]
 * @param base base values of the parameters (e.g. their values or medians)
 * @param lows low values (P10 by convention)
 * @param highs high values (P90 by convention)
 * @param names parameter names, one per parameter
 * @returns base outputs and, per output, rows `{name, low, high, outputAtLow, outputAtHigh, swing}` sorted by
 *   swing, widest first
 * @throws RangeError when the arrays differ in length or the model returns a varying number of outputs;
 *   Error when an output is not finite
 * @example
 * const { rows } = tornado(([a, b]) => [10 * a + 2 * b], Float64Array.of(0, 0), Float64Array.of(-1, -1),
 *   Float64Array.of(1, 1), ['a', 'b']);
 * rows[0].map((r) => r.swing) // [20, 4]: a (swing 20) first, then b
 */
export function tornado(
  model: (x: Float64Array) => number[],
  base: Float64Array,
  lows: Float64Array,
  highs: Float64Array,
  names: readonly string[],
): TornadoResult {
  const d = base.length;
  for (const [what, arr] of [
    ['lows', lows],
    ['highs', highs],
    ['names', names],
  ] as const) {
    if (arr.length !== d) {
      throw new RangeError(`tornado: ${what} must have ${d} entries (one per parameter), received ${arr.length}`);
    }
  }
  for (let i = 0; i < d; i++) {
    for (const [what, arr] of [
      ['base', base],
      ['lows', lows],
      ['highs', highs],
    ] as const) {
      if (!Number.isFinite(arr[i])) {
        throw new RangeError(`tornado: ${what}[${i}] must be a finite number, received ${arr[i]}`);
      }
    }
  }
  const x = Float64Array.from(base);
  const baseOutputs = evaluate(model, x, undefined, 'base point');
  const m = baseOutputs.length;
  const rows: TornadoRow[][] = Array.from({ length: m }, () => []);
  for (let i = 0; i < d; i++) {
    x.set(base);
    x[i] = lows[i];
    const atLow = evaluate(model, x, m, `${names[i]} at low`);
    x.set(base);
    x[i] = highs[i];
    const atHigh = evaluate(model, x, m, `${names[i]} at high`);
    for (let k = 0; k < m; k++) {
      rows[k].push({
        name: names[i],
        index: i,
        low: lows[i],
        high: highs[i],
        outputAtLow: atLow[k],
        outputAtHigh: atHigh[k],
        swing: Math.abs(atHigh[k] - atLow[k]),
      });
    }
  }
  // Array.prototype.sort is stable (ES2019): equal swings keep the parameters' order.
  for (const list of rows) list.sort((a, b) => b.swing - a.swing);
  return { base: baseOutputs, rows };
}

/**
 * Low, base and high values of each parameter for a tornado: the quantiles at `lowP` (default 0.1), 0.5 and
 * `highP` (default 0.9) of its distribution.
 * @param dists one distribution per parameter
 * @param lowP probability of the low value [-], default 0.1 (P10)
 * @param highP probability of the high value [-], default 0.9 (P90)
 * @returns `lows`, `medians` and `highs`, one entry per parameter [each parameter's unit]
 * @throws RangeError on invalid distributions or probabilities outside (0, 1) with lowP < highP
 * @example tornadoBounds([{ type: 'uniform', low: 0, high: 10 }]).highs[0] // 9
 */
export function tornadoBounds(
  dists: readonly Distribution[],
  lowP = 0.1,
  highP = 0.9,
): { lows: Float64Array; medians: Float64Array; highs: Float64Array } {
  if (!(lowP > 0 && lowP < highP && highP < 1)) {
    throw new RangeError(`tornadoBounds: probabilities must satisfy 0 < lowP < highP < 1, received ${lowP} and ${highP}`);
  }
  const q = dists.map((d) => compileQuantile(d, 'tornadoBounds'));
  return {
    lows: Float64Array.from(q, (f) => f(lowP)),
    medians: Float64Array.from(q, (f) => f(0.5)),
    highs: Float64Array.from(q, (f) => f(highP)),
  };
}
