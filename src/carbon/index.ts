/**
 * Carbon library: avoided and net emissions, carbon payback, abatement cost, amortisation of one-off emissions,
 * and the allocation of shared digital infrastructure. Pure functions over yearly series aligned on a
 * `YearAxis` (src/core/time.ts). Equipment fleets (purchases, replacements, lifecycle carbon of devices) live in
 * src/core/equipment.ts.
 */

// Units
export { KG_PER_TONNE, kgToTonnes } from './kgToTonnes.js';

// Comparing a variant with its baseline
export { avoidedEmissions } from './avoidedEmissions.js';
export { netEmissions } from './netEmissions.js';
export { carbonPaybackYears } from './carbonPaybackYears.js';

// Cost of abatement
export { abatementCost } from './abatementCost.js';
export { discountedAbatementCost } from './discountedAbatementCost.js';

// Lifecycle allocation over time
export { amortise } from './amortise.js';

// Mutualisation of shared digital infrastructure
export { allocationShare, allocationShares, type AllocationMethod } from './allocationShares.js';
export { allocate } from './allocate.js';
