/**
 * Generated communes for the national roll-up benchmark: inventories of the four use cases scaled from the
 * built-in town (30,000 inhabitants) to a population drawn log-uniformly between 200 and 100,000 inhabitants
 * (a stress set covering villages to large towns, not the real distribution of French communes, whose median is
 * about 450 inhabitants). What scales with the population: luminaire counts and cabinets, water volumes, network
 * length and subscribers, population, catchment area, damages and fatalities of the hazards, and the number of
 * public buildings kept (the town's nine, in order, at least one). The inventories are plain data, as read from a
 * file: the roll-up validates each by its model's schema. Deterministic: same seed, same communes.
 */
import type { RollUpCommune } from '../src/evaluate/rollup.js';
import type { UseCaseId } from '../src/evaluate/registry.js';
import type { LoadedTerritory } from '../src/io/territory.js';
import { createRng } from '../src/uncertainty/rng.js';

export interface GeneratedCommune extends RollUpCommune {
  population: number;
}

type Json = Record<string, unknown>;

/** `count` communes scaled from `base` (its population is the scale's reference). */
export function generateCommunes(base: LoadedTerritory, count: number, seed: number): GeneratedCommune[] {
  const rng = createRng(seed);
  const out: GeneratedCommune[] = [];
  for (let c = 0; c < count; c++) {
    const population = Math.round(200 * Math.exp(rng.next() * Math.log(100_000 / 200)));
    const k = population / base.population;
    const inventories: Partial<Record<UseCaseId, unknown>> = {};
    for (const u of base.useCases) {
      const inv = structuredClone(u.inventory) as Json;
      scale(u.id, inv, k, population);
      inventories[u.id] = inv;
    }
    out.push({ id: `commune-${c + 1}`, population, inventories });
  }
  return out;
}

const atLeastOne = (x: number): number => Math.max(1, Math.round(x));

function scale(id: UseCaseId, inv: Json, k: number, population: number): void {
  if (id === 'lighting') {
    const groups = inv.luminaires as Json[];
    for (const g of groups) g.count = atLeastOne((g.count as number) * k);
    const total = groups.reduce((a, g) => a + (g.count as number), 0);
    inv.cabinets = Math.min(total, atLeastOne((inv.cabinets as number) * k));
  } else if (id === 'water') {
    inv.billedVolumeM3PerYear = (inv.billedVolumeM3PerYear as number) * k;
    inv.networkLengthKm = (inv.networkLengthKm as number) * k;
    inv.subscribers = atLeastOne((inv.subscribers as number) * k);
  } else if (id === 'climate-risk') {
    inv.population = population;
    if (typeof inv.catchmentAreaKm2 === 'number') inv.catchmentAreaKm2 = inv.catchmentAreaKm2 * k;
    for (const h of inv.hazards as Json[]) {
      for (const point of h.damageCurve as Json[]) point.damageEur = (point.damageEur as number) * k;
      if (typeof h.expectedFatalitiesPerYear === 'number') h.expectedFatalitiesPerYear = h.expectedFatalitiesPerYear * k;
    }
  } else if (id === 'buildings') {
    const buildings = inv.buildings as Json[];
    inv.buildings = buildings.slice(0, Math.min(buildings.length, atLeastOne(buildings.length * k)));
  }
}
