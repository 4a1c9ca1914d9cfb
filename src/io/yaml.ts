/**
 * Reading YAML and JSON documents with line numbers, and validating them against a zod schema with errors that
 * name the file, the line, the path, what was expected, what was received and the fix.
 *
 * Every file format of the toolkit (scenario packs, reference data, model defaults, territories) goes through
 * `parseDocument` then `validateDocument`; nothing else parses YAML.
 */
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument as parseYamlDocument, isMap, isSeq, isScalar, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { InputError, InputErrors } from '../core/errors.js';

export interface SourceDocument {
  file: string;
  text: string;
  /** The parsed value (plain objects, arrays, scalars). */
  data: unknown;
  /** Line (1-based) of a path inside the document, or of its closest existing parent. */
  lineOf(path: ReadonlyArray<string | number>): number | undefined;
}

/** Reads a file from disk, turning a missing or unreadable file into an `InputError`. */
export function readTextFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? `file not found: ${file}` : `cannot read ${file} (${code ?? 'error'})`, {
      file,
      expected: 'a readable file',
      received: code === 'ENOENT' ? 'no such file' : String(code ?? cause),
      fix: 'check the path (relative paths are resolved from the current folder)',
      cause,
    });
  }
}

/**
 * Parses YAML (JSON is YAML) text; syntax errors become an `InputError` with the line. The result locates any
 * path of the document (`lineOf`, 1-based lines) for later error messages.
 * @example parseDocument('id: t\nsettings:\n  startYear: 2026\n', 't.yaml').lineOf(['settings', 'startYear']) // 3
 */
export function parseDocument(text: string, file: string): SourceDocument {
  const lineCounter = new LineCounter();
  const doc: Document = parseYamlDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const errors = doc.errors.map((e) => {
      const pos = e.pos ? lineCounter.linePos(e.pos[0]) : undefined;
      return new InputError(`${file}: malformed YAML`, {
        file,
        line: pos?.line,
        column: pos?.col,
        expected: 'valid YAML (indentation with spaces, `key: value`, lists with `- `)',
        received: e.message.split('\n')[0],
        fix: 'correct the syntax at that line; a YAML linter in your editor helps',
        cause: e,
      });
    });
    throw errors.length === 1 ? errors[0] : new InputErrors(errors);
  }
  const data = doc.toJS({ maxAliasCount: 100 }) as unknown;
  const lineOf = (path: ReadonlyArray<string | number>): number | undefined => {
    let node: unknown = doc.contents;
    let best: number | undefined = lineFromNode(node as Node | null, lineCounter);
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(key));
        if (!pair) break;
        const keyLine = lineFromNode(pair.key as Node, lineCounter);
        if (keyLine !== undefined) best = keyLine;
        node = pair.value;
      } else if (isSeq(node)) {
        const item = node.items[Number(key)];
        if (item === undefined) break;
        node = item;
        const l = lineFromNode(node as Node, lineCounter);
        if (l !== undefined) best = l;
      } else {
        break;
      }
    }
    return best;
  };
  return { file, text, data, lineOf };
}

function lineFromNode(node: Node | null | undefined, counter: LineCounter): number | undefined {
  if (!node || !('range' in node) || !node.range) return undefined;
  return counter.linePos(node.range[0]).line;
}

/**
 * Reads and parses a YAML or JSON file, as `parseDocument` does for text.
 * @example loadDocument('scenarios/tend.yaml').data.id // 'TEND'
 */
export function loadDocument(file: string): SourceDocument {
  return parseDocument(readTextFile(file), file);
}

/**
 * Describes a received value briefly for an error message (the `received` of an `InputError`).
 * @example describeValue('50 W') // 'the text "50 W"'
 * @example describeValue([1, 2]) // 'a list of 2 item(s)'
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing (the key is missing)';
  if (value === null) return 'null (an empty value)';
  if (typeof value === 'string') return `the text "${value.length > 60 ? value.slice(0, 57) + '…' : value}"`;
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : `the number ${value}`;
  if (Array.isArray(value)) return `a list of ${value.length} item(s)`;
  if (typeof value === 'object') return `an object with keys ${Object.keys(value as object).slice(0, 6).join(', ') || '(none)'}`;
  return String(value);
}

function valueAt(data: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let v: unknown = data;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k as string];
  }
  return v;
}

/** Turns zod issues into `InputError`s that point at the file and line. */
export function zodIssuesToErrors(issues: z.core.$ZodIssue[], doc: Pick<SourceDocument, 'file' | 'data' | 'lineOf'>, what: string): InputError[] {
  return issues.map((issue) => {
    const path = issue.path.map((k) => (typeof k === 'symbol' ? String(k) : k));
    const received = valueAt(doc.data, issue.path);
    let expected = issue.message;
    let fix = `correct the value at ${path.join('.') || 'the top level'}`;
    let message = `${doc.file}: invalid ${what}`;
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.join(', ');
      const at = [...path, issue.keys[0]];
      message = `${doc.file}: unknown key ${keys} in ${what}`;
      expected = `only the keys this format defines (see \`territoires schema\`)`;
      fix = `remove or rename ${keys} (check its spelling)`;
      return new InputError(message, {
        file: doc.file,
        line: doc.lineOf(at),
        path: at.join('.'),
        expected,
        received: `the key ${keys}`,
        fix,
      });
    }
    if (issue.code === 'invalid_type' && received === undefined) {
      message = `${doc.file}: missing ${path[path.length - 1] ?? 'value'} in ${what}`;
      expected = `${issue.expected}`;
      fix = `add ${path.join('.')}`;
    } else if (issue.code === 'invalid_type') {
      expected = `${issue.expected}`;
    }
    return new InputError(message, {
      file: doc.file,
      line: doc.lineOf(path),
      path: path.join('.'),
      expected,
      received: describeValue(received),
      fix,
    });
  });
}

/**
 * Validates a parsed document against a schema; all problems are reported at once, each with its file, line and path.
 * @throws InputError (one problem) or InputErrors (several)
 * @example
 * validateDocument(z.object({ n: z.number() }).strict(), parseDocument('n: "x"\n', 'a.yaml'), 'test file')
 * // throws InputError 'a.yaml: invalid test file', line 1, path 'n'
 */
export function validateDocument<S extends z.ZodType>(schema: S, doc: SourceDocument, what: string): z.infer<S> {
  const result = schema.safeParse(doc.data);
  if (result.success) return result.data;
  const errors = zodIssuesToErrors(result.error.issues, doc, what);
  throw errors.length === 1 ? errors[0] : new InputErrors(errors);
}
