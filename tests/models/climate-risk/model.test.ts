/**
 * Tests of models/climate-risk/model.ts. Expected numbers are worked by hand in the comments, from the equations
 * of the model's header (Eq. 1–11). `p` comes from models/climate-risk/parameters.yaml and the shared device
 * catalogue models/digital/parameters.yaml (`.value` of each entry); tests that check a hand calculation set the
 * parameters they depend on explicitly, so that a change of default does not silently change the arithmetic.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { constant, sum, yearAxis, type YearAxis } from '../../../src/core/time.js';
import type { VariantFlows } from '../../../src/evaluate/model.js';
import {
  combinedWarningReduction,
  expectedAnnualDamageEur,
  fatalityReduction,
  heatSensorCount,
  inventorySchema,
  leadTimeEffect,
  leadTimeScaleHours,
  model,
  stationCount,
  warningCurveFromParameters,
  warningDamageReduction,
  type Inventory,
} from '../../../models/climate-risk/model.js';
import { FLOW_SERIES } from '../../../src/evaluate/model.js';
import { SeriesArena } from '../../../src/core/arena.js';

const OWN_FILE = fileURLToPath(new URL('../../../models/climate-risk/parameters.yaml', import.meta.url));
const CATALOGUE_FILE = fileURLToPath(new URL('../../../models/digital/parameters.yaml', import.meta.url));

/** Device entries the model reads from the shared catalogue. */
const CATALOGUE_NAMES = ['hydroStation', 'heatSensor'].flatMap((d) =>
  ['CostEur', 'EmbodiedKgCo2e', 'EndOfLifeKgCo2e', 'LifetimeYears', 'PowerW', 'MaintenanceEurPerYear', 'DataMbPerYear'].map(
    (suffix) => `${d}${suffix}`,
  ),
);

/**
 * TEST VALUES for the catalogue, used only if models/digital/parameters.yaml is missing (it is written by another
 * helper): they mirror the catalogue's structure, not its figures.
 */
const TEST_CATALOGUE: Record<string, number> = {
  hydroStationCostEur: 8000,
  hydroStationEmbodiedKgCo2e: 150,
  hydroStationEndOfLifeKgCo2e: 5,
  hydroStationLifetimeYears: 10,
  hydroStationPowerW: 0,
  hydroStationMaintenanceEurPerYear: 800,
  hydroStationDataMbPerYear: 50,
  heatSensorCostEur: 250,
  heatSensorEmbodiedKgCo2e: 5,
  heatSensorEndOfLifeKgCo2e: 0.15,
  heatSensorLifetimeYears: 8,
  heatSensorPowerW: 0,
  heatSensorMaintenanceEurPerYear: 10,
  heatSensorDataMbPerYear: 2,
};

function yamlValues(file: string): Record<string, number> {
  const doc = parse(readFileSync(file, 'utf8')) as { parameters: Record<string, { value: unknown }> };
  const out: Record<string, number> = {};
  for (const [name, entry] of Object.entries(doc.parameters)) out[name] = Number(entry.value);
  return out;
}

/** `p` as the engine builds it: the catalogue merged with this model's defaults, then `overrides`. */
function parameters(overrides: Record<string, number> = {}): Record<string, number> {
  const catalogue = existsSync(CATALOGUE_FILE) ? yamlValues(CATALOGUE_FILE) : TEST_CATALOGUE;
  return { ...catalogue, ...yamlValues(OWN_FILE), ...overrides };
}

function scenario(axis: YearAxis, hazardDamageFactor = 1): Record<string, Float64Array> {
  return {
    hazardDamageFactor: constant(axis, hazardDamageFactor),
    gridFactorKgCo2ePerKwh: constant(axis, 0.05),
    electricityPriceEurPerKwh: constant(axis, 0.2),
    digitalCostFactor: constant(axis, 1),
    digitalEmbodiedFactor: constant(axis, 1),
    worksCostFactor: constant(axis, 1),
  };
}

/** The 3-point curve worked by hand in the EAD tests: EAD = 347,500 EUR/yr. */
const CURVE_3 = [
  { returnPeriodYears: 10, damageEur: 1_000_000 },
  { returnPeriodYears: 100, damageEur: 5_000_000 },
  { returnPeriodYears: 1000, damageEur: 10_000_000 },
];

/** A town of 30,000 exposed to the four hazards (the shape of /work/notes/examples-climate-risk.yaml). */
const TOWN: Inventory = {
  population: 30000,
  catchmentAreaKm2: 120,
  hazards: [
    {
      id: 'crue',
      kind: 'flood',
      publicShare: 0.25,
      damageCurve: [
        { returnPeriodYears: 10, damageEur: 800_000 },
        { returnPeriodYears: 30, damageEur: 3_000_000 },
        { returnPeriodYears: 100, damageEur: 9_000_000 },
        { returnPeriodYears: 1000, damageEur: 30_000_000 },
      ],
    },
    {
      id: 'ruissellement',
      kind: 'runoff',
      publicShare: 0.3,
      damageCurve: [
        { returnPeriodYears: 5, damageEur: 100_000 },
        { returnPeriodYears: 20, damageEur: 500_000 },
        { returnPeriodYears: 100, damageEur: 2_000_000 },
      ],
    },
    {
      id: 'canicule',
      kind: 'heat',
      publicShare: 0.5,
      expectedFatalitiesPerYear: 0.47,
      damageCurve: [
        { returnPeriodYears: 5, damageEur: 50_000 },
        { returnPeriodYears: 20, damageEur: 300_000 },
        { returnPeriodYears: 100, damageEur: 1_000_000 },
      ],
    },
    {
      id: 'tempete',
      kind: 'storm',
      publicShare: 0.3,
      damageCurve: [
        { returnPeriodYears: 10, damageEur: 200_000 },
        { returnPeriodYears: 50, damageEur: 1_500_000 },
        { returnPeriodYears: 200, damageEur: 5_000_000 },
      ],
    },
  ],
};

// Every series of a flows record (the list emptyFlows lays out).
const SERIES = FLOW_SERIES;

function series(f: VariantFlows, name: keyof VariantFlows): Float64Array {
  return f[name] as Float64Array;
}

describe('expectedAnnualDamageEur (Eq. 1)', () => {
  it('integrates a 3-point curve by trapezoids plus the tail, worked by hand', () => {
    // p = 1/T = 0.1, 0.01, 0.001.
    // trapezoid 1: (0.1 − 0.01) × (1,000,000 + 5,000,000) / 2 = 0.09 × 3,000,000 = 270,000
    // trapezoid 2: (0.01 − 0.001) × (5,000,000 + 10,000,000) / 2 = 0.009 × 7,500,000 = 67,500
    // tail (rarer than 1000 yr, at the rarest damage): 0.001 × 10,000,000 = 10,000
    // EAD = 270,000 + 67,500 + 10,000 = 347,500 EUR/yr
    expect(expectedAnnualDamageEur(CURVE_3)).toBeCloseTo(347_500, 6);
  });

  it('does not depend on the order of the points', () => {
    const shuffled = [CURVE_3[2], CURVE_3[0], CURVE_3[1]];
    expect(expectedAnnualDamageEur(shuffled)).toBeCloseTo(347_500, 6);
  });

  it('adds nothing above the most frequent point (threshold rule); a zero point draws a gradual start', () => {
    // One point: only the tail, 2,000,000 / 100 = 20,000.
    expect(expectedAnnualDamageEur([{ returnPeriodYears: 100, damageEur: 2_000_000 }])).toBeCloseTo(20_000, 9);
    // Adding (2 yr, 0 EUR) to CURVE_3 adds the trapezoid (0.5 − 0.1) × (0 + 1,000,000) / 2 = 200,000.
    expect(expectedAnnualDamageEur([{ returnPeriodYears: 2, damageEur: 0 }, ...CURVE_3])).toBeCloseTo(547_500, 6);
  });

  it('rejects return periods ≤ 1 year, duplicates and negative damages, naming the function', () => {
    expect(() => expectedAnnualDamageEur([{ returnPeriodYears: 1, damageEur: 5 }])).toThrow(/expectedAnnualDamageEur: returnPeriodYears/);
    expect(() => expectedAnnualDamageEur([{ returnPeriodYears: 10, damageEur: -1 }])).toThrow(/damageEur/);
    expect(() =>
      expectedAnnualDamageEur([
        { returnPeriodYears: 10, damageEur: 1 },
        { returnPeriodYears: 10, damageEur: 2 },
      ]),
    ).toThrow(/distinct/);
    expect(() => expectedAnnualDamageEur([])).toThrow(/non-empty/);
  });
});

describe('lead-time curve (Eq. 3–5)', () => {
  const h0 = leadTimeScaleHours(0.4, 0.3, 24);

  it('calibrates h0 so that 24 h gives 30 % with full coverage and response', () => {
    // Eq. 4: h0 = −24 / ln(1 − 0.30/0.40) = −24 / ln(0.25) = 24 / ln 4 = 17.3123 h
    expect(h0).toBeCloseTo(24 / Math.log(4), 12);
    expect(h0).toBeCloseTo(17.3123, 4);
    // Eq. 5 at 24 h, c = r = 1: 0.4 × (1 − exp(−ln 4)) = 0.4 × 0.75 = 0.30 (GCA, Adapt Now 2019)
    expect(warningDamageReduction({ leadTimeHours: 24, coverage: 1, responseRate: 1 }, { maxReduction: 0.4, scaleHours: h0 })).toBeCloseTo(0.3, 12);
  });

  it('gives 30 % at 24 h with the shipped defaults too (whatever R_max is)', () => {
    const p = parameters();
    const curve = warningCurveFromParameters(p);
    const r = warningDamageReduction({ leadTimeHours: 24, coverage: 1, responseRate: 1 }, curve);
    expect(r).toBeCloseTo(p.warningDamageReductionAtReference, 12);
    expect(r).toBeCloseTo(0.3, 12); // the GCA figure the YAML carries
  });

  it('is 0 at 0 h, 0.5 at 12 h, rises with lead time and saturates at R_max', () => {
    expect(leadTimeEffect(0, h0)).toBe(0);
    // exp(−12 ln4 / 24) = 4^(−1/2) = 0.5, so f(12) = 0.5; f(6) = 1 − 4^(−1/4) = 0.292893
    expect(leadTimeEffect(12, h0)).toBeCloseTo(0.5, 12);
    expect(leadTimeEffect(6, h0)).toBeCloseTo(1 - Math.pow(4, -0.25), 12);
    let previous = -1;
    for (let h = 0; h <= 96; h += 6) {
      const r = warningDamageReduction({ leadTimeHours: h, coverage: 1, responseRate: 1 }, { maxReduction: 0.4, scaleHours: h0 });
      expect(r).toBeGreaterThan(previous);
      expect(r).toBeLessThan(0.4);
      previous = r;
    }
    expect(warningDamageReduction({ leadTimeHours: 1000, coverage: 1, responseRate: 1 }, { maxReduction: 0.4, scaleHours: h0 })).toBeCloseTo(0.4, 9);
  });

  it('scales with coverage and response', () => {
    // 0.30 × 0.5 × 0.6 = 0.09
    expect(warningDamageReduction({ leadTimeHours: 24, coverage: 0.5, responseRate: 0.6 }, { maxReduction: 0.4, scaleHours: h0 })).toBeCloseTo(0.09, 12);
  });

  it('rejects a calibration point above the plateau and bad fractions', () => {
    expect(() => leadTimeScaleHours(0.3, 0.3, 24)).toThrow(/leadTimeScaleHours: maxReduction/);
    expect(() => leadTimeScaleHours(0.4, 0, 24)).toThrow(/referenceReduction/);
    expect(() => leadTimeEffect(-1, h0)).toThrow(/leadTimeHours/);
    expect(() => warningDamageReduction({ leadTimeHours: 1, coverage: 1.2, responseRate: 1 }, { maxReduction: 0.4, scaleHours: h0 })).toThrow(/coverage/);
  });
});

describe('combinedWarningReduction (Eq. 6)', () => {
  const curve = { maxReduction: 0.4, scaleHours: leadTimeScaleHours(0.4, 0.3, 24) };
  const national = { leadTimeHours: 12, coverage: 0.6, responseRate: 0.4 };

  it('is the national chain alone without a local chain', () => {
    // 0.4 × f(12) × 0.6 × 0.4 = 0.4 × 0.5 × 0.24 = 0.048
    expect(combinedWarningReduction(national, null, curve)).toBeCloseTo(0.048, 12);
  });

  it('relays national vigilance on the overlap and uses each chain elsewhere, worked by hand', () => {
    // national per reached asset: f(12) × 0.4 = 0.5 × 0.4 = 0.2
    // local relay on the overlap: f(max(12, 6)) × 0.6 = 0.5 × 0.6 = 0.3
    // local alone (6 h, 0.6): f(6) × 0.6 = 0.292893 × 0.6 = 0.175736
    // overlap min(0.6, 0.9) = 0.6 → 0.6 × max(0.2, 0.3) = 0.18
    // local only 0.9 − 0.6 = 0.3 → 0.3 × 0.175736 = 0.052721; national only 0
    // R = 0.4 × (0.18 + 0.052721) = 0.093088
    const perLocal = (1 - Math.pow(4, -0.25)) * 0.6;
    const expected = 0.4 * (0.6 * 0.3 + 0.3 * perLocal);
    expect(expected).toBeCloseTo(0.093088, 6);
    expect(combinedWarningReduction(national, { leadTimeHours: 6, coverage: 0.9, responseRate: 0.6 }, curve)).toBeCloseTo(expected, 12);
  });

  it('a local chain with zero lead time, or one worse everywhere, changes nothing', () => {
    expect(combinedWarningReduction(national, { leadTimeHours: 0, coverage: 1, responseRate: 1 }, curve)).toBeCloseTo(0.048, 12);
    // overlap 0.3 × max(0.2, f(12) × 0.1 = 0.05) + national only 0.3 × 0.2 = 0.12 → 0.4 × 0.12 = 0.048
    expect(combinedWarningReduction(national, { leadTimeHours: 1, coverage: 0.3, responseRate: 0.1 }, curve)).toBeCloseTo(0.048, 12);
  });

  it('a local relay of a longer national warning is credited with the local response rate', () => {
    // heat: national 24 h, 100 %, 40 %; local relay 24 h, 90 %, 60 %: 0.4 × [0.9 × f(24) 0.6 + 0.1 × f(24) 0.4]
    // = 0.4 × 0.75 × (0.54 + 0.04) = 0.174
    const heatNational = { leadTimeHours: 24, coverage: 1, responseRate: 0.4 };
    expect(combinedWarningReduction(heatNational, { leadTimeHours: 24, coverage: 0.9, responseRate: 0.6 }, curve)).toBeCloseTo(0.174, 12);
  });

  it('is never below the national chain nor above R_max (property over a grid)', () => {
    for (const hn of [0, 1, 12, 48]) {
      for (const cn of [0, 0.3, 1]) {
        for (const hl of [0, 2, 24]) {
          for (const cl of [0, 0.5, 1]) {
            for (const rl of [0, 0.6, 1]) {
              const nat = { leadTimeHours: hn, coverage: cn, responseRate: 0.4 };
              const r = combinedWarningReduction(nat, { leadTimeHours: hl, coverage: cl, responseRate: rl }, curve);
              expect(r).toBeGreaterThanOrEqual(combinedWarningReduction(nat, null, curve) - 1e-15);
              expect(r).toBeLessThanOrEqual(0.4);
            }
          }
        }
      }
    }
  });
});

describe('fatalityReduction (Eq. 9)', () => {
  it('is the relative damage reduction times φ, capped at 1', () => {
    // (0.2 − 0.1) / (1 − 0.1) = 0.1 / 0.9 = 0.1111
    expect(fatalityReduction(0.2, 0.1, 1)).toBeCloseTo(1 / 9, 12);
    // φ = 3: 0.3333
    expect(fatalityReduction(0.2, 0.1, 3)).toBeCloseTo(1 / 3, 12);
    // φ = 20: 2.22 → capped at 1
    expect(fatalityReduction(0.2, 0.1, 20)).toBe(1);
    expect(fatalityReduction(0.1, 0.1, 1)).toBe(0);
  });
});

describe('network size (Eq. 10)', () => {
  it('derives stations from the catchment and heat sensors from the population, rounding up', () => {
    // ⌈120 km² × 0.02⌉ = ⌈2.4⌉ = 3 ; ⌈50 × 0.02⌉ = 1 exactly (no spurious rounding up)
    expect(stationCount(TOWN, 0.02)).toBe(3);
    expect(stationCount({ ...TOWN, catchmentAreaKm2: 50 }, 0.02)).toBe(1);
    // ⌈30,000 × 0.0005⌉ = 15
    expect(heatSensorCount(TOWN, 0.0005)).toBe(15);
  });

  it('uses the inventory counts when given, and 0 without the matching hazard', () => {
    expect(stationCount({ ...TOWN, stations: 7 }, 0.02)).toBe(7);
    expect(heatSensorCount({ ...TOWN, heatSensors: 4 }, 0.0005)).toBe(4);
    const heatOnly: Inventory = { population: 1000, hazards: [TOWN.hazards[2]] };
    expect(stationCount(heatOnly, 0.02)).toBe(0);
    const floodOnly: Inventory = { population: 1000, stations: 2, hazards: [TOWN.hazards[0]] };
    expect(heatSensorCount(floodOnly, 0.0005)).toBe(0);
  });
});

describe('inventory schema', () => {
  it('accepts the town example', () => {
    expect(inventorySchema.safeParse(TOWN).success).toBe(true);
  });

  it('rejects unknown keys (strict), duplicate return periods, decreasing damages and duplicate ids', () => {
    expect(inventorySchema.safeParse({ ...TOWN, lakes: 2 }).success).toBe(false);
    const dup = { ...TOWN.hazards[0], damageCurve: [CURVE_3[0], { ...CURVE_3[1], returnPeriodYears: 10 }] };
    const r1 = inventorySchema.safeParse({ ...TOWN, hazards: [dup] });
    expect(r1.success).toBe(false);
    expect(r1.error?.issues[0].message).toMatch(/appears twice/);
    const decreasing = { ...TOWN.hazards[0], damageCurve: [CURVE_3[1], { returnPeriodYears: 1000, damageEur: 1 }] };
    const r2 = inventorySchema.safeParse({ ...TOWN, hazards: [decreasing] });
    expect(r2.success).toBe(false);
    expect(r2.error?.issues[0].path).toEqual(['hazards', 0, 'damageCurve', 1, 'damageEur']);
    const r3 = inventorySchema.safeParse({ ...TOWN, hazards: [TOWN.hazards[0], TOWN.hazards[0]] });
    expect(r3.error?.issues[0].message).toMatch(/used twice/);
    expect(inventorySchema.safeParse({ ...TOWN, hazards: [{ ...TOWN.hazards[0], damageCurve: [{ returnPeriodYears: 1, damageEur: 1 }] }] }).success).toBe(false);
  });

  it('points a decreasing damage at its position in the curve as written, whatever the order of the points', () => {
    // Written out of order: 1000 y (index 0), 10 y (index 1), 100 y (index 2). Sorted by return period, the 100-year
    // damage (50,000 EUR) falls below the 10-year one (100,000 EUR): the issue is at index 2, as written.
    const curve = [
      { returnPeriodYears: 1000, damageEur: 5e6 },
      { returnPeriodYears: 10, damageEur: 1e5 },
      { returnPeriodYears: 100, damageEur: 5e4 },
    ];
    const r = inventorySchema.safeParse({ ...TOWN, hazards: [{ ...TOWN.hazards[0], damageCurve: curve }] });
    expect(r.error?.issues.map((i) => i.path)).toEqual([['hazards', 0, 'damageCurve', 2, 'damageEur']]);
  });

  it('asks for stations or catchmentAreaKm2 when there is a flood or run-off hazard', () => {
    const { catchmentAreaKm2: _unused, ...noArea } = TOWN;
    const r = inventorySchema.safeParse(noArea);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].path).toEqual(['stations']);
    expect(inventorySchema.safeParse({ ...noArea, stations: 4 }).success).toBe(true);
  });
});

describe('model.simulate', () => {
  const axis = yearAxis(2026, 25);

  it('declares the three variants with the contract kinds', () => {
    expect(model.variants.map((v) => [v.id, v.kind])).toEqual([
      ['status-quo', 'statusQuo'],
      ['manual-watch', 'alternative'],
      ['early-warning', 'digital'],
    ]);
  });

  it('finds every catalogue entry it reads in models/digital/parameters.yaml', () => {
    if (!existsSync(CATALOGUE_FILE)) return; // the catalogue is another helper's file; TEST_CATALOGUE stands in
    const catalogue = yamlValues(CATALOGUE_FILE);
    for (const name of CATALOGUE_NAMES) expect(Number.isFinite(catalogue[name]), name).toBe(true);
  });

  it('splits the status quo damages between budget and society, with reconstruction emissions (Eq. 7–8)', () => {
    // One flood hazard, CURVE_3 (EAD 347,500), publicShare 0.25; national chain 12 h, 60 %, 40 %:
    // R_sq = 0.4 × 0.5 × 0.6 × 0.4 = 0.048 → remaining damage 347,500 × 0.952 = 330,820 EUR/yr
    // budget: 0.25 × 330,820 = 82,705 ; society: 0.75 × 330,820 = 248,115 ; carbon 0.3 × 330,820 = 99,246 kgCO2e
    const p = parameters({
      warningMaxDamageReduction: 0.4,
      warningDamageReductionAtReference: 0.3,
      warningReferenceLeadTimeHours: 24,
      nationalLeadTimeFloodHours: 12,
      nationalCoverageFlood: 0.6,
      nationalResponseRate: 0.4,
      reconstructionKgCo2ePerEur: 0.3,
      includeFatalities: 0,
    });
    const inventory: Inventory = { population: 1000, stations: 1, hazards: [{ id: 'crue', kind: 'flood', publicShare: 0.25, damageCurve: CURVE_3 }] };
    const sq = model.simulate({ axis, p, s: scenario(axis), inventory })['status-quo'];
    expect(sq.opexEur[0]).toBe(0);
    expect(sq.externalCostEur![0]).toBe(0);
    for (const t of [1, 13, 25]) {
      expect(sq.opexEur[t]).toBeCloseTo(82_705, 6);
      expect(sq.externalCostEur![t]).toBeCloseTo(248_115, 6);
      expect(sq.useKgCo2e[t]).toBeCloseTo(99_246, 6);
    }
    expect(sum(sq.capexEur)).toBe(0);
  });

  it('status quo damages scale with hazardDamageFactor (Eq. 2): 1.5 gives 1.5×', () => {
    const p = parameters();
    const base = model.simulate({ axis, p, s: scenario(axis, 1), inventory: TOWN });
    const more = model.simulate({ axis, p, s: scenario(axis, 1.5), inventory: TOWN });
    for (const name of ['opexEur', 'externalCostEur', 'useKgCo2e'] as const) {
      for (let t = 0; t < axis.length; t++) {
        expect(series(more['status-quo'], name)[t]).toBeCloseTo(1.5 * series(base['status-quo'], name)[t], 6);
      }
    }
    expect(sum(base['status-quo'].opexEur)).toBeGreaterThan(0);
  });

  it('doubling every damage doubles the avoided damages and leaves the costs unchanged', () => {
    const p = parameters();
    const scaled = (k: number): Inventory => ({
      ...TOWN,
      hazards: TOWN.hazards.map((h) => ({ ...h, damageCurve: h.damageCurve.map((d) => ({ ...d, damageEur: k * d.damageEur })) })),
    });
    const a = model.simulate({ axis, p, s: scenario(axis), inventory: scaled(1) });
    const b = model.simulate({ axis, p, s: scenario(axis), inventory: scaled(2) });
    // With every damage at 0 a variant's opex and use emissions are its own running costs and energy emissions.
    const own = model.simulate({ axis, p, s: scenario(axis), inventory: scaled(0) });
    for (const variant of ['manual-watch', 'early-warning']) {
      for (let t = 1; t < axis.length; t++) {
        const avoided = (f: Record<string, VariantFlows>) => ({
          privateEur: f['status-quo'].externalCostEur![t] - f[variant].externalCostEur![t],
          publicEur: f['status-quo'].opexEur[t] - (f[variant].opexEur[t] - own[variant].opexEur[t]),
          kgCo2e: f['status-quo'].useKgCo2e[t] - (f[variant].useKgCo2e[t] - own[variant].useKgCo2e[t]),
        });
        const x = avoided(a);
        const y = avoided(b);
        expect(x.privateEur).toBeGreaterThan(0);
        expect(x.publicEur).toBeGreaterThan(0);
        expect(y.privateEur).toBeCloseTo(2 * x.privateEur, 6);
        expect(y.publicEur).toBeCloseTo(2 * x.publicEur, 6);
        expect(y.kgCo2e).toBeCloseTo(2 * x.kgCo2e, 6);
      }
      for (const name of ['capexEur', 'embodiedKgCo2e', 'energyKwh'] as const) {
        expect(sum(series(b[variant], name))).toBeCloseTo(sum(series(a[variant], name)), 6);
      }
    }
  });

  it('a manual watch that costs nothing and has zero lead time equals the status quo', () => {
    const p = parameters({
      manualWatchLeadTimeFloodHours: 0,
      manualWatchLeadTimeRunoffHours: 0,
      manualWatchLeadTimeHeatHours: 0,
      manualWatchLeadTimeStormHours: 0,
      watchStaffCostEurPerHour: 0,
      staffGaugeCostEur: 0,
      staffGaugeEmbodiedKgCo2e: 0,
      includeFatalities: 1,
    });
    const flows = model.simulate({ axis, p, s: scenario(axis), inventory: TOWN });
    for (const name of SERIES) {
      const sq = series(flows['status-quo'], name);
      const mw = series(flows['manual-watch'], name);
      for (let t = 0; t < axis.length; t++) expect(mw[t], `${name}[${t}]`).toBeCloseTo(sq[t], 6);
    }
  });

  it('never avoids more damage than the status quo has, nor more than R_max of it', () => {
    const p = parameters();
    const flows = model.simulate({ axis, p, s: scenario(axis), inventory: TOWN });
    const sq = flows['status-quo'];
    for (const variant of ['manual-watch', 'early-warning']) {
      for (let t = 1; t < axis.length; t++) {
        const remaining = flows[variant].externalCostEur![t];
        expect(remaining).toBeGreaterThanOrEqual(0);
        expect(remaining).toBeLessThanOrEqual(sq.externalCostEur![t]);
        // per hazard the avoided share of the status quo's damage is (R_v − R_sq) / (1 − R_sq), which is ≤ R_max
        // because R_v ≤ R_max and R_sq ≥ 0 (R_v − R_sq ≤ R_max − R_max·R_sq ⇔ R_v ≤ R_max + R_sq (1 − R_max))
        expect((sq.externalCostEur![t] - remaining) / sq.externalCostEur![t]).toBeLessThan(p.warningMaxDamageReduction);
      }
    }
  });

  it('costs the manual watch as staff gauges plus staff time (Eq. 11)', () => {
    // TOWN: stations = ⌈120 × 0.02⌉ = 3; hours = 100 × 3 + 0.01 × 30,000 = 600 h/yr; at 40 EUR/h = 24,000 EUR/yr
    // (100 h per point is set here, not the default, to keep the arithmetic round)
    const p = parameters({
      gaugeStationsPerKm2: 0.02,
      manualWatchHoursPerPointPerYear: 100,
      manualWatchHoursPerInhabitantPerYear: 0.01,
      watchStaffCostEurPerHour: 40,
      staffGaugeCostEur: 800,
    });
    const flows = model.simulate({ axis, p, s: scenario(axis), inventory: TOWN });
    const mw = flows['manual-watch'];
    const sq = flows['status-quo'];
    // capex at index 0: 3 gauges × 800 = 2,400
    expect(mw.capexEur[0]).toBeCloseTo(2400, 9);
    // opex = public damages + 24,000; the public damages of manual watch are below the status quo's
    const publicDamagesMw = mw.opexEur[5] - 24_000;
    expect(publicDamagesMw).toBeGreaterThan(0);
    expect(publicDamagesMw).toBeLessThan(sq.opexEur[5]);
    expect(mw.connectedDevices ?? 0).toBe(0);
    expect(sum(mw.digitalKgCo2e)).toBe(0);
  });

  it('costs the early warning as catalogue devices, set-up, platform and operator time (Eq. 11)', () => {
    const p = parameters();
    const flows = model.simulate({ axis, p, s: scenario(axis), inventory: TOWN });
    const ew = flows['early-warning'];
    const stations = 3; // ⌈120 × gaugeStationsPerKm2 (0.02)⌉
    const sensors = 15; // ⌈30,000 × urbanHeatSensorsPerInhabitant (0.0005)⌉
    expect(p.gaugeStationsPerKm2).toBe(0.02);
    expect(p.urbanHeatSensorsPerInhabitant).toBe(0.0005);
    expect(ew.connectedDevices).toBe(stations + sensors);
    expect(ew.dataMbPerYear).toBeCloseTo(stations * p.hydroStationDataMbPerYear + sensors * p.heatSensorDataMbPerYear, 9);
    // index 0: purchases (cost trend 1) + one-off set-up per station
    expect(ew.capexEur[0]).toBeCloseTo(stations * (p.hydroStationCostEur + p.alertSetupEurPerStation) + sensors * p.heatSensorCostEur, 6);
    // embodied carbon of the purchases, all digital
    expect(ew.embodiedKgCo2e[0]).toBeCloseTo(stations * p.hydroStationEmbodiedKgCo2e + sensors * p.heatSensorEmbodiedKgCo2e, 6);
    expect(ew.digitalKgCo2e[0]).toBeCloseTo(ew.embodiedKgCo2e[0] + ew.endOfLifeKgCo2e[0], 6);
    // running costs in year 1 (all devices in service): maintenance + platform + operator hours
    const running =
      stations * p.hydroStationMaintenanceEurPerYear +
      sensors * p.heatSensorMaintenanceEurPerYear +
      30000 * p.alertPlatformEurPerInhabitantPerYear +
      (stations + sensors) * p.earlyWarningStaffHoursPerDevicePerYear * p.watchStaffCostEurPerHour;
    const sq = flows['status-quo'];
    const damageOnlyRun = model.simulate({
      axis,
      p: { ...p, hydroStationMaintenanceEurPerYear: 0, heatSensorMaintenanceEurPerYear: 0, alertPlatformEurPerInhabitantPerYear: 0, earlyWarningStaffHoursPerDevicePerYear: 0 },
      s: scenario(axis),
      inventory: TOWN,
    })['early-warning'];
    expect(ew.opexEur[1] - damageOnlyRun.opexEur[1]).toBeCloseTo(running, 6);
    expect(damageOnlyRun.opexEur[1]).toBeLessThan(sq.opexEur[1]);
    // grid power: P × 8,760 h per device
    const kwh = (stations * p.hydroStationPowerW + sensors * p.heatSensorPowerW) * 8.76;
    expect(ew.energyKwh[1]).toBeCloseTo(kwh, 9);
    expect(ew.energyKwh[0]).toBe(0);
  });

  it('gives flood and run-off no local lead time when there is no station', () => {
    const p = parameters();
    const inventory: Inventory = { population: 5000, stations: 0, hazards: [TOWN.hazards[0], TOWN.hazards[1]] };
    const flows = model.simulate({ axis, p, s: scenario(axis), inventory });
    for (let t = 0; t < axis.length; t++) {
      expect(flows['early-warning'].externalCostEur![t]).toBeCloseTo(flows['status-quo'].externalCostEur![t], 6);
    }
    expect(flows['early-warning'].connectedDevices).toBe(0);
  });

  it('adds the value of statistical lives only when includeFatalities is 1 (Eq. 9)', () => {
    // status quo: 0.5 deaths/yr × 3,000,000 EUR = 1,500,000 EUR/yr more in externalCostEur
    const hazard = { id: 'canicule', kind: 'heat' as const, publicShare: 0.5, expectedFatalitiesPerYear: 0.5, damageCurve: CURVE_3 };
    const inventory: Inventory = { population: 10000, hazards: [hazard] };
    const off = model.simulate({ axis, p: parameters({ includeFatalities: 0 }), s: scenario(axis), inventory });
    const on = model.simulate({ axis, p: parameters({ includeFatalities: 1, valueOfStatisticalLifeEur: 3e6 }), s: scenario(axis), inventory });
    expect(on['status-quo'].externalCostEur![3] - off['status-quo'].externalCostEur![3]).toBeCloseTo(1_500_000, 6);
    // the early warning saves a share of those lives: its fatality cost is below the status quo's
    const livesEw = on['early-warning'].externalCostEur![3] - off['early-warning'].externalCostEur![3];
    expect(livesEw).toBeGreaterThan(0);
    expect(livesEw).toBeLessThan(1_500_000);
    expect(on['status-quo'].externalCostEur![0]).toBe(0);
  });

  it('doubling the inventory doubles every absolute flow and keeps the ratios', () => {
    const p = parameters();
    const base: Inventory = { ...TOWN, stations: 3, heatSensors: 15 };
    const twice: Inventory = {
      population: 60000,
      stations: 6,
      heatSensors: 30,
      hazards: [...TOWN.hazards, ...TOWN.hazards.map((h) => ({ ...h, id: `${h.id}-bis` }))],
    };
    const a = model.simulate({ axis, p, s: scenario(axis), inventory: base });
    const b = model.simulate({ axis, p, s: scenario(axis), inventory: twice });
    for (const variant of ['status-quo', 'manual-watch', 'early-warning']) {
      for (const name of SERIES) {
        const x = series(a[variant], name);
        const y = series(b[variant], name);
        for (let t = 0; t < axis.length; t++) expect(y[t], `${variant}.${name}[${t}]`).toBeCloseTo(2 * x[t], 4);
      }
      expect(b[variant].connectedDevices ?? 0).toBe(2 * (a[variant].connectedDevices ?? 0));
    }
  });

  it('returns finite flows for every variant, also at the ends of the parameter ranges', () => {
    const doc = parse(readFileSync(OWN_FILE, 'utf8')) as { parameters: Record<string, { range?: { low: number; high: number } }> };
    for (const end of ['low', 'high'] as const) {
      const overrides: Record<string, number> = {};
      for (const [name, entry] of Object.entries(doc.parameters)) if (entry.range) overrides[name] = entry.range[end];
      const flows = model.simulate({ axis, p: parameters(overrides), s: scenario(axis, 2), inventory: TOWN });
      for (const variant of Object.keys(flows)) {
        for (const name of SERIES) for (const v of series(flows[variant], name)) expect(Number.isFinite(v)).toBe(true);
      }
    }
  });

  it('describes the inventory by its expected annual damage', () => {
    const inventory: Inventory = { population: 1000, stations: 1, hazards: [{ id: 'crue', kind: 'flood', publicShare: 0.2, damageCurve: CURVE_3 }] };
    expect(model.describeInventory!(inventory).quantity).toBeCloseTo(347_500, 6);
  });
});

describe('combinedWarningReduction with a local lead time longer than the national one (Eq. 6)', () => {
  it('relays on the overlap with the local lead time, worked by hand', () => {
    // h0 = 24 / ln 4, so f(h) = 1 − 4^(−h/24): f(6) = 1 − 4^−0.25 = 0.292893, f(12) = 1 − 4^−0.5 = 0.5.
    // national 6 h on 60 % with 40 %: per reached asset f(6) × 0.4 = 0.117157
    // local 12 h on 90 % with 60 %: relay on the overlap f(max(6, 12)) × 0.6 = 0.5 × 0.6 = 0.3, alone f(12) × 0.6 = 0.3
    // R = 0.4 × [0.6 × max(0.117157, 0.3) + (0.9 − 0.6) × 0.3 + (0.6 − 0.6) × 0.117157] = 0.4 × (0.18 + 0.09) = 0.108
    const curve = { maxReduction: 0.4, scaleHours: leadTimeScaleHours(0.4, 0.3, 24) };
    const national = { leadTimeHours: 6, coverage: 0.6, responseRate: 0.4 };
    expect(combinedWarningReduction(national, { leadTimeHours: 12, coverage: 0.9, responseRate: 0.6 }, curve)).toBeCloseTo(0.108, 12);
  });
});

describe('model.simulate: repeated calls', () => {
  const axis = yearAxis(2026, 25);

  it('gives through one arena, with other parameters in the call before, the flows of a fresh call', () => {
    // The model keeps scratch records between calls (work space, overwritten each call) and takes its series from
    // the arena: a call must not see anything of the previous one. Reference: the same call without an arena.
    const p = parameters({ includeFatalities: 1 });
    const other = parameters({
      includeFatalities: 0,
      nationalResponseRate: 0.2,
      manualWatchCoverage: 0.3,
      earlyWarningResponseRate: 0.9,
      earlyWarningLeadTimeFloodHours: 1,
      staffGaugeLifetimeYears: 7,
      reconstructionKgCo2ePerEur: 0.5,
    });
    const s = scenario(axis, 1.1);
    const fresh = model.simulate({ axis, p, s, inventory: TOWN });
    const freshOther = model.simulate({ axis, p: other, s, inventory: TOWN });
    const arena = new SeriesArena();
    arena.reset();
    model.simulate({ axis, p: other, s, inventory: TOWN, arena });
    arena.reset();
    const again = model.simulate({ axis, p, s, inventory: TOWN, arena });
    let differs = false;
    for (const v of model.variants) {
      for (const name of SERIES) {
        expect(Array.from(series(again[v.id], name)), `${v.id}.${name}`).toEqual(Array.from(series(fresh[v.id], name)));
        differs ||= series(freshOther[v.id], name).some((x, t) => x !== series(fresh[v.id], name)[t]);
      }
      expect(again[v.id].connectedDevices).toBe(fresh[v.id].connectedDevices);
      expect(again[v.id].dataMbPerYear).toBe(fresh[v.id].dataMbPerYear);
    }
    expect(differs).toBe(true); // the other parameters do change the flows, so the comparison above means something
  });
});
