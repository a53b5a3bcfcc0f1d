import { createToken, Lexer } from 'chevrotain';
import type { IToken, TokenType } from 'chevrotain';
import type { Comment, CommentStatement, Punct } from '../ast/common.js';
import type { KaDefinition, KaDirective } from '../ast/keepalived.js';

/**
 * The scanner hands the Chevrotain parser one token per statement segment, not per
 * word: the parser only decides nesting. No Chevrotain lexer runs (patterns are NA).
 */
export const HeaderToken = createToken({ name: 'Header', pattern: Lexer.NA });
export const DefinitionToken = createToken({ name: 'Definition', pattern: Lexer.NA });
export const OpenToken = createToken({ name: 'Open', pattern: Lexer.NA });
export const CloseToken = createToken({ name: 'Close', pattern: Lexer.NA });
export const CommentLineToken = createToken({ name: 'CommentLine', pattern: Lexer.NA });

export const allCoarseTokens: TokenType[] = [HeaderToken, DefinitionToken, OpenToken, CloseToken, CommentLineToken];

/** A coarse token: the IToken fields Chevrotain reads, plus what the scanner already built. */
export interface CoarseToken extends IToken {
  /** Blank lines between the previous token's line and this token (0 on the same line). */
  blank: number;
  /** Header: the statement (it becomes a KaBlock when a `{` follows). */
  directive?: KaDirective;
  definition?: KaDefinition;
  comment?: CommentStatement;
  /** Open / Close: the brace. */
  punct?: Punct;
  /** Open / Close: the comment after the brace when the brace ends its line. */
  trailing?: Comment;
}

/** Only the fields the parser reads are set (line/column fields stay absent). */
export function makeToken(type: TokenType, start: number, blank: number): CoarseToken {
  return {
    image: '',
    startOffset: start,
    tokenTypeIdx: type.tokenTypeIdx as number,
    tokenType: type,
    blank,
    directive: undefined,
    definition: undefined,
    comment: undefined,
    punct: undefined,
    trailing: undefined,
  };
}
