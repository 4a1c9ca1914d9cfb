/** Σ values[i] / (1 + rate)^years[i], years as fractions (internal, no checks; shared by `xnpv` and `xirr`). */
export function presentValueAt(rate: number, values: ArrayLike<number>, years: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] / (1 + rate) ** years[i];
  return sum;
}
