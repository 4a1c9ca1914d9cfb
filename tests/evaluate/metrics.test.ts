import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { yearAxis } from '../../src/core/time.js';
import {
  compare,
  compareMetrics,
  compareMetricsReadable,
  comparisonMetrics,
  comparisonPhysics,
  comparisonScratch,
  discountTable,
  emptyMetrics,
  type ComparisonInput,
} from '../../src/evaluate/metrics.js';
import { emptyFlows, type VariantFlows } from '../../src/evaluate/model.js';
import { financialCosts, socioEconomicCosts } from '../../src/evaluate/perspective.js';
import { ROLL_UP_SUMS } from '../../src/evaluate/rollup.js';
import { npv } from '../../src/finance/index.js';

const axis = yearAxis(2026, 3);
const vac = new Float64Array(axis.length); // no carbon value: the socio-economic costs are plain money here

/** Status quo: 100 €/yr of energy (1000 kWh, 1 tCO2e) from year 1. */
function statusQuo(): VariantFlows {
  const f = emptyFlows(axis);
  for (let t = 1; t < axis.length; t++) {
    f.energyCostEur[t] = 100;
    f.energyKwh[t] = 1000;
    f.useKgCo2e[t] = 1000;
  }
  return f;
}

/** A retrofit: 150 € in year 0 (0.1 tCO2e embodied), then 40 €/yr of energy (400 kWh, 0.4 tCO2e). */
function retrofit(): VariantFlows {
  const f = emptyFlows(axis);
  f.capexEur[0] = 150;
  f.embodiedKgCo2e[0] = 100;
  for (let t = 1; t < axis.length; t++) {
    f.energyCostEur[t] = 40;
    f.energyKwh[t] = 400;
    f.useKgCo2e[t] = 400;
  }
  return f;
}

function run(rate: number) {
  const ref = statusQuo();
  const v = retrofit();
  return compare({
    years: axis.years,
    rate,
    reference: { flows: ref, costs: socioEconomicCosts(ref, vac) },
    variant: { flows: v, costs: socioEconomicCosts(v, vac) },
  });
}

describe('compare', () => {
  it('computes the metrics of a hand-worked retrofit', () => {
    const { metrics: m, yearly } = run(0.1);
    // Incremental cash flow: [-150, 60, 60, 60].
    expect(yearly.cashFlowEur).toEqual([-150, 60, 60, 60]);
    // NPV at 10 %: -150 + 60/1.1 + 60/1.21 + 60/1.331 = -0.789631855…
    expect(m.npvEur).toBeCloseTo(-150 + 60 / 1.1 + 60 / 1.21 + 60 / 1.331, 10);
    // Simple payback: cumulative -150, -90, -30, +30 → 2 + 30/60 = 2.5.
    expect(m.simplePaybackYears).toBeCloseTo(2.5, 12);
    // Discounted payback: never (NPV < 0).
    expect(m.discountedPaybackYears).toBeNull();
    // Energy saved: 3 × 600 = 1800 kWh of 3000 → 60 %.
    expect(m.energySavedKwh).toBe(1800);
    expect(m.energySavedFraction).toBeCloseTo(0.6, 12);
    // Carbon: avoided 3 × 0.6 − 0.1 = 1.7 t; net −1.7 t; carbon payback: net kg [100, −600, …] → 100/600 = 0.1667.
    expect(m.avoidedTco2e).toBeCloseTo(1.7, 12);
    expect(m.netTco2e).toBeCloseTo(-1.7, 12);
    expect(m.carbonPaybackYears).toBeCloseTo(1 / 6, 12);
    // Abatement cost: −NPV / tonnes = 0.789631855… / 1.7.
    expect(m.abatementCostEurPerTco2e).toBeCloseTo(-m.npvEur / 1.7, 10);
    // Benefit-cost ratio: PV(60, 60, 60 at 10 %) / 150 = 149.2103… / 150.
    expect(m.benefitCostRatio).toBeCloseTo((60 / 1.1 + 60 / 1.21 + 60 / 1.331) / 150, 10);
    // Levelised cost of saved energy: PV of incremental non-energy costs (150 at year 0) / PV of kWh saved.
    expect(m.levelisedCostOfSavedEnergyEurPerKwh).toBeCloseTo(150 / (600 / 1.1 + 600 / 1.21 + 600 / 1.331), 10);
    // IRR: the rate where NPV = 0 (slightly below 10 %).
    expect(m.irr).not.toBeNull();
    expect(npv(m.irr!, [-150, 60, 60, 60])).toBeCloseTo(0, 8);
    expect(m.irrMultiple).toBe(false);
    expect(m.capexEur).toBe(150);
  });

  it('ends the cumulative discounted cash flow on the NPV', () => {
    const { metrics, yearly } = run(0.05);
    expect(yearly.cumulativeDiscountedCashFlowEur.at(-1)).toBeCloseTo(metrics.npvEur, 9);
  });

  it('scores zero for a variant identical to its reference', () => {
    const ref = statusQuo();
    const same = statusQuo();
    const { metrics: m } = compareMetrics({
      years: axis.years,
      rate: 0.032,
      reference: { flows: ref, costs: socioEconomicCosts(ref, vac) },
      variant: { flows: same, costs: socioEconomicCosts(same, vac) },
    });
    expect(m.npvEur).toBe(0);
    expect(m.avoidedTco2e).toBe(0);
    expect(m.energySavedKwh).toBe(0);
    expect(m.abatementCostEurPerTco2e).toBeNull();
    expect(m.benefitCostRatio).toBeNull();
    expect(m.irr).toBeNull();
  });
});

describe('comparisonPhysics', () => {
  it('sums the physical quantities of the hand-worked retrofit', () => {
    const scratch = comparisonScratch(axis.length);
    const p = comparisonPhysics(statusQuo(), retrofit(), scratch);
    // Reference energy 3 × 1000 kWh; saved 3 × (1000 − 400) = 1800 kWh.
    expect(p.referenceKwh).toBe(3000);
    expect(p.savedKwh).toBe(1800);
    // Emissions: variant 100 + 3 × 400 = 1300 kg (100 embodied, 1200 use), reference 3 × 1000 = 3000 kg: net −1700.
    expect(p.netKg).toBe(-1700);
    expect(p.embodiedKg).toBe(100);
    expect(p.useKg).toBe(1200);
    expect(p.endOfLifeKg).toBe(0);
    expect(p.digitalKg).toBe(0);
    expect(Array.from(scratch.netKg)).toEqual([100, -600, -600, -600]);
    // Cumulative net 100, −500: paid back at 0 + 100 / 600 of the first year.
    expect(p.carbonPaybackYears).toBeCloseTo(1 / 6, 12);
    expect(p.finite).toBe(true);
  });

  it('is refused by comparisonMetrics for another pair of flows', () => {
    const ref = statusQuo();
    const v = retrofit();
    const scratch = comparisonScratch(axis.length);
    const physics = comparisonPhysics(ref, statusQuo(), scratch);
    const input: ComparisonInput = { years: axis.years, rate: 0.04, reference: { flows: ref, costs: socioEconomicCosts(ref, vac) }, variant: { flows: v, costs: socioEconomicCosts(v, vac) } };
    expect(() => comparisonMetrics(input, discountTable(0.04, axis.length), scratch, physics)).toThrow(/comparisonMetrics: physics must be/);
  });
});

describe('comparisonMetrics (one pass) against compareMetricsReadable (the definition)', () => {
  const n = 26;
  const long = yearAxis(2026, n - 1);
  const amount = (max: number) => fc.double({ min: 0, max, noNaN: true, noDefaultInfinity: true });
  /** Random flows: an investment at 0, replacements, running costs, energy and emissions, a residual value. */
  const flowsArb = fc
    .record({
      capex: fc.array(fc.oneof(fc.constant(0), amount(1e6)), { minLength: n, maxLength: n }),
      opex: amount(5e4),
      energyCost: amount(1e5),
      kwh: amount(1e6),
      useKg: amount(1e5),
      embodiedKg: amount(1e4),
      residual: amount(1e5),
      digitalKg: amount(1e3),
    })
    .map((r) => {
      const f = emptyFlows(long);
      for (let t = 0; t < n; t++) {
        f.capexEur[t] = t === 0 || t % 7 === 0 ? r.capex[t] : 0;
        f.embodiedKgCo2e[t] = f.capexEur[t] > 0 ? r.embodiedKg : 0;
        if (t > 0) {
          f.opexEur[t] = r.opex;
          f.energyCostEur[t] = r.energyCost * (1 + 0.01 * t);
          f.energyKwh[t] = r.kwh;
          f.useKgCo2e[t] = r.useKg * (1 - 0.02 * t);
          f.digitalKgCo2e[t] = r.digitalKg;
        }
      }
      f.residualValueEur[n - 1] = r.residual;
      return f;
    });
  const carbonValue = Float64Array.from({ length: n }, (_, t) => 100 + 10 * t);

  it('gives every metric identical to the last bit, with a shared table and reused buffers (property)', () => {
    fc.assert(
      fc.property(flowsArb, flowsArb, flowsArb, fc.double({ min: -0.05, max: 0.15, noNaN: true }), (ref, a, b, rate) => {
        const settings = { vatRate: 0.2, vatRecoverable: false, fctvaRate: 0.16404, fctvaLagYears: 2, financialDiscountRate: rate, socioEconomicDiscountRate: rate };
        const table = discountTable(rate, n);
        const scratch = comparisonScratch(n);
        for (const costs of [
          (f: VariantFlows) => financialCosts(f, settings, [{ name: 'grant', share: 0.3, capEur: 2e5 }]),
          (f: VariantFlows) => socioEconomicCosts(f, carbonValue),
        ]) {
          for (const variant of [a, b]) {
            const input: ComparisonInput = { years: long.years, rate, reference: { flows: ref, costs: costs(ref) }, variant: { flows: variant, costs: costs(variant) } };
            const fast = comparisonMetrics(input, table, scratch);
            const readable = compareMetricsReadable(input).metrics;
            // Object.is tells 0 from -0 and NaN from NaN, as results.json would.
            for (const key of Object.keys(readable) as (keyof typeof readable)[]) {
              if (!Object.is(fast[key], readable[key])) expect.fail(`${key}: ${fast[key]} ≠ ${readable[key]}`);
            }
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same metrics with the physics computed once for both perspectives (property)', () => {
    fc.assert(
      fc.property(flowsArb, flowsArb, fc.double({ min: -0.05, max: 0.15, noNaN: true }), (ref, variant, rate) => {
        const settings = { vatRate: 0.2, vatRecoverable: false, fctvaRate: 0.16404, fctvaLagYears: 2, financialDiscountRate: rate, socioEconomicDiscountRate: rate };
        const table = discountTable(rate, n);
        const scratch = comparisonScratch(n);
        const physics = comparisonPhysics(ref, variant, scratch);
        for (const costs of [
          (f: VariantFlows) => financialCosts(f, settings, [{ name: 'grant', share: 0.3, capEur: 2e5 }]),
          (f: VariantFlows) => socioEconomicCosts(f, carbonValue),
        ]) {
          const input: ComparisonInput = { years: long.years, rate, reference: { flows: ref, costs: costs(ref) }, variant: { flows: variant, costs: costs(variant) } };
          const fast = comparisonMetrics(input, table, scratch, physics);
          const readable = compareMetricsReadable(input).metrics;
          for (const key of Object.keys(readable) as (keyof typeof readable)[]) {
            if (!Object.is(fast[key], readable[key])) expect.fail(`${key}: ${fast[key]} ≠ ${readable[key]}`);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  /** The socio-economic comparison of two generated flows at `rate`, with its discount table and a fresh scratch. */
  const socioEconomicComparison = (ref: VariantFlows, variant: VariantFlows, rate: number) => ({
    table: discountTable(rate, n),
    scratch: comparisonScratch(n),
    input: {
      years: long.years,
      rate,
      reference: { flows: ref, costs: socioEconomicCosts(ref, carbonValue) },
      variant: { flows: variant, costs: socioEconomicCosts(variant, carbonValue) },
    } satisfies ComparisonInput,
  });

  it('leaves only the IRR out with { irr: false }, every other metric identical (property)', () => {
    fc.assert(
      fc.property(flowsArb, flowsArb, fc.double({ min: -0.05, max: 0.15, noNaN: true }), (ref, variant, rate) => {
        const { input, table, scratch } = socioEconomicComparison(ref, variant, rate);
        const full = comparisonMetrics(input, table, scratch);
        const noIrr = comparisonMetrics(input, table, scratch, undefined, { irr: false });
        expect(noIrr.irr).toBeNull();
        expect(noIrr.irrMultiple).toBe(false);
        for (const key of Object.keys(full) as (keyof typeof full)[]) {
          if (key !== 'irr' && key !== 'irrMultiple' && !Object.is(noIrr[key], full[key])) expect.fail(`${key}: ${noIrr[key]} ≠ ${full[key]}`);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('computes the summed metrics alone with { sumsOnly: true }, each identical, the others empty (property)', () => {
    const empty = emptyMetrics();
    fc.assert(
      fc.property(flowsArb, flowsArb, fc.double({ min: -0.05, max: 0.15, noNaN: true }), (ref, variant, rate) => {
        const { input, table, scratch } = socioEconomicComparison(ref, variant, rate);
        const full = comparisonMetrics(input, table, scratch);
        // Into a record a full comparison filled before (the roll-up rewrites its records): nothing of it may stay.
        const sums = comparisonMetrics(input, table, scratch, undefined, { sumsOnly: true }, { ...full });
        for (const key of Object.keys(full) as (keyof typeof full)[]) {
          const expected = (ROLL_UP_SUMS as readonly string[]).includes(key) ? full[key] : empty[key];
          if (!Object.is(sums[key], expected)) expect.fail(`${key}: ${sums[key]} ≠ ${expected}`);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('raises the finance functions\' own error on a value that is not finite', () => {
    const ref = statusQuo();
    const bad = retrofit();
    const costs = socioEconomicCosts(bad, vac);
    costs.totalEur[2] = NaN;
    const input: ComparisonInput = { years: axis.years, rate: 0.04, reference: { flows: ref, costs: socioEconomicCosts(ref, vac) }, variant: { flows: bad, costs } };
    expect(() => compareMetricsReadable(input)).toThrow(/npv: values\[2\]/);
    expect(() => compareMetrics(input)).toThrow(/npv: values\[2\]/);
    expect(() => comparisonMetrics(input, discountTable(0.04, axis.length), comparisonScratch(axis.length), undefined, { sumsOnly: true })).toThrow(/npv: values\[2\]/);
  });

  it('refuses a discount table for another rate', () => {
    const ref = statusQuo();
    const v = retrofit();
    const input: ComparisonInput = { years: axis.years, rate: 0.04, reference: { flows: ref, costs: socioEconomicCosts(ref, vac) }, variant: { flows: v, costs: socioEconomicCosts(v, vac) } };
    expect(() => comparisonMetrics(input, discountTable(0.05, axis.length), comparisonScratch(axis.length))).toThrow(
      /comparisonMetrics: the discount table is for rate 0.05/,
    );
  });
});
