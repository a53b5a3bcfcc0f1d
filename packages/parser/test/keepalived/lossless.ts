import type { KaFile } from '../../src/ast/keepalived.js';
import { keepalivedLeaves } from '../../src/keepalived/reprint.js';

/**
 * What "lossless" means, checked leaf by leaf: leaves are in order, do not overlap, hold
 * exactly their slice of the text, and only whitespace lies between them. Returns the
 * first violation, or undefined.
 */
export function losslessViolation(ast: KaFile, text: string): string | undefined {
  let pos = ast.bom ? 1 : 0;
  for (const leaf of keepalivedLeaves(ast)) {
    if (leaf.start < pos) return `leaf at ${leaf.start} overlaps the previous one (ends ${pos})`;
    if (leaf.end > text.length || leaf.end <= leaf.start) return `leaf [${leaf.start}, ${leaf.end}) is outside the text or empty`;
    if (text.slice(leaf.start, leaf.end) !== leaf.text) return `leaf [${leaf.start}, ${leaf.end}) text ${JSON.stringify(leaf.text)} differs from the source`;
    if (/\S/.test(text.slice(pos, leaf.start))) return `non-whitespace between ${pos} and ${leaf.start}: ${JSON.stringify(text.slice(pos, leaf.start))}`;
    pos = leaf.end;
  }
  if (/\S/.test(text.slice(pos))) return `non-whitespace after the last leaf: ${JSON.stringify(text.slice(pos, pos + 40))}`;
  return undefined;
}
