import { describe, expect, it } from 'vitest';
import { methodNote, noteForLanguage, topHeadingLevel } from '../../src/report/modelNotes.js';

describe('noteForLanguage', () => {
  it('keeps the part of a note in one language when its ## headings name the languages', () => {
    const md = ['# Title / Titre', '*English below.*', '## Français', '### Objet', 'Bonjour', '## English', '### Purpose', 'Hello', '## References / Références', '1. A'].join('\n');
    expect(noteForLanguage(md, 'fr')).toBe(['### Objet', 'Bonjour', '', '### References / Références', '1. A'].join('\n'));
    expect(noteForLanguage(md, 'en')).toBe(['### Purpose', 'Hello', '', '### References / Références', '1. A'].join('\n'));
  });

  it('takes the first # part for French and the second for English', () => {
    const md = ['# Eau', '*English below.*', '## Objet', 'texte', '---', '# Water', '## Purpose', 'text'].join('\n');
    expect(noteForLanguage(md, 'fr')).toBe('## Objet\ntexte');
    expect(noteForLanguage(md, 'en')).toBe('## Purpose\ntext');
  });

  it('quotes a one-language note whole, minus its title', () => {
    expect(noteForLanguage('# T\n## A\ntext', 'en')).toBe('## A\ntext');
  });

  it('does not take a heading inside a code fence for a part', () => {
    const md = ['# T', '## Français', '```', '## English', '```', 'fin', '## English', 'end'].join('\n');
    expect(noteForLanguage(md, 'fr')).toBe(['```', '## English', '```', 'fin'].join('\n'));
  });
});

describe('methodNote', () => {
  it('reads each model note in French and English, without the other language', () => {
    for (const id of ['lighting', 'water', 'climate-risk', 'buildings', 'digital']) {
      const fr = methodNote(id, 'fr');
      const en = methodNote(id, 'en');
      expect(fr, id).not.toBeNull();
      expect(en, id).not.toBeNull();
      expect(fr!.length, id).toBeGreaterThan(1000);
      expect(fr, id).toMatch(/^#{2,3} Objet/m);
      expect(en, id).toMatch(/^#{2,3} Purpose/m);
      expect(fr, id).not.toMatch(/^#{2,3} Purpose/m);
      expect(en, id).not.toMatch(/^#{2,3} Objet/m);
    }
  });

  it('returns null for a model without a note', () => {
    expect(methodNote('no-such-model', 'fr')).toBeNull();
  });

  it('finds the shallowest heading level', () => {
    expect(topHeadingLevel('text\n### A\n#### B')).toBe(3);
    expect(topHeadingLevel('```\n# not a heading\n```\n## B')).toBe(2);
    expect(topHeadingLevel('no heading')).toBeNull();
  });
});
