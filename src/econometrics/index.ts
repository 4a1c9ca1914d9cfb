/**
 * Econometrics: baselines from measured consumption (IPMVP option C, ASHRAE Guideline 14), savings with their
 * uncertainty, calibration of model parameters from measured savings, and benchmarking against reference
 * distributions.
 */

// Least squares and distributions
export { ols, olsPredict } from './ols.js';
export type { Regressor, OlsOptions, OlsFit, CoefficientEstimate } from './ols.js';
export { householderQr, qrLeastSquares, applyQTranspose, upperTriangularInverse } from './householderQr.js';
export type { QrFactorisation } from './householderQr.js';
export { incompleteBeta, logGamma } from './incompleteBeta.js';
export { studentTCdf, studentTTwoSidedP, studentTCritical } from './studentT.js';

// Goodness of fit
export { cvRmse } from './cvRmse.js';
export { nmbe } from './nmbe.js';
export { durbinWatson } from './durbinWatson.js';
export { lag1Autocorrelation } from './lag1Autocorrelation.js';

// Baseline models
export { fitBaseline, predictBaseline, baselineParameterCount, BASELINE_MODELS } from './baseline.js';
export type { BaselineFit, BaselineModel } from './baseline.js';
export { fitChangePoint, changePointPredict, changePointRegressors, changePointCount, CHANGE_POINT_MODELS } from './changePoint.js';
export type { ChangePointModel, ChangePointFit, ChangePointOptions, ChangePointEstimate } from './changePoint.js';

// ASHRAE Guideline 14
export { guideline14Check, inferInterval, CALIBRATION_THRESHOLDS, BASELINE_THRESHOLDS, SAVINGS_UNCERTAINTY_CRITERION } from './guideline14.js';
export type { DataInterval, Threshold, ThresholdCheck, Guideline14Check } from './guideline14.js';

// Savings and calibration
export { avoidedEnergy } from './savings.js';
export type { SavingsOptions, SavingsResult } from './savings.js';
export { fractionalSavingsUncertainty } from './fractionalSavingsUncertainty.js';
export type { FsuInput, FsuResult } from './fractionalSavingsUncertainty.js';
export { calibrateParameter, calibrationLayer } from './calibrate.js';
export type { CalibrationInput, CalibratedOverride, CalibratedQuantity } from './calibrate.js';

// Benchmarking
export { benchmark, REFERENCE_DISTRIBUTIONS, BENCHMARK_INDICATORS } from './benchmark.js';
export type { BenchmarkIndicator, BenchmarkResult, ReferenceDistribution } from './benchmark.js';

// Data
export { readMeterSeries, splitSeries, sliceSeries, parseDate, sha256OfFile } from './readSeries.js';
export type { MeterSeries, SeriesColumn, ReadSeriesOptions } from './readSeries.js';
