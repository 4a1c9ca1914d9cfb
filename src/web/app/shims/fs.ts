/**
 * `node:fs` in the browser bundle: the engine and the territory validation never read files there (the page
 * sends inventories inline), so every function only says so.
 */
function unavailable(name: string): never {
  throw new Error(`${name}: no file system in the browser`);
}

/**
 * Throws: no file system in the browser.
 * @example
 * readFileSync('x') // throws Error('readFileSync: no file system in the browser')
 */
export function readFileSync(..._args: unknown[]): never {
  return unavailable('readFileSync');
}
/**
 * Throws: no file system in the browser.
 * @example
 * readdirSync('x') // throws Error('readdirSync: no file system in the browser')
 */
export function readdirSync(..._args: unknown[]): never {
  return unavailable('readdirSync');
}
/**
 * Throws: no file system in the browser.
 * @example
 * writeFileSync('x') // throws Error('writeFileSync: no file system in the browser')
 */
export function writeFileSync(..._args: unknown[]): never {
  return unavailable('writeFileSync');
}
/**
 * Throws: no file system in the browser.
 * @example
 * mkdirSync('x') // throws Error('mkdirSync: no file system in the browser')
 */
export function mkdirSync(..._args: unknown[]): never {
  return unavailable('mkdirSync');
}
/**
 * Throws: no file system in the browser.
 * @example
 * renameSync('x') // throws Error('renameSync: no file system in the browser')
 */
export function renameSync(..._args: unknown[]): never {
  return unavailable('renameSync');
}
/**
 * Throws: no file system in the browser.
 * @example
 * rmSync('x') // throws Error('rmSync: no file system in the browser')
 */
export function rmSync(..._args: unknown[]): never {
  return unavailable('rmSync');
}
/**
 * Nothing exists in the browser's (absent) file system.
 * @example
 * existsSync('/package.json') // → false
 */
export function existsSync(..._args: unknown[]): boolean {
  return false;
}
