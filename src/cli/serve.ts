/**
 * `territoires serve [--port N] [--host H] [--lang fr|en]`: the web page for agents who will not edit YAML.
 *
 * Serves the page built by `npm run build:web` (dist/web/); when it is missing and the sources are there (a clone
 * of the repository), builds it first. Listens on 127.0.0.1 unless `--host` says otherwise, and runs until stopped
 * (Ctrl+C).
 */
import { InputError } from '../core/errors.js';
import type { Lang } from './output.js';

export interface ServeOptions {
  port: number;
  host: string;
  lang: Lang;
  /** Folder of the built page (default dist/web/, built when missing); for tests. */
  root?: string;
  /** Stops the server like Ctrl+C does; for tests. */
  signal?: AbortSignal;
}

/**
 * Starts the web server and resolves with exit code 0 once it is stopped by SIGINT or SIGTERM (or `opts.signal`).
 * @example
 * await serveCommand({ port: 8080, host: '127.0.0.1', lang: 'fr' })
 * // prints « Page web : http://127.0.0.1:8080 » and serves until Ctrl+C
 */
export async function serveCommand(opts: ServeOptions): Promise<number> {
  const port = Number(opts.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InputError(`invalid port ${String(opts.port)}`, { path: '--port', expected: 'an integer from 0 to 65535 (0: any free port)', received: String(opts.port), fix: 'e.g. --port 8080' });
  }
  const fr = opts.lang !== 'en';
  const { defaultWebRoot, isBuilt, buildWebApp, webSourceDir } = await import('../web/build.js');
  const { existsSync } = await import('node:fs');
  const root = opts.root ?? defaultWebRoot();
  if (!isBuilt(root)) {
    if (!existsSync(webSourceDir())) {
      throw new InputError(fr ? 'la page web n’est pas construite' : 'the web page is not built', {
        path: root,
        expected: fr ? 'la page construite (index.html, app.js)' : 'the built page (index.html, app.js)',
        received: fr ? 'aucun fichier' : 'no file',
        fix: 'npm run build',
      });
    }
    process.stderr.write(fr ? 'Construction de la page web…\n' : 'Building the web page…\n');
    await buildWebApp(root);
  }
  const { loadServerState } = await import('../web/api.js');
  const { isLoopback, startWebServer } = await import('../web/server.js');
  const state = await loadServerState({ lang: opts.lang });
  const web = await startWebServer({ root, state, host: opts.host, port });
  process.stdout.write((fr ? 'Page web : ' : 'Web page: ') + web.url + '\n');
  if (!isLoopback(opts.host)) {
    process.stderr.write(
      fr
        ? `Attention : le serveur écoute sur ${opts.host}, sans authentification ; toute machine qui l’atteint peut s’en servir.\n`
        : `Warning: the server listens on ${opts.host}, without authentication; any machine reaching it can use it.\n`,
    );
  }
  process.stdout.write(fr ? 'Ctrl+C pour arrêter.\n' : 'Ctrl+C to stop.\n');
  await new Promise<void>((resolvePromise) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      opts.signal?.removeEventListener('abort', stop);
      resolvePromise();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    if (opts.signal?.aborted) stop();
    else opts.signal?.addEventListener('abort', stop);
  });
  await web.close();
  return 0;
}
