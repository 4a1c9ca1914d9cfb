/**
 * Throws a `RangeError` naming `fn` when two series are not aligned on the same axis. Internal helper of
 * src/carbon (not re-exported).
 */
export function checkSameLength(fn: string, aName: string, a: ArrayLike<number>, bName: string, b: ArrayLike<number>): void {
  if (a.length !== b.length) {
    throw new RangeError(
      `${fn}: ${aName} and ${bName} must have the same length (one value per year of the axis), received ${a.length} and ${b.length}`,
    );
  }
}
