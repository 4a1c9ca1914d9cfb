/**
 * A baseline model of measured consumption, as IPMVP option C and ASHRAE Guideline 14 use it: one entry point
 * for the degree-day regression (`linear`) and the change-point models, with the goodness-of-fit statistics
 * Guideline 14 asks for.
 *
 * Two input modes:
 * - `linear`: energy against one or more columns, typically heating degree days (DJU) and/or cooling degree days
 *   per period, possibly other drivers (occupancy days, production). Ordinary least squares with an intercept.
 * - `3p-heating`, `3p-cooling`, `4p`, `5p`: energy against the mean outdoor temperature of each period (one
 *   column), the change point(s) found by search (changePoint.ts).
 *
 * The periods must be of comparable length (all months, or all days): a month of 28 days and one of 31 differ by
 * 10 % in base load. Divide by the number of days first (energy per day and degree days per day, as CalTRACK does)
 * when periods are unequal, e.g. meter readings at irregular dates.
 */
import { changePointCount, changePointPredict, fitChangePoint, CHANGE_POINT_MODELS, type ChangePointEstimate, type ChangePointModel, type ChangePointOptions } from './changePoint.js';
import { cvRmse } from './cvRmse.js';
import { durbinWatson } from './durbinWatson.js';
import { nmbe } from './nmbe.js';
import { ols, olsPredict, type CoefficientEstimate, type OlsFit, type Regressor } from './ols.js';

export const BASELINE_MODELS = ['linear', ...CHANGE_POINT_MODELS] as const;
export type BaselineModel = (typeof BASELINE_MODELS)[number];

export interface BaselineFit {
  model: BaselineModel;
  /** Observations. */
  n: number;
  /** Parameters, change points included. */
  p: number;
  /** Intercept first (`intercept`), then one per regressor: the column name (linear), or `<column>.heating`,
   * `<column>.cooling`, `<column>.below`, `<column>.above` (change-point models). */
  coefficients: CoefficientEstimate[];
  /** Empty for `linear`. */
  changePoints: ChangePointEstimate[];
  /** Names of the data columns the model reads, in order. */
  xNames: string[];
  fitted: Float64Array;
  residuals: Float64Array;
  rSquared: number;
  adjustedRSquared: number;
  /** √(SSE/(n − p)) [unit of y]. */
  rmse: number;
  /** CV(RMSE), n − p convention [fraction]. */
  cvRmse: number;
  /** NMBE = Σ(y − ŷ)/((n − p)·ȳ) [fraction]. */
  nmbe: number;
  durbinWatson: number;
  /** Mean of y over the baseline period [unit of y]. */
  yMean: number;
  /** The underlying least-squares fit (at the estimated change points). */
  ols: OlsFit;
}

/**
 * Fits a baseline model.
 *
 * @param y consumption per period [kWh or any energy unit]
 * @param x explanatory columns: degree days (or other drivers) for `linear`, exactly one temperature column for
 *   change-point models
 * @param model `linear` (default), `3p-heating`, `3p-cooling`, `4p`, `5p`
 * @param options change-point search options
 * @returns the fit with Guideline 14's statistics
 * @throws RangeError on non-finite values, collinear columns, too few observations, or a change-point model given
 *   other than one column
 * @example
 * // 4 months, gas = 1000 + 50·DJU exactly: intercept 1000 kWh, slope 50 kWh/DJU
 * fitBaseline([6000, 11000, 16000, 3500], [{ name: 'dju', values: [100, 200, 300, 50] }]).coefficients[1].estimate // 50
 */
export function fitBaseline(y: ArrayLike<number>, x: readonly Regressor[], model: BaselineModel = 'linear', options: ChangePointOptions = {}): BaselineFit {
  let fit: OlsFit;
  let changePoints: ChangePointEstimate[] = [];
  if (model === 'linear') {
    if (x.length === 0) throw new RangeError('fitBaseline: the linear model needs at least one explanatory column (e.g. heating degree days)');
    fit = ols(y, x);
  } else {
    if (x.length !== 1) {
      throw new RangeError(`fitBaseline: a ${model} model takes exactly one column, the outdoor temperature; received ${x.length} (${x.map((c) => c.name).join(', ')})`);
    }
    const cp = fitChangePoint(y, x[0].values, model, { ...options, name: x[0].name });
    fit = cp.fit;
    changePoints = cp.changePoints;
  }
  return {
    model,
    n: fit.n,
    p: fit.p,
    coefficients: fit.coefficients,
    changePoints,
    xNames: x.map((c) => c.name),
    fitted: fit.fitted,
    residuals: fit.residuals,
    rSquared: fit.rSquared,
    adjustedRSquared: fit.adjustedRSquared,
    rmse: fit.rmse,
    cvRmse: cvRmse(y, fit.fitted, fit.p),
    nmbe: nmbe(y, fit.fitted, fit.p),
    durbinWatson: durbinWatson(fit.residuals),
    yMean: fit.yMean,
    ols: fit,
  };
}

/**
 * The baseline's prediction for other periods (the adjusted baseline of a reporting period).
 *
 * @param fit a `fitBaseline` result
 * @param x the same columns as when fitting, in the same order, for the new periods
 * @returns predicted consumption per period [unit of y]
 * @example predictBaseline(fitBaseline(y, [{ name: 'dju', values: dju }]), [[250]]) // [1000 + 50 × 250] = [13500]
 */
export function predictBaseline(fit: BaselineFit, x: readonly ArrayLike<number>[]): Float64Array {
  if (fit.model === 'linear') return olsPredict(fit.ols, x);
  if (x.length !== 1) throw new RangeError(`predictBaseline: a ${fit.model} model takes one temperature column, received ${x.length}`);
  const model = fit.model as ChangePointModel;
  return changePointPredict(
    { model, temperatureName: fit.xNames[0], changePoints: fit.changePoints, fit: fit.ols },
    x[0],
  );
}

/**
 * Parameters p of a model with k explanatory columns (for documentation and checks) [count]: the intercept and one
 * slope per column for `linear`; for change-point models the change points count too.
 * @example baselineParameterCount('linear', 2) // 3
 * @example baselineParameterCount('5p', 1) // 5 (intercept, two slopes, two change points)
 */
export function baselineParameterCount(model: BaselineModel, k: number): number {
  if (model === 'linear') return k + 1;
  return (model === '4p' || model === '5p' ? 3 : 2) + changePointCount(model);
}
