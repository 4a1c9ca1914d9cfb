/**
 * A small, safe Markdown to HTML converter for the method notes (models/<id>/README.md) quoted in the report.
 *
 * It covers what the notes use: ATX headings, paragraphs, unordered and ordered lists (nested by indentation),
 * pipe tables (with alignment), fenced code blocks, block quotes, horizontal rules, and inline code, bold, italics,
 * links and bare URLs. It is safe by construction: every piece of source text is HTML-escaped first and only the
 * tags listed here are produced; a link keeps its `href` only when it starts with `http://`, `https://` or
 * `mailto:`. Raw HTML in the source is shown as text, never interpreted.
 */
import { escapeHtml } from './escape.js';

export interface MarkdownOptions {
  /** Added to every heading level (`#` becomes `<h{1 + offset}>`), capped at 6. */
  headingOffset?: number;
}

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const RULE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;
const FENCE = /^\s*(`{3,}|~{3,})\s*([\w+-]*)\s*$/;
const LIST_ITEM = /^(\s*)([-*+]|\d{1,9}[.)])\s+(.*)$/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const QUOTE = /^\s{0,3}>\s?(.*)$/;

/**
 * Converts Markdown to HTML.
 * @param markdown the source text
 * @returns HTML fragment (no `<html>` wrapper)
 * @example markdownToHtml('## Objet\nLe **modèle** <b>x</b>', { headingOffset: 2 })
 * // '<h4>Objet</h4>\n<p>Le <strong>modèle</strong> &lt;b&gt;x&lt;/b&gt;</p>'
 */
export function markdownToHtml(markdown: string, options: MarkdownOptions = {}): string {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  return blocks(lines, options.headingOffset ?? 0).join('\n');
}

const isBlank = (line: string): boolean => line.trim() === '';

function startsBlock(line: string, next: string | undefined): boolean {
  return (
    HEADING.test(line) ||
    RULE.test(line) ||
    FENCE.test(line) ||
    LIST_ITEM.test(line) ||
    QUOTE.test(line) ||
    (line.includes('|') && next !== undefined && TABLE_SEPARATOR.test(next))
  );
}

function blocks(lines: string[], offset: number): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (isBlank(line)) {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const code: string[] = [];
      i++;
      while (i < lines.length && !lines[i].trim().startsWith(fence[1])) code.push(lines[i++]);
      i++; // closing fence (or end of text)
      const lang = fence[2] ? ` class="language-${escapeHtml(fence[2])}"` : '';
      out.push(`<pre><code${lang}>${escapeHtml(code.join('\n'))}</code></pre>`);
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      const level = Math.min(6, heading[1].length + offset);
      out.push(`<h${level}>${inline(heading[2])}</h${level}>`);
      i++;
      continue;
    }
    if (RULE.test(line)) {
      out.push('<hr>');
      i++;
      continue;
    }
    if (line.includes('|') && i + 1 < lines.length && TABLE_SEPARATOR.test(lines[i + 1])) {
      const rows: string[] = [line];
      const separator = lines[i + 1];
      i += 2;
      while (i < lines.length && !isBlank(lines[i]) && lines[i].includes('|')) rows.push(lines[i++]);
      out.push(table(rows, separator));
      continue;
    }
    if (QUOTE.test(line)) {
      const quoted: string[] = [];
      for (let m = QUOTE.exec(lines[i]); m !== null; m = i < lines.length ? QUOTE.exec(lines[i]) : null) {
        quoted.push(m[1]);
        i++;
      }
      out.push(`<blockquote>\n${blocks(quoted, offset).join('\n')}\n</blockquote>`);
      continue;
    }
    if (LIST_ITEM.test(line)) {
      const parsed = list(lines, i);
      out.push(parsed.html);
      i = parsed.next;
      continue;
    }
    const paragraph: string[] = [line.trim()];
    i++;
    while (i < lines.length && !isBlank(lines[i]) && !startsBlock(lines[i], lines[i + 1])) paragraph.push(lines[i++].trim());
    out.push(`<p>${inline(paragraph.join('\n'))}</p>`);
  }
  return out;
}

/** Parses the list starting at `start` (its first line is an item); nested lists are more indented items. */
function list(lines: string[], start: number): { html: string; next: number } {
  const first = LIST_ITEM.exec(lines[start])!;
  const indent = first[1].length;
  const ordered = /\d/.test(first[2]);
  const items: string[] = [];
  let i = start;
  while (i < lines.length) {
    const m = LIST_ITEM.exec(lines[i]);
    if (!m || m[1].length !== indent || /\d/.test(m[2]) !== ordered) break;
    const text: string[] = [m[3]];
    const children: string[] = [];
    i++;
    for (;;) {
      if (i >= lines.length) break;
      const line = lines[i];
      if (isBlank(line)) {
        // A blank line continues the list only if the next line is an item of this list or an indented line.
        let j = i + 1;
        while (j < lines.length && isBlank(lines[j])) j++;
        const nextIndent = j < lines.length ? /^\s*/.exec(lines[j])![0].length : -1;
        if (j < lines.length && nextIndent > indent) {
          i = j;
          continue;
        }
        if (j < lines.length && nextIndent === indent && LIST_ITEM.test(lines[j])) i = j;
        break;
      }
      const sub = LIST_ITEM.exec(line);
      if (sub && sub[1].length > indent) {
        const nested = list(lines, i);
        children.push(nested.html);
        i = nested.next;
        continue;
      }
      if (sub) break; // an item at this level or above
      const lineIndent = /^\s*/.exec(line)![0].length;
      if (lineIndent <= indent && startsBlock(line, lines[i + 1])) break;
      text.push(line.trim());
      i++;
    }
    items.push(`<li>${inline(text.join('\n'))}${children.length ? '\n' + children.join('\n') : ''}</li>`);
  }
  const tag = ordered ? 'ol' : 'ul';
  const startNumber = ordered ? Number.parseInt(first[2], 10) : 1;
  const startAttr = ordered && startNumber !== 1 ? ` start="${startNumber}"` : '';
  return { html: `<${tag}${startAttr}>\n${items.join('\n')}\n</${tag}>`, next: i };
}

/** Splits a table row on `|`, ignoring pipes inside code spans and escaped pipes (`\|`). */
function cells(row: string): string[] {
  let s = row.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  const out: string[] = [];
  let current = '';
  let inCode = false;
  for (let k = 0; k < s.length; k++) {
    const c = s[k];
    if (c === '\\' && s[k + 1] === '|') {
      current += '|';
      k++;
    } else if (c === '`') {
      inCode = !inCode;
      current += c;
    } else if (c === '|' && !inCode) {
      out.push(current.trim());
      current = '';
    } else {
      current += c;
    }
  }
  out.push(current.trim());
  return out;
}

function table(rows: string[], separator: string): string {
  const aligns = cells(separator).map((c) => (c.startsWith(':') && c.endsWith(':') ? 'center' : c.endsWith(':') ? 'right' : null));
  const header = cells(rows[0]);
  const cell = (tag: 'th' | 'td', text: string, j: number) =>
    `<${tag}${aligns[j] ? ` style="text-align:${aligns[j]}"` : ''}>${inline(text)}</${tag}>`;
  const head = `<tr>${header.map((c, j) => cell('th', c, j)).join('')}</tr>`;
  const body = rows
    .slice(1)
    .map((r) => {
      const cs = cells(r);
      return `<tr>${header.map((_h, j) => cell('td', cs[j] ?? '', j)).join('')}</tr>`;
    })
    .join('\n');
  return `<table>\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

const SAFE_URL = /^(https?:\/\/|mailto:)/i;

/**
 * Inline Markdown to HTML: code spans, links, bare URLs, bold, italics, hard line breaks kept as spaces.
 * @example inline('`a<b>` **gras** https://ademe.fr') // '<code>a&lt;b&gt;</code> <strong>gras</strong> <a href="https://ademe.fr">https://ademe.fr</a>'
 */
export function inline(text: string): string {
  const tokens: string[] = [];
  const hold = (html: string) => `\uE000${tokens.push(html) - 1}\uE000`;
  // U+E000 (private use) marks held pieces below: drop any from the source. Code spans first: their content is only escaped.
  let s = text
    .replace(/\uE000/g, '')
    .replace(/(`+)([\s\S]*?[^`])\1(?!`)/g, (_m, _ticks: string, code: string) => hold(`<code>${escapeHtml(code.trim())}</code>`));
  // Links [text](url): the URL is kept only for a safe scheme.
  s = s.replace(/\[([^\]\n]+)\]\(([^)\s]+)\)/g, (_m, label: string, url: string) =>
    SAFE_URL.test(url) ? hold(`<a href="${escapeHtml(url)}">${emphasis(escapeHtml(label))}</a>`) : label,
  );
  // Bare URLs.
  s = s.replace(/(^|[\s(«])(https?:\/\/[^\s<>()\uE000]*[^\s<>().,;:!?»\uE000])/g, (_m, before: string, url: string) => before + hold(`<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`));
  // Everything else is escaped, then emphasis is applied, then held pieces are restored.
  const parts = s.split(/(\uE000\d+\uE000)/);
  const html = parts.map((p) => (/^\uE000\d+\uE000$/.test(p) ? p : emphasis(escapeHtml(p)))).join('');
  return html.replace(/\uE000(\d+)\uE000/g, (_m, k: string) => tokens[Number(k)]).replace(/\n/g, ' ');
}

/** Bold and italics on already escaped text. */
function emphasis(escaped: string): string {
  return escaped
    .replace(/\*\*(?=\S)([\s\S]*?\S)\*\*/g, '<strong>$1</strong>')
    .replace(/__(?=\S)([\s\S]*?\S)__(?!\w)/g, '<strong>$1</strong>')
    .replace(/(^|[^*\w])\*(?=[^\s*])([\s\S]*?[^\s*])\*(?![*\w])/g, '$1<em>$2</em>')
    .replace(/(^|[^_\w])_(?=[^\s_])([\s\S]*?[^\s_])_(?![_\w])/g, '$1<em>$2</em>');
}
