import type { HaFile } from '../ast/haproxy.js';
import type { Diagnostic } from '../source/diagnostic.js';
import { SourceFile } from '../source/source-file.js';
import { resolveKeyword as defaultResolver } from './keywords.js';
import type { KeywordResolver } from './keywords.js';
import { nestLines } from './parser.js';
import { scanHaproxy } from './scanner.js';
import type { RawDiagnostic } from './scanner.js';
import { AstBuilder, limitConditionDepth } from './to-ast.js';

export interface HaproxyParseResult {
  ast: HaFile;
  source: SourceFile;
  diagnostics: Diagnostic[];
}

export interface HaproxyParseOptions {
  /** Multi-word keyword resolution; defaults to the built-in table. */
  resolveKeyword?: KeywordResolver;
}

/**
 * Parses one haproxy.cfg text. Never throws: any input yields a lossless tree
 * plus diagnostics with exact ranges (lexical errors, conditional-block structure).
 */
export function parseHaproxy(text: string, fileName = '<input>', options: HaproxyParseOptions = {}): HaproxyParseResult {
  const source = new SourceFile(fileName, text);
  const resolve = options.resolveKeyword ?? defaultResolver;
  const scan = scanHaproxy(text, resolve);
  const raw: RawDiagnostic[] = scan.diagnostics;
  if (scan.hasConditionals) limitConditionDepth(scan, raw);
  const items = nestLines(scan.kinds, scan.hasConditionals);
  const ast = new AstBuilder(text, scan, resolve, raw).build(scan, items);
  if (text.length > 0 && !scan.finalNewline) {
    raw.push({
      code: 'lex/missing-final-newline',
      severity: 'error',
      message: 'the last line has no line feed: HAProxy (2.2 and later) rejects the file as possibly truncated',
      start: text.length,
      end: text.length,
    });
  }
  raw.sort((a, b) => a.start - b.start || a.end - b.end);
  const diagnostics: Diagnostic[] = raw.map((d) => ({
    code: d.code,
    severity: d.severity,
    message: d.message,
    fileName,
    range: source.rangeOf(d.start, d.end),
  }));
  return { ast, source, diagnostics };
}
