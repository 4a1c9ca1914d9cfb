/**
 * Errors the toolkit raises.
 *
 * `InputError` is bad input: a file, a value or a command-line argument the user can fix. It names the file,
 * the line, the path inside the document, what was expected, what was received and how to fix it. The CLI maps
 * it to exit code 2 and writes nothing.
 *
 * Any other error is a run failure (exit code 1): a bug or an environment problem, never the user's input.
 */

export interface InputErrorDetails {
  /** File the problem is in (absolute or as given by the user). */
  file?: string;
  /** 1-based line in the file, when known. */
  line?: number;
  /** 1-based column in the file, when known. */
  column?: number;
  /** Path inside the document, e.g. `trajectories.gridFactorKgCo2ePerKwh.points.2030`. */
  path?: string;
  /** What the toolkit expected, in words. */
  expected: string;
  /** What it got, in words or as a short excerpt. */
  received: string;
  /** How the user fixes it. */
  fix: string;
  /** The original error, kept for debugging. */
  cause?: unknown;
}

export class InputError extends Error {
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly path?: string;
  readonly expected: string;
  readonly received: string;
  readonly fix: string;

  constructor(message: string, details: InputErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'InputError';
    this.file = details.file;
    this.line = details.line;
    this.column = details.column;
    this.path = details.path;
    this.expected = details.expected;
    this.received = details.received;
    this.fix = details.fix;
  }

  /** Where the problem is, as `file:line:column` (the parts that are known). */
  get location(): string {
    const parts: string[] = [];
    if (this.file) parts.push(this.file);
    if (this.line !== undefined) parts.push(String(this.line));
    if (this.line !== undefined && this.column !== undefined) parts.push(String(this.column));
    return parts.join(':');
  }

  /** A multi-line message for a terminal: location, path, expected, received, fix. */
  format(lang: 'fr' | 'en' = 'fr'): string {
    const l =
      lang === 'fr'
        ? { where: 'où', path: 'chemin', expected: 'attendu', received: 'reçu', fix: 'correction' }
        : { where: 'where', path: 'path', expected: 'expected', received: 'received', fix: 'fix' };
    const lines = [`${this.message}`];
    if (this.location) lines.push(`  ${l.where}: ${this.location}`);
    if (this.path) lines.push(`  ${l.path}: ${this.path}`);
    lines.push(`  ${l.expected}: ${this.expected}`);
    lines.push(`  ${l.received}: ${this.received}`);
    lines.push(`  ${l.fix}: ${this.fix}`);
    return lines.join('\n');
  }

  /** A plain object for `--json` error output. */
  toJSON(): Record<string, unknown> {
    return {
      error: 'InputError',
      message: this.message,
      file: this.file ?? null,
      line: this.line ?? null,
      column: this.column ?? null,
      path: this.path ?? null,
      expected: this.expected,
      received: this.received,
      fix: this.fix,
    };
  }
}

/** Several input errors found in one pass (e.g. all the schema issues of a file). */
export class InputErrors extends InputError {
  readonly errors: InputError[];

  constructor(errors: InputError[]) {
    const first = errors[0];
    super(
      errors.length === 1 ? first.message : `${first.message} (and ${errors.length - 1} more problem(s))`,
      {
        file: first.file,
        line: first.line,
        column: first.column,
        path: first.path,
        expected: first.expected,
        received: first.received,
        fix: first.fix,
      },
    );
    this.name = 'InputErrors';
    this.errors = errors;
  }

  override format(lang: 'fr' | 'en' = 'fr'): string {
    return this.errors.map((e) => e.format(lang)).join('\n\n');
  }

  override toJSON(): Record<string, unknown> {
    return { error: 'InputErrors', errors: this.errors.map((e) => e.toJSON()) };
  }
}

/**
 * A `RangeError` naming the function and the argument (to throw), as numpy-financial's tests expect.
 * @example argumentError('npv', 'rate', 'a finite number', NaN).message // 'npv: rate must be a finite number, received NaN'
 */
export function argumentError(fn: string, arg: string, expected: string, received: unknown): RangeError {
  return new RangeError(`${fn}: ${arg} must be ${expected}, received ${String(received)}`);
}

/**
 * Asserts that every value of a model output is finite; NaN never propagates silently.
 * @throws Error naming the model, the series and the index
 * @example assertFinite('model lighting', 'energyKwh', [1, NaN]) // throws 'model lighting: energyKwh[1] is NaN; models must return finite values'
 */
export function assertFinite(where: string, name: string, values: ArrayLike<number>): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      throw new Error(`${where}: ${name}[${i}] is ${values[i]}; models must return finite values`);
    }
  }
}
