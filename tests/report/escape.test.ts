import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeMarkdown, safeFileName, safeId } from '../../src/report/escape.js';

describe('escapeHtml', () => {
  it('escapes the five characters that matter in content and quoted attributes', () => {
    expect(escapeHtml('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(escapeHtml(`a & b "c" 'd'`)).toBe('a &amp; b &quot;c&quot; &#39;d&#39;');
    expect(escapeHtml(null)).toBe('');
  });

  it('escapes an already escaped entity again (text is text)', () => {
    expect(escapeHtml('&lt;')).toBe('&amp;lt;');
  });
});

describe('escapeMarkdown', () => {
  it('neutralises HTML and Markdown syntax', () => {
    expect(escapeMarkdown('a *b* <i>')).toBe('a \\*b\\* &lt;i&gt;');
    expect(escapeMarkdown('x | y [z](http://e) `c` # _u_')).toBe('x \\| y \\[z\\](http://e) \\`c\\` \\# \\_u\\_');
    expect(escapeMarkdown('line\nbreak')).toBe('line break');
  });
});

describe('safeId', () => {
  it('keeps lower-case letters, digits, - and _', () => {
    expect(safeId('Éclairage public / TEND')).toBe('eclairage-public-tend');
    expect(safeId('npv-lighting')).toBe('npv-lighting');
    expect(safeId('../../etc/passwd')).toBe('etc-passwd');
    expect(safeId('<<>>')).toBe('x');
  });
});

describe('safeFileName', () => {
  it('keeps letters in their case, digits, - and _', () => {
    expect(safeFileName('waterfall-lighting-TEND')).toBe('waterfall-lighting-TEND');
    expect(safeFileName('../Été 2050/x')).toBe('Ete-2050-x');
    expect(safeFileName('///')).toBe('x');
  });
});
