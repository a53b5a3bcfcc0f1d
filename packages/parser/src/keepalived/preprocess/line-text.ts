import { BACKSLASH, EQUALS, LBRACE, QUOTE, RBRACE, SPACE, TAB, isCommentStart, isNameChar, isNameStart, isSpace } from '../chars.js';
import { TrackedText } from './tracked-text.js';

/**
 * keepalived's line-level text steps, applied to preprocessed (possibly expanded) text.
 * The syntax tree's scanner does the same cutting on source text; these work on
 * TrackedText so results keep their origins.
 */

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB;
}

/**
 * keepalived's decomment(): drop leading blanks, the comment (`#`/`!` outside double
 * quotes), the `\` of `\#`/`\!`, and trailing blanks (also those before a final `\`).
 */
export function decomment(line: TrackedText): TrackedText {
  const text = line.text;
  let start = 0;
  while (start < text.length && isBlank(text.charCodeAt(start))) start++;
  let out = line;
  let shift = 0;
  let quote = false;
  let cut = text.length;
  let continued = false;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) quote = !quote;
    else if (c === BACKSLASH) {
      if (i + 1 >= text.length) {
        continued = true;
        cut = i;
        break;
      }
      if (!quote && isCommentStart(text.charCodeAt(i + 1))) {
        out = out.replace(i - shift, i - shift + 1, TrackedText.empty());
        shift++;
      }
      i++;
    } else if (!quote && isCommentStart(c)) {
      cut = i;
      break;
    }
  }
  let end = cut;
  while (end > start && isSpaceOrCr(text.charCodeAt(end - 1))) end--;
  if (continued) {
    return out.slice(start - 0, end - shift).concat(out.slice(text.length - 1 - shift, text.length - shift));
  }
  return out.slice(start, end - shift);
}

function isSpaceOrCr(c: number): boolean {
  return isBlank(c) || c === 13;
}

/** The first `{` or `}` outside double quotes (keepalived's brace split), or -1. */
export function findBrace(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LBRACE || c === RBRACE) return i;
    if (c === QUOTE) {
      const close = text.indexOf('"', i + 1);
      if (close < 0) return -1;
      i = close;
    }
  }
  return -1;
}

export interface TextWord {
  value: string;
  from: number;
  to: number;
  /** An unmatched `"` started this word; keepalived drops it and the rest of the line. */
  unterminated?: boolean;
}

/** keepalived's word split: blanks separate words; `"…"` is one word without its quotes. */
export function splitWords(text: string): TextWord[] {
  const words: TextWord[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    if (i >= n) break;
    if (text.charCodeAt(i) === QUOTE) {
      const close = text.indexOf('"', i + 1);
      if (close < 0) {
        words.push({ value: text.slice(i + 1), from: i, to: n, unterminated: true });
        break;
      }
      words.push({ value: text.slice(i + 1, close), from: i, to: close + 1 });
      i = close + 1;
      continue;
    }
    const from = i;
    while (i < n && !isSpace(text.charCodeAt(i)) && text.charCodeAt(i) !== QUOTE) i++;
    words.push({ value: text.slice(from, i), from, to: i });
  }
  return words;
}

/** `include` or `includer|m|w|b|a` plus a blank at the start: the variant letter ('' for plain), else undefined. */
export function includeVariant(text: string): string | undefined {
  if (!text.startsWith('include')) return undefined;
  const c7 = text.charCodeAt(7);
  if (isBlank(c7)) return '';
  if (text.length > 8 && 'rmwba'.includes(text[7]) && isBlank(text.charCodeAt(8))) return text[7];
  return undefined;
}

/** Length of `include…` plus following blanks, given its variant. */
export function includePatternStart(text: string, variant: string): number {
  let i = 7 + variant.length;
  while (i < text.length && isBlank(text.charCodeAt(i))) i++;
  return i;
}

/** If the text starts with `$NAME=`, the offset of the `=`; otherwise -1. */
export function definitionEquals(text: string): number {
  if (text.charCodeAt(0) !== 36 || !isNameStart(text.charCodeAt(1))) return -1;
  let i = 2;
  while (i < text.length && isNameChar(text.charCodeAt(i))) i++;
  return text.charCodeAt(i) === EQUALS ? i : -1;
}

export function skipBlanks(text: string, i: number): number {
  while (i < text.length && isBlank(text.charCodeAt(i))) i++;
  return i;
}

export function trimBlanksEnd(text: string, end: number, start = 0): number {
  while (end > start && isSpaceOrCr(text.charCodeAt(end - 1))) end--;
  return end;
}
