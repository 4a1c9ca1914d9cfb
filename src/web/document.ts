/**
 * The territory as the web page holds it: a plain document of the territory file's format (the one
 * `territorySchema` validates), with every table source (CSV, XLSX, GeoJSON) already replaced by its rows.
 *
 * The page edits this document, validates it with `parseTerritory` (as JSON text) and runs the engine on it; the
 * server receives it back for the downloads. Nothing here touches files: it runs in the browser and on Node.js.
 */
import type { OverrideValue } from '../evaluate/resolve.js';
import type { LoadedTerritory } from '../io/territory.js';
import { isTableSource } from '../io/tables.js';

/** One use case's entry of a territory document (`useCases.<id>`). */
export interface UseCaseDocument {
  inventory: Record<string, unknown>;
  overrides?: Record<string, unknown>;
  subsidies?: { name: string; share: number; capEur?: number; variants?: string[] }[];
  vatRecoverable?: boolean;
}

/** A territory file's content with inline inventories only. */
export interface TerritoryDocument {
  id: string;
  name: string;
  kind: string;
  population: number;
  description?: string;
  settings: Record<string, unknown>;
  useCases: Record<string, UseCaseDocument>;
  digital?: Record<string, unknown>;
  overrides?: Record<string, unknown>;
}

/**
 * The document of a loaded territory: the territory file's content after validation, its table sources replaced by
 * the rows they gave (so that it no longer needs any file beside it). Validating the result again gives the same
 * territory.
 * @example
 * const doc = territoryDocument(await loadTerritory('examples/syndicat-departemental/territory.yaml'));
 * // doc.useCases.lighting.inventory.luminaires is the list of 16 groups read from luminaires.csv
 */
export function territoryDocument(t: LoadedTerritory): TerritoryDocument {
  const useCases: Record<string, UseCaseDocument> = {};
  for (const u of t.useCases) {
    const entry: UseCaseDocument = { inventory: structuredClone(u.inventory) as Record<string, unknown> };
    if (Object.keys(u.overrides).length > 0) entry.overrides = structuredClone(u.overrides) as Record<string, unknown>;
    if (u.subsidies.length > 0) entry.subsidies = structuredClone(u.subsidies);
    if (u.vatRecoverable) entry.vatRecoverable = true;
    useCases[u.id] = entry;
  }
  const doc: TerritoryDocument = {
    id: t.id,
    name: t.name,
    kind: t.kind,
    population: t.population,
    settings: structuredClone(t.settings) as Record<string, unknown>,
    useCases,
  };
  if (t.description !== undefined) doc.description = t.description;
  if (t.digital !== undefined) doc.digital = structuredClone(t.digital) as Record<string, unknown>;
  if (Object.keys(t.overrides).length > 0) doc.overrides = structuredClone(t.overrides) as Record<string, unknown>;
  return doc;
}

/**
 * Paths (`useCases.<id>.inventory.<field>`) of the table sources a territory document cites, with the file each
 * names. A document sent by the page must cite none: the server never reads a file a request names.
 * @example
 * tableSourcesOf({ useCases: { lighting: { inventory: { luminaires: { file: 'luminaires.csv' } } } } })
 * // → [{ path: 'useCases.lighting.inventory.luminaires', file: 'luminaires.csv' }]
 */
export function tableSourcesOf(doc: unknown): { path: string; file: string }[] {
  const out: { path: string; file: string }[] = [];
  if (doc === null || typeof doc !== 'object') return out;
  const useCases = (doc as { useCases?: unknown }).useCases;
  if (useCases === null || typeof useCases !== 'object') return out;
  for (const [id, entry] of Object.entries(useCases as Record<string, unknown>)) {
    const inventory = (entry as { inventory?: unknown } | null)?.inventory;
    if (inventory === null || typeof inventory !== 'object' || Array.isArray(inventory)) continue;
    for (const [field, value] of Object.entries(inventory as Record<string, unknown>)) {
      if (isTableSource(value)) out.push({ path: `useCases.${id}.inventory.${field}`, file: value.file });
    }
  }
  return out;
}

/** Where page-set parameter values say they come from (shown in the report's assumptions annex). */
export const PAGE_OVERRIDE_SOURCE = 'réglage sur la page web (territoires serve)';

/**
 * Parameter values set with the page's sliders, as the engine's overrides (applied last, like `--set`), each
 * saying it was set on the page.
 * @example
 * pageOverrides({ ledLuminaireCostEur: 800 })
 * // → { ledLuminaireCostEur: { value: 800, source: 'réglage sur la page web (territoires serve)' } }
 */
export function pageOverrides(values: Readonly<Record<string, number>>): Record<string, OverrideValue> {
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, { value, source: PAGE_OVERRIDE_SOURCE }]));
}

/**
 * The name a document is validated under (errors and the run manifest show it): `<id>.json` for a valid id.
 * @example
 * documentFileName({ id: 'ville-moyenne' }) // → 'ville-moyenne.json'
 */
export function documentFileName(doc: unknown): string {
  const id = (doc as { id?: unknown } | null)?.id;
  return `${typeof id === 'string' && /^[a-z0-9][a-z0-9-]{0,63}$/.test(id) ? id : 'territoire'}.json`;
}
