import { describe, expect, it } from 'vitest';
import { levelisedCostOfSavedEnergy } from '../../src/finance/levelisedCostOfSavedEnergy.js';
import { npv } from '../../src/finance/npv.js';

describe('levelisedCostOfSavedEnergy', () => {
  it('divides discounted costs by discounted kWh', () => {
    // Hand calculation: 10000 / (50000/1.04 + 50000/1.04²) = 10000 / (48076.92 + 46227.81) = 0.106039 €/kWh.
    expect(levelisedCostOfSavedEnergy(0.04, [10_000, 0, 0], [0, 50_000, 50_000])).toBeCloseTo(0.1060392157, 9);
  });

  it('is the price per kWh that makes the measure break even', () => {
    const costs = [12_000, 300, 300, 300];
    const saved = [0, 20_000, 20_000, 20_000];
    const price = levelisedCostOfSavedEnergy(0.03, costs, saved) as number;
    const net = costs.map((c, t) => price * saved[t] - c);
    expect(npv(0.03, net)).toBeCloseTo(0, 8);
  });

  it('is null when the discounted kWh saved are not positive', () => {
    expect(levelisedCostOfSavedEnergy(0.04, [1000, 0], [0, 0])).toBeNull();
    expect(levelisedCostOfSavedEnergy(0.04, [1000, 0], [0, -500])).toBeNull();
  });

  it('rejects invalid arguments with a RangeError naming levelisedCostOfSavedEnergy', () => {
    expect(() => levelisedCostOfSavedEnergy(0.04, [1, 2], [1])).toThrow(
      'levelisedCostOfSavedEnergy: savedKwh must be as long as netCostEur (2 values), received 1 values',
    );
  });
});
