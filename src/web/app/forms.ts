/// <reference lib="dom" />
/**
 * Forms from field specifications (fields.ts): every input has a visible label, its unit, its help text linked
 * with `aria-describedby`, and an id made from its path in the territory document, so that a validation error's
 * path (`useCases.lighting.inventory.luminaires.0.count`) finds its field.
 */
import { fieldId, h, type Child } from './dom.js';
import type { FieldSpec, ListSpec, Spec } from './fields.js';
import { tr, UI, type Lang } from './i18n.js';
import { getPath, setPath, unsetPath } from './paths.js';

export interface FormContext {
  lang: Lang;
  /** A value changed (no re-rendering needed). */
  onEdit(): void;
  /** The structure changed (an item added or removed): the form is drawn again, then `focusId` focused. */
  onStructure(focusId?: string): void;
}

/**
 * Renders the specs for `obj`, whose path in the document is `base`.
 * @example
 * renderSpecs(USE_CASE_FIELDS.water, doc.useCases.water, ['useCases', 'water'], ctx)
 * // the billed volume's input has id 'f-useCases-water-inventory-billedVolumeM3PerYear'
 */
export function renderSpecs(specs: readonly Spec[], obj: Record<string, unknown>, base: ReadonlyArray<string | number>, ctx: FormContext): HTMLElement[] {
  return specs.map((s) => (s.type === 'field' ? renderField(s, obj, base, ctx) : renderList(s, obj, base, ctx)));
}

/** Rounds away binary noise (0.07 × 100 = 7.000000000000001). */
function clean(x: number): number {
  return Number(x.toPrecision(12));
}

/**
 * One labelled input bound to `obj[spec.key]`; an emptied optional field removes the key, a percentage field
 * stores a fraction.
 * @example
 * renderField(networkEfficiencySpec, inventory, ['useCases', 'water'], ctx) // shows 80 for networkEfficiency 0.8
 */
export function renderField(spec: FieldSpec, obj: Record<string, unknown>, base: ReadonlyArray<string | number>, ctx: FormContext): HTMLElement {
  const { lang } = ctx;
  const path = [...base, ...spec.key.split('.')];
  const id = fieldId(path);
  const helpId = `${id}-help`;
  const value = getPath(obj, spec.key);
  const labelText: Child[] = [tr(spec.label, lang)];
  if (spec.unit) labelText.push(h('span', { class: 'unit' }, ` (${tr(spec.unit, lang)})`));
  if (spec.optional) labelText.push(h('span', { class: 'optional' }, ` — ${tr(UI.optional, lang)}`));
  const help = spec.help ? h('p', { class: 'help', id: helpId }, tr(spec.help, lang)) : null;
  const describedBy = help ? helpId : undefined;

  const commit = (v: unknown) => {
    if (v === undefined) unsetPath(obj, spec.key);
    else setPath(obj, spec.key, v);
    ctx.onEdit();
  };

  if (spec.kind === 'boolean') {
    const input = h('input', { type: 'checkbox', id, 'aria-describedby': describedBy, 'data-path': path.join('.') });
    input.checked = value === true;
    input.addEventListener('change', () => commit(input.checked ? true : undefined));
    return h('div', { class: 'field field-check' }, input, h('label', { for: id }, ...labelText), help);
  }

  if (spec.kind === 'select') {
    const select = h('select', { id, 'aria-describedby': describedBy, 'data-path': path.join('.') });
    const options = [...(spec.options ?? [])];
    if (spec.optional) select.appendChild(h('option', { value: '' }, '—'));
    for (const o of options) select.appendChild(h('option', { value: o.value }, tr(o.label, lang)));
    // A value the list does not know (from an uploaded file) stays selectable as it is.
    if (typeof value === 'string' && value !== '' && !options.some((o) => o.value === value)) select.appendChild(h('option', { value }, value));
    select.value = typeof value === 'string' ? value : '';
    select.addEventListener('change', () => commit(select.value === '' && spec.optional ? undefined : select.value));
    return h('div', { class: 'field' }, h('label', { for: id }, ...labelText), select, help);
  }

  if (spec.kind === 'text' || spec.kind === 'suggest') {
    const listId = spec.kind === 'suggest' ? `${id}-list` : undefined;
    const input = h('input', { type: 'text', id, list: listId, 'aria-describedby': describedBy, autocomplete: 'off', 'data-path': path.join('.') });
    input.value = value === undefined || value === null ? '' : String(value);
    input.addEventListener('input', () => commit(input.value === '' && spec.optional ? undefined : input.value));
    const datalist = listId ? h('datalist', { id: listId }, ...(spec.options ?? []).map((o) => h('option', { value: o.value }, tr(o.label, lang)))) : null;
    return h('div', { class: 'field' }, h('label', { for: id }, ...labelText), input, datalist, help);
  }

  // Numbers; a percentage holds a fraction.
  const factor = spec.kind === 'percent' ? 100 : 1;
  const input = h('input', {
    type: 'number',
    id,
    inputmode: spec.kind === 'int' ? 'numeric' : 'decimal',
    step: spec.kind === 'int' ? 1 : 'any',
    min: spec.min === undefined ? undefined : clean(spec.min * factor),
    max: spec.max === undefined ? undefined : clean(spec.max * factor),
    required: !spec.optional,
    'aria-describedby': describedBy,
    'data-path': path.join('.'),
  });
  input.value = typeof value === 'number' ? String(clean(value * factor)) : '';
  input.addEventListener('input', () => {
    const text = input.value.trim();
    if (text === '') {
      commit(spec.optional ? undefined : null);
      return;
    }
    const n = Number(text);
    commit(Number.isFinite(n) ? clean(n / factor) : null);
  });
  return h('div', { class: 'field' }, h('label', { for: id }, ...labelText), input, help);
}

/**
 * A list of items, each in its own group of fields, with buttons to add and remove items (never below `minItems`).
 * @example
 * renderList(luminairesSpec, lightingEntry, ['useCases', 'lighting'], ctx) // « Groupe 1 — sodium-streets », …
 */
export function renderList(spec: ListSpec, obj: Record<string, unknown>, base: ReadonlyArray<string | number>, ctx: FormContext): HTMLElement {
  const { lang } = ctx;
  const path = [...base, ...spec.key.split('.')];
  const id = fieldId(path);
  let items = getPath(obj, spec.key);
  if (!Array.isArray(items)) {
    items = [];
    setPath(obj, spec.key, items);
  }
  const list = items as Record<string, unknown>[];
  const itemWord = tr(spec.item, lang);
  const children: HTMLElement[] = list.map((item, i) => {
    const title = spec.titleOf ? spec.titleOf(item, i) : '';
    const legendText = `${itemWord} ${i + 1}${title && title !== `#${i + 1}` ? ` — ${title}` : ''}`;
    const remove = h('button', { type: 'button', class: 'remove', disabled: list.length <= spec.minItems, title: list.length <= spec.minItems ? tr(UI.removeLast, lang) : undefined }, `${tr(UI.remove, lang)} : ${itemWord.toLowerCase()} ${i + 1}`);
    remove.addEventListener('click', () => {
      list.splice(i, 1);
      if (list.length === 0 && spec.minItems === 0) unsetPath(obj, spec.key);
      ctx.onStructure(`${id}-add`);
    });
    return h('fieldset', { class: 'item', id: `${id}-${i}` }, h('legend', {}, legendText), ...renderSpecs(spec.fields, item, [...path, i], ctx), remove);
  });
  const add = h('button', { type: 'button', class: 'add', id: `${id}-add` }, `${tr(UI.add, lang)} : ${itemWord.toLowerCase()}`);
  add.addEventListener('click', () => {
    const current = (getPath(obj, spec.key) as unknown[] | undefined) ?? [];
    const item = spec.newItem(current);
    if (!Array.isArray(getPath(obj, spec.key))) setPath(obj, spec.key, []);
    (getPath(obj, spec.key) as unknown[]).push(item);
    ctx.onStructure(`${id}-${current.length}`);
  });
  const help = spec.help ? h('p', { class: 'help' }, tr(spec.help, lang)) : null;
  if (list.length === 0 && spec.minItems === 0) unsetPath(obj, spec.key);
  return h('fieldset', { class: 'list', id }, h('legend', {}, tr(spec.label, lang)), help, ...children, add);
}
