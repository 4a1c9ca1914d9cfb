/**
 * The annuity equation of numpy-financial (OpenFormula), solved for fv, pmt and the interest part, without
 * argument checks (internal): the public `fv`, `pmt`, `ipmt` and `ppmt` check their arguments once and call
 * these, so that an intermediate NaN or ±Infinity (e.g. a subnormal rate) propagates as in numpy-financial
 * instead of being rejected as an argument.
 *
 *     fv + pv·(1+rate)^nper + pmt·(1 + rate·when)/rate·((1+rate)^nper - 1) = 0
 *     (rate = 0:  fv + pv + pmt·nper = 0)
 */

/** The `fv` solving the annuity equation (numpy-financial `fv`). `when`: 0 end, 1 beginning. */
export function futureValueOf(rate: number, nper: number, pmt: number, pv: number, when: 0 | 1): number {
  if (rate === 0) return -(pv + pmt * nper);
  const growth = (1 + rate) ** nper;
  return -pv * growth - ((pmt * (1 + rate * when)) / rate) * (growth - 1);
}

/** The `pmt` solving the annuity equation (numpy-financial `pmt`). */
export function paymentOf(rate: number, nper: number, pv: number, fv: number, when: 0 | 1): number {
  const growth = (1 + rate) ** nper;
  const factor = rate === 0 ? nper : ((1 + rate * when) * (growth - 1)) / rate;
  return -(fv + pv * growth) / factor;
}

/** Interest part of the payment of period `per` (numpy-financial `ipmt`). */
export function interestPaymentOf(rate: number, per: number, nper: number, pv: number, fv: number, when: 0 | 1): number {
  if (per < 1) return NaN; // payments start at period 1
  if (when === 1 && per === 1) return 0; // paid at the start of period 1: no interest yet
  const payment = paymentOf(rate, nper, pv, fv, when);
  // Balance at the start of period `per` (numpy-financial's _rbl), times the rate.
  const interest = futureValueOf(rate, per - 1, payment, pv, when) * rate;
  return when === 1 ? interest / (1 + rate) : interest; // paid a period earlier: discounted once
}
