import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { packageRoot } from '../../src/core/paths.js';
import { chartColours, DEFAULT_THEME, loadTheme } from '../../src/report/theme.js';

const themes = join(packageRoot(), 'themes');

function themeFile(text: string, extra: Record<string, string | Uint8Array> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'territoires-theme-'));
  for (const [name, content] of Object.entries(extra)) writeFileSync(join(dir, name), content);
  const file = join(dir, 'theme.yaml');
  writeFileSync(file, text);
  return file;
}

function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('expected an InputError');
}

describe('loadTheme', () => {
  it('reads themes/default.yaml as the built-in default theme', () => {
    expect(loadTheme(join(themes, 'default.yaml'))).toEqual(DEFAULT_THEME);
  });

  it('reads the consultant example with its SVG logo', () => {
    const t = loadTheme(join(themes, 'exemple-bureau-etudes.yaml'));
    expect(t.organisation).toBe('Bureau d’études Exemple');
    expect(t.logo?.mediaType).toBe('image/svg+xml');
    expect(Buffer.from(t.logo!.data).toString('utf8')).toContain('<svg');
    expect(chartColours(t)).toHaveLength(8);
  });

  it('reads a PNG logo', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const t = loadTheme(themeFile("organisation: X\nlogo: l.png\ncolours: { primary: '#000', accent: '#ffffff' }\n", { 'l.png': png }));
    expect(t.logo?.mediaType).toBe('image/png');
    expect(chartColours(t)).toBeUndefined();
  });

  it('rejects a colour that is not #rrggbb, naming the line', () => {
    const e = inputError(() => loadTheme(themeFile("organisation: X\ncolours:\n  primary: 'red; background: url(x)'\n  accent: '#fff'\n")));
    expect(e.line).toBe(3);
    expect(e.path).toBe('colours.primary');
  });

  it('rejects an unknown key', () => {
    const e = inputError(() => loadTheme(themeFile("organisation: X\ncolours: { primary: '#000', accent: '#fff' }\nfont: Comic\n")));
    expect(e.message).toMatch(/unknown key font/);
  });

  it('rejects a missing, unsupported or fake logo', () => {
    const base = "organisation: X\ncolours: { primary: '#000', accent: '#fff' }\n";
    expect(inputError(() => loadTheme(themeFile(base + 'logo: none.png\n'))).path).toBe('logo');
    expect(inputError(() => loadTheme(themeFile(base + 'logo: l.gif\n', { 'l.gif': 'GIF89a' }))).expected).toMatch(/png or .svg/);
    expect(inputError(() => loadTheme(themeFile(base + 'logo: l.png\n', { 'l.png': 'not a png' }))).expected).toBe('a PNG image');
    expect(inputError(() => loadTheme(themeFile(base + 'logo: l.svg\n', { 'l.svg': 'hello' }))).expected).toBe('an SVG image');
  });

  it('rejects a missing theme file', () => {
    expect(inputError(() => loadTheme(join(themes, 'no-such-theme.yaml'))).message).toMatch(/file not found/);
  });
});
