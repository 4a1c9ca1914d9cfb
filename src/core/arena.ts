/**
 * An arena of yearly series lent to a computation that runs many times over the same shapes (Monte Carlo draws,
 * sensitivity points, a national roll-up): the buffers and the typed-array views of one call are handed out again,
 * zeroed, to the next call, so the inner loop allocates no series.
 *
 * The contract is positional: a call asks for records in a fixed order (`take` 1, 2, 3, …) and `reset()` starts the
 * next call at the first position again. A record handed out at position k is overwritten by the next call that
 * reaches position k: whoever holds results across calls must copy them. Without an arena (`undefined`), the
 * helpers that accept one (`emptyFleet`, `emptyFlows`) allocate fresh series, which is what one-off runs do.
 *
 * A record is a plain object of named `Float64Array` views on one buffer. Its series properties are read-only (an
 * assignment throws a `TypeError`: ES modules run in strict mode), so that the view handed out again is always the
 * arena's own, zeroed; write into the series, never replace them. Taking a record again zeroes its buffer and sets
 * the extra scalar fields it lists back to their initial value.
 */
export class SeriesArena {
  private readonly slots: { buffer: Float64Array; record: Record<string, unknown>; names: readonly string[]; views: Float64Array[] }[] = [];
  private next = 0;

  /** Starts a new call: the next `take` returns the first record again. */
  reset(): void {
    this.next = 0;
  }

  /** Records held (for tests and the bench: it stops growing after the first call). */
  get size(): number {
    return this.slots.length;
  }

  /**
   * The next record of `names.length` series of `length` values, all zeros. `scalars` are extra fields set on
   * the record each time (e.g. counts a model may set later).
   */
  take<T>(names: readonly string[], length: number, scalars?: Readonly<Record<string, number | undefined>>): T {
    const i = this.next++;
    let slot = this.slots[i];
    if (slot === undefined || slot.names !== names || slot.views[0].length !== length) {
      const buffer = new Float64Array(names.length * length);
      const views = names.map((_, k) => buffer.subarray(k * length, (k + 1) * length));
      const record: Record<string, unknown> = {};
      names.forEach((name, k) => Object.defineProperty(record, name, { value: views[k], enumerable: true, writable: false, configurable: false }));
      slot = { buffer, record, names, views };
      this.slots[i] = slot;
    } else {
      slot.buffer.fill(0);
    }
    if (scalars) for (const key in scalars) slot.record[key] = scalars[key];
    return slot.record as T;
  }
}

/**
 * A record of `names.length` series of `length` zeros, named by `names`: the arena's next record when there is an
 * arena (its series read-only, `scalars` reset), or a fresh one without (the series views on one new buffer: one
 * allocation instead of one per series; writable). The one way models and the engine lay out their records.
 * @example seriesRecord<{ a: Float64Array; b: Float64Array }>(['a', 'b'], 3).b // Float64Array [0, 0, 0]
 */
export function seriesRecord<T>(
  names: readonly string[],
  length: number,
  arena?: SeriesArena,
  scalars?: Readonly<Record<string, number | undefined>>,
): T {
  if (arena) return arena.take<T>(names, length, scalars);
  const buffer = new ArrayBuffer(names.length * length * Float64Array.BYTES_PER_ELEMENT);
  const record: Record<string, Float64Array> = {};
  for (let k = 0; k < names.length; k++) record[names[k]] = new Float64Array(buffer, k * length * Float64Array.BYTES_PER_ELEMENT, length);
  return record as T;
}

