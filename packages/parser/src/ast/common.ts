/**
 * Node shapes shared by both languages.
 *
 * Every node stores offsets into its file's text (`start` inclusive, `end` exclusive);
 * `SourceFile.rangeOf(start, end)` gives line/character ranges. Nodes never point to
 * their parents: `traverse()` supplies parents. Everything that is not whitespace
 * belongs to exactly one leaf (Word, Comment, Punct, or an error node's text), so the
 * file can be reprinted from the tree plus the whitespace between leaves.
 */
export interface NodeBase {
  kind: string;
  start: number;
  end: number;
}

/**
 * One word as the user wrote it. `text` is the raw source slice (quotes, escapes and
 * `\`-newline continuations included); `value` is what the daemon sees after
 * unquoting and unescaping (variables are NOT expanded here; see `hasVariable`).
 */
export interface Word extends NodeBase {
  kind: 'Word';
  text: string;
  value: string;
  /** Whether any part of the word was quoted. */
  quoted?: boolean;
  /** Whether the word contains a variable reference ($NAME, ${NAME}, "${VAR}"). */
  hasVariable?: boolean;
}

/** A `#` or `!` comment; `text` includes the marker. */
export interface Comment extends NodeBase {
  kind: 'Comment';
  text: string;
}

/** A single punctuation token such as `{` or `}` (keepalived). */
export interface Punct extends NodeBase {
  kind: 'Punct';
  text: string;
}

/** Fields every statement (line-level node) has. */
export interface StatementBase extends NodeBase {
  /** Blank lines between the previous statement (or the opening of the body) and this one. */
  blankLinesBefore: number;
  /** A comment on the same line after the statement's last token. */
  trailingComment?: Comment;
}

/** A comment that stands alone on its line: a statement of the enclosing body. */
export interface CommentStatement extends StatementBase {
  kind: 'CommentStatement';
  comment: Comment;
}

/** Text the parser could not place (a stray `}`, a stray `.endif`…), kept so nothing is lost. */
export interface ErrorStatement extends StatementBase {
  kind: 'ErrorStatement';
  text: string;
}

/** Line-ending facts the formatter needs to preserve. */
export interface FileTrivia {
  /** The file's dominant line ending. */
  eol: '\n' | '\r\n';
  /** Whether the last line ends with a line terminator. */
  finalNewline: boolean;
  /** Whether the file starts with a UTF-8 byte order mark (it is not part of any node). */
  bom: boolean;
}
