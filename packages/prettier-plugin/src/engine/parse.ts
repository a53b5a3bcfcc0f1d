import { parseHaproxy, parseKeepalived } from '@cfglint/parser';
import type { HaFile, KaFile } from '@cfglint/parser';
import type { Language } from './options.js';
import { firstSyntaxError, toSyntaxError } from './syntax-error.js';

export type FormatAst = KaFile | HaFile;

/**
 * Parses text for formatting and throws `FormatSyntaxError` on the first syntax
 * error: a file that does not parse cleanly is never rewritten.
 */
export function parseForFormat(text: string, language: Language, fileName = '<input>'): FormatAst {
  const result = language === 'keepalived' ? parseKeepalived(text, fileName) : parseHaproxy(text, fileName);
  const error = firstSyntaxError(result.diagnostics);
  if (error) throw toSyntaxError(error);
  return result.ast;
}
