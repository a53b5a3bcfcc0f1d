import type { KaStatement } from '../../ast/keepalived.js';
import type { TextRange } from './tracked-text.js';

/**
 * The configuration as keepalived sees it after preprocessing: includes spliced in,
 * `@host` lines chosen, definitions expanded, `~SEQ`/`~LST` repeated. The semantic model
 * and the schema checker read this tree, not the syntax trees.
 *
 * Where nothing was expanded, words ARE the syntax tree's Word nodes (same objects).
 */
export interface KaEffectiveWord {
  /** The value keepalived sees (unquoted, expanded). */
  value: string;
  /** Range in `fileName` (or the statement's file) of what the user wrote for this word. */
  start: number;
  end: number;
  /** Set when the range lies in a different file than the statement's, e.g. a definition made elsewhere. */
  fileName?: string;
}

export interface KaEffectiveStatement {
  keyword: KaEffectiveWord;
  args: readonly KaEffectiveWord[];
  /** Present when the statement opens a block. */
  body?: KaEffectiveStatement[];
  /** For blocks: false when the input ended before its `}`. */
  closed?: boolean;
  /** The file of `node`. */
  fileName: string;
  /** The syntax node this statement comes from; for expanded text, the line that was expanded. */
  node: KaStatement;
  /** Present when the statement was produced by `$NAME`, `~SEQ`/`~LST` or a multi-line definition: the line expanded. */
  expansion?: TextRange;
}

/** Where a word of a statement is, as a file range. */
export function wordRange(statement: KaEffectiveStatement, word: KaEffectiveWord): TextRange {
  return { fileName: word.fileName ?? statement.fileName, start: word.start, end: word.end };
}

export interface StructureProblem {
  code: 'parse/unexpected-open-brace' | 'parse/unexpected-close-brace' | 'parse/unclosed-block';
  at: TextRange;
}

/**
 * Builds the nesting from the preprocessed stream the way keepalived's reader does: a
 * `{` right after a statement opens that statement's block, a `}` closes the innermost
 * open block, and anything else about braces is a problem (reported once by the caller).
 */
export class EffectiveBuilder {
  readonly root: KaEffectiveStatement[] = [];
  readonly problems: StructureProblem[] = [];
  private readonly stack: KaEffectiveStatement[] = [];
  private body: KaEffectiveStatement[] = this.root;
  private pending: KaEffectiveStatement | undefined;
  count = 0;

  statement(statement: KaEffectiveStatement): void {
    this.body.push(statement);
    this.pending = statement;
    this.count++;
  }

  open(at: TextRange): void {
    const owner = this.pending;
    this.pending = undefined;
    if (!owner || owner.body) {
      this.problems.push({ code: 'parse/unexpected-open-brace', at });
      return;
    }
    owner.body = [];
    owner.closed = false;
    this.stack.push(owner);
    this.body = owner.body;
  }

  close(at: TextRange): void {
    this.pending = undefined;
    const block = this.stack.pop();
    if (!block) {
      this.problems.push({ code: 'parse/unexpected-close-brace', at });
      return;
    }
    block.closed = true;
    this.body = this.stack.length ? this.stack[this.stack.length - 1].body! : this.root;
  }

  finish(): KaEffectiveStatement[] {
    for (const block of this.stack) {
      this.problems.push({ code: 'parse/unclosed-block', at: wordRange(block, block.keyword) });
    }
    return this.root;
  }
}
