/**
 * The method notes of the models (models/<id>/README.md), in the report's language.
 *
 * The notes are bilingual and laid out in one of two ways:
 * - two top-level (`#`) parts, French first then English (models/water);
 * - one title, then `##` parts whose heading names the language (« Français », « Note de méthode (français) »,
 *   « English », « Method note (English) »); a `##` part naming both languages or neither (« Catalogue /
 *   catalogue des équipements », « References / Références ») belongs to both.
 * What comes before the first part (the bilingual title and a line such as « English below ») is left out: the
 * report gives its own heading. A note with no language parts is quoted whole, minus its title.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { modelDir } from '../core/paths.js';
import type { Lang } from './i18n.js';

type Part = { heading: string; lines: string[] };

function splitAt(lines: string[], level: number): { before: string[]; parts: Part[] } {
  const prefix = '#'.repeat(level) + ' ';
  const before: string[] = [];
  const parts: Part[] = [];
  let inFence = false;
  for (const line of lines) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    if (!inFence && line.startsWith(prefix)) {
      parts.push({ heading: line.slice(prefix.length).trim(), lines: [] });
      continue;
    }
    if (parts.length === 0) before.push(line);
    else parts[parts.length - 1].lines.push(line);
  }
  return { before, parts };
}

function languageOf(heading: string): Lang | 'both' {
  const fr = /fran[çc]ais/i.test(heading);
  const en = /english/i.test(heading);
  return fr === en ? 'both' : fr ? 'fr' : 'en';
}

/** Removes leading and trailing blank lines and horizontal rules. */
function trim(lines: string[]): string[] {
  const junk = (l: string) => l.trim() === '' || /^\s*-{3,}\s*$/.test(l);
  let a = 0;
  let b = lines.length;
  while (a < b && junk(lines[a])) a++;
  while (b > a && junk(lines[b - 1])) b--;
  return lines.slice(a, b);
}

/**
 * The part of a bilingual method note in one language, as Markdown (headings as in the source).
 * @param markdown the whole README
 * @param lang 'fr' or 'en'
 * @example noteForLanguage('# T\n## Français\n### Objet\nBonjour\n## English\n### Purpose\nHello', 'en') // '### Purpose\nHello'
 */
export function noteForLanguage(markdown: string, lang: Lang): string {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const top = splitAt(lines, 1);
  if (top.parts.length >= 2) {
    const chosen = lang === 'fr' ? top.parts[0] : top.parts[1];
    const rest = top.parts.slice(2).map((p) => [`## ${p.heading}`, ...p.lines]);
    // Drop the line(s) before the first sub-heading (« English version below »).
    const firstHeading = chosen.lines.findIndex((l) => /^#{2,6}\s/.test(l));
    const body = firstHeading > 0 ? chosen.lines.slice(firstHeading) : chosen.lines;
    return trim([...body, ...rest.flat()]).join('\n');
  }
  const body = top.parts.length === 1 ? top.parts[0].lines : lines;
  const second = splitAt(body, 2);
  const languages = second.parts.map((p) => languageOf(p.heading));
  if (!languages.some((l) => l !== 'both')) return trim(body).join('\n');
  // A language part's own heading (« Français ») is dropped and its sub-headings (###) kept; a shared part
  // (« Références ») becomes a sub-heading of the same level, its own sub-headings one level down.
  const kept: string[] = [];
  second.parts.forEach((p, k) => {
    if (languages[k] === lang) kept.push(...p.lines);
    else if (languages[k] === 'both') kept.push('', `### ${p.heading}`, ...shiftHeadings(p.lines, 1));
  });
  return trim(kept).join('\n');
}

/** Moves every heading (outside code fences) `by` levels down, at most to level 6. */
function shiftHeadings(lines: string[], by: number): string[] {
  let inFence = false;
  return lines.map((line) => {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    const m = !inFence && /^(#{1,6})(\s.*)$/.exec(line);
    return m ? '#'.repeat(Math.min(6, m[1].length + by)) + m[2] : line;
  });
}

/**
 * Level of the shallowest heading of a Markdown text (outside code fences), or null when it has none.
 * @example topHeadingLevel('text\n### A\n#### B') // 3
 */
export function topHeadingLevel(markdown: string): number | null {
  let inFence = false;
  let best: number | null = null;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    const m = !inFence && /^(#{1,6})\s/.exec(line);
    if (m && (best === null || m[1].length < best)) best = m[1].length;
  }
  return best;
}

/**
 * Reads the method note of a model in a language.
 * @param id model folder name (`lighting`, `water`, `climate-risk`, `buildings`, `digital`)
 * @returns the Markdown text, or null when the model has no README
 * @example methodNote('lighting', 'fr') // '### Objet\nLe modèle `lighting` compare…'
 */
export function methodNote(id: string, lang: Lang): string | null {
  let text: string;
  try {
    text = readFileSync(join(modelDir(id), 'README.md'), 'utf8');
  } catch {
    return null;
  }
  return noteForLanguage(text, lang);
}
