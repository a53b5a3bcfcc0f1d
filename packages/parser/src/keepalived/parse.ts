import type { KaFile } from '../ast/keepalived.js';
import type { Diagnostic } from '../source/diagnostic.js';
import { SourceFile } from '../source/source-file.js';
import { arrangeKeepalived } from './grammar.js';
import { scanKeepalived } from './scanner.js';
import type { RawDiagnostic } from './scanner.js';

export interface KeepalivedParseResult {
  ast: KaFile;
  source: SourceFile;
  diagnostics: Diagnostic[];
}

/**
 * Parses one keepalived.conf text into a lossless syntax tree. Never throws: problems
 * come back as diagnostics (`lex/…`, `parse/…`) with exact ranges, sorted by position.
 * Preprocessing (include, definitions, `@host`, `~SEQ`) is left to `loadKeepalived`.
 */
export function parseKeepalived(text: string, fileName = '<input>'): KeepalivedParseResult {
  const source = new SourceFile(fileName, text);
  const scanned = scanKeepalived(text);
  const arranged = arrangeKeepalived(scanned.tokens);
  const ast: KaFile = {
    kind: 'KaFile',
    start: 0,
    end: text.length,
    body: arranged.body,
    eol: scanned.eol,
    finalNewline: scanned.finalNewline,
    bom: scanned.bom,
  };
  const raw = scanned.diagnostics.concat(arranged.diagnostics);
  return { ast, source, diagnostics: toDiagnostics(raw, source) };
}

export function toDiagnostics(raw: RawDiagnostic[], source: SourceFile): Diagnostic[] {
  raw.sort((a, b) => a.start - b.start || a.end - b.end);
  return raw.map((d) => ({
    code: d.code,
    severity: d.severity,
    message: d.message,
    fileName: source.fileName,
    range: source.rangeOf(d.start, d.end),
  }));
}
