/**
 * Static files of the web page: which file a URL path names, confined to the app's folder.
 *
 * A request path is refused (400) when it cannot be decoded, holds a NUL byte, a backslash, a `.` or `..`
 * segment (plain or percent-encoded), or an empty segment; it is decoded once only (`%252e` stays the
 * literal `%2e`, a name no file of the app has). The file must then lie inside the root folder, also after
 * following symbolic links, and be a regular file; anything else is 404. Nothing here lists a folder.
 */
import { realpathSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';

/** Content types of the files the app ships. Anything else is served as bytes (and `nosniff` keeps it so). */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export type StaticLookup = { ok: true; file: string; contentType: string } | { ok: false; status: 400 | 404; reason: string };

/**
 * The file a URL path names inside `root`, or why it is refused.
 * @param root the app's folder (absolute)
 * @param urlPath the path part of the request URL, still percent-encoded (`/`, `/app.js`)
 * @example
 * staticFile('/srv/app', '/app.js')           // → { ok: true, file: '/srv/app/app.js', … } when it exists
 * staticFile('/srv/app', '/%2e%2e/etc/passwd') // → { ok: false, status: 400, reason: 'dot segment' }
 */
export function staticFile(root: string, urlPath: string): StaticLookup {
  const rootAbs = resolve(root);
  if (urlPath.includes('\0')) return { ok: false, status: 400, reason: 'NUL byte' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { ok: false, status: 400, reason: 'malformed percent-encoding' };
  }
  if (decoded.includes('\0')) return { ok: false, status: 400, reason: 'NUL byte' };
  if (decoded.includes('\\')) return { ok: false, status: 400, reason: 'backslash' };
  if (!decoded.startsWith('/')) return { ok: false, status: 400, reason: 'not an absolute URL path' };
  const relative = decoded === '/' ? 'index.html' : decoded.slice(1);
  const segments = relative.split('/');
  if (segments.some((s) => s === '.' || s === '..')) return { ok: false, status: 400, reason: 'dot segment' };
  if (segments.some((s) => s === '')) return { ok: false, status: 400, reason: 'empty segment' };

  const file = resolve(join(rootAbs, ...segments));
  if (!inside(rootAbs, file)) return { ok: false, status: 400, reason: 'outside the app folder' };
  let real: string;
  let realRoot: string;
  try {
    real = realpathSync(file);
    realRoot = realpathSync(rootAbs);
  } catch {
    return { ok: false, status: 404, reason: 'no such file' };
  }
  if (!inside(realRoot, real)) return { ok: false, status: 404, reason: 'link outside the app folder' };
  try {
    if (!statSync(real).isFile()) return { ok: false, status: 404, reason: 'not a file' };
  } catch {
    return { ok: false, status: 404, reason: 'no such file' };
  }
  return { ok: true, file: real, contentType: CONTENT_TYPES[extname(real).toLowerCase()] ?? 'application/octet-stream' };
}

/** True when `file` is `root` itself or lies below it. */
function inside(root: string, file: string): boolean {
  return file === root || file.startsWith(root.endsWith(sep) ? root : root + sep);
}
