import { argumentError } from '../core/errors.js';
import { requireInRange } from './internal/validate.js';

/** How a grant is computed: a share of the eligible expenditure, possibly capped. */
export interface SubsidyRule {
  /** Share of the eligible expenditure granted [fraction, 0 to 1]. */
  share: number;
  /** Ceiling of the grant [€]; none when omitted. */
  capEur?: number;
}

/**
 * Amount of a capital grant (*subvention d'investissement*): `min(share × capexEur, capEur)`.
 *
 * This covers the usual French grants to local authorities, each with the rate and ceiling of its call or
 * prefectoral decision: *Fonds vert* (fonds d'accélération de la transition écologique dans les territoires),
 * *DETR* (dotation d'équipement des territoires ruraux), *DSIL* (dotation de soutien à l'investissement local),
 * regional or departmental grants. *CEE* (certificats d'économies d'énergie) are valued in €/kWh cumac by
 * standard operation sheets, which is out of scope here: pass their expected value as a lump sum (`share` = 1,
 * `capEur` = the amount) or add it directly. No default rate is given on purpose: rates vary by call and year.
 *
 * The result is an amount, not a series: place it in the year it is received (usually the investment year or
 * the next) with a positive sign (received).
 *
 * @param capexEur eligible expenditure [€], ≥ 0 (incl. or excl. VAT as the grant's rules say)
 * @param rule `share` [fraction 0–1] and optional `capEur` [€]
 * @returns the grant [€], ≥ 0
 * @throws RangeError when `capexEur` < 0, `share` is outside [0, 1] or `capEur` < 0 (or not finite)
 * @example subsidy(200_000, { share: 0.4, capEur: 60_000 }) // 60000 (40 % would be 80,000, capped)
 */
export function subsidy(capexEur: number, rule: SubsidyRule): number {
  requireInRange('subsidy', 'capexEur', capexEur, 0);
  if (rule === null || typeof rule !== 'object') {
    throw argumentError('subsidy', 'rule', 'an object { share, capEur? }', String(rule));
  }
  requireInRange('subsidy', 'share', rule.share, 0, 1);
  if (rule.capEur !== undefined) requireInRange('subsidy', 'capEur', rule.capEur, 0);
  const amount = rule.share * capexEur;
  return rule.capEur === undefined ? amount : Math.min(amount, rule.capEur);
}
