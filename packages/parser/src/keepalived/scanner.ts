import type { Comment, Punct, Word } from '../ast/common.js';
import type { KaDefinition, KaDirective } from '../ast/keepalived.js';
import type { Severity } from '../source/diagnostic.js';
import {
  AT,
  BACKSLASH,
  CR,
  DOLLAR,
  EQUALS,
  LBRACE,
  LF,
  QUOTE,
  RBRACE,
  RPAREN,
  SPACE,
  TAB,
  TILDE,
  isCommentStart,
  isDigit,
  isNameChar,
  isNameStart,
  isSpace,
} from './chars.js';
import { CloseToken, CommentLineToken, DefinitionToken, HeaderToken, OpenToken, makeToken } from './coarse-tokens.js';
import type { CoarseToken } from './coarse-tokens.js';

/** A finding located by offsets; `parseKeepalived` turns it into a `Diagnostic`. */
export interface RawDiagnostic {
  code: string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
}

export interface ScanResult {
  tokens: CoarseToken[];
  diagnostics: RawDiagnostic[];
  bom: boolean;
  eol: '\n' | '\r\n';
  finalNewline: boolean;
}

/** keepalived reads lines with a 1024-byte buffer: longer lines are cut in two. */
export const MAX_LINE_BYTES = 1023;

const INCLUDE_VARIANTS = 'rmwba';

/** ASCII characters that end or need a look inside an unquoted word (1); all others are plain (0). */
const WORD_CLASS = new Uint8Array(128);
for (const c of [9, 10, 11, 12, 13, 32, QUOTE, 35, 33, LBRACE, RBRACE, BACKSLASH, DOLLAR]) WORD_CLASS[c] = 1;

/**
 * The hand-written keepalived.conf scanner: one pass over the text with charCode loops,
 * cutting each line the way keepalived 2.x does (see ast/keepalived.ts) into coarse
 * tokens that already carry their AST nodes. It never throws.
 */
export function scanKeepalived(text: string): ScanResult {
  return new Scanner(text).run();
}

class Scanner {
  private readonly tokens: CoarseToken[] = [];
  private readonly diagnostics: RawDiagnostic[] = [];
  private blank = 0;
  private line = 0;
  /** Index in `tokens` of the first token of the current line. */
  private lineFirstToken = 0;
  /** A definition whose last line ended in `\`: the next lines continue it. */
  private openDef: KaDefinition | undefined;
  /**
   * Words of the statement being scanned: the first `wordCount` entries. Reset by count,
   * not `words.length = 0`, which drops the array's storage (V8), so that every statement
   * grew a new one: 13 MB of garbage on a 1.8 MB file.
   */
  private words: Word[] = [];
  private wordCount = 0;

  constructor(private readonly text: string) {}

  run(): ScanResult {
    const text = this.text;
    const n = text.length;
    const bom = n > 0 && text.charCodeAt(0) === 0xfeff;
    let crlf = 0;
    let lf = 0;
    let pos = bom ? 1 : 0;
    if (bom) {
      this.report('lex/byte-order-mark', 'warning', 'The file starts with a byte order mark: keepalived reads it as part of the first keyword, which then is unknown', 0, 1);
    }
    while (pos < n) {
      let lineEnd = text.indexOf('\n', pos);
      if (lineEnd < 0) lineEnd = n;
      else if (lineEnd > pos && text.charCodeAt(lineEnd - 1) === CR) crlf++;
      else lf++;
      this.scanLine(pos, lineEnd);
      pos = lineEnd + 1;
      this.line++;
    }
    if (this.openDef) this.openDef = undefined;
    return {
      tokens: this.tokens,
      diagnostics: this.diagnostics,
      bom,
      eol: crlf > lf ? '\r\n' : '\n',
      finalNewline: n > 0 && text.charCodeAt(n - 1) === LF,
    };
  }

  private report(code: string, severity: Severity, message: string, start: number, end: number): void {
    this.diagnostics.push({ code, severity, message, start, end });
  }

  private skipSpace(p: number, end: number): number {
    const text = this.text;
    while (p < end) {
      const c = text.charCodeAt(p);
      if (c > SPACE || (c !== SPACE && c !== TAB && c !== CR && c !== 12 && c !== 11)) break;
      p++;
    }
    return p;
  }

  /** End of `[start, end)` without trailing whitespace. */
  private trimEnd(start: number, end: number): number {
    const text = this.text;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    return end;
  }

  private comment(start: number, lineEnd: number): Comment {
    const end = this.trimEnd(start, lineEnd);
    return { kind: 'Comment', start, end, text: this.text.slice(start, end) };
  }

  private punct(start: number, end = start + 1): Punct {
    return { kind: 'Punct', start, end, text: this.text.slice(start, end) };
  }

  private push(token: CoarseToken): CoarseToken {
    this.tokens.push(token);
    this.blank = 0;
    return token;
  }

  private scanLine(start: number, end: number): void {
    const text = this.text;
    this.lineFirstToken = this.tokens.length;
    if (end - start > MAX_LINE_BYTES / 3 && Buffer.byteLength(text.slice(start, end)) > MAX_LINE_BYTES + (text.charCodeAt(end - 1) === CR ? 1 : 0)) {
      this.report('lex/line-too-long', 'warning', `Line is longer than ${MAX_LINE_BYTES} bytes: keepalived reads the rest as a separate line`, start, end);
    }
    const p = this.skipSpace(start, end);
    if (this.openDef) {
      this.continueDefinition(start, p, end);
      return;
    }
    if (p >= end) {
      this.blank++;
      return;
    }
    if (isCommentStart(text.charCodeAt(p))) {
      const comment = this.comment(p, end);
      const token = makeToken(CommentLineToken, p, this.blank);
      token.comment = { kind: 'CommentStatement', start: p, end: comment.end, blankLinesBefore: this.blank, comment };
      this.push(token);
      return;
    }
    this.scanSegments(p, end);
  }

  /** A line after a definition line that ended in `\`. */
  private continueDefinition(start: number, p: number, end: number): void {
    const def = this.openDef!;
    const text = this.text;
    if (start === end || (end - start === 1 && text.charCodeAt(start) === CR)) {
      // keepalived ends a multi-line definition at a completely empty line.
      this.openDef = undefined;
      this.blank++;
      return;
    }
    if (p >= end) return;
    if (isCommentStart(text.charCodeAt(p))) {
      const comment = this.comment(p, end);
      (def.innerComments ??= []).push(comment);
      def.end = comment.end;
      return;
    }
    this.scanDefinitionValue(def, p, end);
  }

  /** Statements, braces and a trailing comment on one line (`p` is at its first non-blank). */
  private scanSegments(p: number, end: number): void {
    const text = this.text;
    while (true) {
      p = this.skipSpace(p, end);
      if (p >= end) return;
      const c = text.charCodeAt(p);
      if (isCommentStart(c)) {
        this.attachTrailing(this.comment(p, end));
        return;
      }
      if (c === LBRACE || c === RBRACE) {
        const token = makeToken(c === LBRACE ? OpenToken : CloseToken, p, this.blank);
        token.punct = this.punct(p);
        this.push(token);
        p++;
        continue;
      }
      p = this.scanStatement(p, end);
      if (this.openDef) return;
    }
  }

  /** Gives a comment to the last thing on its line. */
  private attachTrailing(comment: Comment): void {
    const last = this.tokens.length > this.lineFirstToken ? this.tokens[this.tokens.length - 1] : undefined;
    if (!last) return; // cannot happen: a segment always emits a token before its comment
    if (last.directive) {
      last.directive.trailingComment = comment;
      last.directive.end = comment.end;
    } else if (last.definition) {
      last.definition.trailingComment = comment;
      last.definition.end = comment.end;
    } else {
      last.trailing = comment;
    }
  }

  /**
   * One statement segment starting at `p` (not a brace, not a comment): optional
   * `@host` and `~SEQ/~LST` prefixes, then a definition, an include line, or words up to
   * the next brace. Returns where scanning continues.
   */
  private scanStatement(p: number, end: number): number {
    const text = this.text;
    let condition: Word | undefined;
    let repeat: Word[] | undefined;
    let lone: Word | undefined;
    const start = p;
    if (text.charCodeAt(p) === AT) {
      // keepalived takes everything up to a blank as the config id.
      let q = p + 1;
      while (q < end) {
        const c = text.charCodeAt(q);
        if (isSpace(c) || isCommentStart(c)) break;
        q++;
      }
      condition = this.plainWord(p, q);
      p = this.skipSpace(q, end);
      if (p >= end || isCommentStart(text.charCodeAt(p))) {
        lone = condition;
        condition = undefined;
      }
    }
    while (!lone && text.charCodeAt(p) === TILDE && (text.startsWith('~SEQ', p) || text.startsWith('~LST', p))) {
      let q = p + 4;
      let closed = false;
      while (q < end) {
        const c = text.charCodeAt(q);
        if (c === RPAREN) {
          q++;
          closed = true;
          break;
        }
        if (isCommentStart(c)) break;
        q++;
      }
      if (!closed) q = this.trimEnd(p, q);
      const word = this.plainWord(p, q);
      if (!closed) {
        this.report('parse/invalid-repeat', 'error', `${text.slice(p, p + 4)} has no closing ')': keepalived cannot read this line`, p, q);
      }
      p = this.skipSpace(q, end);
      if (p >= end || isCommentStart(text.charCodeAt(p))) {
        lone = word;
        break;
      }
      (repeat ??= []).push(word);
    }
    if (!lone && (text.charCodeAt(p) === LBRACE || text.charCodeAt(p) === RBRACE) && p > start) {
      // Prefixes with nothing but a brace after them: the last prefix stands alone.
      if (repeat) {
        lone = repeat.pop();
        if (!repeat.length) repeat = undefined;
      } else {
        lone = condition;
        condition = undefined;
      }
    }
    if (lone) {
      const directive: KaDirective = { kind: 'KaDirective', start, end: lone.end, blankLinesBefore: this.blank, keyword: lone, args: [] };
      if (condition) directive.condition = condition;
      if (repeat) directive.repeat = repeat;
      this.emitDirective(directive);
      return p;
    }
    if (text.charCodeAt(p) === DOLLAR && this.definitionNameEnd(p, end) > 0) {
      return this.scanDefinition(start, p, end, condition, repeat);
    }
    const include = this.isInclude(p, end);
    const words = this.words;
    this.wordCount = 0;
    let q = p;
    while (q < end) {
      q = this.skipSpace(q, end);
      if (q >= end) break;
      const c = text.charCodeAt(q);
      if (isCommentStart(c)) break;
      if (!include && (c === LBRACE || c === RBRACE)) break;
      q = this.scanWord(q, end, !include);
    }
    const count = this.wordCount;
    const keyword = words[0];
    const directive: KaDirective = {
      kind: 'KaDirective',
      start,
      end: words[count - 1].end,
      blankLinesBefore: this.blank,
      keyword,
      args: count > 1 ? words.slice(1, count) : [],
    };
    if (condition) directive.condition = condition;
    if (repeat) directive.repeat = repeat;
    this.emitDirective(directive);
    this.checkBackslash(directive);
    return q;
  }

  private emitDirective(directive: KaDirective): void {
    const token = makeToken(HeaderToken, directive.start, this.blank);
    token.directive = directive;
    this.push(token);
  }

  /** A `\` ending a line that is not a definition: keepalived does not join lines there. */
  private checkBackslash(directive: KaDirective): void {
    const last = directive.args.length ? directive.args[directive.args.length - 1] : directive.keyword;
    if (last.quoted || last.text.charCodeAt(last.text.length - 1) !== BACKSLASH) return;
    const after = this.skipSpace(last.end, this.text.length);
    const c = this.text.charCodeAt(after);
    if (after < this.text.length && c !== LF && !isCommentStart(c)) return;
    this.report(
      'lex/line-continuation',
      'warning',
      'keepalived continues only `$NAME=` definitions with a trailing `\\`: here the `\\` stays part of the value and the next line is read as a new statement',
      last.end - 1,
      last.end,
    );
  }

  /** `include` or `includer|m|w|b|a` followed by a blank: the rest of the line is a file pattern. */
  private isInclude(p: number, end: number): boolean {
    const text = this.text;
    if (!text.startsWith('include', p)) return false;
    const c7 = p + 7 < end ? text.charCodeAt(p + 7) : -1;
    if (c7 === SPACE || c7 === TAB) return true;
    if (c7 < 0 || INCLUDE_VARIANTS.indexOf(text[p + 7]) < 0) return false;
    const c8 = p + 8 < end ? text.charCodeAt(p + 8) : -1;
    return c8 === SPACE || c8 === TAB;
  }

  /** If `$NAME=` starts at `p`, the offset of the `=`; otherwise -1. */
  private definitionNameEnd(p: number, end: number): number {
    const text = this.text;
    if (p + 1 >= end || !isNameStart(text.charCodeAt(p + 1))) return -1;
    let q = p + 2;
    while (q < end && isNameChar(text.charCodeAt(q))) q++;
    return q < end && text.charCodeAt(q) === EQUALS ? q : -1;
  }

  private scanDefinition(start: number, p: number, end: number, condition: Word | undefined, repeat: Word[] | undefined): number {
    const eq = this.definitionNameEnd(p, end);
    const def: KaDefinition = {
      kind: 'KaDefinition',
      start,
      end: eq + 1,
      blankLinesBefore: this.blank,
      name: this.plainWord(p, eq),
      equals: this.punct(eq),
      value: [],
    };
    if (condition) def.condition = condition;
    if (repeat) def.repeat = repeat;
    const token = makeToken(DefinitionToken, start, this.blank);
    token.definition = def;
    this.push(token);
    this.scanDefinitionValue(def, eq + 1, end);
    return end;
  }

  /** Value words of one definition line (braces are plain text here), its `\` and comment. */
  private scanDefinitionValue(def: KaDefinition, p: number, end: number): void {
    const text = this.text;
    const words = this.words;
    this.wordCount = 0;
    let q = p;
    let commentAt = -1;
    while (q < end) {
      q = this.skipSpace(q, end);
      if (q >= end) break;
      if (isCommentStart(text.charCodeAt(q))) {
        commentAt = q;
        break;
      }
      q = this.scanWord(q, end, false);
    }
    let continued = false;
    let lineEnd = def.end;
    if (this.wordCount) {
      const last = words[this.wordCount - 1];
      lineEnd = last.end;
      if (!last.quoted && last.text.charCodeAt(last.text.length - 1) === BACKSLASH) {
        continued = true;
        (def.continuations ??= []).push(this.punct(last.end - 1));
        if (last.text.length === 1) this.wordCount--;
        else {
          const raw = last.text.slice(0, -1);
          const trimmed: Word = { kind: 'Word', start: last.start, end: last.end - 1, text: raw, value: unescapeComment(raw) };
          if (last.hasVariable) trimmed.hasVariable = true;
          words[this.wordCount - 1] = trimmed;
        }
      }
    }
    for (let i = 0; i < this.wordCount; i++) def.value.push(words[i]);
    if (commentAt >= 0) {
      const comment = this.comment(commentAt, end);
      if (continued) (def.innerComments ??= []).push(comment);
      else def.trailingComment = comment;
      lineEnd = comment.end;
    }
    if (lineEnd > def.end) def.end = lineEnd;
    this.openDef = continued ? def : undefined;
  }

  /** A word without quote handling (condition, repeat, definition name). */
  private plainWord(start: number, end: number): Word {
    const text = this.text.slice(start, end);
    const word: Word = { kind: 'Word', start, end, text, value: text };
    if (hasVariableIn(text)) word.hasVariable = true;
    return word;
  }

  /**
   * One word at `p` into `this.words`: a double-quoted string (to the next `"`), or
   * unquoted text up to a blank, a quote, a comment or (when `splitBraces`) a brace.
   * `\#` and `\!` are literal `#`/`!`; `${NAME}` stays inside the word.
   */
  private scanWord(p: number, end: number, splitBraces: boolean): number {
    const text = this.text;
    const start = p;
    if (text.charCodeAt(p) === QUOTE) {
      let close = p + 1;
      while (close < end && text.charCodeAt(close) !== QUOTE) close++;
      if (close >= end) {
        const wordEnd = this.trimEnd(p, end);
        const word: Word = { kind: 'Word', start, end: wordEnd, text: text.slice(start, wordEnd), value: text.slice(start + 1, wordEnd), quoted: true };
        if (hasVariableIn(word.value)) word.hasVariable = true;
        this.words[this.wordCount++] = word;
        this.report('lex/unterminated-quote', 'error', 'Unterminated quote: keepalived drops the rest of this line', start, wordEnd);
        return end;
      }
      const value = text.slice(p + 1, close);
      const word: Word = { kind: 'Word', start, end: close + 1, text: text.slice(start, close + 1), value, quoted: true };
      if (hasVariableIn(value)) word.hasVariable = true;
      this.words[this.wordCount++] = word;
      return close + 1;
    }
    let escaped = false;
    let variable = false;
    while (p < end) {
      const c = text.charCodeAt(p);
      // Most characters are plain word characters: one table lookup decides.
      if (c < 128 && WORD_CLASS[c] === 0) {
        p++;
        continue;
      }
      if (c >= 128) {
        p++;
        continue;
      }
      if (isSpace(c) || c === QUOTE || isCommentStart(c)) break;
      if (c === LBRACE || c === RBRACE) {
        if (splitBraces) break;
      } else if (c === BACKSLASH) {
        if (p + 1 < end && isCommentStart(text.charCodeAt(p + 1))) {
          escaped = true;
          p += 2;
          continue;
        }
        if (p + 1 < end && text.charCodeAt(p + 1) === BACKSLASH) {
          p += 2;
          continue;
        }
      } else if (c === DOLLAR && p + 1 < end) {
        const n = text.charCodeAt(p + 1);
        if (isNameStart(n)) variable = true;
        else if (n === LBRACE) {
          const close = this.bracedReferenceEnd(p, end);
          if (close > 0) {
            variable = true;
            p = close;
            continue;
          }
        }
      }
      p++;
    }
    const raw = text.slice(start, p);
    const word: Word = { kind: 'Word', start, end: p, text: raw, value: escaped ? unescapeComment(raw) : raw };
    if (variable) word.hasVariable = true;
    this.words[this.wordCount++] = word;
    return p;
  }

  /** `${NAME}` or `${NAME 1 2}` at `p`: the offset after its `}`; otherwise -1. */
  private bracedReferenceEnd(p: number, end: number): number {
    const text = this.text;
    let q = p + 2;
    if (q >= end || !isNameStart(text.charCodeAt(q))) return -1;
    q++;
    while (q < end && isNameChar(text.charCodeAt(q))) q++;
    while (q < end && (text.charCodeAt(q) === SPACE || isDigit(text.charCodeAt(q)))) q++;
    return q < end && text.charCodeAt(q) === RBRACE ? q + 1 : -1;
  }
}

/** Whether text holds a `$NAME` or `${…}` reference. */
export function hasVariableIn(text: string): boolean {
  let i = text.indexOf('$');
  while (i >= 0 && i + 1 < text.length) {
    const c = text.charCodeAt(i + 1);
    if (isNameStart(c) || c === LBRACE) return true;
    i = text.indexOf('$', i + 1);
  }
  return false;
}

/** Drops the `\` of `\#` and `\!` (keepalived's escape for comment characters). */
export function unescapeComment(raw: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < raw.length - 1; i++) {
    const c = raw.charCodeAt(i);
    if (c === BACKSLASH) {
      const n = raw.charCodeAt(i + 1);
      if (isCommentStart(n)) {
        out += raw.slice(from, i);
        from = i + 1;
      }
      i++;
    }
  }
  return out + raw.slice(from);
}
