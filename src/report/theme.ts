/**
 * Report themes: the identity a territory, a syndicat or a consultant gives its reports (organisation name, logo,
 * colours, footer line). A theme is a small YAML file (themes/default.yaml documents the format; a consultant's
 * example is themes/exemple-bureau-etudes.yaml), validated strictly: an unknown key, a colour not written
 * `#rrggbb`, a missing or unreadable logo is an InputError naming the file, the line and the fix.
 *
 * The logo is read once, when the theme is loaded, so that renderers never touch files.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { z } from 'zod';
import { InputError } from '../core/errors.js';
import { loadDocument, validateDocument } from '../io/yaml.js';

const colour = z
  .string()
  .regex(/^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, 'a colour written #rrggbb (or #rgb), e.g. "#1f4e79"')
  .meta({ description: 'Colour, #rrggbb' });

/** The file format of a theme. */
export const themeSchema = z
  .object({
    organisation: z.string().min(1).max(200).meta({ description: 'Name shown in the report header' }),
    logo: z.string().min(1).optional().meta({ description: 'PNG or SVG file, relative to the theme file (at most 1 MB)' }),
    colours: z
      .object({
        primary: colour.meta({ description: 'Header band and headings' }),
        accent: colour.meta({ description: 'Links, highlights, the recommended variant' }),
        palette: z.array(colour).min(1).max(16).optional().meta({ description: 'Chart series colours, in order' }),
      })
      .strict(),
    footer: z.string().max(500).optional().meta({ description: 'Line printed at the foot of every page' }),
  })
  .strict();

export type ThemeDocument = z.infer<typeof themeSchema>;

export interface ThemeLogo {
  /** Absolute path the logo was read from. */
  file: string;
  mediaType: 'image/png' | 'image/svg+xml';
  data: Uint8Array;
}

export interface Theme {
  organisation: string;
  logo?: ThemeLogo;
  colours: { primary: string; accent: string; palette?: string[] };
  footer?: string;
}

/** Largest logo accepted [bytes]: a report embeds it in every HTML file. */
export const MAX_LOGO_BYTES = 1_000_000;

/**
 * The built-in theme, identical to themes/default.yaml (a test checks it). Palette: Okabe & Ito, *Color Universal
 * Design* (2008), eight colours told apart with the common colour-vision deficiencies.
 */
export const DEFAULT_THEME: Theme = {
  organisation: 'Territoires',
  colours: {
    primary: '#1f4e79',
    accent: '#0072B2',
    palette: ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#000000', '#F0E442'],
  },
  footer: 'Rapport produit avec Territoires, outil libre d’évaluation des usages numériques des territoires (licence MIT).',
};

/**
 * Reads and validates a theme file; its logo is read too.
 * @param file path of the YAML (or JSON) theme
 * @returns the theme, logo bytes included
 * @throws InputError on a missing file, malformed YAML, an unknown key, a bad colour, or a missing, too large or
 *   unsupported logo
 * @example loadTheme('themes/exemple-bureau-etudes.yaml').organisation // 'Bureau d’études Exemple'
 */
export function loadTheme(file: string): Theme {
  const path = resolve(file);
  const doc = loadDocument(path);
  const data = validateDocument(themeSchema, doc, 'report theme');
  const theme: Theme = {
    organisation: data.organisation,
    colours: { primary: data.colours.primary, accent: data.colours.accent, ...(data.colours.palette ? { palette: data.colours.palette } : {}) },
    ...(data.footer !== undefined ? { footer: data.footer } : {}),
  };
  if (data.logo !== undefined) theme.logo = readLogo(resolve(dirname(path), data.logo), path, doc.lineOf(['logo']));
  return theme;
}

function readLogo(logoFile: string, themeFile: string, line: number | undefined): ThemeLogo {
  const fail = (expected: string, received: string, fix: string, cause?: unknown) =>
    new InputError(`${themeFile}: unusable logo ${logoFile}`, { file: themeFile, line, path: 'logo', expected, received, fix, cause });
  const ext = extname(logoFile).toLowerCase();
  if (ext !== '.png' && ext !== '.svg') throw fail('a .png or .svg file', `a ${ext || 'file without extension'}`, 'convert the logo to PNG or SVG');
  let size: number;
  let data: Uint8Array;
  try {
    size = statSync(logoFile).size;
    if (size > MAX_LOGO_BYTES) throw fail(`at most ${MAX_LOGO_BYTES} bytes`, `${size} bytes`, 'use a smaller image (a logo of a few hundred pixels is enough)');
    data = readFileSync(logoFile);
  } catch (cause) {
    if (cause instanceof InputError) throw cause;
    throw fail('a readable file', (cause as NodeJS.ErrnoException).code ?? String(cause), 'check the path: it is relative to the theme file', cause);
  }
  if (ext === '.png') {
    const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
    if (!signature.every((b, k) => data[k] === b)) throw fail('a PNG image', 'a file without the PNG signature', 'export the logo again as PNG');
    return { file: logoFile, mediaType: 'image/png', data };
  }
  if (!/<svg[\s>]/i.test(Buffer.from(data).toString('utf8'))) throw fail('an SVG image', 'a file without an <svg> element', 'export the logo again as SVG');
  return { file: logoFile, mediaType: 'image/svg+xml', data };
}

/**
 * The chart colours of a theme: its palette, or undefined for the charts' own default (Okabe–Ito).
 * @example chartColours(DEFAULT_THEME)?.[0] // '#0072B2'
 */
export function chartColours(theme: Theme): string[] | undefined {
  return theme.colours.palette;
}
