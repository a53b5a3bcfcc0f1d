import { EmbeddedActionsParser, createToken, createTokenInstance } from 'chevrotain';
import type { IToken, TokenType } from 'chevrotain';
import { LineKind } from './scanner.js';

/**
 * The conditional structure of a file: a list of line indices and conditional blocks.
 * Sections are not built here: HAProxy's sections are flat and are grouped in `to-ast.ts`.
 */
export type LineItem = number | ConditionalItem;

export interface BranchItem {
  /** Index of the `.if`/`.elif`/`.else` line. */
  line: number;
  items: LineItem[];
}

export interface ConditionalItem {
  branches: BranchItem[];
  /** Index of the `.endif` line, or -1 when the file ends first. */
  endif: number;
}

// Coarse tokens: one per conditional line, one per run of other lines (their kinds do
// not matter to the nesting), so the parser sees a few tokens even for a huge file.
const Line = createToken({ name: 'Line', pattern: /NOT_USED/ });
const SectionLine = createToken({ name: 'SectionLine', pattern: /NOT_USED/, categories: [Line] });
const DirectiveLine = createToken({ name: 'DirectiveLine', pattern: /NOT_USED/, categories: [Line] });
const CommentLine = createToken({ name: 'CommentLine', pattern: /NOT_USED/, categories: [Line] });
const If = createToken({ name: 'If', pattern: /NOT_USED/ });
const Branch = createToken({ name: 'Branch', pattern: /NOT_USED/ });
const Elif = createToken({ name: 'Elif', pattern: /NOT_USED/, categories: [Branch] });
const Else = createToken({ name: 'Else', pattern: /NOT_USED/, categories: [Branch] });
const Endif = createToken({ name: 'Endif', pattern: /NOT_USED/ });
const allTokens = [Line, SectionLine, DirectiveLine, CommentLine, If, Branch, Elif, Else, Endif];

const tokenTypeOf: Record<LineKind, TokenType> = {
  [LineKind.Comment]: CommentLine,
  [LineKind.Section]: SectionLine,
  [LineKind.Directive]: DirectiveLine,
  [LineKind.Scope]: DirectiveLine,
  [LineKind.If]: If,
  [LineKind.Elif]: Elif,
  [LineKind.Else]: Else,
  [LineKind.Endif]: Endif,
};

/** Pushes the line indices a token stands for: a run token covers startOffset…endOffset. */
function pushLines(items: LineItem[], t: IToken) {
  const last = t.endOffset ?? t.startOffset;
  for (let i = t.startOffset; i <= last; i++) items.push(i);
}

/**
 * file   := (conditional | Line | stray)*      stray := Elif | Else | Endif
 * block  := (conditional | Line)*
 * conditional := If block (Branch block)* Endif?
 * Every token sequence is accepted, so the parser never reports an error: a stray
 * `.elif`/`.else`/`.endif` and a missing `.endif` become diagnostics in `to-ast.ts`;
 * `.elif` after `.else` is accepted here and reported there.
 */
export class ConditionalParser extends EmbeddedActionsParser {
  /**
   * Chevrotain's grammar validations cost a sixth of building the parser (~1 of 6 ms, measured
   * with traceInitPerf); the grammar is fixed, so they run in its unit test (`validate`), not
   * on every start.
   */
  constructor(validate = false) {
    super(allTokens, { recoveryEnabled: false, maxLookahead: 1, skipValidations: !validate });
    this.performSelfAnalysis();
  }

  file = this.RULE('file', (): LineItem[] => {
    const items: LineItem[] = [];
    this.MANY(() => {
      this.OR([
        { ALT: () => { const c = this.SUBRULE(this.conditional); this.ACTION(() => items.push(c)); } },
        { ALT: () => { const t = this.CONSUME(Line); this.ACTION(() => pushLines(items, t)); } },
        { ALT: () => { const t = this.CONSUME(Branch); this.ACTION(() => items.push(t.startOffset)); } },
        { ALT: () => { const t = this.CONSUME(Endif); this.ACTION(() => items.push(t.startOffset)); } },
      ]);
    });
    return items;
  });

  block = this.RULE('block', (): LineItem[] => {
    const items: LineItem[] = [];
    this.MANY(() => {
      this.OR([
        { ALT: () => { const c = this.SUBRULE(this.conditional); this.ACTION(() => items.push(c)); } },
        { ALT: () => { const t = this.CONSUME(Line); this.ACTION(() => pushLines(items, t)); } },
      ]);
    });
    return items;
  });

  conditional = this.RULE('conditional', (): ConditionalItem => {
    const branches: BranchItem[] = [];
    const open = this.CONSUME(If);
    const first = this.SUBRULE(this.block);
    this.ACTION(() => branches.push({ line: open.startOffset, items: first }));
    this.MANY(() => {
      const t = this.CONSUME(Branch);
      const items = this.SUBRULE2(this.block);
      this.ACTION(() => branches.push({ line: t.startOffset, items }));
    });
    let endif = -1;
    this.OPTION(() => {
      const t = this.CONSUME(Endif);
      this.ACTION(() => (endif = t.startOffset));
    });
    return { branches, endif };
  });
}

function isPlain(kind: LineKind): boolean {
  return kind !== LineKind.If && kind !== LineKind.Elif && kind !== LineKind.Else && kind !== LineKind.Endif;
}

let parser: ConditionalParser | undefined;

/** Built once, on the first file that holds a conditional line, then reused. */
function getParser(): ConditionalParser {
  parser ??= new ConditionalParser();
  return parser;
}

/**
 * Nests the lines into conditional blocks. A token's `startOffset`/`endOffset` carry
 * line indices. Files without conditional lines are flat: they need no parser (and do
 * not pay for building it).
 */
export function nestLines(kinds: readonly LineKind[], hasConditionals: boolean): LineItem[] {
  if (!hasConditionals) {
    const items: LineItem[] = new Array(kinds.length);
    for (let i = 0; i < kinds.length; i++) items[i] = i;
    return items;
  }
  const tokens: IToken[] = [];
  let i = 0;
  while (i < kinds.length) {
    const type = tokenTypeOf[kinds[i]];
    let last = i;
    if (type === DirectiveLine || type === CommentLine || type === SectionLine) {
      while (last + 1 < kinds.length && isPlain(kinds[last + 1])) last++;
    }
    tokens.push(createTokenInstance(type, '', i, last, i, last, i, last));
    i = last + 1;
  }
  const p = getParser();
  p.input = tokens;
  const items = p.file();
  // The grammar accepts every sequence; should Chevrotain still stop early, keep the rest flat.
  if (p.errors.length > 0 || !Array.isArray(items)) return nestFallback(kinds.length, Array.isArray(items) ? items : []);
  return items;
}

function maxLine(items: LineItem[]): number {
  let max = -1;
  for (const item of items) {
    if (typeof item === 'number') max = Math.max(max, item);
    else {
      for (const b of item.branches) max = Math.max(max, b.line, maxLine(b.items));
      max = Math.max(max, item.endif);
    }
  }
  return max;
}

function nestFallback(count: number, items: LineItem[]): LineItem[] {
  for (let i = maxLine(items) + 1; i < count; i++) items.push(i);
  return items;
}
