import { EmbeddedActionsParser } from 'chevrotain';
import type { Comment, ErrorStatement } from '../ast/common.js';
import type { KaBlock, KaDirective, KaStatement } from '../ast/keepalived.js';
import { CloseToken, CommentLineToken, DefinitionToken, HeaderToken, OpenToken, allCoarseTokens } from './coarse-tokens.js';
import type { CoarseToken } from './coarse-tokens.js';
import type { RawDiagnostic } from './scanner.js';

/** Deeper nesting than this is treated as stray braces (keepalived itself nests ~5 deep). */
export const MAX_BLOCK_DEPTH = 100;

/**
 * The keepalived nesting grammar over coarse tokens (see coarse-tokens.ts):
 *
 *   file      := ( statement | Close )*
 *   statement := Header [ CommentLine* Open statement* [Close] ] | Definition | CommentLine | Open
 *
 * Every alternative accepts whatever comes next, so Chevrotain never has to recover:
 * recovery is ours. A stray `}` at the top, a stray `{`, and a block still open at the end
 * become ErrorStatements or diagnostics. A `{` on a later line than its header (after
 * comment lines only) still opens the block, as it does in keepalived.
 *
 * Speed: the grammar functions are created once (no closures per rule call) and the
 * actions test RECORDING_PHASE instead of wrapping code in ACTION closures.
 */
export class KeepalivedGrammar extends EmbeddedActionsParser {
  diagnostics: RawDiagnostic[] = [];
  private depth = 0;
  /** Bodies being filled, innermost last. */
  private bodies: KaStatement[][] = [];
  /** Hand-over from a Header to the block option that may follow it. */
  private header: CoarseToken | undefined;
  private headComments: Comment[] = [];

  /**
   * Chevrotain's grammar validations cost a third of building the grammar (~3 of 9 ms,
   * measured with traceInitPerf) on every run that reads a keepalived file; the grammar is
   * fixed, so they run in its unit test (`validate`) instead.
   */
  constructor(validate = false) {
    super(allCoarseTokens, { recoveryEnabled: false, maxLookahead: 1, skipValidations: !validate });
    this.performSelfAnalysis();
  }

  load(tokens: CoarseToken[]): void {
    this.input = tokens;
    this.diagnostics = [];
    this.depth = 0;
    this.bodies = [];
  }

  file = this.RULE('file', (): KaStatement[] => {
    const body: KaStatement[] = [];
    this.bodies.push(body);
    this.MANY(this.topItem);
    this.bodies.pop();
    return body;
  });

  private topItem = (): void => {
    this.OR(this.topAlternatives);
  };

  private topAlternatives = [
    { ALT: (): void => this.bodyItem() },
    {
      ALT: (): void => {
        const close = this.CONSUME(CloseToken) as CoarseToken;
        if (!this.RECORDING_PHASE) {
          this.bodies[this.bodies.length - 1].push(
            this.strayBrace(close, 'parse/unexpected-close-brace', "Unexpected '}': no block is open here (keepalived reports an extra '}')"),
          );
        }
      },
    },
  ];

  private bodyItem = (): void => {
    const statement = this.SUBRULE(this.statement);
    if (!this.RECORDING_PHASE) this.bodies[this.bodies.length - 1].push(statement);
  };

  private statement = this.RULE('statement', (): KaStatement => this.OR(this.statementAlternatives));

  private statementAlternatives = [
    { ALT: (): KaStatement => this.headed() },
    {
      ALT: (): KaStatement => {
        const token = this.CONSUME(DefinitionToken) as CoarseToken;
        return token.definition!;
      },
    },
    {
      ALT: (): KaStatement => {
        const token = this.CONSUME(CommentLineToken) as CoarseToken;
        return token.comment!;
      },
    },
    {
      ALT: (): KaStatement => {
        const token = this.CONSUME(OpenToken) as CoarseToken;
        if (this.RECORDING_PHASE) return undefined as unknown as KaStatement;
        return this.depth >= MAX_BLOCK_DEPTH
          ? this.strayBrace(token, 'parse/too-deep', `Blocks nest deeper than ${MAX_BLOCK_DEPTH} levels: this '{' is not read as a block`)
          : this.strayBrace(token, 'parse/unexpected-open-brace', "Unexpected '{': no keyword opens a block here; keepalived ignores it, and its '}' then closes the enclosing block");
      },
    },
  ];

  private headed(): KaStatement {
    const header = this.CONSUME(HeaderToken) as CoarseToken;
    this.header = header;
    const block = this.OPTION(this.blockOption) as KaBlock | undefined;
    return block ?? header.directive!;
  }

  private blockOption = {
    GATE: (): boolean => this.blockFollows(),
    DEF: (): KaBlock => {
      const header = this.header!;
      this.headComments = [];
      this.MANY2(this.headComment);
      const open = this.CONSUME2(OpenToken) as CoarseToken;
      if (this.RECORDING_PHASE) {
        this.MANY3(this.bodyItem);
        this.OPTION2(this.closeBrace);
        return undefined as unknown as KaBlock;
      }
      const block = this.openBlock(header, this.headComments, open);
      this.bodies.push(block.body);
      this.depth++;
      this.MANY3(this.bodyItem);
      this.depth--;
      this.bodies.pop();
      const close = this.OPTION2(this.closeBrace) as CoarseToken | undefined;
      if (close) this.closeBlock(block, close);
      else {
        const keyword = block.keyword;
        this.diagnostics.push({
          code: 'parse/unclosed-block',
          severity: 'error',
          message: `'${keyword.text}' block is not closed: keepalived reads everything after it as part of this block`,
          start: keyword.start,
          end: keyword.end,
        });
      }
      return block;
    },
  };

  private headComment = (): void => {
    const token = this.CONSUME3(CommentLineToken) as CoarseToken;
    if (!this.RECORDING_PHASE) this.headComments.push(token.comment!.comment);
  };

  private closeBrace = (): CoarseToken => this.CONSUME2(CloseToken) as CoarseToken;

  /** After a Header: a `{` follows, possibly after comment lines. */
  private blockFollows(): boolean {
    if (this.depth >= MAX_BLOCK_DEPTH) return false;
    for (let i = 1; ; i++) {
      const next = this.LA(i);
      if (next.tokenType === OpenToken) return true;
      if (next.tokenType !== CommentLineToken) return false;
    }
  }

  private openBlock(header: CoarseToken, comments: Comment[], open: CoarseToken): KaBlock {
    const d: KaDirective = header.directive!;
    const block: KaBlock = {
      kind: 'KaBlock',
      start: d.start,
      end: open.trailing ? open.trailing.end : open.punct!.end,
      blankLinesBefore: d.blankLinesBefore,
      keyword: d.keyword,
      args: d.args,
      open: open.punct!,
      body: [],
      blankLinesBeforeClose: 0,
    };
    if (d.condition) block.condition = d.condition;
    if (d.repeat) block.repeat = d.repeat;
    if (open.trailing) block.trailingComment = open.trailing;
    if (d.trailingComment) comments.unshift(d.trailingComment);
    if (comments.length) block.headComments = comments;
    return block;
  }

  private closeBlock(block: KaBlock, close: CoarseToken): void {
    block.close = close.punct!;
    block.blankLinesBeforeClose = close.blank;
    block.end = close.punct!.end;
    if (close.trailing) {
      block.closeComment = close.trailing;
      block.end = close.trailing.end;
    }
  }

  private strayBrace(token: CoarseToken, code: string, message: string): ErrorStatement {
    const punct = token.punct!;
    this.diagnostics.push({ code, severity: 'error', message, start: punct.start, end: punct.end });
    const statement: ErrorStatement = { kind: 'ErrorStatement', start: punct.start, end: punct.end, blankLinesBefore: token.blank, text: punct.text };
    if (token.trailing) {
      statement.trailingComment = token.trailing;
      statement.end = token.trailing.end;
    }
    return statement;
  }
}

let grammar: KeepalivedGrammar | undefined;

/** The grammar is built once per process, on first use. */
export function keepalivedGrammar(): KeepalivedGrammar {
  return (grammar ??= new KeepalivedGrammar());
}

/** Arranges coarse tokens into statements; never throws. */
export function arrangeKeepalived(tokens: CoarseToken[]): { body: KaStatement[]; diagnostics: RawDiagnostic[] } {
  const parser = keepalivedGrammar();
  parser.load(tokens);
  const body = parser.file();
  const diagnostics = parser.diagnostics;
  for (const error of parser.errors) {
    // Unreachable by construction; kept so a grammar slip shows up as a finding, not a throw.
    const offset = Number.isFinite(error.token.startOffset) ? error.token.startOffset : 0;
    diagnostics.push({ code: 'parse/internal', severity: 'error', message: error.message, start: offset, end: offset });
  }
  parser.input = [];
  return { body, diagnostics };
}
