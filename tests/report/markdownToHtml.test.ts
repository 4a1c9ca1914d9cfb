import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inline, markdownToHtml } from '../../src/report/markdownToHtml.js';

describe('markdownToHtml', () => {
  it('converts headings with an offset, capped at h6', () => {
    expect(markdownToHtml('# A\n## B\n###### C', { headingOffset: 2 })).toBe('<h3>A</h3>\n<h4>B</h4>\n<h6>C</h6>');
  });

  it('joins paragraph lines and separates paragraphs on blank lines', () => {
    expect(markdownToHtml('one\ntwo\n\nthree')).toBe('<p>one two</p>\n<p>three</p>');
  });

  it('escapes raw HTML instead of interpreting it', () => {
    const html = markdownToHtml('<script>alert(1)</script>\n\n<img src=x onerror="alert(1)">');
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('onerror=&quot;alert(1)&quot;');
  });

  it('converts nested and ordered lists with continuation lines', () => {
    const md = ['- a', '  continued', '  - a1', '  - a2', '- b', '', '3. x', '4. y'].join('\n');
    expect(markdownToHtml(md)).toBe(
      ['<ul>', '<li>a continued', '<ul>', '<li>a1</li>', '<li>a2</li>', '</ul></li>', '<li>b</li>', '</ul>', '<ol start="3">', '<li>x</li>', '<li>y</li>', '</ol>'].join('\n'),
    );
  });

  it('converts pipe tables with alignment, code spans holding pipes and escaped pipes', () => {
    const md = ['| name | value |', '|---|---:|', '| `a|b` | 1 \\| 2 |'].join('\n');
    expect(markdownToHtml(md)).toBe(
      [
        '<table>',
        '<thead><tr><th>name</th><th style="text-align:right">value</th></tr></thead>',
        '<tbody>',
        '<tr><td><code>a|b</code></td><td style="text-align:right">1 | 2</td></tr>',
        '</tbody>',
        '</table>',
      ].join('\n'),
    );
  });

  it('keeps fenced code verbatim but escaped', () => {
    expect(markdownToHtml('```ts\nconst a = b < c && "d";\n```')).toBe('<pre><code class="language-ts">const a = b &lt; c &amp;&amp; &quot;d&quot;;</code></pre>');
  });

  it('converts rules and block quotes', () => {
    expect(markdownToHtml('---\n> quoted *text*')).toBe('<hr>\n<blockquote>\n<p>quoted <em>text</em></p>\n</blockquote>');
  });
});

describe('inline Markdown', () => {
  it('handles code, bold, italics and links', () => {
    expect(inline('`a<b>` **gras** *it* _it_ https://ademe.fr')).toBe(
      '<code>a&lt;b&gt;</code> <strong>gras</strong> <em>it</em> <em>it</em> <a href="https://ademe.fr">https://ademe.fr</a>',
    );
    expect(inline('[site](https://a.fr/?a=1&b=2)')).toBe('<a href="https://a.fr/?a=1&amp;b=2">site</a>');
  });

  it('drops links with an unsafe scheme, keeping their text', () => {
    expect(inline('[click](javascript:alert)')).toBe('click');
    expect(inline('[x](data:text/html,hi)')).toBe('x');
  });

  it('leaves snake_case and subscripts alone', () => {
    expect(inline('p_i and D_{i+1} and some_name_here')).toBe('p_i and D_{i+1} and some_name_here');
  });

  it('does not autolink inside code or break on a trailing full stop', () => {
    expect(inline('`https://x.fr` see https://x.fr/a.')).toBe('<code>https://x.fr</code> see <a href="https://x.fr/a">https://x.fr/a</a>.');
  });

  it('ignores U+E000 in the source (it marks held pieces internally)', () => {
    expect(inline('a\uE0000\uE000b `c`')).toBe('a0b <code>c</code>');
  });
});

describe('markdownToHtml on any text', () => {
  // Lines built from the characters that start Markdown blocks and inline markup, plus a hostile tag.
  const piece = fc.constantFrom('- ', '  - ', '1. ', '> ', '# ', '| a | b |', '|---|---|', '```', '---', '*', '**', '_', '`', '[x](', ')', 'https://a.fr', '<script>', '"', ' ', 'text');
  const line = fc.array(piece, { maxLength: 6 }).map((p) => p.join(''));
  const doc = fc.array(line, { maxLength: 12 }).map((l) => l.join('\n'));

  it('terminates and never lets a tag of the source through', () => {
    fc.assert(
      fc.property(doc, (md) => {
        const html = markdownToHtml(md);
        expect(html).not.toContain('<script');
      }),
      { numRuns: 500 },
    );
  });
});
