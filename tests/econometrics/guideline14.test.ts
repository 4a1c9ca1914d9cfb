import { describe, expect, it } from 'vitest';
import { BASELINE_THRESHOLDS, CALIBRATION_THRESHOLDS, guideline14Check, inferInterval } from '../../src/econometrics/guideline14.js';

describe('Guideline 14 thresholds', () => {
  it('holds the calibration criteria: monthly 15 % / ±5 %, hourly 30 % / ±10 %, none for daily', () => {
    // Values as reported by mepvault.com and unmethours.com (see guideline14.ts).
    expect(CALIBRATION_THRESHOLDS.monthly).toMatchObject({ cvRmseMax: 0.15, nmbeMax: 0.05, confidence: 'medium' });
    expect(CALIBRATION_THRESHOLDS.hourly).toMatchObject({ cvRmseMax: 0.3, nmbeMax: 0.1 });
    expect(CALIBRATION_THRESHOLDS.daily).toBeNull();
    expect(BASELINE_THRESHOLDS.monthly).toMatchObject({ cvRmseMax: 0.2, confidence: 'low' });
  });

  it('checks a monthly fit', () => {
    const ok = guideline14Check({ cvRmse: 0.08, nmbe: 0 }, 'monthly');
    expect(ok.calibration).toMatchObject({ cvRmseMet: true, nmbeMet: true, met: true });
    expect(ok.baselineModel?.met).toBe(true);
    // 17 % passes the baseline (20 %) but not the calibration (15 %) criterion; NMBE −6 % fails calibration.
    const mid = guideline14Check({ cvRmse: 0.17, nmbe: -0.06 }, 'monthly');
    expect(mid.calibration).toMatchObject({ cvRmseMet: false, nmbeMet: false, met: false });
    expect(mid.baselineModel?.cvRmseMet).toBe(true);
    expect(mid.convention).toMatch(/n − p/);
  });

  it('reports no check without an interval, and no calibration criterion for daily data', () => {
    expect(guideline14Check({ cvRmse: 0.1, nmbe: 0 }, null)).toMatchObject({ interval: null, calibration: null, baselineModel: null });
    const daily = guideline14Check({ cvRmse: 0.25, nmbe: 0 }, 'daily');
    expect(daily.calibration).toBeNull();
    expect(daily.baselineModel?.cvRmseMet).toBe(true);
  });
});

describe('inferInterval', () => {
  it('tells monthly, daily and hourly series from the median spacing', () => {
    const months = [0, 1, 2, 3].map((m) => Date.UTC(2023, m, 1));
    expect(inferInterval(months)).toBe('monthly');
    expect(inferInterval([0, 1, 2, 3].map((d) => Date.UTC(2023, 0, 1 + d)))).toBe('daily');
    expect(inferInterval([0, 1, 2, 3].map((h) => Date.UTC(2023, 0, 1, h)))).toBe('hourly');
    expect(inferInterval([0, 1, 2].map((h) => Date.UTC(2023, 0, 1, 0, 15 * h)))).toBe('hourly');
    expect(inferInterval([0, 7, 14].map((d) => Date.UTC(2023, 0, 1 + d)))).toBeNull();
    expect(inferInterval([Date.UTC(2023, 0, 1)])).toBeNull();
  });
});
