import type { Comment, CommentStatement, Word } from '../ast/common.js';
import type { HaDirective } from '../ast/haproxy.js';
import type { KeywordResolver } from './keywords.js';

/**
 * Hand-written line scanner for haproxy.cfg. It follows HAProxy's own line reader
 * (`parse_line()` with ENV|DQUOTE|SQUOTE|BKSLASH|SHARP|WORD_EXPAND, as `parse_cfg()` calls it):
 * words split on unprotected space/tab/VT/FF, `#` outside quotes starts a comment,
 * single quotes protect everything, double quotes protect spaces/`#`/`'` and allow
 * `\` escapes and `$NAME` / `${NAME}` / `${NAME-default}` / `${NAME[*]}` references,
 * and a carriage return ends what HAProxy reads of the line.
 * There are no line continuations. One charCode loop per line, no regular expressions.
 */

export const LineKind = {
  Comment: 1,
  Section: 2,
  Directive: 3,
  If: 4,
  Elif: 5,
  Else: 6,
  Endif: 7,
  Scope: 8,
} as const;
export type LineKind = (typeof LineKind)[keyof typeof LineKind];

/** A section, `.if`, `.elif`, `.else` or `.endif` line, before `to-ast.ts` builds its node. */
export interface HeaderLine {
  kind: 'HeaderLine';
  /** Offset of the first leaf. */
  start: number;
  /** End of the last leaf (the trailing comment included). */
  end: number;
  words: Word[];
  comment: Comment | undefined;
  /** Blank lines immediately before this line. */
  blankBefore: number;
  /** A lexical error makes HAProxy skip this line. */
  malformed: boolean;
}

/**
 * One non-blank line. Directive and comment lines are built as their final AST
 * nodes right away (most lines are), which keeps the number of long-lived objects down.
 */
export type ScannedLine = HaDirective | CommentStatement | HeaderLine;

/** A diagnostic with offsets; `parseHaproxy` turns offsets into ranges. */
export interface RawDiagnostic {
  code: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  start: number;
  end: number;
}

export interface ScanResult {
  lines: ScannedLine[];
  /** The LineKind of each entry of `lines`. */
  kinds: LineKind[];
  /** Blank lines after the last non-blank line. */
  trailingBlankLines: number;
  diagnostics: RawDiagnostic[];
  eol: '\n' | '\r\n';
  finalNewline: boolean;
  bom: boolean;
  /** Whether any `.if`/`.elif`/`.else`/`.endif` line was seen. */
  hasConditionals: boolean;
}

const INTERN_SLOTS = 4096;

/** HAProxy's MAX_LINE_ARGS: a line may hold at most 64 words. */
export const MAX_LINE_WORDS = 64;

const TAB = 9;
const LF = 10;
const VT = 11;
const FF = 12;
const CR = 13;
const SPACE = 32;
const DQUOTE = 34;
const HASH = 35;
const DOLLAR = 36;
const SQUOTE = 39;
const DOT = 46;
const LBRACKET = 91;
const BACKSLASH = 92;
const RBRACKET = 93;
const UNDERSCORE = 95;
const LBRACE = 123;
const RBRACE = 125;

function isBlank(c: number): boolean {
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
class LineScanner {
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

/** Section keywords of any HAProxy version (1.5 … 3.x). A section keyword is always one word. */
export const HAPROXY_SECTION_KEYWORDS: ReadonlySet<string> = new Set([
  'global',
  'defaults',
  'frontend',
  'backend',
  'listen',
  'userlist',
  'peers',
  'resolvers',
  'mailers',
  'program',
  'cache',
  'http-errors',
  'ring',
  'log-forward',
  'fcgi-app',
  'namespace_list',
  'crt-store',
  'traces',
  'log-profile',
  'acme',
  'healthcheck',
  'ruleset',
]);

function lineKindOf(first: Word): LineKind {
  const v = first.value;
  if (v.charCodeAt(0) === DOT) {
    if (v === '.if') return LineKind.If;
    if (v === '.elif') return LineKind.Elif;
    if (v === '.else') return LineKind.Else;
    if (v === '.endif') return LineKind.Endif;
    return LineKind.Directive;
  }
  return HAPROXY_SECTION_KEYWORDS.has(v) ? LineKind.Section : LineKind.Directive;
}

/**
 * Splits the text into lines and words. Directive keywords are resolved here, in
 * source order: the section a line belongs to is the last section line before it,
 * whatever conditional blocks lie between (as HAProxy reads the file).
 */
export function scanHaproxy(text: string, resolve: KeywordResolver): ScanResult {
  const scanner = new LineScanner(text);
  const lines: ScannedLine[] = [];
  const kinds: LineKind[] = [];
  let sectionKind = '';
  const len = text.length;
  const bom = len > 0 && text.charCodeAt(0) === 0xfeff;
  let pos = bom ? 1 : 0;
  let blank = 0;
  let crlf = 0;
  let lf = 0;
  let hasConditionals = false;
  if (bom) {
    scanner.diagnostics.push({
      code: 'lex/byte-order-mark',
      severity: 'error',
      message: 'the file starts with a UTF-8 byte order mark: HAProxy does not skip it, so the first keyword is not recognised',
      start: 0,
      end: 1,
    });
  }

  while (pos < len) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = len;
    let contentEnd = nl;
    if (nl < len) {
      if (nl > pos && text.charCodeAt(nl - 1) === CR) {
        contentEnd = nl - 1;
        crlf++;
      } else lf++;
    } else if (nl > pos && text.charCodeAt(nl - 1) === CR) contentEnd = nl - 1;

    // Leading blanks (HAProxy also skips leading carriage returns).
    let i = pos;
    while (i < contentEnd) {
      const c = text.charCodeAt(i);
      if (isBlank(c) || c === CR) i++;
      else break;
    }
    if (i >= contentEnd) {
      blank++;
      pos = nl + 1;
      continue;
    }

    scanner.malformed = false;
    scanner.count = 0;
    let comment: Comment | undefined;
    let kind: LineKind;
    if (text.charCodeAt(i) === LBRACKET) {
      kind = LineKind.Scope;
      i = scanScope(scanner, text, i, contentEnd);
    } else kind = 0 as LineKind;

    while (i < contentEnd) {
      const c = text.charCodeAt(i);
      if (isBlank(c)) {
        i++;
        continue;
      }
      if (c === HASH) {
        comment = { kind: 'Comment', start: i, end: contentEnd, text: text.slice(i, contentEnd) };
        i = contentEnd;
        break;
      }
      if (c === CR) {
        // HAProxy stops reading the line at a carriage return; keep the rest as a comment-like leaf.
        let k = i + 1;
        while (k < contentEnd && (isBlank(text.charCodeAt(k)) || text.charCodeAt(k) === CR)) k++;
        if (k < contentEnd) {
          comment = { kind: 'Comment', start: k, end: contentEnd, text: text.slice(k, contentEnd) };
          scanner.diagnostics.push({
            code: 'lex/stray-carriage-return',
            severity: 'warning',
            message: 'HAProxy stops reading this line at the carriage return: the text after it is ignored',
            start: i,
            end: i + 1,
          });
        }
        i = contentEnd;
        break;
      }
      if (kind === LineKind.Scope) {
        scanner.diagnostics.push({
          code: 'parse/text-after-scope',
          severity: 'error',
          message: 'a scope declaration [NAME] must stand alone on its line',
          start: i,
          end: i + 1,
        });
        scanner.malformed = true;
      }
      i = scanner.scanWord(i, contentEnd);
    }
    const words = scanner.words.slice(0, scanner.count);

    if (words.length === 0) kind = LineKind.Comment;
    else if (kind !== LineKind.Scope) {
      kind = lineKindOf(words[0]);
      if (kind >= LineKind.If && kind <= LineKind.Endif) hasConditionals = true;
    }
    if (words.length > MAX_LINE_WORDS) {
      const w = words[MAX_LINE_WORDS];
      scanner.diagnostics.push({
        code: 'parse/too-many-words',
        severity: 'error',
        message: `too many words: HAProxy accepts at most ${MAX_LINE_WORDS} on a line and rejects this one`,
        start: w.start,
        end: words[words.length - 1].end,
      });
      scanner.malformed = true;
    } else if (words.length === MAX_LINE_WORDS && words[MAX_LINE_WORDS - 1].end < contentEnd) {
      const w = words[MAX_LINE_WORDS - 1];
      scanner.diagnostics.push({
        code: 'parse/too-many-words',
        severity: 'warning',
        message: `${MAX_LINE_WORDS} words followed by blanks or a comment: HAProxy before 3.2 counts the trailing blank as a word and rejects the line`,
        start: w.end,
        end: contentEnd,
      });
    }
    const start = words.length > 0 ? words[0].start : comment!.start;
    const end = comment ? comment.end : words[words.length - 1].end;
    kinds.push(kind);
    if (kind === LineKind.Directive || kind === LineKind.Scope) {
      lines.push(makeDirective(words, comment, start, end, blank, scanner.malformed, kind === LineKind.Scope ? undefined : resolve, sectionKind));
    } else if (kind === LineKind.Comment) {
      lines.push({ kind: 'CommentStatement', start, end, blankLinesBefore: blank, comment: comment! });
    } else {
      if (kind === LineKind.Section) sectionKind = words[0].value;
      lines.push({ kind: 'HeaderLine', start, end, words, comment, blankBefore: blank, malformed: scanner.malformed });
    }
    blank = 0;
    pos = nl + 1;
  }

  const finalNewline = len > 0 && text.charCodeAt(len - 1) === LF;
  return {
    lines,
    kinds,
    trailingBlankLines: blank,
    diagnostics: scanner.diagnostics,
    eol: crlf > lf ? '\r\n' : '\n',
    finalNewline,
    bom,
    hasConditionals,
  };
}

/** `[name]` at the start of a line: HAProxy reads it before splitting words. */
function scanScope(scanner: LineScanner, text: string, i: number, end: number): number {
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

/** A directive node; `resolve` undefined means a `[scope]` line. */
export function makeDirective(
  words: Word[],
  comment: Comment | undefined,
  start: number,
  end: number,
  blankLinesBefore: number,
  malformed: boolean,
  resolve: KeywordResolver | undefined,
  sectionKind: string,
): HaDirective {
  let keyword = '[scope]';
  let keywordLength = 1;
  if (resolve) {
    const r = resolve(words, sectionKind);
    keyword = r.keyword;
    keywordLength = r.length;
  }
  const node: HaDirective = { kind: 'HaDirective', start, end, blankLinesBefore, words, keyword, keywordLength };
  if (comment) node.trailingComment = comment;
  if (malformed) node.malformed = true;
  return node;
}
