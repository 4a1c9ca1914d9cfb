/**
 * Ordinary least squares with inference: coefficients, standard errors, t statistics, two-sided p-values,
 * R², adjusted R² and the residual standard deviation, through a Householder QR decomposition of the design
 * matrix (see householderQr.ts), never through the normal equations.
 *
 * Conventions (those of NIST's Statistical Reference Datasets, R's `lm` and Guideline 14):
 * - p counts every estimated parameter: the intercept, the slopes, and `extraParameters` (the change points of a
 *   change-point model, which are estimated by search and so cost degrees of freedom too).
 * - Residual standard deviation (Guideline 14's RMSE) = √(SSE / (n − p)); coefficient variances
 *   σ̂² (X'X)⁻¹_jj with σ̂² = SSE / (n − p), (X'X)⁻¹ = R⁻¹R⁻ᵀ.
 * - R² = 1 − SSE/SST with SST centred on the mean when there is an intercept, and uncentred (Σy²) without one,
 *   as NIST certifies for its no-intercept datasets and R reports.
 * - Adjusted R² = 1 − (1 − R²)(n − i)/(n − p), i = 1 with an intercept and 0 without.
 * - t = estimate / standard error, p-value two-sided from Student's t with n − p degrees of freedom.
 *
 * Reference for the accuracy target: NIST StRD, Linear Least Squares Regression,
 * https://www.itl.nist.gov/div898/strd/lls/lls.shtml (the tests reproduce Norris, Longley and Wampler1).
 */
import { householderQr, qrLeastSquares, upperTriangularInverse } from './householderQr.js';
import { studentTTwoSidedP } from './studentT.js';

/** One explanatory variable: its name (the data column) and its values. */
export interface Regressor {
  name: string;
  values: ArrayLike<number>;
}

export interface OlsOptions {
  /** Add an intercept column of ones, named `intercept` (default true). */
  intercept?: boolean;
  /** Parameters estimated outside this regression (e.g. change points), counted in p for degrees of freedom. */
  extraParameters?: number;
}

export interface CoefficientEstimate {
  /** `intercept`, or the regressor's name. */
  name: string;
  estimate: number;
  stdError: number;
  tStat: number;
  /** Two-sided, Student's t with n − p degrees of freedom. */
  pValue: number;
}

export interface OlsFit {
  /** Observations. */
  n: number;
  /** Parameters: intercept + slopes + extra parameters. */
  p: number;
  /** n − p. */
  residualDf: number;
  intercept: boolean;
  coefficients: CoefficientEstimate[];
  fitted: Float64Array;
  /** y − ŷ. */
  residuals: Float64Array;
  /** Σ(y − ŷ)² [y unit²]. */
  sse: number;
  rSquared: number;
  adjustedRSquared: number;
  /** Residual standard deviation √(SSE / (n − p)) [y unit]; Guideline 14's RMSE. */
  rmse: number;
  /** Mean of y [y unit]. */
  yMean: number;
}

/** Relative size of a diagonal of R below which a column is declared collinear with the ones before it. */
const COLLINEARITY_TOLERANCE = 1e-11;

/**
 * Fits y = b0 + Σ b_j x_j + e by least squares and reports the usual inference.
 *
 * @param y response [any unit], n finite values
 * @param regressors explanatory columns, each with a name and n finite values
 * @param options `intercept` (default true), `extraParameters` (default 0)
 * @returns the fit, coefficients in the order intercept, then regressors
 * @throws RangeError naming the column or row when a value is not finite, when a column is constant or collinear
 *   with the others, or when there are not more observations than parameters
 * @example
 * // NIST StRD Norris (36 observations): certified b0 = −0.262323073774029, b1 = 1.00211681802045
 * ols(norrisY, [{ name: 'x', values: norrisX }]).coefficients[1].estimate // 1.00211681802045…
 */
export function ols(y: ArrayLike<number>, regressors: readonly Regressor[], options: OlsOptions = {}): OlsFit {
  const { intercept = true, extraParameters = 0 } = options;
  const n = y.length;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(y[i])) throw new RangeError(`ols: y[${i}] is ${y[i]}; every observation must be a finite number`);
  }
  for (const r of regressors) {
    if (r.values.length !== n) throw new RangeError(`ols: column ${r.name} has ${r.values.length} values, y has ${n}`);
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(r.values[i])) throw new RangeError(`ols: ${r.name}[${i}] is ${r.values[i]}; every value must be a finite number`);
    }
  }
  const names = [...(intercept ? ['intercept'] : []), ...regressors.map((r) => r.name)];
  const columns: ArrayLike<number>[] = [...(intercept ? [new Float64Array(n).fill(1)] : []), ...regressors.map((r) => r.values)];
  const k = columns.length;
  if (k === 0) throw new RangeError('ols: nothing to fit (no intercept and no regressor)');
  const p = k + extraParameters;
  if (n <= p) throw new RangeError(`ols: ${n} observations for ${p} parameters; at least ${p + 1} are needed to estimate the residual variance`);

  const f = householderQr(columns);
  for (let j = 0; j < k; j++) {
    const d = Math.abs(f.r[j * k + j]);
    if (f.columnNorms[j] === 0 || d <= COLLINEARITY_TOLERANCE * f.columnNorms[j]) {
      throw new RangeError(
        `ols: column ${names[j]} is ${f.columnNorms[j] === 0 ? 'all zeros' : j === 0 && !intercept ? 'degenerate' : 'constant or a linear combination of the columns before it'}; remove it or use another variable`,
      );
    }
  }
  const b = qrLeastSquares(f, y);

  const fitted = new Float64Array(n);
  for (let j = 0; j < k; j++) {
    const c = columns[j];
    for (let i = 0; i < n; i++) fitted[i] += b[j] * c[i];
  }
  const residuals = new Float64Array(n);
  let sse = 0;
  let ySum = 0;
  for (let i = 0; i < n; i++) {
    residuals[i] = y[i] - fitted[i];
    sse += residuals[i] * residuals[i];
    ySum += y[i];
  }
  const yMean = ySum / n;
  let sst = 0;
  for (let i = 0; i < n; i++) {
    const d = intercept ? y[i] - yMean : y[i];
    sst += d * d;
  }
  const residualDf = n - p;
  const sigma2 = sse / residualDf;
  const rInv = upperTriangularInverse(f.r, k);
  const coefficients: CoefficientEstimate[] = names.map((name, j) => {
    let v = 0;
    for (let m = j; m < k; m++) v += rInv[j * k + m] * rInv[j * k + m];
    const stdError = Math.sqrt(sigma2 * v);
    const tStat = b[j] / stdError;
    return { name, estimate: b[j], stdError, tStat, pValue: stdError > 0 ? studentTTwoSidedP(tStat, residualDf) : 0 };
  });
  const rSquared = sst > 0 ? 1 - sse / sst : NaN;
  const adjustedRSquared = 1 - ((1 - rSquared) * (n - (intercept ? 1 : 0))) / residualDf;
  return {
    n,
    p,
    residualDf,
    intercept,
    coefficients,
    fitted,
    residuals,
    sse,
    rSquared,
    adjustedRSquared,
    rmse: Math.sqrt(sigma2),
    yMean,
  };
}

/**
 * Predictions of a fitted model for new values of its regressors (given in the same order as when fitting).
 *
 * @param fit an `ols` result
 * @param columns one array per regressor (not the intercept), each of the same length m
 * @returns ŷ, m values
 * @example olsPredict(ols([2, 4, 6], [{ name: 'x', values: [1, 2, 3] }]), [[10]]) // [20]
 */
export function olsPredict(fit: OlsFit, columns: readonly ArrayLike<number>[]): Float64Array {
  const slopes = fit.coefficients.slice(fit.intercept ? 1 : 0);
  if (columns.length !== slopes.length) {
    throw new RangeError(`olsPredict: the model has ${slopes.length} regressor(s), received ${columns.length} column(s)`);
  }
  const m = columns.length > 0 ? columns[0].length : 0;
  const out = new Float64Array(m).fill(fit.intercept ? fit.coefficients[0].estimate : 0);
  slopes.forEach((c, j) => {
    const x = columns[j];
    if (x.length !== m) throw new RangeError(`olsPredict: column ${c.name} has ${x.length} values, the first column ${m}`);
    for (let i = 0; i < m; i++) out[i] += c.estimate * x[i];
  });
  return out;
}
