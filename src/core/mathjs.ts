/**
 * mathjs, loaded when a unit is first converted. Importing mathjs takes about 0.7 s (it builds its whole default
 * instance at import): a process or worker thread whose inputs are plain numbers (a Monte Carlo or roll-up worker,
 * most runs) never pays it. The load is synchronous, so that `toUnit` stays a plain function.
 *
 * The browser bundle replaces this module by src/web/app/shims/mathjs.ts, which imports mathjs statically
 * (src/web/build.ts).
 */
import { createRequire } from 'node:module';

/** What the toolkit uses of mathjs: `create` and the factories of `all` (src/core/units.ts). */
export type MathJs = Pick<typeof import('mathjs'), 'create' | 'all'>;

/**
 * The mathjs module (its CommonJS build, through Node's `require`; no other module of the toolkit imports mathjs,
 * so there is one copy of it).
 * @example loadMathjs().create(loadMathjs().all).unit(150, 'W').toNumber('kW') // 0.15
 */
export function loadMathjs(): MathJs {
  return createRequire(import.meta.url)('mathjs') as MathJs;
}
