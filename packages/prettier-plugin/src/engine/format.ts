import { parseForFormat } from './parse.js';
import { printAst } from './print.js';
import { DEFAULT_END_OF_LINE } from './options.js';
import type { EndOfLine, FormatOptions, Language } from './options.js';
import { FormatSyntaxError } from './syntax-error.js';

const BOM = '\uFEFF';

export interface PreparedText {
  /** The text as the printers see it: no BOM, `\n` line ends. */
  text: string;
  bom: boolean;
  eol: string;
}

/**
 * Prettier's input normalisation, done the same way so that cfgfmt and the Prettier
 * plugin produce identical bytes: the BOM is set aside, the line ending is taken from
 * the first line break (`auto`), and CRLF becomes LF. A carriage return that does not
 * end a line is refused: HAProxy stops reading a line there, and Prettier would turn
 * it into a line break, which changes what the daemon reads.
 */
export function prepareText(original: string, endOfLine: EndOfLine = DEFAULT_END_OF_LINE, fileName = '<input>'): PreparedText {
  const bom = original.charCodeAt(0) === 0xfeff;
  let text = bom ? original.slice(1) : original;
  let eol = endOfLine === 'crlf' ? '\r\n' : endOfLine === 'cr' ? '\r' : '\n';
  const cr = text.indexOf('\r');
  if (cr !== -1) {
    if (endOfLine === 'auto' && text.charCodeAt(cr + 1) === 10) eol = '\r\n';
    for (let i = cr; i !== -1; i = text.indexOf('\r', i + 1)) {
      if (text.charCodeAt(i + 1) !== 10) throw loneCarriageReturn(text, i, fileName);
    }
    text = text.replaceAll('\r\n', '\n');
  }
  return { text, bom, eol };
}

function loneCarriageReturn(text: string, offset: number, _fileName: string): FormatSyntaxError {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  const at = { line, character: offset - lineStart };
  return new FormatSyntaxError(
    'carriage return in the middle of a line: the daemon stops reading the line there; remove it or make it a real line break',
    'format/lone-carriage-return',
    at,
    { line, character: at.character + 1 },
  );
}

/** Restores what `prepareText` set aside. */
export function finishText(formatted: string, prepared: PreparedText): string {
  const out = prepared.eol === '\n' ? formatted : formatted.replaceAll('\n', prepared.eol);
  return prepared.bom ? BOM + out : out;
}

/**
 * Formats a whole file. Throws `FormatSyntaxError` (with 1-based `line`/`column`) when
 * the file has a syntax error; the text is then not to be rewritten.
 */
export function formatText(original: string, language: Language, options: FormatOptions = {}, fileName = '<input>'): string {
  const prepared = prepareText(original, options.endOfLine, fileName);
  // Prettier leaves whitespace-only files as they are, minus their content: ''.
  if (!/\S/.test(prepared.text)) return finishText('', prepared);
  const ast = parseForFormat(prepared.text, language, fileName);
  return finishText(printAst(ast, prepared.text, options), prepared);
}
