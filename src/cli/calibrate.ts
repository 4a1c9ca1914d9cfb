/**
 * `territoires calibrate DATA --y COLUMN --x COLUMN[,COLUMN…] [--model linear|3p-heating|3p-cooling|4p|5p]
 *  [--date COLUMN] [--reporting-from DATE] [--parameter NAME] [--json] [--lang fr|en]`
 *
 * Fits a baseline of measured consumption (IPMVP option C, ASHRAE Guideline 14) and prints its coefficients with
 * standard errors, t statistics and p-values, R², adjusted R², RMSE, CV(RMSE), NMBE, Durbin–Watson and the
 * Guideline 14 checks for the data's interval. With `--reporting-from`, the months from that date on are the
 * reporting period: the command reports the avoided energy and its fractional savings uncertainty. With
 * `--parameter`, it also prints the calibrated override of that model parameter (origin `calibrated`, source
 * `calibrated from data (sha256 …)`).
 *
 * `--json` prints one document on stdout and nothing else:
 * `{model, n, p, coefficients: [{name, estimate, stdError, tStat, pValue}], changePoints, rSquared,
 *   adjustedRSquared, rmse, cvRmse, nmbe, durbinWatson, guideline14: {…}, data: {…}, savings, calibrated}`,
 * the intercept named `intercept`, the slopes by their column names (change-point slopes `<column>.heating`,
 * `.cooling`, `.below`, `.above`); numbers that do not exist are null.
 */
import { resolve } from 'node:path';
import { InputError } from '../core/errors.js';
import { BASELINE_MODELS, fitBaseline, type BaselineFit, type BaselineModel } from '../econometrics/baseline.js';
import { calibrateParameter, type CalibratedOverride, type CalibratedQuantity } from '../econometrics/calibrate.js';
import { guideline14Check, SAVINGS_UNCERTAINTY_CRITERION, type Guideline14Check } from '../econometrics/guideline14.js';
import { readMeterSeries, splitSeries, type MeterSeries } from '../econometrics/readSeries.js';
import { avoidedEnergy, type SavingsResult } from '../econometrics/savings.js';
import { formatNumber, table, type Lang } from './output.js';

export interface CalibrateCommandOptions {
  /** Consumption column. */
  y: string;
  /** Explanatory columns: degree days for `linear`, one temperature column for change-point models. */
  x: string[];
  model: 'linear' | '3p-heating' | '3p-cooling' | '4p' | '5p';
  json?: boolean;
  lang: Lang;
  /** Date column (default: a column named date, mois, month, jour…). */
  date?: string;
  /** First date of the reporting period; earlier rows are the baseline. */
  reportingFrom?: string;
  /** Model parameter to calibrate from the measured savings (needs `reportingFrom`). */
  parameter?: string;
  /** What the parameter is: the savings fraction (default) or the consumption ratio 1 − F. */
  quantity?: CalibratedQuantity;
  /** Two-sided confidence of the savings uncertainty (default 0.9). */
  confidence?: number;
  /** XLSX sheet (default: the first). */
  sheet?: string;
}

/** The machine-readable result of `territoires calibrate --json`. */
export function calibrationDocument(
  series: MeterSeries,
  baseline: MeterSeries,
  fit: BaselineFit,
  g14: Guideline14Check,
  savings: SavingsResult | null,
  calibrated: CalibratedOverride | null,
): Record<string, unknown> {
  const num = (x: number) => (Number.isFinite(x) ? x : null);
  return {
    model: fit.model,
    n: fit.n,
    p: fit.p,
    coefficients: fit.coefficients.map((c) => ({ name: c.name, estimate: num(c.estimate), stdError: num(c.stdError), tStat: num(c.tStat), pValue: num(c.pValue) })),
    changePoints: fit.changePoints,
    rSquared: num(fit.rSquared),
    adjustedRSquared: num(fit.adjustedRSquared),
    rmse: num(fit.rmse),
    cvRmse: num(fit.cvRmse),
    nmbe: num(fit.nmbe),
    durbinWatson: num(fit.durbinWatson),
    guideline14: {
      ...g14,
      savingsUncertainty: savings
        ? {
            confidence: SAVINGS_UNCERTAINTY_CRITERION.confidence,
            fractionalUncertainty: num(savings.uncertainty68.fractionalUncertainty),
            maxFractionalUncertainty: SAVINGS_UNCERTAINTY_CRITERION.maxFractionalUncertainty,
            met: savings.guideline14UncertaintyMet,
            source: SAVINGS_UNCERTAINTY_CRITERION.source,
            sourceConfidence: SAVINGS_UNCERTAINTY_CRITERION.sourceConfidence,
          }
        : null,
    },
    data: {
      file: series.file,
      sha256: series.sha256,
      y: series.y.name,
      x: series.x.map((c) => c.name),
      dateColumn: series.dateColumn,
      interval: series.interval,
      baselinePeriod: baseline.dates ? { from: baseline.dates[0], to: baseline.dates[baseline.dates.length - 1] } : null,
    },
    savings: savings
      ? {
          m: savings.m,
          reportingPeriod: series.dates && baseline.dates ? { from: series.dates[baseline.dates.length], to: series.dates[series.dates.length - 1] } : null,
          adjustedBaselineTotal: savings.adjustedBaselineTotal,
          measuredTotal: savings.measuredTotal,
          savings: savings.savings,
          savingsFraction: num(savings.savingsFraction),
          uncertainty: {
            confidence: savings.uncertainty.confidence,
            absolute: num(savings.uncertainty.absolute),
            fractional: num(savings.uncertainty.fractionalUncertainty),
            tStat: savings.uncertainty.tStat,
            df: savings.uncertainty.df,
            k: savings.uncertainty.k,
            rho: savings.uncertainty.rho,
            nEffective: savings.uncertainty.nEffective,
            autocorrelationApplied: savings.uncertainty.autocorrelationApplied,
          },
        }
      : null,
    calibrated,
  };
}

function fitOrExplain(series: MeterSeries, model: BaselineModel): BaselineFit {
  try {
    return fitBaseline(series.y.values, series.x, model);
  } catch (cause) {
    if (!(cause instanceof RangeError)) throw cause;
    throw new InputError(`${series.file}: cannot fit a ${model} model`, {
      file: series.file,
      path: model === 'linear' ? '--x' : '--model',
      expected:
        model === 'linear'
          ? 'explanatory columns that vary and are not copies or sums of each other, and more periods than parameters'
          : 'one temperature column with enough periods on each side of the change point(s)',
      received: cause.message,
      fix:
        model === 'linear'
          ? 'remove the constant or duplicated column, or add periods'
          : 'give a single temperature column with --x, choose a simpler model (3p-heating), or add periods',
      cause,
    });
  }
}

/** Runs `territoires calibrate`; resolves to the exit code (input errors are thrown as InputError). */
export async function calibrateCommand(fileArg: string, opts: CalibrateCommandOptions): Promise<number> {
  if (!(BASELINE_MODELS as readonly string[]).includes(opts.model)) {
    throw new InputError(`unknown model ${opts.model}`, {
      path: '--model',
      expected: BASELINE_MODELS.join(', '),
      received: String(opts.model),
      fix: 'use linear with degree days, or a change-point model with the outdoor temperature',
    });
  }
  const confidence = opts.confidence ?? 0.9;
  if (!(confidence > 0 && confidence < 1)) {
    throw new InputError(`invalid confidence ${opts.confidence}`, { path: '--confidence', expected: 'a fraction between 0 and 1, e.g. 0.9', received: String(opts.confidence), fix: 'write e.g. --confidence 0.9' });
  }
  if (opts.parameter && !opts.reportingFrom) {
    throw new InputError('--parameter needs a reporting period', {
      path: '--parameter',
      expected: '--reporting-from DATE, the first period after the works',
      received: 'no --reporting-from',
      fix: 'add --reporting-from, e.g. --reporting-from 2024-01',
    });
  }
  const file = resolve(fileArg);
  const series = await readMeterSeries(file, { y: opts.y, x: opts.x, date: opts.date, sheet: opts.sheet });
  const split = opts.reportingFrom ? splitSeries(series, opts.reportingFrom) : null;
  const baseline = split ? split.baseline : series;
  const fit = fitOrExplain(baseline, opts.model);
  const g14 = guideline14Check(fit, series.interval);
  const savings = split
    ? avoidedEnergy(
        fit,
        { y: split.reporting.y.values, x: split.reporting.x.map((c) => c.values) },
        { confidence, interval: series.interval },
      )
    : null;
  const calibrated = savings && opts.parameter ? calibrateParameter({ fit: savings, parameter: opts.parameter, file, sha256: series.sha256, quantity: opts.quantity }) : null;
  const doc = calibrationDocument(series, baseline, fit, g14, savings, calibrated);
  if (opts.json) {
    process.stdout.write(JSON.stringify(doc, null, 2) + '\n');
    return 0;
  }
  process.stdout.write(renderText(series, baseline, fit, g14, savings, calibrated, opts.lang) + '\n');
  return 0;
}

const TEXT = {
  fr: {
    models: { linear: 'linéaire', '3p-heating': '3 paramètres, chauffage', '3p-cooling': '3 paramètres, climatisation', '4p': '4 paramètres', '5p': '5 paramètres' },
    intervals: { monthly: 'mensuelles', daily: 'journalières', hourly: 'horaires' },
    baseline: 'Modèle de référence',
    observations: 'observations',
    header: ['coefficient', 'estimation', 'erreur-type', 't', 'p-valeur'],
    changePoint: 'point de rupture',
    fit: 'Ajustement',
    g14: 'ASHRAE Guideline 14',
    calibration: 'critères de calage',
    baselineModel: 'critères de modèle de référence (valeurs rapportées, confiance faible)',
    noThreshold: 'pas de seuil pour cet intervalle',
    unknownInterval: "intervalle des données inconnu (pas de dates) : seuils non vérifiés",
    met: 'respecté',
    notMet: 'non respecté',
    savings: 'Économies',
    reporting: 'période de suivi',
    periods: 'périodes',
    adjusted: 'référence ajustée',
    measured: 'mesuré',
    avoided: 'économie',
    uncertainty: 'incertitude à',
    fsu68: 'incertitude relative à 68 %',
    criterion: 'critère < 50 %',
    calibrated: 'Paramètre calé',
    convention: 'CV(RMSE) et NMBE avec n − p au dénominateur (Guideline 14)',
    adjustedR2: 'R² ajusté',
    colon: ' :',
    semicolon: ' ;',
  },
  en: {
    models: { linear: 'linear', '3p-heating': '3-parameter heating', '3p-cooling': '3-parameter cooling', '4p': '4-parameter', '5p': '5-parameter' },
    intervals: { monthly: 'monthly', daily: 'daily', hourly: 'hourly' },
    baseline: 'Baseline model',
    observations: 'observations',
    header: ['coefficient', 'estimate', 'std. error', 't', 'p-value'],
    changePoint: 'change point',
    fit: 'Fit',
    g14: 'ASHRAE Guideline 14',
    calibration: 'calibration criteria',
    baselineModel: 'baseline-model criteria (reported values, low confidence)',
    noThreshold: 'no threshold for this interval',
    unknownInterval: 'data interval unknown (no dates): thresholds not checked',
    met: 'met',
    notMet: 'not met',
    savings: 'Savings',
    reporting: 'reporting period',
    periods: 'periods',
    adjusted: 'adjusted baseline',
    measured: 'measured',
    avoided: 'avoided',
    uncertainty: 'uncertainty at',
    fsu68: 'fractional uncertainty at 68 %',
    criterion: 'criterion < 50 %',
    calibrated: 'Calibrated parameter',
    convention: 'CV(RMSE) and NMBE with n − p in the denominator (Guideline 14)',
    adjustedR2: 'adjusted R²',
    colon: ':',
    semicolon: ';',
  },
} as const;

function sig(x: number, lang: Lang, digits = 4): string {
  if (!Number.isFinite(x)) return '—';
  if (x !== 0 && (Math.abs(x) < 1e-3 || Math.abs(x) >= 1e7)) {
    const s = x.toExponential(digits - 1);
    return lang === 'fr' ? s.replace('.', ',') : s;
  }
  const d = Math.max(0, digits - 1 - Math.floor(Math.log10(Math.max(Math.abs(x), 1e-12))));
  return formatNumber(x, Math.min(d, 6), lang);
}

function pct(x: number | null, lang: Lang, digits = 1): string {
  if (x === null || !Number.isFinite(x)) return '—';
  const v = Math.abs(100 * x) < 0.5 * 10 ** -digits ? 0 : 100 * x; // no "-0,000 %"
  return `${formatNumber(v, digits, lang)} %`;
}

function renderText(
  series: MeterSeries,
  baseline: MeterSeries,
  fit: BaselineFit,
  g14: Guideline14Check,
  savings: SavingsResult | null,
  calibrated: CalibratedOverride | null,
  lang: Lang,
): string {
  const t = TEXT[lang];
  const c = t.colon;
  const sc = t.semicolon;
  const lines: string[] = [];
  const interval = series.interval ? ` ${t.intervals[series.interval]}` : '';
  const period = baseline.dates ? ` (${baseline.dates[0]} → ${baseline.dates[baseline.dates.length - 1]})` : '';
  lines.push(`${t.baseline}${c} ${t.models[fit.model]}, ${series.y.name} ~ ${series.x.map((x) => x.name).join(' + ')}`);
  lines.push(`  ${lang === 'fr' ? `${fit.n} ${t.observations}${interval}` : `${fit.n}${interval} ${t.observations}`}${period}, p = ${fit.p}`);
  lines.push(`  ${series.file} (sha256 ${series.sha256.slice(0, 12)}…)`);
  lines.push('');
  lines.push(
    table(
      [...t.header],
      fit.coefficients.map((k) => [k.name, sig(k.estimate, lang, 6), sig(k.stdError, lang), sig(k.tStat, lang), sig(k.pValue, lang, 2)]),
      [false, true, true, true, true],
    ),
  );
  for (const cp of fit.changePoints) lines.push(`  ${t.changePoint} ${cp.name} = ${sig(cp.value, lang)}`);
  lines.push('');
  lines.push(
    `${t.fit}${c} R² ${sig(fit.rSquared, lang)}${sc} ${t.adjustedR2} ${sig(fit.adjustedRSquared, lang)}${sc} RMSE ${sig(fit.rmse, lang)}${sc} ` +
      `CV(RMSE) ${pct(fit.cvRmse, lang)}${sc} NMBE ${pct(fit.nmbe, lang, 3)}${sc} Durbin–Watson ${sig(fit.durbinWatson, lang, 3)}`,
  );
  lines.push(`  ${t.convention}`);
  lines.push('');
  const verdict = (ok: boolean) => (ok ? t.met : t.notMet);
  if (!g14.interval) lines.push(`${t.g14}${c} ${t.unknownInterval}`);
  else {
    lines.push(`${t.g14} (${t.intervals[g14.interval]})`);
    lines.push(
      g14.calibration
        ? `  ${t.calibration}${c} CV(RMSE) ≤ ${pct(g14.calibration.cvRmseMax, lang, 0)} ${verdict(g14.calibration.cvRmseMet)}, |NMBE| ≤ ${pct(g14.calibration.nmbeMax, lang, 0)} ${verdict(g14.calibration.nmbeMet)}`
        : `  ${t.calibration}${c} ${t.noThreshold}`,
    );
    if (g14.baselineModel) {
      lines.push(
        `  ${t.baselineModel}${c} CV(RMSE) ≤ ${pct(g14.baselineModel.cvRmseMax, lang, 0)} ${verdict(g14.baselineModel.cvRmseMet)}, |NMBE| ≤ ${pct(g14.baselineModel.nmbeMax, lang, 3)} ${verdict(g14.baselineModel.nmbeMet)}`,
      );
    }
  }
  if (savings) {
    const u = savings.uncertainty;
    lines.push('');
    lines.push(`${t.savings} (${t.reporting}, ${savings.m} ${t.periods})`);
    lines.push(
      `  ${t.adjusted} ${formatNumber(savings.adjustedBaselineTotal, 0, lang)}${sc} ${t.measured} ${formatNumber(savings.measuredTotal, 0, lang)}${sc} ` +
        `${t.avoided} ${formatNumber(savings.savings, 0, lang)} (${pct(savings.savingsFraction, lang)}) ± ${formatNumber(u.absolute, 0, lang)} (${t.uncertainty} ${formatNumber(100 * u.confidence, 0, lang)} %)`,
    );
    lines.push(
      `  ${t.fsu68} ${pct(savings.uncertainty68.fractionalUncertainty, lang)} (${t.criterion}${c} ${savings.guideline14UncertaintyMet === null ? '—' : verdict(savings.guideline14UncertaintyMet)})`,
    );
  }
  if (calibrated) {
    lines.push('');
    lines.push(`${t.calibrated}${c} ${calibrated.name} = ${sig(calibrated.value, lang, 3)} [${sig(calibrated.range.low, lang, 3)}${sc} ${sig(calibrated.range.high, lang, 3)}], ${calibrated.confidence}`);
    lines.push(`  ${calibrated.source}`);
  }
  return lines.join('\n');
}
