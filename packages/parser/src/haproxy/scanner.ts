import type { Comment, CommentStatement, Word } from '../ast/common.js';
import type { HaDirective } from '../ast/haproxy.js';
import type { KeywordResolver } from './keywords.js';
import { CR, DOT, HASH, LBRACKET, LF, LineScanner, isBlank, scanScope } from './word-scanner.js';

/**
 * Hand-written line scanner for haproxy.cfg, following HAProxy's own line reader
 * (`parse_cfg()` + `parse_line()`): words split on unprotected space/tab/VT/FF, `#`
 * outside quotes starts a comment, single quotes protect everything, double quotes
 * protect spaces/`#`/`'` and allow `\` escapes and `$NAME` / `${NAME}` /
 * `${NAME-default}` / `${NAME[*]}` references, and a carriage return ends what HAProxy
 * reads of the line. There are no line continuations. This file splits lines and
 * classifies them; word-scanner.ts reads the words.
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

/** HAProxy's MAX_LINE_ARGS: a line may hold at most 64 words. */
export const MAX_LINE_WORDS = 64;

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
