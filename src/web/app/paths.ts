/**
 * Reading and writing a value at a dotted path of a plain object (`settings.startYear`), for the forms.
 */

/**
 * The value at `path` (keys separated by dots), or undefined.
 * @example
 * getPath({ settings: { startYear: 2026 } }, 'settings.startYear') // → 2026
 */
export function getPath(obj: unknown, path: string): unknown {
  let at: unknown = obj;
  for (const key of path.split('.')) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

/**
 * Sets the value at `path`, creating missing objects on the way.
 * @example
 * const doc = {}; setPath(doc, 'platform.fixedEurPerYear', 5000) // doc → { platform: { fixedEurPerYear: 5000 } }
 */
export function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let at = obj;
  for (const key of keys.slice(0, -1)) {
    const next = at[key];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) at[key] = {};
    at = at[key] as Record<string, unknown>;
  }
  at[keys[keys.length - 1]] = value;
}

/**
 * Removes the key at `path`, then every parent object left empty by it (so that an optional section vanishes with
 * its last field).
 * @example
 * const doc = { pooling: { communes: 3 } }; unsetPath(doc, 'pooling.communes') // doc → {}
 */
export function unsetPath(obj: Record<string, unknown>, path: string): void {
  const keys = path.split('.');
  const chain: Record<string, unknown>[] = [obj];
  for (const key of keys.slice(0, -1)) {
    const next = chain[chain.length - 1][key];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) return;
    chain.push(next as Record<string, unknown>);
  }
  delete chain[chain.length - 1][keys[keys.length - 1]];
  for (let i = chain.length - 1; i > 0; i--) {
    if (Object.keys(chain[i]).length > 0) break;
    delete chain[i - 1][keys[i - 1]];
  }
}
