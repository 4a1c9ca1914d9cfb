/**
 * The `extends` chain of a scenario pack: pack ids from the root to the pack, with the errors a chain can have
 * (unknown parent, cycle, a child whose price base year differs from its parent's).
 */
import { InputError } from '../core/errors.js';
import type { ScenarioPackFile } from './types.js';

/**
 * Pack ids from the root to `id` (e.g. ['TEND', 'S1'] for S1 extends TEND).
 * @throws InputError when a pack is unknown, a parent is unknown, the chain has a cycle (named: S1 → S2 → S1) or a
 *   child's price base year differs from its parent's.
 * @example packChain('S1', loadScenarioPacks()) // ['TEND', 'S1']
 */
export function packChain(id: string, packs: ReadonlyMap<string, ScenarioPackFile>): string[] {
  const start = packs.get(id);
  if (!start) {
    const known = [...packs.keys()].sort();
    throw new InputError(`unknown scenario pack ${id}`, {
      expected: `one of ${known.join(', ') || '(no pack loaded)'}`,
      received: id,
      fix: 'use one of the known ids (territoires scenarios list), or add a pack file with that id',
    });
  }
  const seen: ScenarioPackFile[] = [];
  let current: ScenarioPackFile = start;
  for (;;) {
    const index = seen.findIndex((p) => p.id === current.id);
    if (index >= 0) {
      const closing = seen[seen.length - 1];
      const cycle = [...seen.slice(index).map((p) => p.id), current.id].join(' → ');
      throw new InputError(`${closing.file}: extends cycle: ${cycle}`, {
        file: closing.file,
        line: closing.lineOf(['extends']),
        path: 'extends',
        expected: 'a chain of parents that ends at a pack without extends',
        received: `the cycle ${cycle}`,
        fix: `remove extends from one pack of the cycle (e.g. in ${closing.file})`,
      });
    }
    seen.push(current);
    if (current.extends === undefined) break;
    const parent = packs.get(current.extends);
    if (!parent) {
      const known = [...packs.keys()].sort();
      throw new InputError(`${current.file}: unknown parent pack ${current.extends}`, {
        file: current.file,
        line: current.lineOf(['extends']),
        path: 'extends',
        expected: `the id of a loaded pack: ${known.join(', ')}`,
        received: `extends: ${current.extends}`,
        fix: 'correct the parent id, or put the parent pack in the same folder',
      });
    }
    if (parent.priceBaseYear !== current.priceBaseYear) {
      throw new InputError(`${current.file}: price base year differs from its parent ${parent.id}`, {
        file: current.file,
        line: current.lineOf(['priceBaseYear']),
        path: 'priceBaseYear',
        expected: `${parent.priceBaseYear}, the price base year of ${parent.id} (inherited prices are in its euros)`,
        received: String(current.priceBaseYear),
        fix: `set priceBaseYear: ${parent.priceBaseYear}`,
      });
    }
    current = parent;
  }
  return seen.map((p) => p.id).reverse();
}
