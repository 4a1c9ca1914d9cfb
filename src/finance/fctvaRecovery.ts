import type { ParameterSpec } from '../core/parameter.js';
import { requireInRange, requireInteger, requireSeries } from './internal/validate.js';

/**
 * Default FCTVA rate: 16.404 % of the eligible expenditure including VAT (TTC).
 * reference/parameters.md lists it as a commonly cited value not checked against the text there (R), hence
 * `low` confidence until checked.
 */
export const FCTVA_RATE: ParameterSpec = {
  value: 0.16404,
  unit: 'fraction',
  source: 'CGCT art. L1615-6 (rate applicable to expenditure since 1 January 2015), as cited in reference/parameters.md',
  confidence: 'low',
  note: 'Commonly cited value (R in reference/parameters.md), not checked against the article; check the current finance law.',
  description: 'FCTVA compensation rate applied to eligible investment expenditure incl. VAT',
};

/**
 * FCTVA receipts (*Fonds de compensation pour la TVA*): the State pays back to a local authority a flat share of
 * the VAT it paid on eligible investment expenditure, one, two or no years after the expense depending on the
 * authority's regime (CGCT art. L1615-6):
 * - N (lag 0): the same year (some groupings of communes; check the authority's own regime);
 * - N+1 (lag 1): the next year (notably authorities that joined the 2009 *plan de relance* scheme);
 * - N+2 (lag 2, the general regime): two years later.
 *
 *     receipts[t + lagYears] = rate × eligibleCapexInclVatEur[t]
 *
 * Receipts that would fall after the last year of the series are dropped (outside the appraisal horizon);
 * choose a horizon that covers them if they matter. Eligibility (works on the authority's own assets, not
 * leased out, etc.) is the caller's job: pass only eligible expenditure.
 *
 * @param eligibleCapexInclVatEur eligible investment expenditure per year, incl. VAT (TTC) [€]
 * @param rate FCTVA rate [fraction]; default 0.16404 (`FCTVA_RATE`, CGCT art. L1615-6, confidence low)
 * @param lagYears 0, 1 or 2 (regimes N, N+1, N+2); default 2
 * @param into optional series of the same length to write the receipts into (overwritten; it may not be the
 *   expenditure series itself), instead of allocating one
 * @returns receipts per year, positive (received) [€]: `into` when given
 * @throws RangeError when a value is not finite or the series is empty, `rate` is outside [0, 1], or `lagYears`
 *   is not 0, 1 or 2
 * @example fctvaRecovery([120_000, 0, 0]) // Float64Array [0, 0, 19684.8]
 */
export function fctvaRecovery(
  eligibleCapexInclVatEur: ArrayLike<number>,
  rate: number = FCTVA_RATE.value,
  lagYears = 2,
  into?: Float64Array,
): Float64Array {
  requireSeries('fctvaRecovery', 'eligibleCapexInclVatEur', eligibleCapexInclVatEur);
  requireInRange('fctvaRecovery', 'rate', rate, 0, 1);
  requireInteger('fctvaRecovery', 'lagYears', lagYears, 0, 2);
  if (into !== undefined && (into.length !== eligibleCapexInclVatEur.length || into === eligibleCapexInclVatEur)) {
    throw new RangeError('fctvaRecovery: into must be a separate series of the same length as eligibleCapexInclVatEur');
  }
  const receipts = into ? into.fill(0) : new Float64Array(eligibleCapexInclVatEur.length);
  for (let t = 0; t + lagYears < receipts.length; t++) receipts[t + lagYears] = rate * eligibleCapexInclVatEur[t];
  return receipts;
}
