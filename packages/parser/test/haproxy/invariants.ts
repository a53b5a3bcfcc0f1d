import type { HaFile, HaNode } from '../../src/index.js';
import { haproxyLeaves, reprintHaproxy, traverseHaproxy } from '../../src/index.js';

function isGapChar(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 11 || c === 12 || c === 13;
}

/**
 * The contract's losslessness rules, checked on one parse: returns the problems found
 * (empty when the tree is sound).
 */
export function treeProblems(ast: HaFile, text: string): string[] {
  const problems: string[] = [];
  if (reprintHaproxy(ast, text) !== text) problems.push('reprint differs from the source');
  let prev = 0;
  for (const leaf of haproxyLeaves(ast)) {
    if (leaf.start < prev) problems.push(`leaf at ${leaf.start} overlaps the previous one (ends ${prev})`);
    if (text.slice(leaf.start, leaf.end) !== leaf.text) problems.push(`leaf text at ${leaf.start} differs from the source`);
    if (leaf.end <= leaf.start) problems.push(`empty leaf at ${leaf.start}`);
    for (let i = prev; i < leaf.start; i++) {
      const c = text.charCodeAt(i);
      if (!isGapChar(c) && !(i === 0 && c === 0xfeff)) {
        problems.push(`non-whitespace ${JSON.stringify(text[i])} at ${i} belongs to no leaf`);
        break;
      }
    }
    prev = Math.max(prev, leaf.end);
  }
  for (let i = prev; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isGapChar(c) && !(i === 0 && c === 0xfeff)) {
      problems.push(`non-whitespace at ${i} after the last leaf`);
      break;
    }
  }
  if (ast.start !== 0 || ast.end !== text.length) problems.push('file range is not the whole text');
  // Every node lies inside its parent.
  traverseHaproxy(ast, {
    enter(node: HaNode, parent: HaNode | undefined) {
      if (node.start > node.end) problems.push(`${node.kind} at ${node.start} ends before it starts`);
      if (parent && (node.start < parent.start || node.end > parent.end)) {
        problems.push(`${node.kind} [${node.start},${node.end}) is outside its ${parent.kind} [${parent.start},${parent.end})`);
      }
    },
  });
  return problems;
}
