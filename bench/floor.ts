/**
 * The least arithmetic a Monte Carlo draw of the town example needs, measured: how far down the Monte Carlo target
 * (100,000 draws × 4 use cases × 5 scenarios in 3 s on 2 cores, i.e. 60 µs of CPU per draw) any implementation in
 * JavaScript could go on this machine.
 *
 * What it times per draw, for the 5 scenarios, with the draws themselves free (their quantiles are computed before
 * timing) and on real draws' flows (the models run before timing):
 * 1. flows: every value of the 12 flow series of every variant written once, as one product of two inputs: the
 *    least a model can do per value (the real models compute fleets, schedules and catalogues first);
 * 2. costs: both perspectives' cost series of every variant, as `financialCosts` and `socioEconomicCosts` compute
 *    them (VAT, FCTVA with its lag, residual value, carbon value), no subsidy;
 * 3. physics: per comparison, the emissions of both sides per year, the kWh saved and the net tonnes;
 * 4. metrics: per comparison and perspective, the incremental cash flow, its NPV, simple and discounted payback,
 *    and its IRR by Halley steps on the NPV polynomial from x = 0.9 until they settle (no certificate that the root
 *    is the only one, which the library's search gives). Left out: MIRR, benefit-cost ratio, lifecycle cost, carbon
 *    payback, abatement cost, the shared digital infrastructure, and writing the metric columns.
 *
 * In two layouts: `draw`, one draw at a time, each series its 26 years (the engine's layout; costs and physics
 * are then the library's own functions); `block`, the layout of a batched engine, a block of draws at once, each
 * series laid out year × draw and every equation one long loop, per-draw sums in arrays.
 *
 * Each stage is checked against the library on the same draws (`failures`): the block's costs equal
 * `financialCosts` and `socioEconomicCosts` to the last bit; in both layouts, the NPVs and paybacks equal those of
 * `comparisonMetrics` to 1e-9 relative, and the IRRs too where the library finds exactly one. A floor that
 * computed something else would prove nothing.
 */
import { resolveParameters, type PreparedRun } from '../src/evaluate/engine.js';
import { comparisonMetrics, comparisonPhysics, comparisonScratch, discountTable } from '../src/evaluate/metrics.js';
import { FLOW_SERIES, type VariantFlows } from '../src/evaluate/model.js';
import { planUncertainty } from '../src/evaluate/montecarlo.js';
import { financialCosts, socioEconomicCosts, zeroCosts, type FinanceSettings, type PerspectiveCosts } from '../src/evaluate/perspective.js';
import { valuesOf } from '../src/evaluate/resolve.js';
import { sampleChunk } from '../src/uncertainty/chunks.js';

type Block = Record<(typeof FLOW_SERIES)[number], Float64Array>;
type CostBlock = { investment: Float64Array; running: Float64Array; energy: Float64Array; carbon: Float64Array; total: Float64Array; fctva: Float64Array };

/** CPU µs per draw (5 scenarios) of each stage of one layout, and in all. */
export interface FloorTimes {
  flowsUs: number;
  costsUs: number;
  physicsUs: number;
  metricsUs: number;
  totalUs: number;
}

export interface FloorResult {
  /** Draws the floor ran on (one block). */
  draws: number;
  draw: FloorTimes;
  block: FloorTimes;
  /**
   * The same floor for one evaluation (one use case, all its variants, the first scenario, both perspectives: the
   * bench's "one evaluation"), layout `draw`: CPU µs per evaluation.
   */
  evaluations: ({ useCase: string; variants: number } & FloorTimes)[];
  /** Failed checks, empty when every stage agrees with the library. */
  failures: string[];
}

/** The per-draw results of the metrics stage (NaN: no payback within the horizon). */
interface MoneyOut {
  npv: Float64Array;
  payback: Float64Array;
  discountedPayback: Float64Array;
  irr: Float64Array;
}

/**
 * Measures the floor on `draws` draws of `run` in both layouts (see the module comment): each stage is run `repeat`
 * times after a quarter as many untimed runs.
 */
export function monteCarloFloor(run: PreparedRun, draws = 64, repeat = 50): FloorResult {
  const n = run.axis.length;
  const block = draws;
  const size = n * block;
  const plan = planUncertainty(run);
  const uniforms = sampleChunk(plan.quantities.map(() => (u: number) => u), 1, 0, 0, block, 'lhs');
  const failures: string[] = [];
  const newCosts = (): CostBlock => ({
    investment: new Float64Array(size),
    running: new Float64Array(size),
    energy: new Float64Array(size),
    carbon: new Float64Array(size),
    total: new Float64Array(size),
    fctva: new Float64Array(size),
  });
  // The real flows of the draws, per scenario, use case and variant: as the model returned them (`draws`) and laid
  // out year × draw (`flows`), with each layout's cost buffers.
  type Variant = { flows: Block; draws: VariantFlows[]; fin: CostBlock; soc: CostBlock; finDraw: PerspectiveCosts; socDraw: PerspectiveCosts };
  type UseCase = { variants: Variant[]; settings: FinanceSettings; financial: Float64Array; socio: Float64Array };
  const scenarios: { useCases: UseCase[]; carbon: Float64Array; carbonDraws: Float64Array[] }[] = [];
  plan.scenarios.forEach((sc, s) => {
    const pack = run.packs[s];
    const seriesOfDraws = Array.from({ length: block }, (_, d) => seriesForDraw(sc, plan, uniforms, d));
    const useCases: UseCase[] = run.useCases.map((uc, i) => {
      const variants: Variant[] = uc.model.variants.map(() => ({
        flows: Object.fromEntries(FLOW_SERIES.map((name) => [name, new Float64Array(size)])) as Block,
        draws: [],
        fin: newCosts(),
        soc: newCosts(),
        finDraw: zeroCosts(n),
        socDraw: zeroCosts(n),
      }));
      const base = valuesOf(resolveParameters(run, uc, pack));
      // One set of finance settings for the draws (the floor's loops take the rates as scalars): the base values'.
      const settings: FinanceSettings = {
        vatRate: base.vatRate,
        vatRecoverable: uc.vatRecoverable,
        fctvaRate: base.fctvaRate,
        fctvaLagYears: Math.round(base.fctvaLagYears),
        financialDiscountRate: base.financialDiscountRate,
        socioEconomicDiscountRate: base.socioEconomicDiscountRate,
      };
      for (let d = 0; d < block; d++) {
        const p = { ...base };
        for (const q of sc.useCases[i].parameters) p[q.name] = plan.slots[q.slot].quantile(uniforms[q.q][d]);
        const flows = uc.model.simulate({ axis: run.axis, p, s: seriesOfDraws[d], inventory: uc.inventory });
        uc.model.variants.forEach((v, j) => {
          const f = flows[v.id];
          variants[j].draws.push(f);
          for (const name of FLOW_SERIES) {
            const from = f[name];
            const to = variants[j].flows[name];
            if (from !== undefined) for (let t = 0; t < n; t++) to[t * block + d] = from[t];
          }
        });
      }
      const financial = discountTable(settings.financialDiscountRate, n).discount;
      const socio = discountTable(settings.socioEconomicDiscountRate, n).discount;
      return { variants, settings, financial, socio };
    });
    const carbonDraws = seriesOfDraws.map((series) => series.carbonValueEurPerTco2e);
    const carbon = new Float64Array(size);
    carbonDraws.forEach((c, d) => {
      for (let t = 0; t < n; t++) carbon[t * block + d] = c[t];
    });
    scenarios.push({ useCases, carbon, carbonDraws });
  });

  // Scratch: one product's inputs, the comparison's series, per-draw accumulators and results.
  const inA = new Float64Array(size).map((_, i) => 1 + (i % 7));
  const inB = new Float64Array(size).map((_, i) => 0.5 + (i % 5));
  const outs = FLOW_SERIES.map(() => new Float64Array(n));
  const drawA = Array.from({ length: block }, (_, d) => inA.subarray(d * n, d * n + n));
  const drawB = Array.from({ length: block }, (_, d) => inB.subarray(d * n, d * n + n));
  const cf = new Float64Array(size);
  const refE = new Float64Array(size);
  const varE = new Float64Array(size);
  const acc = Array.from({ length: 8 }, () => new Float64Array(block));
  const sums = { saved: new Float64Array(block), net: new Float64Array(block) };
  const out: MoneyOut = { npv: new Float64Array(block), payback: new Float64Array(block), discountedPayback: new Float64Array(block), irr: new Float64Array(block) };
  const scratch = comparisonScratch(n);

  // Layout `draw`: one draw at a time, over the (scenario, use case) pairs of `pairs`.
  type Pair = { sc: (typeof scenarios)[number]; u: UseCase };
  const allPairs: Pair[] = scenarios.flatMap((sc) => sc.useCases.map((u) => ({ sc, u })));
  const drawStagesFor = (pairs: Pair[]) => ({
    flows: (d: number): void => {
      for (const { u } of pairs) for (const _v of u.variants) for (let k = 0; k < outs.length; k++) product(outs[k], drawA[d], drawB[d]);
    },
    costs: (d: number): void => {
      for (const { sc, u } of pairs) {
        for (const v of u.variants) {
          financialCosts(v.draws[d], u.settings, [], v.finDraw);
          socioEconomicCosts(v.draws[d], sc.carbonDraws[d], v.socDraw);
        }
      }
    },
    physics: (d: number): void => {
      for (const { u } of pairs) for (let j = 1; j < u.variants.length; j++) comparisonPhysics(u.variants[0].draws[d], u.variants[j].draws[d], scratch);
    },
    metrics: (d: number): void => {
      for (const { u } of pairs) {
        const ref = u.variants[0];
        for (let j = 1; j < u.variants.length; j++) {
          moneyDraw(ref.finDraw.totalEur, u.variants[j].finDraw.totalEur, u.financial, cf, out, d);
          moneyDraw(ref.socDraw.totalEur, u.variants[j].socDraw.totalEur, u.socio, cf, out, d);
        }
      }
    },
  });
  const drawStages = drawStagesFor(allPairs);
  const eachComparison = (f: (u: UseCase, ref: Variant, v: Variant) => void): void => {
    for (const { u } of allPairs) for (let j = 1; j < u.variants.length; j++) f(u, u.variants[0], u.variants[j]);
  };
  // Layout `block`: every draw at once.
  const blockStages = {
    flows: (): void => {
      for (const sc of scenarios) for (const u of sc.useCases) for (const v of u.variants) for (const name of FLOW_SERIES) product(v.flows[name], inA, inB);
    },
    costs: (): void => {
      for (const sc of scenarios) {
        for (const u of sc.useCases) {
          for (const v of u.variants) {
            financialBlock(v.flows, u.settings, v.fin, n, block);
            socioBlock(v.flows, sc.carbon, v.soc, size);
          }
        }
      }
    },
    physics: (): void => eachComparison((_u, ref, v) => physicsBlock(ref.flows, v.flows, refE, varE, sums, n, block)),
    metrics: (): void =>
      eachComparison((u, ref, v) => {
        moneyBlock(ref.fin.total, v.fin.total, u.financial, cf, acc, out, n, block);
        moneyBlock(ref.soc.total, v.soc.total, u.socio, cf, acc, out, n, block);
      }),
  };

  // Checks on the first scenario's draws: both layouts against the library.
  blockStages.costs();
  const close = (a: number, b: number | null): boolean => (b === null ? Number.isNaN(a) : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)));
  const checkMoney = (layout: string, what: string, d: number, m: ReturnType<typeof comparisonMetrics>): void => {
    if (!close(out.npv[d], m.npvEur)) failures.push(`${layout}: NPV of ${what}, draw ${d}: ${out.npv[d]} against ${m.npvEur}`);
    if (!close(out.payback[d], m.simplePaybackYears)) failures.push(`${layout}: payback of ${what}, draw ${d}: ${out.payback[d]} against ${m.simplePaybackYears}`);
    if (!close(out.discountedPayback[d], m.discountedPaybackYears)) {
      failures.push(`${layout}: discounted payback of ${what}, draw ${d}: ${out.discountedPayback[d]} against ${m.discountedPaybackYears}`);
    }
    if (m.irr !== null && m.irr >= 0 && !m.irrMultiple && !close(out.irr[d], m.irr)) failures.push(`${layout}: IRR of ${what}, draw ${d}: ${out.irr[d]} against ${m.irr}`);
  };
  for (const [i, u] of scenarios[0].useCases.entries()) {
    for (let d = 0; d < block; d++) {
      drawStages.costs(d);
      u.variants.forEach((v, j) => {
        for (let t = 0; t < n; t++) {
          if (v.fin.total[t * block + d] !== v.finDraw.totalEur[t]) failures.push(`block: financial cost, use case ${i}, variant ${j}, draw ${d}, year ${t}`);
          if (v.soc.total[t * block + d] !== v.socDraw.totalEur[t]) failures.push(`block: socio-economic cost, use case ${i}, variant ${j}, draw ${d}, year ${t}`);
        }
      });
      for (let j = 1; j < u.variants.length; j++) {
        const ref = u.variants[0];
        const v = u.variants[j];
        const m = comparisonMetrics(
          { years: run.axis.years, rate: u.settings.financialDiscountRate, reference: { flows: ref.draws[d], costs: ref.finDraw }, variant: { flows: v.draws[d], costs: v.finDraw } },
          discountTable(u.settings.financialDiscountRate, n),
          comparisonScratch(n),
        );
        moneyDraw(ref.finDraw.totalEur, v.finDraw.totalEur, u.financial, cf, out, d);
        checkMoney('draw', `use case ${i}, variant ${j}`, d, m);
        moneyBlock(ref.fin.total, v.fin.total, u.financial, cf, acc, out, n, block);
        checkMoney('block', `use case ${i}, variant ${j}`, d, m);
      }
    }
  }

  const time = (run: () => void): number => {
    for (let i = 0; i < Math.max(1, repeat >> 2); i++) run();
    const c0 = process.cpuUsage();
    for (let i = 0; i < repeat; i++) run();
    const u = process.cpuUsage(c0);
    return (u.user + u.system) / (repeat * block);
  };
  // The layout `draw` is timed on the first draw's flows, `block` times over: in the engine, a draw's flows are in
  // buffers reused from one draw to the next (an arena), which stay in the processor's cache; reading the flows of
  // many stored draws instead would add cache misses that no engine has.
  const perDraw = (stage: (d: number) => void) => () => {
    for (let d = 0; d < block; d++) stage(0);
  };
  const times = (stages: { flows: () => void; costs: () => void; physics: () => void; metrics: () => void }): FloorTimes => {
    const t = { flowsUs: time(stages.flows), costsUs: time(stages.costs), physicsUs: time(stages.physics), metricsUs: time(stages.metrics) };
    return { ...t, totalUs: t.flowsUs + t.costsUs + t.physicsUs + t.metricsUs };
  };
  const timesDraw = (stages: ReturnType<typeof drawStagesFor>): FloorTimes =>
    times({ flows: perDraw(stages.flows), costs: perDraw(stages.costs), physics: perDraw(stages.physics), metrics: perDraw(stages.metrics) });
  return {
    draws: block,
    draw: timesDraw(drawStages),
    block: times(blockStages),
    evaluations: run.useCases.map((uc, i) => ({ useCase: uc.id, variants: uc.model.variants.length, ...timesDraw(drawStagesFor([allPairs[i]])) })),
    failures,
  };
}

/** The scenario's series at draw `d`: its uncertain trajectories scaled by the draw (as `evaluateChunk` does). */
function seriesForDraw(
  sc: ReturnType<typeof planUncertainty>['scenarios'][number],
  plan: ReturnType<typeof planUncertainty>,
  uniforms: Float64Array[],
  d: number,
): Record<string, Float64Array> {
  const series = { ...sc.series };
  for (const t of sc.trajectories) {
    const k = plan.slots[t.slot].quantile(uniforms[t.q][d]);
    series[t.name] = sc.series[t.name].map((x) => x * k);
  }
  return series;
}

/** out = a × b, value by value. */
function product(out: Float64Array, a: Float64Array, b: Float64Array): void {
  for (let i = 0; i < out.length; i++) out[i] = a[i] * b[i];
}

/** `financialCosts` (no subsidy) on a block laid out year × draw: the same operations in the same order. */
function financialBlock(f: Block, s: FinanceSettings, c: CostBlock, n: number, block: number): void {
  const vat = s.vatRecoverable ? 0 : s.vatRate;
  const rate = s.vatRecoverable ? 0 : s.fctvaRate;
  const lag = s.fctvaLagYears;
  const size = n * block;
  const { investment, running, energy, total, fctva } = c;
  fctva.fill(0, 0, lag * block);
  if (rate > 0) {
    for (let i = 0; i + lag * block < size; i++) fctva[i + lag * block] = rate * ((f.capexEur[i] - f.capexNotFctvaEligibleEur[i]) * (1 + vat));
  } else {
    fctva.fill(0);
  }
  const subsidy0 = Math.min(0, 0); // no subsidy rule: subsidiesEur[0] = min(0, capex[0]) = 0 for a capex ≥ 0
  for (let i = 0; i < size; i++) {
    investment[i] = f.capexEur[i] * (1 + vat) - subsidy0 - fctva[i] - f.residualValueEur[i] * (1 + vat) * (1 - rate);
    energy[i] = f.energyCostEur[i] * (1 + vat);
    running[i] = f.opexEur[i] * (1 + vat) + energy[i];
    total[i] = investment[i] + running[i];
  }
}

/** `socioEconomicCosts` on a block laid out year × draw. */
function socioBlock(f: Block, carbonValue: Float64Array, c: CostBlock, size: number): void {
  const { investment, running, energy, carbon, total } = c;
  for (let i = 0; i < size; i++) {
    investment[i] = f.capexEur[i] - f.residualValueEur[i];
    energy[i] = f.energyCostEur[i];
    running[i] = f.opexEur[i] + f.energyCostEur[i] + f.externalCostEur[i];
    carbon[i] = (carbonValue[i] * (f.embodiedKgCo2e[i] + f.useKgCo2e[i] + f.endOfLifeKgCo2e[i])) / 1000;
    total[i] = investment[i] + running[i] + carbon[i];
  }
}

/** Per draw: the emissions of both sides per year, the kWh saved and the net kgCO2e over the horizon. */
function physicsBlock(
  r: Block,
  v: Block,
  refE: Float64Array,
  varE: Float64Array,
  out: { saved: Float64Array; net: Float64Array },
  n: number,
  block: number,
): void {
  const { saved, net } = out;
  saved.fill(0);
  net.fill(0);
  for (let t = 0; t < n; t++) {
    const o = t * block;
    for (let d = 0; d < block; d++) {
      const i = o + d;
      const rE = r.embodiedKgCo2e[i] + r.useKgCo2e[i] + r.endOfLifeKgCo2e[i];
      const vE = v.embodiedKgCo2e[i] + v.useKgCo2e[i] + v.endOfLifeKgCo2e[i];
      refE[i] = rE;
      varE[i] = vE;
      saved[d] += r.energyKwh[i] - v.energyKwh[i];
      net[d] += vE - rE;
    }
  }
}

/**
 * Per draw: the incremental cash flow (reference − variant), its NPV (Horner in 1/(1+rate), as `comparisonMetrics`),
 * its simple and discounted payback (the first return of the cumulative to ≥ 0 after it went negative, interpolated),
 * and its IRR by Halley steps on Σ cf[t]·x^t from x = 0.9 until every draw's has settled.
 */
function moneyBlock(
  ref: Float64Array,
  variant: Float64Array,
  df: Float64Array,
  cf: Float64Array,
  acc: Float64Array[],
  out: { npv: Float64Array; payback: Float64Array; discountedPayback: Float64Array; irr: Float64Array },
  n: number,
  block: number,
): void {
  const [cum, dcum, neg, dneg, x, p0, p1, p2] = acc;
  const { npv, payback, discountedPayback, irr } = out;
  const xr = df[1];
  npv.fill(0);
  cum.fill(0);
  dcum.fill(0);
  neg.fill(0);
  dneg.fill(0);
  payback.fill(NaN);
  discountedPayback.fill(NaN);
  for (let t = 0; t < n; t++) {
    const o = t * block;
    const dt = df[t];
    for (let d = 0; d < block; d++) {
      const c = ref[o + d] - variant[o + d];
      cf[o + d] = c;
      const previous = cum[d];
      const now = previous + c;
      cum[d] = now;
      if (neg[d] === 0) neg[d] = now < 0 ? 1 : 0;
      else if (now >= 0 && Number.isNaN(payback[d])) payback[d] = t - 1 + -previous / (now - previous);
      const dPrevious = dcum[d];
      const dNow = dPrevious + c * dt;
      dcum[d] = dNow;
      if (dneg[d] === 0) dneg[d] = dNow < 0 ? 1 : 0;
      else if (dNow >= 0 && Number.isNaN(discountedPayback[d])) discountedPayback[d] = t - 1 + -dPrevious / (dNow - dPrevious);
    }
  }
  for (let d = 0; d < block; d++) {
    if (neg[d] === 0) payback[d] = 0;
    if (dneg[d] === 0) discountedPayback[d] = 0;
  }
  for (let t = n - 1; t >= 0; t--) {
    const o = t * block;
    for (let d = 0; d < block; d++) npv[d] = npv[d] * xr + cf[o + d];
  }
  x.fill(0.9);
  // Halley steps on every draw of the block until each has converged (or MAX_STEPS).
  for (let step = 0, moving = block; step < MAX_STEPS && moving > 0; step++) {
    p0.fill(0);
    p1.fill(0);
    p2.fill(0);
    for (let t = n - 1; t >= 0; t--) {
      const o = t * block;
      for (let d = 0; d < block; d++) {
        const xd = x[d];
        p2[d] = p2[d] * xd + 2 * p1[d];
        p1[d] = p1[d] * xd + p0[d];
        p0[d] = p0[d] * xd + cf[o + d];
      }
    }
    moving = 0;
    for (let d = 0; d < block; d++) {
      const delta = (2 * p0[d] * p1[d]) / (2 * p1[d] * p1[d] - p0[d] * p2[d]);
      x[d] -= delta;
      if (!converged(delta, x[d])) moving++;
    }
  }
  for (let d = 0; d < block; d++) irr[d] = 1 / x[d] - 1;
}

/** Halley steps of the IRR at most (the library needs about four evaluations of the polynomial). */
const MAX_STEPS = 50;

/** True when a Halley step `delta` leaves `x` settled to about 1e-13 (or is not a number: the search has failed). */
function converged(delta: number, x: number): boolean {
  return !(Math.abs(delta) > 1e-13 * Math.abs(x));
}

/** `moneyBlock` for one draw, its series the 26 years of that draw; results at index `d` of `out`. */
function moneyDraw(ref: Float64Array, variant: Float64Array, df: Float64Array, cf: Float64Array, out: MoneyOut, d: number): void {
  const n = ref.length;
  const xr = df[1];
  let cumulative = 0;
  let discounted = 0;
  let negative = false;
  let negativeDiscounted = false;
  let payback = NaN;
  let discountedPayback = NaN;
  for (let t = 0; t < n; t++) {
    const c = ref[t] - variant[t];
    cf[t] = c;
    const previous = cumulative;
    cumulative += c;
    if (!negative) negative = cumulative < 0;
    else if (cumulative >= 0 && Number.isNaN(payback)) payback = t - 1 + -previous / (cumulative - previous);
    const previousDiscounted = discounted;
    discounted += c * df[t];
    if (!negativeDiscounted) negativeDiscounted = discounted < 0;
    else if (discounted >= 0 && Number.isNaN(discountedPayback)) discountedPayback = t - 1 + -previousDiscounted / (discounted - previousDiscounted);
  }
  let npv = 0;
  for (let t = n - 1; t >= 0; t--) npv = npv * xr + cf[t];
  let x = 0.9;
  for (let step = 0; step < MAX_STEPS; step++) {
    let p0 = 0;
    let p1 = 0;
    let p2 = 0;
    for (let t = n - 1; t >= 0; t--) {
      p2 = p2 * x + 2 * p1;
      p1 = p1 * x + p0;
      p0 = p0 * x + cf[t];
    }
    const delta = (2 * p0 * p1) / (2 * p1 * p1 - p0 * p2);
    x -= delta;
    if (converged(delta, x)) break;
  }
  out.npv[d] = npv;
  out.payback[d] = negative ? payback : 0;
  out.discountedPayback[d] = negativeDiscounted ? discountedPayback : 0;
  out.irr[d] = 1 / x - 1;
}
