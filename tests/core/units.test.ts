import { describe, it, expect } from 'vitest';
import { sameDimension, toUnit, UnitConversionError } from '../../src/core/units.js';

describe('toUnit', () => {
  it('converts power', () => {
    // Doc example: 0.15 kW = 150 W.
    expect(toUnit('0.15 kW', 'W')).toBeCloseTo(150, 12);
  });

  it('reads a comma as the decimal separator', () => {
    // French writing of the same 0.15 kW.
    expect(toUnit('0,15 kW', 'W')).toBeCloseTo(150, 12);
  });

  it('converts emission factors with the CO2e units', () => {
    // 52 g = 0.052 kg, per the same kWh.
    expect(toUnit('52 gCO2e/kWh', 'kgCO2e/kWh')).toBeCloseTo(0.052, 15);
    // 1 tCO2e = 1000 kgCO2e (definition in units.ts).
    expect(toUnit('2 tCO2e', 'kgCO2e')).toBeCloseTo(2000, 9);
  });

  it('converts euros with SI prefixes and per-energy prices', () => {
    // M = 10^6.
    expect(toUnit('2 MEUR', 'EUR')).toBeCloseTo(2e6, 6);
    // 100 EUR per 1000 kWh = 0.1 EUR/kWh.
    expect(toUnit('100 EUR/MWh', 'EUR/kWh')).toBeCloseTo(0.1, 15);
    // The euro sign is read as EUR.
    expect(toUnit('150 €', 'EUR')).toBeCloseTo(150, 12);
  });

  it('converts percentages to fractions', () => {
    // 20 % = 20 / 100.
    expect(toUnit('20 %', 'fraction')).toBeCloseTo(0.2, 15);
    // And a plain number into % (0.2 × 100).
    expect(toUnit('0.2', '%')).toBeCloseTo(20, 12);
  });

  it('converts per-device figures to per-unit ones', () => {
    // luminaire is an alias of the dimensionless count pcs, as unit is: 70 kgCO2e per luminaire = 70 per unit.
    expect(toUnit('70 kgCO2e/luminaire', 'kgCO2e/unit')).toBeCloseTo(70, 12);
  });

  it('reads m³ as m^3', () => {
    // 3 m³ = 3 m^3 = 3000 L.
    expect(toUnit('3 m³', 'm^3')).toBeCloseTo(3, 12);
    expect(toUnit('3 m³', 'L')).toBeCloseTo(3000, 9);
  });

  it('takes a number as already in the unit', () => {
    expect(toUnit(42, 'kgCO2e/kWh')).toBe(42);
  });

  it('throws UnitConversionError with expected and received on a dimension mismatch', () => {
    let caught: unknown;
    try {
      toUnit('150 kg', 'W');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(UnitConversionError);
    const err = caught as UnitConversionError;
    expect(err.name).toBe('UnitConversionError');
    expect(err.received).toBe('150 kg');
    expect(err.expected).toContain('W');
    expect(err.message).toMatch(/dimensions differ/);
  });

  it('throws on text that is not a quantity, on an unknown unit, and on a unit where none is expected', () => {
    expect(() => toUnit('a lot', 'W')).toThrow(UnitConversionError);
    expect(() => toUnit('3 furlongs-per-fortnight', 'W')).toThrow(/unknown unit/);
    expect(() => toUnit('3 kW', 'fraction')).toThrow(/dimensionless/);
  });
});

describe('sameDimension', () => {
  it('tells units of the same dimension apart from others', () => {
    expect(sameDimension('kW', 'W')).toBe(true);
    expect(sameDimension('gCO2e/kWh', 'kgCO2e/kWh')).toBe(true);
    expect(sameDimension('kg', 'W')).toBe(false);
  });
});
