import type { Comment, Punct, Word } from '../ast/common.js';
import type { KaFile, KaStatement } from '../ast/keepalived.js';
import { appendAll } from '../source/append-all.js';

/** A leaf of the tree: every non-whitespace byte of the file belongs to exactly one. */
export interface KaLeaf {
  start: number;
  end: number;
  text: string;
}

/** The tree's leaves (words, braces, comments, error text) in source order. */
export function keepalivedLeaves(ast: KaFile): KaLeaf[] {
  const out: KaLeaf[] = [];
  for (const statement of ast.body) pushStatement(statement, out);
  return out;
}

function pushStatement(s: KaStatement, out: KaLeaf[]): void {
  switch (s.kind) {
    case 'CommentStatement':
      out.push(s.comment);
      return;
    case 'ErrorStatement':
      out.push({ start: s.start, end: s.start + s.text.length, text: s.text });
      if (s.trailingComment) out.push(s.trailingComment);
      return;
    case 'KaDirective':
      pushPrefixes(s.condition, s.repeat, out);
      out.push(s.keyword);
      for (const w of s.args) out.push(w);
      if (s.trailingComment) out.push(s.trailingComment);
      return;
    case 'KaBlock':
      pushPrefixes(s.condition, s.repeat, out);
      out.push(s.keyword);
      for (const w of s.args) out.push(w);
      if (s.headComments) for (const c of s.headComments) out.push(c);
      out.push(s.open);
      if (s.trailingComment) out.push(s.trailingComment);
      for (const child of s.body) pushStatement(child, out);
      if (s.close) out.push(s.close);
      if (s.closeComment) out.push(s.closeComment);
      return;
    case 'KaDefinition': {
      pushPrefixes(s.condition, s.repeat, out);
      out.push(s.name, s.equals);
      const rest: (Word | Punct | Comment)[] = s.value.slice();
      if (s.continuations) appendAll(rest, s.continuations);
      if (s.innerComments) appendAll(rest, s.innerComments);
      if (s.trailingComment) rest.push(s.trailingComment);
      rest.sort((a, b) => a.start - b.start);
      for (const leaf of rest) out.push(leaf);
      return;
    }
  }
}

function pushPrefixes(condition: Word | undefined, repeat: Word[] | undefined, out: KaLeaf[]): void {
  if (condition) out.push(condition);
  if (repeat) for (const w of repeat) out.push(w);
}

/**
 * The file's text rebuilt from the tree: each leaf's own text, with the whitespace
 * between leaves taken from `text`. Equal to `text` for every tree `parseKeepalived`
 * builds; a formatter that edits leaves reprints through the same walk.
 */
export function reprintKeepalived(ast: KaFile, text: string): string {
  let out = ast.bom ? '\uFEFF' : '';
  let pos = ast.bom ? 1 : 0;
  const parts: string[] = [out];
  for (const leaf of keepalivedLeaves(ast)) {
    if (leaf.start > pos) parts.push(text.slice(pos, leaf.start));
    parts.push(leaf.text);
    pos = leaf.end;
  }
  if (pos < text.length) parts.push(text.slice(pos));
  out = parts.join('');
  return out;
}
