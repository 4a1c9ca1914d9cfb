/**
 * Where the toolkit's own data lives (models/, scenarios/, examples/), found from this module's location by
 * walking up to the folder holding the package's `package.json`. Works from `src/` (tsx, vitest) and from
 * `dist/src/` after `npm run build`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** Absolute path of the package root (the folder with territoires' package.json). */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      try {
        if ((JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string }).name === 'territoires') {
          root = dir;
          return dir;
        }
      } catch {
        // not ours; keep walking
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('territoires: cannot find the package root (package.json named "territoires")');
    dir = parent;
  }
}

/** The package's version, from package.json. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

/** Folder of a use-case model (`models/<id>`). */
export function modelDir(id: string): string {
  return join(packageRoot(), 'models', id);
}

/** Folder of the example territories. */
export function examplesDir(): string {
  return join(packageRoot(), 'examples');
}
