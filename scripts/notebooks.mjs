#!/usr/bin/env node
/**
 * Executes the Jupyter notebooks of notebooks/ top to bottom, headless, with the tslab TypeScript kernel.
 *
 *   npm run notebooks                       # every notebook; fails (exit 1) on the first failing cell
 *   npm run notebooks -- 01-visite.ipynb    # only the named notebooks
 *   npm run notebooks -- --update           # same, then replaces the committed notebooks by the executed ones
 *
 * Without --update nothing under notebooks/ is written: each notebook is executed into a temporary folder
 * (jupyter nbconvert --execute --output-dir). With --update an executed notebook replaces the committed one only
 * when every cell of it ran (written beside it, then renamed). Run `npm run build` first: the notebooks import the
 * package as a user would (`import { … } from 'territoires'`), which resolves to dist/.
 *
 * What it needs: Jupyter's nbconvert with nbclient and a Python 3 that has them (Debian: jupyter-nbconvert,
 * python3-nbclient, python3-ipykernel), and tslab (a devDependency). The tslab kernel spec is written into the
 * temporary folder (JUPYTER_PATH), so no global `tslab install` is needed and the kernel is the tslab of this
 * checkout.
 *
 * Two details of tslab 1.0 that this script works around, each for the kernel only:
 * - tslab type-checks cells with TypeScript's `node10` module resolution, which does not resolve a package's own
 *   name from inside it: the script links node_modules/territoires to the repository (what `npm install <folder>`
 *   would do), if it is missing;
 * - tslab runs cells as CommonJS (`require`), and the package's `exports` declares an `import` condition only:
 *   the kernel runs with NODE_OPTIONS=--conditions=import so that `require('territoires')` picks dist/src/index.js,
 *   which Node.js ≥ 20.19 loads as an ES module (require(esm)).
 *
 * Options: --timeout SECONDS per cell (default 300, or NOTEBOOK_CELL_TIMEOUT), --update, --keep (keep the temporary
 * folder and print it). Executed text outputs that differ from the committed ones are listed (a hint to run
 * --update), not treated as failures: the committed outputs are a snapshot for readers.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const notebookDir = join(root, 'notebooks');
/** Committed notebooks, all together, stay below this size [bytes] (the issue's budget). */
const MAX_TOTAL_BYTES = 3 * 1024 * 1024;
const KERNEL = 'tslab';

function fail(message) {
  console.error(`notebooks: ${message}`);
  process.exit(1);
}

function parseArgs(argv) {
  const options = { update: false, keep: false, timeoutSeconds: Number(process.env.NOTEBOOK_CELL_TIMEOUT ?? 300), names: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--update') options.update = true;
    else if (arg === '--keep') options.keep = true;
    else if (arg === '--timeout') options.timeoutSeconds = Number(argv[++i]);
    else if (arg.startsWith('--timeout=')) options.timeoutSeconds = Number(arg.slice('--timeout='.length));
    else if (arg === '--help' || arg === '-h') {
      console.log('usage: npm run notebooks [-- [--update] [--keep] [--timeout SECONDS] [NOTEBOOK.ipynb …]]');
      process.exit(0);
    } else if (arg.startsWith('-')) fail(`unknown option ${arg} (expected --update, --keep, --timeout SECONDS)`);
    else options.names.push(basename(arg));
  }
  if (!Number.isFinite(options.timeoutSeconds) || options.timeoutSeconds <= 0) {
    fail(`--timeout needs a positive number of seconds, got ${options.timeoutSeconds}`);
  }
  return options;
}

/** Runs a command, inheriting stdio; returns its exit status. */
function run(command, args, env) {
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  if (result.error) fail(`cannot run ${command}: ${result.error.message}`);
  return result.status ?? 1;
}

function checkPrerequisites() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    fail(`Node.js ${process.versions.node}: the tslab kernel needs ≥ 20.19 to load the package (require of an ES module)`);
  }
  if (!existsSync(join(root, 'dist', 'src', 'index.js'))) fail('dist/src/index.js is missing: run `npm run build` first');
  const tslab = join(root, 'node_modules', '.bin', 'tslab');
  if (!existsSync(tslab)) fail('node_modules/.bin/tslab is missing: run `npm ci` (tslab is a devDependency)');
  const probe = spawnSync('jupyter-nbconvert', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    fail(
      'jupyter-nbconvert not found. Install Jupyter, e.g. on Debian/Ubuntu: ' +
        'apt-get install -y --no-install-recommends jupyter-nbconvert python3-nbclient python3-ipykernel',
    );
  }
  return tslab;
}

/** node_modules/territoires → the repository, so that tslab's type checker resolves the package's own name. */
function linkSelf() {
  const link = join(root, 'node_modules', 'territoires');
  let present = true;
  try {
    lstatSync(link);
  } catch {
    present = false;
  }
  if (!present) {
    symlinkSync('..', link, 'dir');
    console.log('notebooks: linked node_modules/territoires → . (the package, as `npm install <folder>` would)');
  }
}

/** A kernel spec for this checkout's tslab, in a folder that JUPYTER_PATH points to. */
function writeKernelSpec(tmp, tslab) {
  const dir = join(tmp, 'jupyter', 'kernels', KERNEL);
  mkdirSync(dir, { recursive: true });
  const spec = { argv: [tslab, 'kernel', '--config-path', '{connection_file}'], display_name: 'TypeScript', language: 'typescript' };
  writeFileSync(join(dir, 'kernel.json'), JSON.stringify(spec));
  return join(tmp, 'jupyter');
}

function listNotebooks(names) {
  const all = readdirSync(notebookDir)
    .filter((n) => n.endsWith('.ipynb'))
    .sort();
  if (all.length === 0) fail('no notebook in notebooks/');
  if (names.length === 0) return all;
  for (const n of names) if (!all.includes(n)) fail(`no notebook ${n} in notebooks/ (have: ${all.join(', ')})`);
  return all.filter((n) => names.includes(n));
}

/** Text of a cell's outputs, images left out (PNG bytes differ across font renderers). */
function textOutputs(cell) {
  const parts = [];
  for (const out of cell.outputs ?? []) {
    if (out.output_type === 'stream') parts.push(`${out.name}:${[].concat(out.text).join('')}`);
    else if (out.data) {
      for (const [mime, value] of Object.entries(out.data)) {
        if (!mime.startsWith('image/')) parts.push(`${mime}:${[].concat(value).join('')}`);
      }
    } else if (out.output_type === 'error') parts.push(`error:${out.ename}`);
  }
  return parts.join('\n');
}

/** Indices (1-based, code cells only) whose text outputs differ between two versions of a notebook. */
function changedCells(committed, executed) {
  const a = committed.cells.filter((c) => c.cell_type === 'code');
  const b = executed.cells.filter((c) => c.cell_type === 'code');
  const changed = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (!a[i] || !b[i] || textOutputs(a[i]) !== textOutputs(b[i])) changed.push(i + 1);
  }
  return changed;
}

/**
 * tslab answers a failing cell with an empty error and writes the message on stderr, which nbconvert does not
 * print: run the notebook again letting errors through and print what the cells wrote on stderr.
 */
function explainFailure(source, dir, env, timeoutSeconds) {
  const args = ['--to', 'notebook', '--execute', '--allow-errors', `--ExecutePreprocessor.kernel_name=${KERNEL}`];
  args.push(`--ExecutePreprocessor.timeout=${timeoutSeconds}`, '--output-dir', dir, '--log-level=ERROR', source);
  const result = spawnSync('jupyter-nbconvert', args, { cwd: root, env, encoding: 'utf8' });
  const file = join(dir, basename(source));
  if (result.status !== 0 || !existsSync(file)) return;
  const cells = JSON.parse(readFileSync(file, 'utf8')).cells.filter((c) => c.cell_type === 'code');
  cells.forEach((cell, i) => {
    for (const out of cell.outputs ?? []) {
      if (out.output_type === 'stream' && out.name === 'stderr') {
        console.error(`--- code cell ${i + 1}, stderr:\n${[].concat(out.text).join('')}`);
      }
    }
  });
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  const tslab = checkPrerequisites();
  linkSelf();
  const notebooks = listNotebooks(options.names);
  const tmp = mkdtempSync(join(tmpdir(), 'territoires-notebooks-'));
  const outDir = join(tmp, 'executed');
  const env = {
    ...process.env,
    JUPYTER_PATH: writeKernelSpec(tmp, tslab),
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --conditions=import`.trim(),
    TZ: 'UTC',
  };

  const failed = [];
  const stale = [];
  for (const name of notebooks) {
    const source = join(notebookDir, name);
    const started = Date.now();
    console.log(`== ${name}`);
    const status = run(
      'jupyter-nbconvert',
      [
        '--to',
        'notebook',
        '--execute',
        `--ExecutePreprocessor.kernel_name=${KERNEL}`,
        `--ExecutePreprocessor.timeout=${options.timeoutSeconds}`,
        '--ExecutePreprocessor.record_timing=False',
        '--output-dir',
        outDir,
        '--log-level=WARN',
        source,
      ],
      env,
    );
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (status !== 0) {
      console.error(`✗ ${name}: a cell failed (${seconds} s)`);
      explainFailure(source, join(tmp, 'failed'), env, options.timeoutSeconds);
      failed.push(name);
      continue;
    }
    const executedFile = join(outDir, name);
    const executed = JSON.parse(readFileSync(executedFile, 'utf8'));
    const changed = changedCells(JSON.parse(readFileSync(source, 'utf8')), executed);
    if (options.update) {
      // nbconvert wrote the file in Jupyter's own layout: copy its bytes beside the notebook, then rename.
      const next = `${source}.tmp`;
      copyFileSync(executedFile, next);
      renameSync(next, source);
      console.log(`✓ ${name} (${seconds} s), outputs written to notebooks/${name}`);
    } else {
      console.log(`✓ ${name} (${seconds} s)${changed.length > 0 ? `; outputs differ from the committed ones in code cells ${changed.join(', ')}` : ''}`);
      if (changed.length > 0) stale.push(name);
    }
  }

  const totalBytes = readdirSync(notebookDir)
    .filter((n) => n.endsWith('.ipynb'))
    .reduce((s, n) => s + statSync(join(notebookDir, n)).size, 0);
  if (options.keep) console.log(`notebooks: executed copies kept in ${outDir}`);
  else rmSync(tmp, { recursive: true, force: true });

  if (stale.length > 0) console.log(`notebooks: refresh the committed outputs with \`npm run notebooks -- --update ${stale.join(' ')}\``);
  if (totalBytes > MAX_TOTAL_BYTES) fail(`notebooks/*.ipynb weigh ${(totalBytes / 1048576).toFixed(2)} MB, over the 3 MB budget`);
  if (failed.length > 0) fail(`${failed.length} of ${notebooks.length} notebooks failed: ${failed.join(', ')}`);
  console.log(`notebooks: ${notebooks.length} executed, every cell ran (${(totalBytes / 1024).toFixed(0)} kB committed)`);
}

main();
