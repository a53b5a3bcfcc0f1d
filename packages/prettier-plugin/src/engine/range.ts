import { SourceFile } from '@cfglint/parser';
import type { Position, Range } from '@cfglint/parser';
import { prepareText } from './format.js';
import type { FormatOptions, Language } from './options.js';
import { parseForFormat } from './parse.js';
import { layoutAst } from './print.js';

/** One replacement in the original text (0-based line/character, LSP-style). */
export interface RangeEdit {
  range: Range;
  newText: string;
}

/**
 * Formats the statements that a range touches, for an editor's "format selection".
 * The whole file is laid out (so indentation and column alignment match a full
 * format); the edit replaces only the source lines of the touched statements with
 * their formatted lines. Returns undefined when there is nothing to change. Throws
 * `FormatSyntaxError` like `formatText` does.
 */
export function formatRange(original: string, language: Language, range: Range, options: FormatOptions = {}, fileName = '<input>'): RangeEdit | undefined {
  const prepared = prepareText(original, options.endOfLine, fileName);
  const { text, bom, eol } = prepared;
  if (!/\S/.test(text)) return undefined;
  const ast = parseForFormat(text, language, fileName);
  const { units, lines, unitLine } = layoutAst(ast, text, options);
  if (units.length === 0) return undefined;

  const source = new SourceFile(fileName, text);
  const shift = (p: Position): Position => (bom && p.line === 0 ? { line: 0, character: Math.max(0, p.character - 1) } : p);
  const from = source.offsetAt(shift(range.start));
  const to = source.offsetAt(shift(range.end));

  let first = -1;
  let last = -1;
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    const touches = from === to ? u.start <= from && from <= u.end : u.end > from && u.start < to;
    if (touches) {
      if (first < 0) first = i;
      last = i;
    } else if (u.start >= to && first >= 0) break;
  }
  if (first < 0) return undefined;
  // Units printed on one line (kept together) are replaced together.
  while (first > 0 && unitLine[first - 1] === unitLine[first]) first--;
  while (last + 1 < units.length && unitLine[last + 1] === unitLine[last]) last++;

  const startLine = source.positionAt(units[first].start).line;
  const endLine = source.positionAt(units[last].end).line;
  const oldText = text.slice(source.getLineStarts()[startLine], units[last].end + lineRest(text, units[last].end));
  const newLines = lines.slice(unitLine[first], unitLine[last] + 1).join('\n');
  if (newLines === oldText) return undefined;

  const endCharacter = source.lineText(endLine).length;
  const bomShift = (line: number) => (bom && line === 0 ? 1 : 0);
  return {
    range: {
      start: { line: startLine, character: bomShift(startLine) },
      end: { line: endLine, character: endCharacter + bomShift(endLine) },
    },
    newText: eol === '\n' ? newLines : newLines.replaceAll('\n', eol),
  };
}

/** Length of what follows `offset` on its line (trailing blanks). */
function lineRest(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return (nl === -1 ? text.length : nl) - offset;
}
