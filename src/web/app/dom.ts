/// <reference lib="dom" />
/**
 * Building the page's elements. Text always goes in through `textContent` (never `innerHTML`): a territory's
 * names, an uploaded file's content and error messages are data, shown as typed.
 */

/** Attributes `h` sets: strings and numbers as attributes, booleans present or absent. */
export type Attributes = Record<string, string | number | boolean | undefined | null>;
export type Child = Node | string | number | null | undefined | false;

/**
 * Creates an element with attributes and children; strings become text nodes.
 * @example
 * h('p', { class: 'note' }, 'Nom : ', territoryName) // territoryName is shown as text, whatever it holds
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) throw new Error(`h: event handlers are added with addEventListener, not as attribute ${name}`);
    el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, ...children);
  return el;
}

/**
 * Appends children; strings and numbers become text nodes; null, undefined and false are skipped.
 * @example
 * append(cell, formatted, ' k€') // two text nodes
 */
export function append(parent: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/**
 * Replaces every child of `parent`.
 * @example
 * replaceChildren(status, 'Calculé en 42 ms')
 */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, ...children);
}

/**
 * An element id from a path of keys in the territory document; characters other than letters, digits, `_` and `-`
 * become `_`.
 * @example
 * fieldId(['useCases', 'climate-risk', 'inventory', 'hazards', 0, 'id']) // → 'f-useCases-climate-risk-inventory-hazards-0-id'
 */
export function fieldId(path: ReadonlyArray<string | number>): string {
  return `f-${path.map((p) => String(p).replace(/[^A-Za-z0-9_-]/g, '_')).join('-')}`;
}
