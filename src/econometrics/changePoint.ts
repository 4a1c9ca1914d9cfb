/**
 * Change-point regressions of energy use against outdoor temperature, the inverse models of ASHRAE RP-1050
 * (J. K. Kissock, J. S. Haberl, D. E. Claridge, "Inverse Model Toolkit (RP-1050): numerical algorithms for best-fit
 * variable-base degree-day and change-point models", ASHRAE Transactions 109(2), 2003, 425–434), which
 * ASHRAE Guideline 14 and IPMVP option C use for whole-building baselines.
 *
 * With T the temperature and (u)⁺ = max(u, 0):
 * - `3p-heating`: y = β0 + β1 (cp − T)⁺: flat above the change point (the balance temperature), rising as it
 *   gets colder (β1 > 0 for a heated building).
 * - `3p-cooling`: y = β0 + β1 (T − cp)⁺.
 * - `4p`: y = β0 + β1 (T − cp)⁻ + β2 (T − cp)⁺ with (u)⁻ = min(u, 0): two slopes meeting at cp.
 * - `5p`: y = β0 + β1 (cpH − T)⁺ + β2 (T − cpC)⁺ with cpH ≤ cpC: heating, a flat dead band, cooling.
 * β0 is the consumption at the change point (the base load in the flat part).
 *
 * Input: temperature (°C or °F, as the data give it), one value per period: the mean outdoor temperature of the
 * day or month. The `linear` model of baseline.ts takes degree days instead (a heating degree-day column is
 * a 3p-heating model whose change point was fixed at the degree-day base, e.g. 18 °C for French DJU).
 *
 * Search: for each candidate change point the slopes are a linear least-squares problem, so the change point is
 * found by minimising the residual sum of squares over a grid spanning the data (each side keeps at least
 * `minPointsPerSide` observations), then refined by golden-section search between the grid neighbours of the
 * best point (for `5p`: a two-dimensional grid, then alternate golden-section passes on each change point).
 *
 * Inference: coefficients, standard errors, t and p-values are those of the linear fit with the change point(s)
 * held at their estimate, that is *conditional on the change point*: they do not include the uncertainty of the
 * change point itself. The residual variance counts the change points as parameters (p = 3, 4 or 5, as the
 * model names say), so the degrees of freedom are n − p.
 */
import { householderQr, applyQTranspose } from './householderQr.js';
import { ols, type OlsFit, type Regressor } from './ols.js';

export const CHANGE_POINT_MODELS = ['3p-heating', '3p-cooling', '4p', '5p'] as const;
export type ChangePointModel = (typeof CHANGE_POINT_MODELS)[number];

export interface ChangePointOptions {
  /** Name of the temperature column, used to name the slopes (default `T`). */
  name?: string;
  /** Grid points over the change-point range (default 100; for `5p`, per axis, default 40). */
  gridSize?: number;
  /** Observations that must lie strictly on each outer side of a change point (default 3). */
  minPointsPerSide?: number;
}

export interface ChangePointEstimate {
  /** `changePoint`, or `heatingChangePoint` / `coolingChangePoint` for 5p. */
  name: string;
  /** [temperature unit of the data] */
  value: number;
}

export interface ChangePointFit {
  model: ChangePointModel;
  temperatureName: string;
  changePoints: ChangePointEstimate[];
  /** The linear fit at the estimated change point(s); p includes the change points. */
  fit: OlsFit;
}

/**
 * The number of change points of each model [count]: one for 3P and 4P, two for 5P.
 * @example changePointCount('4p') // 1
 * @example changePointCount('5p') // 2
 */
export function changePointCount(model: ChangePointModel): number {
  return model === '5p' ? 2 : 1;
}

/**
 * The regressors of a change-point model for given change points (without the intercept).
 *
 * @param model which model
 * @param temperature T, one value per period
 * @param changePoints [cp] or, for 5p, [cpHeating, cpCooling]
 * @param name temperature column name, used in the regressor names
 * @example changePointRegressors('3p-heating', [5, 15, 25], [18], 'T')[0].values // [13, 3, 0]
 */
export function changePointRegressors(model: ChangePointModel, temperature: ArrayLike<number>, changePoints: readonly number[], name = 'T'): Regressor[] {
  const n = temperature.length;
  const make = (f: (t: number) => number) => {
    const v = new Float64Array(n);
    for (let i = 0; i < n; i++) v[i] = f(temperature[i]);
    return v;
  };
  const [a, b] = changePoints;
  switch (model) {
    case '3p-heating':
      return [{ name: `${name}.heating`, values: make((t) => Math.max(a - t, 0)) }];
    case '3p-cooling':
      return [{ name: `${name}.cooling`, values: make((t) => Math.max(t - a, 0)) }];
    case '4p':
      return [
        { name: `${name}.below`, values: make((t) => Math.min(t - a, 0)) },
        { name: `${name}.above`, values: make((t) => Math.max(t - a, 0)) },
      ];
    case '5p':
      return [
        { name: `${name}.heating`, values: make((t) => Math.max(a - t, 0)) },
        { name: `${name}.cooling`, values: make((t) => Math.max(t - b, 0)) },
      ];
  }
}

/** Residual sum of squares of the linear fit at given change points; Infinity when the design is degenerate. */
function sseAt(model: ChangePointModel, y: ArrayLike<number>, t: ArrayLike<number>, cps: number[]): number {
  const n = y.length;
  const columns: ArrayLike<number>[] = [new Float64Array(n).fill(1), ...changePointRegressors(model, t, cps).map((r) => r.values)];
  const f = householderQr(columns);
  const k = columns.length;
  for (let j = 0; j < k; j++) {
    if (!(Math.abs(f.r[j * k + j]) > 1e-11 * f.columnNorms[j])) return Infinity;
  }
  const qty = applyQTranspose(f, y);
  let sse = 0;
  for (let i = k; i < n; i++) sse += qty[i] * qty[i];
  return sse;
}

const GOLDEN = (Math.sqrt(5) - 1) / 2;

/** Golden-section minimisation of g on [lo, hi] (g assumed unimodal there); returns the best point seen. */
function goldenSection(g: (x: number) => number, lo: number, hi: number, iterations = 80): { x: number; value: number } {
  let a = lo;
  let b = hi;
  let c = b - GOLDEN * (b - a);
  let d = a + GOLDEN * (b - a);
  let gc = g(c);
  let gd = g(d);
  let best = gc <= gd ? { x: c, value: gc } : { x: d, value: gd };
  for (let i = 0; i < iterations && b - a > 1e-10 * (1 + Math.abs(a) + Math.abs(b)); i++) {
    if (gc <= gd) {
      b = d;
      d = c;
      gd = gc;
      c = b - GOLDEN * (b - a);
      gc = g(c);
      if (gc < best.value) best = { x: c, value: gc };
    } else {
      a = c;
      c = d;
      gc = gd;
      d = a + GOLDEN * (b - a);
      gd = g(d);
      if (gd < best.value) best = { x: d, value: gd };
    }
  }
  return best;
}

/** Change-point range keeping `m` observations strictly on each side (midpoints between order statistics). */
function searchRange(t: ArrayLike<number>, m: number): [number, number] {
  const sorted = Float64Array.from(t).sort();
  const n = sorted.length;
  const lo = 0.5 * (sorted[m - 1] + sorted[m]);
  const hi = 0.5 * (sorted[n - m - 1] + sorted[n - m]);
  if (!(hi > lo) || !(sorted[m] > sorted[m - 1]) || !(sorted[n - m] > sorted[n - m - 1])) {
    throw new RangeError(
      `fitChangePoint: the temperatures do not leave ${m} distinct observations on each side of a change point; supply more periods or a wider range of temperatures`,
    );
  }
  return [lo, hi];
}

function grid(lo: number, hi: number, size: number): number[] {
  return Array.from({ length: size }, (_, i) => lo + ((hi - lo) * i) / (size - 1));
}

/**
 * Fits a change-point model by grid search and golden-section refinement of the change point(s).
 *
 * @param y consumption per period [any energy unit, e.g. kWh]
 * @param temperature mean outdoor temperature per period [°C, or the data's unit]
 * @param model `3p-heating`, `3p-cooling`, `4p` or `5p`
 * @param options temperature column name, grid size, minimum observations on each side
 * @returns change point(s) and the conditional linear fit
 * @throws RangeError when values are not finite or the temperatures are too few or too narrow for the model
 * @example
 * // y = 100 + 10·(15 − T)⁺ exactly, T = 0…25 °C: the change point is found at 15 °C, the slope at 10 kWh/K
 * fitChangePoint(y, t, '3p-heating').changePoints[0].value // 15.000000…
 */
export function fitChangePoint(y: ArrayLike<number>, temperature: ArrayLike<number>, model: ChangePointModel, options: ChangePointOptions = {}): ChangePointFit {
  const { name = 'T', minPointsPerSide = 3 } = options;
  const n = y.length;
  if (temperature.length !== n) throw new RangeError(`fitChangePoint: ${n} consumption values but ${temperature.length} temperatures`);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(y[i]) || !Number.isFinite(temperature[i])) {
      throw new RangeError(`fitChangePoint: observation ${i} is not finite (y=${y[i]}, T=${temperature[i]})`);
    }
  }
  const cpCount = changePointCount(model);
  const p = (model === '4p' || model === '5p' ? 3 : 2) + cpCount;
  if (n <= p + 1) throw new RangeError(`fitChangePoint: a ${model} model has ${p} parameters and needs more than ${p + 1} observations, received ${n}`);
  if (!Number.isInteger(minPointsPerSide) || minPointsPerSide < 1 || 2 * minPointsPerSide > n) {
    throw new RangeError(`fitChangePoint: minPointsPerSide must be an integer in [1, n/2], received ${minPointsPerSide}`);
  }
  const [lo, hi] = searchRange(temperature, minPointsPerSide);
  let cps: number[];
  if (model !== '5p') {
    const size = Math.max(3, options.gridSize ?? 100);
    const g = grid(lo, hi, size);
    let bestI = 0;
    let bestSse = Infinity;
    g.forEach((cp, i) => {
      const s = sseAt(model, y, temperature, [cp]);
      if (s < bestSse) {
        bestSse = s;
        bestI = i;
      }
    });
    if (!Number.isFinite(bestSse)) throw new RangeError(`fitChangePoint: no change point in [${lo}, ${hi}] gives a well-posed ${model} fit`);
    const refined = goldenSection((cp) => sseAt(model, y, temperature, [cp]), g[Math.max(0, bestI - 1)], g[Math.min(size - 1, bestI + 1)]);
    cps = [refined.value <= bestSse ? refined.x : g[bestI]];
  } else {
    const size = Math.max(3, options.gridSize ?? 40);
    const g = grid(lo, hi, size);
    let best = { i: 0, j: 0, sse: Infinity };
    for (let i = 0; i < size; i++) {
      for (let j = i; j < size; j++) {
        const s = sseAt(model, y, temperature, [g[i], g[j]]);
        if (s < best.sse) best = { i, j, sse: s };
      }
    }
    if (!Number.isFinite(best.sse)) throw new RangeError(`fitChangePoint: no pair of change points in [${lo}, ${hi}] gives a well-posed 5p fit`);
    let cpH = g[best.i];
    let cpC = g[best.j];
    let sse = best.sse;
    const step = (hi - lo) / (size - 1);
    for (let round = 0; round < 6; round++) {
      const h = goldenSection((x) => sseAt(model, y, temperature, [x, cpC]), Math.max(lo, cpH - step), Math.min(cpC, cpH + step));
      if (h.value < sse) {
        cpH = h.x;
        sse = h.value;
      }
      const c = goldenSection((x) => sseAt(model, y, temperature, [cpH, x]), Math.max(cpH, cpC - step), Math.min(hi, cpC + step));
      if (c.value < sse) {
        cpC = c.x;
        sse = c.value;
      }
    }
    cps = [cpH, cpC];
  }
  const fit = ols(y, changePointRegressors(model, temperature, cps, name), { extraParameters: cpCount });
  const changePoints =
    model === '5p'
      ? [
          { name: 'heatingChangePoint', value: cps[0] },
          { name: 'coolingChangePoint', value: cps[1] },
        ]
      : [{ name: 'changePoint', value: cps[0] }];
  return { model, temperatureName: name, changePoints, fit };
}

/**
 * Predictions of a fitted change-point model for new temperatures.
 *
 * @example changePointPredict(fitChangePoint(y, t, '3p-heating'), [5]) // [200] when y = 100 + 10·(15 − T)⁺
 */
export function changePointPredict(cp: ChangePointFit, temperature: ArrayLike<number>): Float64Array {
  const regs = changePointRegressors(
    cp.model,
    temperature,
    cp.changePoints.map((c) => c.value),
    cp.temperatureName,
  );
  const out = new Float64Array(temperature.length).fill(cp.fit.coefficients[0].estimate);
  regs.forEach((r, j) => {
    const b = cp.fit.coefficients[j + 1].estimate;
    for (let i = 0; i < out.length; i++) out[i] += b * r.values[i];
  });
  return out;
}
