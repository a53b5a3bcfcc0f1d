import type { Diagnostic } from '@cfglint/parser';

/**
 * The file cannot be formatted safely: it has a syntax error (or a character the
 * formatter will not reinterpret). Carries the first problem's 1-based position.
 * `loc` is Prettier's convention, so Prettier prints the location and a code frame.
 */
export class FormatSyntaxError extends SyntaxError {
  readonly line: number;
  readonly column: number;
  readonly code: string;
  readonly loc: { start: { line: number; column: number }; end: { line: number; column: number } };

  constructor(
    readonly reason: string,
    code: string,
    start: { line: number; character: number },
    end: { line: number; character: number },
  ) {
    super(`${reason} (${start.line + 1}:${start.character + 1})`);
    this.name = 'SyntaxError';
    this.code = code;
    this.line = start.line + 1;
    this.column = start.character + 1;
    this.loc = { start: { line: start.line + 1, column: start.character + 1 }, end: { line: end.line + 1, column: end.character + 1 } };
  }
}

/**
 * Diagnostics that are errors of layout the formatter itself repairs: they do not
 * stop formatting. (A missing final newline is added; a byte order mark is
 * stripped before parsing and put back, as Prettier does.)
 */
const REPAIRED_BY_LAYOUT: ReadonlySet<string> = new Set(['lex/missing-final-newline', 'lex/byte-order-mark']);

/** The first lexical or syntax error that makes formatting unsafe, if any. */
export function firstSyntaxError(diagnostics: readonly Diagnostic[]): Diagnostic | undefined {
  let first: Diagnostic | undefined;
  for (const d of diagnostics) {
    if (d.severity !== 'error' || REPAIRED_BY_LAYOUT.has(d.code)) continue;
    if (!d.code.startsWith('lex/') && !d.code.startsWith('parse/')) continue;
    if (!first || before(d, first)) first = d;
  }
  return first;
}

function before(a: Diagnostic, b: Diagnostic): boolean {
  const p = a.range.start;
  const q = b.range.start;
  return p.line < q.line || (p.line === q.line && p.character < q.character);
}

export function toSyntaxError(d: Diagnostic): FormatSyntaxError {
  return new FormatSyntaxError(d.message, d.code, d.range.start, d.range.end);
}
