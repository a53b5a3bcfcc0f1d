import type { Comment, HaConditional, HaFile, HaStatement, Word } from '@cfglint/parser';
import { canonicalUnit, makeUnit, oneSpaceBetween, singleSpaced, wordGapIsCanonical } from './layout/unit.js';
import type { Unit } from './layout/unit.js';

/** HAProxy's MAX_LINE_ARGS: a line at the limit is kept as written (older versions count a trailing blank as a word). */
const MAX_LINE_WORDS = 64;
const HASH = 35;

/**
 * haproxy.cfg → units. Style: section headers at column 0, their directives one level
 * in, single spaces between words, comments where they were.
 *
 * Conditional blocks (`.if` … `.endif`): inside a section the markers sit at the
 * directives' level and the branch bodies one level deeper, as HAProxy's own
 * examples write them. A conditional that holds whole sections is file-level
 * structure: its markers go to column 0 and its bodies are not indented further
 * (sections stay at column 0, their directives one level in).
 *
 * Comment lines at column 0 at the end of a section (typically a banner above the
 * next section) stay at column 0 instead of joining the section's indentation.
 */
export function haproxyUnits(ast: HaFile, text: string, alignServers = false): Unit[] {
  const units: Unit[] = [];
  new HaproxyUnits(text, units, alignServers).body(ast.body, 0, false);
  if (alignServers) alignServerColumns(units, text);
  return units;
}

class HaproxyUnits {
  constructor(
    private readonly text: string,
    private readonly units: Unit[],
    private readonly align: boolean,
  ) {}

  /** `sectionBody`: the statements of a section itself (not of a branch inside it). */
  body(statements: HaStatement[], depth: number, sectionBody: boolean): void {
    // Index after the last non-comment statement: comments past it form the trailing run.
    let tail = statements.length;
    if (sectionBody) while (tail > 0 && statements[tail - 1].kind === 'CommentStatement') tail--;
    for (let i = 0; i < statements.length; i++) {
      const s = statements[i];
      switch (s.kind) {
        case 'CommentStatement': {
          const c = s.comment;
          const d = i >= tail && this.atColumnZero(c.start) ? 0 : depth;
          const t = trimComment(c.text);
          this.units.push(t.length === c.text.length ? canonicalUnit(c.start, c.end, d) : makeUnit(c.start, c.end, d, t));
          break;
        }
        case 'HaSection': {
          const u = this.line(s.keyword, s.args, 0, s.trailingComment, 0);
          u.open = true;
          this.units.push(u);
          this.body(s.body, 1, true);
          break;
        }
        case 'HaDirective': {
          const u = this.line(s.words[0], s.words, 1, s.trailingComment, depth);
          if (this.align && s.keyword === 'server' && !u.keepLine) u.columns = s.words.map((w) => w.text);
          this.units.push(u);
          break;
        }
        case 'HaConditional':
          this.conditional(s, depth);
          break;
        case 'ErrorStatement': {
          const end = s.start + s.text.length;
          const c = s.trailingComment;
          this.units.push(makeUnit(s.start, c ? c.end : end, depth, s.text.trimEnd() + (c ? ' ' + trimComment(c.text) : '')));
          break;
        }
      }
    }
  }

  private conditional(s: HaConditional, depth: number): void {
    const fileLevel = holdsSection(s);
    const markerDepth = fileLevel ? 0 : depth;
    const bodyDepth = fileLevel ? depth : depth + 1;
    s.branches.forEach((b, i) => {
      const u = this.line(b.keyword, b.args, 0, b.trailingComment, markerDepth);
      u.open = true;
      u.close = i > 0;
      this.units.push(u);
      this.body(b.body, bodyDepth, false);
    });
    if (s.endif) {
      const u = this.line(s.endif, s.endifArgs ?? [], 0, s.endifComment, markerDepth);
      u.close = true;
      this.units.push(u);
    }
  }

  /**
   * One source line: `first` and `rest[from…]` joined by single spaces, then the comment.
   * Lines HAProxy could read differently once respaced are kept as written (`keepLine`).
   */
  private line(first: Word, rest: readonly Word[], from: number, comment: Comment | undefined, depth: number): Unit {
    const text = this.text;
    const last = rest.length > from ? rest[rest.length - 1] : first;
    const end = comment ? comment.end : last.end;
    if (1 + rest.length - from >= MAX_LINE_WORDS || (comment && comment.text.charCodeAt(0) !== HASH)) {
      // A comment leaf that is not `#…` is text HAProxy ignores after a stray carriage return.
      return makeUnit(first.start, end, depth, text.slice(first.start, end).trimEnd(), false, false, true);
    }
    let canonical = rest.length <= from || (wordGapIsCanonical(text, first, rest[from]) && singleSpaced(text, rest, from));
    let c: string | undefined;
    if (comment) {
      c = trimComment(comment.text);
      canonical = canonical && c.length === comment.text.length && oneSpaceBetween(text, last, comment);
    }
    const wantColumns = this.align && rest.length > from && first.text === 'server' && from === 1;
    if (canonical && !wantColumns) return canonicalUnit(first.start, end, depth);
    // One array and one join per line: concatenating word by word would leave a tree of
    // intermediate strings per line for the garbage collector.
    const parts: string[] = [first.text];
    let touching = false;
    let prev = first;
    for (let i = from; i < rest.length; i++) {
      if (rest[i].start === prev.end) touching = true;
      parts.push(rest[i].text);
      prev = rest[i];
    }
    if (c !== undefined) parts.push(c);
    const out = touching ? joinKeepingTouches(first, rest, from, c) : parts.join(' ');
    const u = makeUnit(first.start, end, depth, out);
    u.canonical = canonical;
    if (c !== undefined) u.comment = c;
    return u;
  }

  private atColumnZero(offset: number): boolean {
    return offset === 0 || this.text.charCodeAt(offset - 1) === 10;
  }
}

/** The rare join where some words touch (no blank between them): they stay touching. */
function joinKeepingTouches(first: Word, rest: readonly Word[], from: number, comment: string | undefined): string {
  let out = first.text;
  let prev = first;
  for (let i = from; i < rest.length; i++) {
    out += prev.end === rest[i].start ? rest[i].text : ' ' + rest[i].text;
    prev = rest[i];
  }
  return comment !== undefined ? out + ' ' + comment : out;
}

function trimComment(text: string): string {
  return text.trimEnd();
}

function holdsSection(s: HaConditional): boolean {
  for (const b of s.branches) {
    for (const st of b.body) {
      if (st.kind === 'HaSection') return true;
      if (st.kind === 'HaConditional' && holdsSection(st)) return true;
    }
  }
  return false;
}

/**
 * Pads the keyword, name and address columns of runs of consecutive `server` lines
 * (same indentation, no blank line or other line between them) so that their
 * columns line up. Applied to units before emission.
 */
export function alignServerColumns(units: Unit[], text: string): void {
  let i = 0;
  while (i < units.length) {
    if (!units[i].columns) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < units.length && units[j].columns && units[j].depth === units[i].depth && singleNewline(text, units[j - 1].end, units[j].start)) j++;
    if (j - i > 1) alignRun(units, i, j, text);
    else units[i].canonical = units[i].text === text.slice(units[i].start, units[i].end);
    i = j;
  }
}

const ALIGNED_COLUMNS = 3;

function alignRun(units: Unit[], from: number, to: number, text: string): void {
  const widths = [0, 0, 0];
  for (let k = from; k < to; k++) {
    const cols = units[k].columns!;
    for (let c = 0; c < ALIGNED_COLUMNS && c + 1 < cols.length; c++) widths[c] = Math.max(widths[c], cols[c].length);
  }
  for (let k = from; k < to; k++) {
    const u = units[k];
    const cols = u.columns!;
    let out = '';
    for (let c = 0; c < cols.length; c++) {
      const w = cols[c];
      if (c > 0) out += ' ';
      out += c < ALIGNED_COLUMNS && c + 1 < cols.length ? w.padEnd(widths[c]) : w;
    }
    u.text = u.comment !== undefined ? out + ' ' + u.comment : out;
    u.canonical = u.text === text.slice(u.start, u.end);
  }
}

function singleNewline(text: string, from: number, to: number): boolean {
  const first = text.indexOf('\n', from);
  if (first === -1 || first >= to) return false;
  const second = text.indexOf('\n', first + 1);
  return second === -1 || second >= to;
}
