/**
 * `territoires validate FILE`: checks a scenario pack, a territory, a reference file or a model's parameters
 * file, told apart by content.
 */
import { resolve } from 'node:path';
import { InputError } from '../core/errors.js';
import { loadScenarioPacks, parameterFileFromDocument, referenceFromDocument, scenarioPackFromDocument, resolvePack } from '../scenario/index.js';
import { loadTerritory } from '../io/territory.js';
import { loadDocument } from '../io/yaml.js';
import type { Lang } from './output.js';

export type FileKind = 'scenario' | 'territory' | 'reference' | 'parameters';

/** Tells the kind of a document from its keys. */
export function kindOf(data: unknown): FileKind | null {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return null;
  const keys = new Set(Object.keys(data));
  if (keys.has('useCases') || keys.has('population')) return 'territory';
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
    case 'parameters': {
      const p = parameterFileFromDocument(doc);
      detail = `${p.model}: ${Object.keys(p.parameters).length} parameters`;
      break;
    }
    default:
      throw new InputError(`${file}: cannot tell what kind of file this is`, {
        file,
        line: 1,
        expected: 'a territory (useCases, population), a scenario pack (priceBaseYear), reference data (id, trajectories) or model parameters (model, parameters)',
        received: `top-level keys ${doc.data && typeof doc.data === 'object' ? Object.keys(doc.data).join(', ') : String(doc.data)}`,
        fix: 'start from a file of the same kind in examples/ or scenarios/',
      });
  }
  if (opts.json) process.stdout.write(JSON.stringify({ file, kind, valid: true, detail }, null, 2) + '\n');
  else process.stdout.write(`${opts.lang === 'fr' ? 'valide' : 'valid'} (${kind}): ${file}\n  ${detail}\n`);
  return 0;
}
