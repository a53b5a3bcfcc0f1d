import type { Comment, KaBlock, KaDefinition, KaDirective, KaFile, KaPrefixes, KaStatement, Word } from '@cfglint/parser';
import { sameLine } from './layout/emit.js';
import { canonicalUnit, makeUnit, oneSpaceBetween, singleSpaced, wordGapIsCanonical } from './layout/unit.js';
import type { Unit } from './layout/unit.js';

const BACKSLASH = 92;

/**
 * keepalived.conf → units. Style: one statement per line, `keyword args {` … `}` with
 * the body one level deeper, single spaces between words, comments where they were.
 *
 * What is never touched, because keepalived reads it differently from how it looks:
 * - `$NAME=value` definitions (single- or multi-line) are kept byte for byte: the value
 *   is pasted into other lines as text, so even its inner spacing may matter;
 * - a line starting with `@host` or `~SEQ(…)` applies to the physical line, so such a
 *   line is never split, and a `{` on a later line is never pulled up to it; the same
 *   for lines holding `$NAME` references (a definition may expand to several lines);
 * - a comment ending in `\` followed by blanks keeps its blanks (`\` + newline would
 *   make keepalived append a `\` to the statement).
 */
export function keepalivedUnits(ast: KaFile, text: string): Unit[] {
  const units: Unit[] = [];
  new KeepalivedUnits(text, units).body(ast.body, 0);
  return units;
}

class KeepalivedUnits {
  constructor(
    private readonly text: string,
    private readonly units: Unit[],
  ) {}

  body(statements: KaStatement[], depth: number): void {
    for (const s of statements) {
      switch (s.kind) {
        case 'CommentStatement':
          this.units.push(this.commentUnit(s.comment, depth));
          break;
        case 'KaDirective':
          this.directive(s, depth);
          break;
        case 'KaBlock':
          this.block(s, depth);
          break;
        case 'KaDefinition':
          this.definition(s, depth);
          break;
        case 'ErrorStatement': {
          const end = s.start + s.text.length;
          this.units.push(this.withComment(s.start, end, depth, s.text.trimEnd(), s.trailingComment, false));
          break;
        }
      }
    }
  }

  private directive(s: KaDirective, depth: number): void {
    const first = firstLeaf(s, s.keyword);
    const last = s.args.length > 0 ? s.args[s.args.length - 1] : s.keyword;
    const keep = isPinned(s, s.keyword, s.args);
    const body = this.spaced(s, s.keyword, s.args) ? null : this.words(s, s.keyword, s.args, first.start, last.end);
    this.units.push(this.withComment(first.start, last.end, depth, body, s.trailingComment, keep));
  }

  private block(s: KaBlock, depth: number): void {
    const text = this.text;
    const first = firstLeaf(s, s.keyword);
    const lastWord = s.args.length > 0 ? s.args[s.args.length - 1] : s.keyword;
    const pinned = isPinned(s, s.keyword, s.args);
    const spaced = this.spaced(s, s.keyword, s.args);
    const header = spaced ? text.slice(first.start, lastWord.end) : this.words(s, s.keyword, s.args, first.start, lastWord.end);
    const braceOnHeaderLine = sameLine(text, lastWord.end, s.open.start);
    const head = s.headComments ?? [];

    if (braceOnHeaderLine || (!pinned && head.length === 0)) {
      // `keyword args {` [# comment]
      const canonical = spaced && oneSpaceBetween(text, lastWord, s.open);
      this.units.push(this.withComment(first.start, s.open.end, depth, canonical ? null : header + ' {', s.trailingComment, pinned, true));
    } else {
      // The `{` stays on its own line: pulling it up would move it across a comment or
      // onto a line that keepalived may skip or repeat as a whole.
      let k = 0;
      if (k < head.length && sameLine(text, lastWord.end, head[k].start)) {
        this.units.push(makeUnit(first.start, head[k].end, depth, header + ' ' + this.comment(head[k]), false, false, pinned));
        k++;
      } else {
        this.units.push(makeUnit(first.start, lastWord.end, depth, header, false, false, pinned));
      }
      for (; k < head.length; k++) this.units.push(this.commentUnit(head[k], depth));
      this.units.push(this.withComment(s.open.start, s.open.end, depth, null, s.trailingComment, false, true));
    }

    this.body(s.body, depth + 1);

    if (s.close) {
      this.units.push(this.withComment(s.close.start, s.close.end, depth, null, s.closeComment, false, false, true));
    }
  }

  private definition(s: KaDefinition, depth: number): void {
    const text = this.text;
    const first = firstLeaf(s, s.name);
    // The definition's own leaves; a trailing comment is handled apart.
    let end = s.equals.end;
    if (s.value.length > 0) end = Math.max(end, s.value[s.value.length - 1].end);
    if (s.continuations && s.continuations.length > 0) end = Math.max(end, s.continuations[s.continuations.length - 1].end);
    if (s.innerComments && s.innerComments.length > 0) end = Math.max(end, s.innerComments[s.innerComments.length - 1].end);
    const trailing = s.trailingComment;
    if (trailing && trailing.start < end) {
      // A comment inside the continued lines is part of the verbatim text already.
      this.units.push(canonicalUnit(first.start, Math.max(end, trailing.end), depth, false, false, true));
      return;
    }
    this.units.push(this.withComment(first.start, end, depth, null, trailing, true));
  }

  /**
   * Prefixes, keyword and arguments joined by single spaces (or the source slice when it
   * spans lines). Words written without a blank between them (`"a"b` is two words to
   * keepalived) stay joined: a blank there would change what a script line reads.
   */
  private words(s: KaPrefixes, keyword: Word, args: Word[], start: number, end: number): string {
    const slice = this.text.slice(start, end);
    if (slice.indexOf('\n') !== -1) return slice;
    // One array and one join per line (see the HAProxy printer); touching words stay touching.
    const parts: string[] = [];
    let prev: Word | undefined;
    const add = (w: Word) => {
      if (prev !== undefined && prev.end === w.start) parts[parts.length - 1] += w.text;
      else parts.push(w.text);
      prev = w;
    };
    if (s.condition) add(s.condition);
    if (s.repeat) for (const r of s.repeat) add(r);
    add(keyword);
    for (const a of args) add(a);
    return parts.join(' ');
  }

  /** `body` null means the source slice [start, end) is already the formatted body. */
  private withComment(start: number, end: number, depth: number, body: string | null, comment: Comment | undefined, keepLine: boolean, open = false, close = false): Unit {
    if (!comment) {
      return body === null ? canonicalUnit(start, end, depth, open, close, keepLine) : makeUnit(start, end, depth, body, open, close, keepLine);
    }
    const c = this.comment(comment);
    if (body === null && c === comment.text && oneSpaceBetween(this.text, { end }, comment)) return canonicalUnit(start, comment.end, depth, open, close, keepLine);
    return makeUnit(start, comment.end, depth, (body ?? this.text.slice(start, end)) + ' ' + c, open, close, keepLine);
  }

  private commentUnit(c: Comment, depth: number): Unit {
    const t = this.comment(c);
    return t === c.text ? canonicalUnit(c.start, c.end, depth) : makeUnit(c.start, c.end, depth, t);
  }

  /** Whether prefixes, keyword and arguments are separated by single spaces in the source. */
  private spaced(s: KaPrefixes, keyword: Word, args: Word[]): boolean {
    const text = this.text;
    let prev: Word | undefined = s.condition;
    if (s.repeat) {
      for (const r of s.repeat) {
        if (prev && !wordGapIsCanonical(text, prev, r)) return false;
        prev = r;
      }
    }
    if (prev && !wordGapIsCanonical(text, prev, keyword)) return false;
    return args.length === 0 || (wordGapIsCanonical(text, keyword, args[0]) && singleSpaced(text, args));
  }

  /** Comment text as written; see the class comment for the one case that keeps trailing blanks. */
  private comment(c: Comment): string {
    const text = this.text;
    if (c.text.charCodeAt(c.text.length - 1) !== BACKSLASH) return c.text;
    let e = c.end;
    while (e < text.length && (text.charCodeAt(e) === 32 || text.charCodeAt(e) === 9)) e++;
    return e === c.end ? c.text : text.slice(c.start, e);
  }
}

function firstLeaf(s: KaPrefixes, fallback: Word): Word {
  if (s.condition) return s.condition;
  if (s.repeat && s.repeat.length > 0) return s.repeat[0];
  return fallback;
}

const AT = 64;
const TILDE = 126;

/**
 * Lines keepalived treats as a whole: `@host` / `~SEQ(…)` prefixes (also a bare `@host`
 * before a `}`, which the parser reads as a keyword: keepalived drops the whole line,
 * brace included, on other hosts), or holding a `$NAME` reference.
 */
function isPinned(s: KaPrefixes, keyword: Word, args: Word[]): boolean {
  if (s.condition || (s.repeat && s.repeat.length > 0)) return true;
  const c = keyword.text.charCodeAt(0);
  if (c === AT || c === TILDE || keyword.hasVariable) return true;
  for (const a of args) if (a.hasVariable) return true;
  return false;
}
