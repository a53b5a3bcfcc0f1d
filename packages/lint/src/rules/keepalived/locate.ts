import { wordRange, type KaEffectiveStatement, type KaElement } from '@cfglint/parser';
import type { Edit, Span } from '../../engine/span.js';

/** The keyword of the statement an element was read from (`virtual_router_id`). */
export function keywordSpan(element: KaElement): Span {
  return wordRange(element.statement, element.statement.keyword);
}

/** Keyword and arguments of a statement (`virtual_router_id 51`), or the keyword alone when they lie apart. */
export function statementSpan(element: KaElement | { statement: KaEffectiveStatement }): Span {
  const s = element.statement;
  const first = wordRange(s, s.keyword);
  const lastWord = s.args[s.args.length - 1];
  if (!lastWord) return first;
  const last = wordRange(s, lastWord);
  return last.fileName === first.fileName && last.end >= first.start ? { ...first, end: last.end } : first;
}

/** The first argument of a statement (`51` in `virtual_router_id 51`), else the keyword. */
export function valueSpan(element: KaElement): Span {
  const s = element.statement;
  return s.args[0] ? wordRange(s, s.args[0]) : wordRange(s, s.keyword);
}

/**
 * An edit deleting the element's whole line, when it was written directly (not produced
 * by a definition or ~SEQ) and stands alone on its lines; undefined otherwise.
 */
export function deleteLineEdit(element: KaElement, text: string | undefined): Edit | undefined {
  if (text === undefined || element.statement.expansion) return undefined;
  const node = element.node;
  let start = node.start;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  if (start > 0 && text[start - 1] !== '\n') return undefined;
  let end = node.end;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t' || text[end] === '\r')) end++;
  if (end < text.length && text[end] !== '\n') return undefined;
  return { fileName: element.fileName, start, end: Math.min(text.length, end + 1), text: '' };
}

/** An edit replacing one word of a statement (a rename), when it was written directly. */
export function replaceKeywordEdit(element: KaElement, replacement: string): Edit | undefined {
  if (element.statement.expansion) return undefined;
  return { ...keywordSpan(element), text: replacement };
}
