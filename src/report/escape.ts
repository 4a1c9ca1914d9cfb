/**
 * Escaping of user-supplied text for HTML and Markdown output. Every piece of text a report did not write itself
 * (territory name, ids, descriptions, file names, parameter notes, sources, chart titles) goes through one of
 * these before it reaches a file.
 */

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for HTML element content and quoted attribute values: `& < > " '`.
 * @example escapeHtml('<script>alert(1)</script>') // '&lt;script&gt;alert(1)&lt;/script&gt;'
 */
export function escapeHtml(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/**
 * Escapes text for Markdown: HTML is neutralised (`<` `>` `&` as entities, which CommonMark renders as text) and
 * the characters that would start emphasis, code, links, tables or headings are backslash-escaped.
 * @example escapeMarkdown('a *b* <i>') // 'a \\*b\\* &lt;i&gt;'
 */
export function escapeMarkdown(text: unknown): string {
  return String(text ?? '')
    .replace(/[&<>]/g, (c) => HTML_ESCAPES[c])
    .replace(/[\\`*_[\]|#!]/g, (c) => `\\${c}`)
    .replace(/\r?\n/g, ' ');
}

/**
 * A name safe as a file name and HTML id: lower-case letters, digits, `-` and `_` (accents dropped); anything else
 * becomes `-`.
 * @example safeId('Éclairage public / TEND') // 'eclairage-public-tend'
 */
export function safeId(text: string): string {
  const s = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s || 'x';
}

/**
 * A file name safe on every system: letters (case kept), digits, `-` and `_` (accents dropped); anything else
 * becomes `-`.
 * @example safeFileName('waterfall-lighting-TEND') // 'waterfall-lighting-TEND'
 */
export function safeFileName(text: string): string {
  const s = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s || 'x';
}
