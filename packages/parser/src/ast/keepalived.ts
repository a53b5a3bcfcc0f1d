import type { Comment, CommentStatement, ErrorStatement, FileTrivia, NodeBase, Punct, StatementBase, Word } from './common.js';

/**
 * keepalived.conf syntax tree: generic and lossless. The preprocessor constructs
 * (`include`, `$NAME=…` definitions, `@host` conditions, `~SEQ`/`~LST`) are kept as
 * written; `loadKeepalived()` applies them when it builds the semantic model.
 *
 * How keepalived (2.x) reads a line, and so how this tree is cut: `#` and `!` start a
 * comment anywhere outside double quotes (`\#`, `\!` escape them); every `{` and `}`
 * outside quotes is a token of its own, even inside a word (`VI_1{`), so one line may
 * hold several statements (`a { b } c`); a statement is the run of words between line
 * starts and braces. A line ending in `\` continues ONLY a `$NAME=` definition; on other
 * lines keepalived keeps the `\` as text and reads the next line as a new statement.
 *
 * Statement ranges cover their trailing comment (and a block's closing brace and its
 * comment), so children always lie inside their parents.
 */
export interface KaFile extends NodeBase, FileTrivia {
  kind: 'KaFile';
  body: KaStatement[];
}

/** Prefixes a keepalived line may start with, in the order they are written. */
export interface KaPrefixes {
  /** `@host` / `@^host` prefix, if any. */
  condition?: Word;
  /**
   * `~SEQ(var, start, step, end)` / `~SEQx(…)` / `~LST(var, v1, v2…)` prefixes (nested
   * repeats are written one after another). Each word spans the whole `~…(…)` text.
   */
  repeat?: Word[];
}

/** `keyword args…` on one line. List-block entries are directives too. */
export interface KaDirective extends StatementBase, KaPrefixes {
  kind: 'KaDirective';
  keyword: Word;
  args: Word[];
}

/** `keyword args… {` body `}`. The `{` may stand on a later line (keepalived accepts it). */
export interface KaBlock extends StatementBase, KaPrefixes {
  kind: 'KaBlock';
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
  /**
   * Comments between the header and a `{` written on a later line: the header line's
   * own trailing comment and any comment lines before the `{`.
   */
  headComments?: Comment[];
}

/**
 * `$NAME=value` (a definition). A definition whose line ends in `\` continues on the
 * following lines (each continuation line is one line of the multi-line value); a line
 * that is completely empty ends it.
 */
export interface KaDefinition extends StatementBase, KaPrefixes {
  kind: 'KaDefinition';
  /** The `$NAME` word (text without the `=`). */
  name: Word;
  /** The `=` sign. */
  equals: Punct;
  /** The value words as written, unexpanded, over all lines. Braces are plain words here. */
  value: Word[];
  /** The `\` that end continued lines, in order (one per continued line). */
  continuations?: Punct[];
  /** Comments on continued lines and comment lines inside a multi-line value. */
  innerComments?: Comment[];
}

export type KaStatement = KaDirective | KaBlock | KaDefinition | CommentStatement | ErrorStatement;
export type KaNode = KaFile | KaStatement | Word | Punct | Comment;
