/**
 * Builds the web page: esbuild bundles src/web/app/main.ts (the engine, the models, the chart configurations,
 * chart.js, mathjs, zod, yaml) into one `app.js` for the browser, beside `index.html` and `styles.css`. No CDN: the
 * folder is all the page needs.
 *
 * The engine's modules import `node:fs`, `node:path`, `node:crypto` and `node:url` for the parts that read files;
 * the browser build maps them to small stand-ins (src/web/app/shims/) and leaves exceljs out: the page never reads
 * a file, the server does.
 *
 * `npm run build:web` runs this file; `npm run build` runs it after the TypeScript build.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../core/paths.js';

/**
 * Folder of the page's sources.
 * @example
 * webSourceDir() // → '<package root>/src/web/app'
 */
export function webSourceDir(): string {
  return join(packageRoot(), 'src', 'web', 'app');
}

/**
 * Folder the page is built into, and served from by default.
 * @example
 * defaultWebRoot() // → '<package root>/dist/web'
 */
export function defaultWebRoot(): string {
  return join(packageRoot(), 'dist', 'web');
}

const SHIMS: Record<string, string> = {
  fs: 'fs.ts',
  path: 'path.ts',
  crypto: 'crypto.ts',
  url: 'url.ts',
  exceljs: 'exceljs.ts',
};

/**
 * Builds the page into `outDir` (replaced whole once the new build is complete).
 * @returns the folder and the files written, with their sizes [bytes]
 * @example
 * const { files } = await buildWebApp('/tmp/web');
 * // files: index.html, app.js (≈1.5 MB minified: mathjs is most of it), styles.css
 */
export async function buildWebApp(outDir: string = defaultWebRoot()): Promise<{ outDir: string; files: { name: string; bytes: number }[] }> {
  const { build } = await import('esbuild');
  const source = webSourceDir();
  const target = resolve(outDir);
  const staging = `${target}.tmp-${process.pid}-${Date.now()}`;
  mkdirSync(staging, { recursive: true });
  try {
    await build({
      entryPoints: [join(source, 'main.ts')],
      outfile: join(staging, 'app.js'),
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: ['es2022'],
      minify: true,
      legalComments: 'eof',
      logLevel: 'silent',
      define: { 'process.env.NODE_ENV': '"production"' },
      plugins: [
        {
          name: 'territoires-browser-shims',
          setup(b) {
            b.onResolve({ filter: /^(node:)?(fs|path|crypto|url)$|^exceljs$/ }, (args) => ({
              path: join(source, 'shims', SHIMS[args.path.replace(/^node:/, '')]),
            }));
            // src/core/mathjs.ts loads mathjs lazily through Node's require; the bundle imports it instead.
            b.onResolve({ filter: /^\.\/mathjs\.js$/ }, (args) =>
              args.importer === join(packageRoot(), 'src', 'core', 'units.ts') ? { path: join(source, 'shims', 'mathjs.ts') } : undefined,
            );
          },
        },
      ],
    });
    for (const name of ['index.html', 'styles.css']) copyFileSync(join(source, name), join(staging, name));
    rmSync(target, { recursive: true, force: true });
    mkdirSync(dirname(target), { recursive: true });
    renameSync(staging, target);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  const files = readdirSync(target).map((name) => ({ name, bytes: statSync(join(target, name)).size }));
  return { outDir: target, files };
}

/**
 * True when `dir` holds a built page (index.html and app.js).
 * @example
 * isBuilt(defaultWebRoot()) // → true after `npm run build:web`
 */
export function isBuilt(dir: string): boolean {
  return existsSync(join(dir, 'index.html')) && existsSync(join(dir, 'app.js'));
}

// Run as a script: `tsx src/web/build.ts [outDir]` or `node dist/src/web/build.js [outDir]`.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { outDir, files } = await buildWebApp(process.argv[2]);
  process.stdout.write(`web page built in ${outDir}\n${files.map((f) => `  ${f.name}  ${f.bytes} bytes`).join('\n')}\n`);
}
