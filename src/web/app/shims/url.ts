/** `node:url` in the browser bundle: file URLs as plain paths (only used to find the package on Node.js). */

/**
 * The path of a file URL.
 * @example
 * fileURLToPath('file:///srv/app.js') // → '/srv/app.js'
 */
export function fileURLToPath(url: string | URL): string {
  return new URL(String(url)).pathname;
}

/**
 * The file URL of a path.
 * @example
 * pathToFileURL('/srv/app.js').href // → 'file:///srv/app.js'
 */
export function pathToFileURL(path: string): URL {
  return new URL(`file://${path}`);
}
