/**
 * Calibration: measured savings replace a model's assumed savings parameter, and the appraisal reruns with it.
 *
 * `calibrateParameter` turns the avoided energy of a reporting period (savings.ts) into a parameter override the
 * engine applies as one more layer of the resolution trail (src/evaluate/resolve.ts, origin `calibrated`): its
 * source reads `calibrated from data (sha256 …)` with the data file's name, so the report's assumptions annex
 * says exactly which meter series the number comes from.
 *
 * Which number: `savingsFraction` (F, e.g. the savings of a lighting retrofit, 0.23 for 23 %) or
 * `consumptionRatio` (1 − F, e.g. an automation factor: consumption with the measure divided by consumption
 * without it, 0.77).
 *
 * Confidence, a rule of this project (not from a standard): `high` when Guideline 14's savings criterion is met
 * (fractional uncertainty < 50 % at 68 %) and the baseline meets Guideline 14's calibration thresholds for its
 * interval; `medium` when only the savings criterion is met; `low` otherwise.
 * Range: the value ± the absolute uncertainty at the savings' confidence level (90 % by default).
 */
import { basename } from 'node:path';
import type { Confidence, Range } from '../core/parameter.js';
import type { OverrideLayer } from '../evaluate/resolve.js';
import { guideline14Check } from './guideline14.js';
import type { SavingsResult } from './savings.js';

export type CalibratedQuantity = 'savingsFraction' | 'consumptionRatio';

export interface CalibrationInput {
  /** The measured savings (a reporting period against a baseline). */
  fit: SavingsResult;
  /** Name of the model parameter to override, e.g. `gtbSavingsFraction`. */
  parameter: string;
  /** The data file the savings were measured from. */
  file: string;
  /** SHA-256 of that file (readSeries.ts `sha256OfFile`). */
  sha256: string;
  /** What the parameter means (default `savingsFraction`). */
  quantity?: CalibratedQuantity;
}

/** An override for the engine, origin `calibrated`: assignable to resolve.ts's `OverrideValue`. */
export interface CalibratedOverride {
  name: string;
  value: number;
  unit: 'fraction';
  origin: 'calibrated';
  /** `calibrated from data (sha256 <hex>), <file name>`. */
  source: string;
  confidence: Confidence;
  range: Range;
  note: string;
  file: string;
  sha256: string;
}

/**
 * Builds the override of a model parameter from measured savings.
 *
 * @param input the savings, the parameter name, the data file and its hash
 * @returns the override: value [fraction: F, or 1 − F for `consumptionRatio`], source with the hash, confidence,
 *   range [fraction], note
 * @example
 * // examples/data/ecole-gaz-mensuel.csv, linear DJU baseline 2022–2023, reporting 2024: F = 16.7 % ± 3.6 % (90 %)
 * // → { name: 'gtbSavingsFraction', value: 0.1668, range: { low: 0.131, mode: 0.1668, high: 0.203 },
 * //     source: 'calibrated from data (sha256 c538db2d…), ecole-gaz-mensuel.csv', origin: 'calibrated', confidence: 'high' }
 * calibrateParameter({ fit: savings, parameter: 'gtbSavingsFraction', file, sha256 }).value // 0.16677911…
 */
export function calibrateParameter(input: CalibrationInput): CalibratedOverride {
  const { fit, parameter, file, sha256, quantity = 'savingsFraction' } = input;
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new RangeError(`calibrateParameter: sha256 must be 64 lowercase hex digits, received ${sha256}`);
  if (!Number.isFinite(fit.savingsFraction)) throw new RangeError('calibrateParameter: the savings fraction is not a finite number');
  const f = fit.savingsFraction;
  const halfWidth = fit.uncertainty.baselineFractionUncertainty; // ΔE_save / E_baseline, in the same unit as F
  const value = quantity === 'savingsFraction' ? f : 1 - f;
  const range: Range = { low: value - halfWidth, mode: value, high: value + halfWidth };
  const g14 = guideline14Check(fit.baseline, fit.baseline.interval);
  const savingsOk = fit.guideline14UncertaintyMet === true;
  const calibrationOk = g14.calibration?.met === true;
  const confidence: Confidence = savingsOk && calibrationOk ? 'high' : savingsOk ? 'medium' : 'low';
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  const note =
    `IPMVP option C / ASHRAE Guideline 14: ${fit.baseline.model} baseline on ${fit.baseline.n} periods ` +
    `(CV(RMSE) ${pct(fit.baseline.cvRmse)}), ${fit.m} reporting periods; savings ${pct(f)} ± ${pct(halfWidth)} of the adjusted baseline ` +
    `at ${Math.round(100 * fit.uncertainty.confidence)} % confidence; ` +
    `fractional uncertainty at 68 % ${Number.isFinite(fit.uncertainty68.fractionalUncertainty) ? pct(fit.uncertainty68.fractionalUncertainty) : 'undefined (no savings)'}` +
    (quantity === 'consumptionRatio' ? '; value = 1 − savings fraction' : '');
  return {
    name: parameter,
    value,
    unit: 'fraction',
    origin: 'calibrated',
    source: `calibrated from data (sha256 ${sha256}), ${basename(file)}`,
    confidence,
    range,
    note,
    file,
    sha256,
  };
}

/**
 * The overrides as a resolution layer for the engine (`applyLayer(params, calibrationLayer(...))`).
 *
 * @param overrides calibrated parameters
 * @param file the data file (for the trail and error messages)
 * @example calibrationLayer([override], 'ecole-gaz-mensuel.csv').origin // 'calibrated'
 */
export function calibrationLayer(overrides: readonly CalibratedOverride[], file: string): OverrideLayer {
  const values: OverrideLayer['values'] = Object.fromEntries(
    overrides.map((o) => [o.name, { value: o.value, source: o.source, confidence: o.confidence, note: o.note, range: o.range }]),
  );
  return { origin: 'calibrated', file, values };
}
