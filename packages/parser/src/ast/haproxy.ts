import type { Comment, CommentStatement, ErrorStatement, FileTrivia, NodeBase, StatementBase, Word } from './common.js';

/**
 * haproxy.cfg syntax tree. HAProxy is line-oriented: a section keyword at the start
 * of a line opens a section that runs to the next section keyword. `.if/.elif/.else/.endif`
 * blocks nest inside whatever is current; a section opened inside a branch ends with
 * that branch (the semantic model flattens active branches in source order, as HAProxy does).
 */
export interface HaFile extends NodeBase, FileTrivia {
  kind: 'HaFile';
  /**
   * Statements before the first section, then sections (and conditionals around
   * sections). Comment lines at column 0 that end a section (the banner before the
   * next one) are file-level statements between the sections.
   */
  body: HaStatement[];
}

export interface HaSection extends StatementBase {
  kind: 'HaSection';
  /** global, defaults, frontend, backend, listen, userlist, peers, resolvers, … */
  keyword: Word;
  /** The words after the keyword: name, `from NAME`, and the 1.5 form's address. */
  args: Word[];
  body: HaStatement[];
  /** The header line has a lexical error; HAProxy skips such a line (so opens no section). */
  malformed?: boolean;
}

/**
 * One configuration line. `keyword` is the resolved, possibly multi-word keyword
 * (`timeout connect`, `option httpchk`, `no option httplog`, `stats auth`,
 * `http-request`), made of the first `keywordLength` words; the rest are arguments.
 */
export interface HaDirective extends StatementBase {
  kind: 'HaDirective';
  words: Word[];
  keyword: string;
  keywordLength: number;
  /** The line has a lexical error (unmatched quote, bad escape…); HAProxy skips it. */
  malformed?: boolean;
}

/** One `.if`/`.elif`/`.else` branch: the condition words and the branch body. */
export interface HaBranch extends NodeBase {
  kind: 'HaBranch';
  keyword: Word;
  args: Word[];
  trailingComment?: Comment;
  body: HaStatement[];
  /** Blank lines before this branch's line (the `.if` line's are the conditional's `blankLinesBefore`). */
  blankLinesBefore?: number;
  /** The line has a lexical error; HAProxy skips it. */
  malformed?: boolean;
}

export interface HaConditional extends StatementBase {
  kind: 'HaConditional';
  branches: HaBranch[];
  /** The `.endif` word; missing when the file ends first (a diagnostic says so). */
  endif?: Word;
  /** Words after `.endif` (HAProxy rejects them; kept so nothing is lost). */
  endifArgs?: Word[];
  endifComment?: Comment;
  blankLinesBeforeEndif: number;
}

export type HaStatement = HaSection | HaDirective | HaConditional | CommentStatement | ErrorStatement;
export type HaNode = HaFile | HaStatement | HaBranch | Word | Comment;
