/**
 * `territoires validate FILE`: checks a scenario pack, a territory, a reference file, a model's parameters file or
 * a communes file (`territoires rollup`), told apart by content.
 */
import { resolve } from 'node:path';
import { InputError, InputErrors } from '../core/errors.js';
import { useCaseDefaults } from '../evaluate/engine.js';
import { loadRunData } from '../evaluate/load.js';
import { MODELS, USE_CASE_IDS } from '../evaluate/registry.js';
import { checkCommuneOverrides, validateCommune } from '../evaluate/rollup.js';
import { loadCommunes, locateCommuneError } from '../io/communes.js';
import { loadScenarioPacks, parameterFileFromDocument, referenceFromDocument, scenarioPackFromDocument, resolvePack } from '../scenario/index.js';
import { loadTerritory } from '../io/territory.js';
import { loadDocument } from '../io/yaml.js';
import type { Lang } from './output.js';

export type FileKind = 'scenario' | 'territory' | 'reference' | 'parameters' | 'communes';

/** Tells the kind of a document from its keys. */
export function kindOf(data: unknown): FileKind | null {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return null;
  const keys = new Set(Object.keys(data));
  if (keys.has('useCases') || keys.has('population')) return 'territory';
  if (keys.has('communes')) return 'communes';
  if (keys.has('model') && keys.has('parameters')) return 'parameters';
  if (keys.has('priceBaseYear') || keys.has('extends') || keys.has('currency')) return 'scenario';
  if (keys.has('id') && (keys.has('trajectories') || keys.has('parameters'))) return 'reference';
  return null;
}

export async function validateCommand(fileArg: string, opts: { json?: boolean; lang: Lang }): Promise<number> {
  const file = resolve(fileArg);
  const doc = loadDocument(file);
  const kind = kindOf(doc.data);
  let detail = '';
  switch (kind) {
    case 'territory': {
      const t = await loadTerritory(file);
      detail = `${t.name} (${t.kind}, ${t.population} hab.), ${t.useCases.map((u) => u.id).join(', ')}`;
      break;
    }
    case 'scenario': {
      const pack = scenarioPackFromDocument(doc);
      // Resolve it among the built-in packs so that `extends` and required trajectories are checked too.
      const packs = loadScenarioPacks();
      packs.set(pack.id, pack);
      const resolved = resolvePack(pack.id, packs);
      detail = `${pack.id} — ${pack.name[opts.lang]} (${resolved.chain.join(' → ')}), ${Object.keys(resolved.trajectories).length} trajectories`;
      break;
    }
    case 'reference': {
      const ref = referenceFromDocument(doc);
      detail = `${ref.id}: ${Object.keys(ref.trajectories).length} trajectories, ${Object.keys(ref.parameters).length} parameters`;
      break;
    }
    case 'communes': {
      // Each commune's inventories against their models' schemas, and its own parameter values against the defaults
      // of its use cases (names and units; the roll-up applies them over its territory's values).
      const loaded = await loadCommunes(file);
      const errors: InputError[] = [];
      const data = loadRunData();
      loaded.communes.forEach((c, i) => {
        try {
          const ids = USE_CASE_IDS.filter((id) => c.inventories[id] !== undefined);
          validateCommune(ids.map((id) => ({ id, model: MODELS[id] })), c, i);
          checkCommuneOverrides(c, i, Object.assign({}, ...ids.map((id) => useCaseDefaults(data, id))));
        } catch (e) {
          const located = locateCommuneError(e, loaded);
          if (located instanceof InputErrors) errors.push(...located.errors);
          else if (located instanceof InputError) errors.push(located);
          else throw located;
        }
      });
      if (errors.length > 0) throw errors.length === 1 ? errors[0] : new InputErrors(errors);
      const counts = USE_CASE_IDS.map((id) => [id, loaded.communes.filter((c) => c.inventories[id] !== undefined).length] as const).filter(([, n]) => n > 0);
      detail = `${loaded.communes.length} communes; inventories: ${counts.map(([id, n]) => `${id} ${n}`).join(', ')}`;
      break;
    }
    case 'parameters': {
      const p = parameterFileFromDocument(doc);
      detail = `${p.model}: ${Object.keys(p.parameters).length} parameters`;
      break;
    }
    default:
      throw new InputError(`${file}: cannot tell what kind of file this is`, {
        file,
        line: 1,
        expected: 'a territory (useCases, population), a scenario pack (priceBaseYear), reference data (id, trajectories), model parameters (model, parameters) or a communes file (communes)',
        received: `top-level keys ${doc.data && typeof doc.data === 'object' ? Object.keys(doc.data).join(', ') : String(doc.data)}`,
        fix: 'start from a file of the same kind in examples/ or scenarios/',
      });
  }
  if (opts.json) process.stdout.write(JSON.stringify({ file, kind, valid: true, detail }, null, 2) + '\n');
  else process.stdout.write(`${opts.lang === 'fr' ? 'valide' : 'valid'} (${kind}): ${file}\n  ${detail}\n`);
  return 0;
}
