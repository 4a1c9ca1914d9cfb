/**
 * `node:path` in the browser bundle: the POSIX functions the engine's modules import, on plain strings (file names
 * only label errors and manifests there).
 */

function normalise(parts: string[], absolute: boolean): string {
  const out: string[] = [];
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    if (p === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
    } else out.push(p);
  }
  const joined = out.join('/');
  return absolute ? `/${joined}` : joined || '.';
}

/**
 * Joins path segments and normalises the result.
 * @example
 * join('/a/b', '../c.csv') // → '/a/c.csv'
 */
export function join(...segments: string[]): string {
  const all = segments.filter((s) => s !== '').join('/');
  return normalise(all.split('/'), all.startsWith('/'));
}

/**
 * Resolves segments right to left until an absolute path; relative to `/` (the browser has no working folder).
 * @example
 * resolve('/data/territory.yaml', '..', 'luminaires.csv') // → '/data/luminaires.csv'
 */
export function resolve(...segments: string[]): string {
  let path = '';
  for (let i = segments.length - 1; i >= 0; i--) {
    path = path ? `${segments[i]}/${path}` : segments[i];
    if (segments[i].startsWith('/')) break;
  }
  return normalise(path.split('/'), true);
}

/**
 * The folder part of a path.
 * @example
 * dirname('/data/territory.yaml') // → '/data'
 */
export function dirname(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return path.startsWith('/') ? '/' : '.';
  const at = trimmed.lastIndexOf('/');
  if (at < 0) return '.';
  return at === 0 ? '/' : trimmed.slice(0, at);
}

/**
 * The last segment of a path, without `ext` when it ends with it.
 * @example
 * basename('/data/luminaires.csv', '.csv') // → 'luminaires'
 */
export function basename(path: string, ext?: string): string {
  const base = path.replace(/\/+$/, '').split('/').pop() ?? '';
  return ext && base.endsWith(ext) ? base.slice(0, -ext.length) : base;
}

/**
 * The extension of the last segment, or ''.
 * @example
 * extname('inventaire.XLSX') // → '.XLSX'
 */
export function extname(path: string): string {
  const base = basename(path);
  const at = base.lastIndexOf('.');
  return at <= 0 ? '' : base.slice(at);
}

export const sep = '/';
