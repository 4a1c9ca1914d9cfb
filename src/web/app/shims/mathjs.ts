/**
 * src/core/mathjs.ts in the browser bundle: mathjs imported with the bundle (no `require` in a browser). The
 * bundle is one file, loaded once, so nothing is gained by loading mathjs later there.
 */
import { all, create } from 'mathjs';

/** What the toolkit uses of mathjs: `create` and the factories of `all` (src/core/units.ts). */
export type MathJs = Pick<typeof import('mathjs'), 'create' | 'all'>;

/**
 * `create` and `all` of mathjs.
 * @example loadMathjs().create(loadMathjs().all).unit(150, 'W').toNumber('kW') // 0.15
 */
export function loadMathjs(): MathJs {
  return { create, all };
}
