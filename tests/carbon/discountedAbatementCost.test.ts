import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { abatementCost } from '../../src/carbon/abatementCost.js';
import { discountedAbatementCost } from '../../src/carbon/discountedAbatementCost.js';

describe('discountedAbatementCost', () => {
  it('discounts costs and tonnes at the same rate, index 0 undiscounted', () => {
    // Documentation example, by hand: 1000 / (1/1.1 + 1/1.21) = 1000 / 1.735537… = 576.1904761…
    expect(discountedAbatementCost(0.1, [1000, 0, 0], [0, 1, 1])).toBeCloseTo(576.1904761904761, 9);
  });

  it('differs from the undiscounted convention at a positive rate', () => {
    // Same case, undiscounted tonnes: NPV of the cash flows −1000 (index 0 undiscounted) over 2 t → 500 €/t,
    // lower than the levelised 576.19 because the denominator is not discounted.
    const undiscounted = abatementCost({ npvEur: -1000, avoidedTco2e: 2 });
    expect(undiscounted).toBe(500);
    expect(discountedAbatementCost(0.1, [1000, 0, 0], [0, 1, 1])!).toBeGreaterThan(undiscounted!);
  });

  it('equals the undiscounted one at a zero rate (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: -1e4, max: 1e4, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true })), {
          minLength: 1,
          maxLength: 30,
        }),
        (pairs) => {
          const cost = pairs.map(([c]) => c);
          const tonnes = pairs.map(([, a]) => a);
          const sumCost = cost.reduce((a, b) => a + b, 0);
          const sumTonnes = tonnes.reduce((a, b) => a + b, 0);
          const levelised = discountedAbatementCost(0, cost, tonnes);
          // At rate 0, NPV = −Σ cost and discounted tonnes = Σ tonnes.
          const plain = abatementCost({ npvEur: -sumCost, avoidedTco2e: sumTonnes });
          if (plain === null) expect(levelised).toBeNull();
          else expect(levelised).toBeCloseTo(plain, 6);
        },
      ),
    );
  });

  it('is negative when the measure saves money', () => {
    // Net cost −100 € in each of years 1 and 2, 1 t avoided each year, at 5 %: both sums carry the same factors
    // (1/1.05 + 1/1.05²), so the ratio is exactly −100 €/t.
    expect(discountedAbatementCost(0.05, [0, -100, -100], [0, 1, 1])).toBeCloseTo(-100, 12);
  });

  it('is null when the discounted avoided tonnes are ≤ 0', () => {
    expect(discountedAbatementCost(0.03, [100, 0], [0, 0])).toBeNull();
    // −2 t at index 0, +2 t at index 1 at 10 %: −2 + 2/1.1 < 0.
    expect(discountedAbatementCost(0.1, [100, 0], [-2, 2])).toBeNull();
  });

  it('refuses bad inputs, naming the function', () => {
    expect(() => discountedAbatementCost(-1, [1], [1])).toThrow(/^discountedAbatementCost: rate/);
    expect(() => discountedAbatementCost(Number.NaN, [1], [1])).toThrow(RangeError);
    expect(() => discountedAbatementCost(0.03, [1, 2], [1])).toThrow(/^discountedAbatementCost: .*2 and 1/);
    expect(() => discountedAbatementCost(0.03, [1, Number.NaN], [1, 1])).toThrow(/netCostEur\[1\]/);
    expect(() => discountedAbatementCost(0.03, [1, 1], [Number.NaN, 1])).toThrow(/avoidedTco2e\[0\]/);
  });
});
