/**
 * The use-case models the engine knows, in the order reports show them.
 * To add a use case: write `models/<id>/` (model.ts, parameters.yaml, README.md) and add it here.
 */
import { model as buildings } from '../../models/buildings/model.js';
import { model as climateRisk } from '../../models/climate-risk/model.js';
import { model as lighting } from '../../models/lighting/model.js';
import { model as water } from '../../models/water/model.js';
import type { ModelDefinition } from './model.js';

export const USE_CASE_IDS = ['lighting', 'water', 'climate-risk', 'buildings'] as const;
export type UseCaseId = (typeof USE_CASE_IDS)[number];

// The registry holds models of different inventory types; the engine validates each inventory with the model's
// own schema before calling it, so the erased type is safe here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const MODELS: Readonly<Record<UseCaseId, ModelDefinition<any>>> = {
  lighting,
  water,
  'climate-risk': climateRisk,
  buildings,
};

/**
 * True when `id` names a registered use case (`digital` is shared infrastructure, not a use case).
 * @example isUseCaseId('water') // true
 * @example isUseCaseId('digital') // false
 */
export function isUseCaseId(id: string): id is UseCaseId {
  return (USE_CASE_IDS as readonly string[]).includes(id);
}
