import type { Comment, Word } from '../ast/common.js';
import type { HaFile, HaStatement } from '../ast/haproxy.js';

/** A leaf: something the tree stores text for. */
export interface HaLeaf {
  start: number;
  end: number;
  text: string;
}

/** Every leaf of the tree in source order (words, comments, error statements' text). */
export function haproxyLeaves(file: HaFile): HaLeaf[] {
  const out: HaLeaf[] = [];
  const words = (ws: readonly Word[] | undefined) => {
    if (ws) for (const w of ws) out.push(w);
  };
  const comment = (c: Comment | undefined) => {
    if (c) out.push(c);
  };
  const body = (stmts: readonly HaStatement[]) => {
    for (const s of stmts) {
      switch (s.kind) {
        case 'HaSection':
          out.push(s.keyword);
          words(s.args);
          comment(s.trailingComment);
          body(s.body);
          break;
        case 'HaDirective':
          words(s.words);
          comment(s.trailingComment);
          break;
        case 'CommentStatement':
          out.push(s.comment);
          break;
        case 'ErrorStatement':
          out.push({ start: s.start, end: s.start + s.text.length, text: s.text });
          comment(s.trailingComment);
          break;
        case 'HaConditional':
          for (const b of s.branches) {
            out.push(b.keyword);
            words(b.args);
            comment(b.trailingComment);
            body(b.body);
          }
          if (s.endif) out.push(s.endif);
          words(s.endifArgs);
          comment(s.endifComment);
          break;
      }
    }
  };
  body(file.body);
  return out;
}

/**
 * Prints the file back from its leaves and the whitespace between them (taken from
 * `text`, the parsed source). For an unmodified tree the result equals `text`.
 */
export function reprintHaproxy(file: HaFile, text: string): string {
  const parts: string[] = [];
  let prev = 0;
  for (const leaf of haproxyLeaves(file)) {
    parts.push(text.slice(prev, leaf.start), leaf.text);
    prev = leaf.end;
  }
  parts.push(text.slice(prev));
  return parts.join('');
}
