import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { basename, dirname, extname, join, resolve } from '../../../../src/web/app/shims/path.js';

// The browser stand-in must agree with Node's POSIX path functions on the paths the engine builds.
const CASES = ['/a/b/c.yaml', 'a/b/../c.csv', '/a/./b//c', 'c', '/', 'a/b/', '/a/b.tar.gz', '.hidden', 'x/.hidden', '../up/file.txt'];

describe('browser node:path stand-in', () => {
  it('dirname, basename and extname agree with node:path/posix', () => {
    for (const p of CASES) {
      expect(dirname(p), `dirname ${p}`).toBe(posix.dirname(p));
      expect(basename(p), `basename ${p}`).toBe(posix.basename(p));
      expect(extname(p), `extname ${p}`).toBe(posix.extname(p));
    }
    expect(basename('/a/b.csv', '.csv')).toBe(posix.basename('/a/b.csv', '.csv'));
  });

  it('join agrees with node:path/posix', () => {
    for (const [a, b] of [
      ['/a/b', 'c.csv'],
      ['a', '../b'],
      ['/a', '/b'],
      ['a/b', './c/../d'],
      ['', 'x'],
    ]) {
      expect(join(a, b), `join ${a} ${b}`).toBe(posix.join(a, b));
    }
  });

  it('resolve agrees with node:path/posix for absolute inputs (the browser has no working folder)', () => {
    for (const args of [['/a/b', 'c.csv'], ['/a/b', '../c'], ['/a', '/b', 'c'], ['/a/b/', './x/../y']]) {
      expect(resolve(...args), `resolve ${args.join(' ')}`).toBe(posix.resolve(...args));
    }
    // A relative path resolves from '/' here.
    expect(resolve('ville.json')).toBe('/ville.json');
  });
});
