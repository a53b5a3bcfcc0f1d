import type { Comment, CommentStatement, ErrorStatement, FileTrivia, NodeBase, Punct, StatementBase, Word } from './common.js';

/**
 * keepalived.conf syntax tree: generic and lossless. The preprocessor constructs
 * (`include`, `$NAME=…` definitions, `@host` conditions, `~SEQ`/`~LST`) are kept as
 * written; `loadKeepalived()` applies them when it builds the semantic model.
 */
export interface KaFile extends NodeBase, FileTrivia {
  kind: 'KaFile';
  body: KaStatement[];
}

/** `keyword args…` on one logical line (`\`-continued lines included). List-block entries are directives too. */
export interface KaDirective extends StatementBase {
  kind: 'KaDirective';
  /** `@host` / `@^host` prefix, if any. */
  condition?: Word;
  keyword: Word;
  args: Word[];
}

/** `keyword args… {` body `}`. */
export interface KaBlock extends StatementBase {
  kind: 'KaBlock';
  condition?: Word;
  keyword: Word;
  args: Word[];
  open: Punct;
  body: KaStatement[];
  /** Missing when the file ends before the block is closed (a diagnostic says so). */
  close?: Punct;
  /** Blank lines between the last body statement and the closing brace. */
  blankLinesBeforeClose: number;
  /** Comment after the closing brace on its line. (`trailingComment` is the one after `{`.) */
  closeComment?: Comment;
}

/** `$NAME=value` (a definition; `\`-continued for multi-line ones). */
export interface KaDefinition extends StatementBase {
  kind: 'KaDefinition';
  condition?: Word;
  /** The `$NAME` word (text without the `=`). */
  name: Word;
  /** The value words as written, unexpanded. */
  value: Word[];
}

export type KaStatement = KaDirective | KaBlock | KaDefinition | CommentStatement | ErrorStatement;
export type KaNode = KaFile | KaStatement | Word | Punct | Comment;
