import type { Word } from '../ast/common.js';
import type { RawDiagnostic } from './scanner.js';

/**
 * Word-level lexing of one haproxy.cfg line, as HAProxy's parse_line() reads it with
 * ENV|DQUOTE|SQUOTE|BKSLASH|SHARP|WORD_EXPAND: charCode loops, no regular expressions.
 */

const INTERN_SLOTS = 4096;

export const TAB = 9;
export const LF = 10;
const VT = 11;
const FF = 12;
export const CR = 13;
const SPACE = 32;
const DQUOTE = 34;
export const HASH = 35;
const DOLLAR = 36;
const SQUOTE = 39;
export const DOT = 46;
export const LBRACKET = 91;
const BACKSLASH = 92;
export const RBRACKET = 93;
const UNDERSCORE = 95;
const LBRACE = 123;
const RBRACE = 125;

export function isBlank(c: number): boolean {
  return c === SPACE || c === TAB || c === VT || c === FF;
}

function isAlpha(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isAlnum(c: number): boolean {
  return isAlpha(c) || (c >= 48 && c <= 57);
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

const PSEUDO_VARIABLES = new Set(['.LINE', '.FILE', '.SECTION']);

/**
 * Per-scan state, reused for every word so the hot loop allocates only the
 * Word objects and their strings.
 */
export class LineScanner {
  diagnostics: RawDiagnostic[] = [];
  malformed = false;
  /** The current line's words; copied to an exact-size array when the line ends. */
  words: Word[] = [];
  count = 0;
  /** Recently seen short words, so repeated keywords and values share one string. */
  private readonly interned: (string | undefined)[] = new Array(INTERN_SLOTS);

  constructor(private readonly text: string) {}

  /** The slice [start, end) of the text, reusing an equal string seen before when short. */
  slice(start: number, end: number): string {
    const len = end - start;
    if (len > 24) return this.text.slice(start, end);
    const text = this.text;
    const key = (((len * 31 + text.charCodeAt(start)) * 31 + text.charCodeAt(end - 1)) * 31 + text.charCodeAt(start + (len >> 1))) & (INTERN_SLOTS - 1);
    const cached = this.interned[key];
    if (cached !== undefined && cached.length === len && text.startsWith(cached, start)) return cached;
    const fresh = text.slice(start, end);
    this.interned[key] = fresh;
    return fresh;
  }

  private error(code: string, message: string, start: number, end: number, severity: RawDiagnostic['severity'] = 'error') {
    this.diagnostics.push({ code, severity, message, start, end });
    if (severity === 'error') this.malformed = true;
  }

  /**
   * Reads one word starting at `i` (a non-blank, non-`#` character) and stops at
   * the first unprotected blank, `#`, or carriage return, or at `end`.
   */
  scanWord(i: number, end: number): number {
    const text = this.text;
    const start = i;
    // Fast path: a word of plain characters (the vast majority).
    for (;;) {
      if (i >= end) break;
      const c = text.charCodeAt(i);
      if (c > SQUOTE) {
        if (c === BACKSLASH) return this.scanComplexWord(start, i, end);
        i++;
        continue;
      }
      if (isBlank(c) || c === HASH || c === CR) break;
      if (c === DQUOTE || c === SQUOTE) return this.scanComplexWord(start, i, end);
      if (c === 0) this.error('lex/nul-character', 'NUL character: HAProxy stops reading the file here', i, i + 1);
      // `$` outside double quotes, `!`, `%`, `&` and control characters are ordinary word characters.
      i++;
    }
    const raw = this.slice(start, i);
    // Plain words leave out the optional flags: smaller objects for the common case.
    this.words[this.count++] = { kind: 'Word', start, end: i, text: raw, value: raw };
    return i;
  }

  /** The slow path: quotes, escapes and variable references. `i` is the first special character. */
  private scanComplexWord(start: number, i: number, end: number): number {
    const text = this.text;
    let value = text.slice(start, i);
    let seg = i;
    let squote = false;
    let dquote = false;
    let quoteStart = -1;
    let quoted = false;
    let hasVariable = false;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (c === CR) break;
      if (squote) {
        if (c === SQUOTE) {
          value += text.slice(seg, i);
          squote = false;
          seg = ++i;
        } else i++;
        continue;
      }
      if (!dquote && (isBlank(c) || c === HASH)) break;
      if (c === DQUOTE) {
        value += text.slice(seg, i);
        dquote = !dquote;
        if (dquote) quoteStart = i;
        quoted = true;
        seg = ++i;
      } else if (c === SQUOTE && !dquote) {
        value += text.slice(seg, i);
        squote = true;
        quoteStart = i;
        quoted = true;
        seg = ++i;
      } else if (c === BACKSLASH) {
        value += text.slice(seg, i);
        const n = i + 1 < end ? text.charCodeAt(i + 1) : 0;
        switch (n) {
          case SPACE:
          case BACKSLASH:
          case HASH:
          case SQUOTE:
          case DQUOTE:
            value += String.fromCharCode(n);
            i += 2;
            break;
          case 116: // t
            value += '\t';
            i += 2;
            break;
          case 110: // n
            value += '\n';
            i += 2;
            break;
          case 114: // r
            value += '\r';
            i += 2;
            break;
          case DOLLAR:
            if (dquote) {
              value += '$';
              i += 2;
            } else {
              value += '\\';
              i += 1;
            }
            break;
          case 120: {
            // x
            const h1 = i + 2 < end ? hexValue(text.charCodeAt(i + 2)) : -1;
            const h2 = i + 3 < end ? hexValue(text.charCodeAt(i + 3)) : -1;
            if (h1 < 0 || h2 < 0) {
              this.error('lex/invalid-hex-escape', 'truncated or invalid hexadecimal escape: write \\x followed by two hex digits', i, Math.min(end, i + 4));
              value += '\\';
              i += 1;
            } else {
              value += String.fromCharCode(h1 * 16 + h2);
              i += 4;
            }
            break;
          }
          default:
            // Not an escape sequence: the backslash stays.
            value += '\\';
            i += 1;
        }
        seg = i;
      } else if (c === DOLLAR && dquote) {
        const refEnd = this.scanVariable(i, end);
        if (refEnd > i + 1) hasVariable = true;
        i = refEnd;
      } else if (c === 0) {
        this.error('lex/nul-character', 'NUL character: HAProxy stops reading the file here', i, i + 1);
        i++;
      } else i++;
    }
    value += text.slice(seg, i);
    if (squote || dquote) {
      this.error(
        'lex/unterminated-quote',
        `unmatched ${squote ? 'single' : 'double'} quote: HAProxy rejects this line`,
        quoteStart,
        Math.max(i, quoteStart + 1),
      );
    }
    const word: Word = { kind: 'Word', start, end: i, text: text.slice(start, i), value };
    if (quoted) word.quoted = true;
    if (hasVariable) word.hasVariable = true;
    this.words[this.count++] = word;
    return i;
  }

  /**
   * Checks a `$` reference inside double quotes and returns the offset after it.
   * The reference stays in the word's value unexpanded. On error, only the `$` is consumed.
   */
  private scanVariable(i: number, end: number): number {
    const text = this.text;
    let j = i + 1;
    let brace = -1;
    if (j < end && text.charCodeAt(j) === LBRACE) brace = j++;
    const c = j < end ? text.charCodeAt(j) : 0;
    if (!isAlpha(c) && c !== UNDERSCORE && c !== DOT) {
      this.error('lex/invalid-variable-name', 'a variable name must start with a letter or "_" (write \\$ for a literal dollar sign)', i, Math.min(end, j + 1));
      return i + 1;
    }
    const nameStart = j;
    if (c === DOT) j++;
    while (j < end) {
      const d = text.charCodeAt(j);
      if (!isAlnum(d) && d !== UNDERSCORE) break;
      j++;
    }
    if (c === DOT && !PSEUDO_VARIABLES.has(text.slice(nameStart, j))) {
      this.error('lex/invalid-variable-name', `unknown pseudo-variable "${text.slice(nameStart, j)}" (HAProxy knows .LINE, .FILE and .SECTION)`, nameStart, j);
      return i + 1;
    }
    if (brace >= 0 && j < end && text.charCodeAt(j) === LBRACKET) {
      if (text.charCodeAt(j + 1) !== 42 || text.charCodeAt(j + 2) !== RBRACKET || j + 2 >= end) {
        this.error('lex/invalid-word-expansion', 'invalid word expansion: write ${NAME[*]}', j, Math.min(end, j + 3));
        return i + 1;
      }
      j += 3;
    }
    if (brace >= 0) {
      if (j < end && text.charCodeAt(j) === 45) {
        // `${NAME-default}`: the default runs raw to the next `}`.
        while (j < end && text.charCodeAt(j) !== RBRACE) j++;
      }
      if (j >= end || text.charCodeAt(j) !== RBRACE) {
        this.error('lex/unmatched-brace', 'unmatched "{" in variable reference', brace, brace + 1);
        return i + 1;
      }
      j++;
    }
    return j;
  }
}

/** `[name]` at the start of a line: HAProxy reads it before splitting words. */
export function scanScope(scanner: LineScanner, text: string, i: number, end: number): number {
  const start = i;
  let j = i + 1;
  while (j < end && text.charCodeAt(j) !== RBRACKET) j++;
  const closed = j < end;
  if (closed) j++;
  const raw = text.slice(start, j);
  const name = raw.slice(1, closed ? -1 : undefined);
  scanner.words[scanner.count++] = { kind: 'Word', start, end: j, text: raw, value: name };
  if (!closed || name.length === 0) {
    scanner.diagnostics.push({
      code: 'parse/invalid-scope',
      severity: 'error',
      message: closed ? 'empty scope name' : 'scope declaration without a closing "]"',
      start,
      end: j,
    });
    scanner.malformed = true;
  }
  return j;
}

