import type { HaNode } from './haproxy.js';

// ---------------------------------------------------------------------------
// HAProxy (haproxy.cfg) traversal
// ---------------------------------------------------------------------------

/** Child keys of each haproxy.cfg node kind, in source order. */
export const haproxyVisitorKeys: Readonly<Record<HaNode['kind'], readonly string[]>> = {
  HaFile: ['body'],
  HaSection: ['keyword', 'args', 'trailingComment', 'body'],
  HaDirective: ['words', 'trailingComment'],
  HaConditional: ['branches', 'endif', 'endifArgs', 'endifComment'],
  HaBranch: ['keyword', 'args', 'trailingComment', 'body'],
  CommentStatement: ['comment'],
  ErrorStatement: ['trailingComment'],
  Word: [],
  Comment: [],
};

export interface HaproxyVisitor {
  /** Called before a node's children; return false to skip them. */
  enter?(node: HaNode, parent: HaNode | undefined, key: string | undefined): boolean | void;
  /** Called after a node's children. */
  leave?(node: HaNode, parent: HaNode | undefined, key: string | undefined): void;
}

/** Depth-first, source-order walk of a haproxy.cfg tree; supplies each node's parent. */
export function traverseHaproxy(root: HaNode, visitor: HaproxyVisitor): void {
  const visit = (node: HaNode, parent: HaNode | undefined, key: string | undefined) => {
    if (visitor.enter?.(node, parent, key) === false) return;
    const keys = haproxyVisitorKeys[node.kind];
    for (const k of keys) {
      const child = (node as unknown as Record<string, unknown>)[k];
      if (child === undefined) continue;
      if (Array.isArray(child)) for (const c of child as HaNode[]) visit(c, node, k);
      else visit(child as HaNode, node, k);
    }
    visitor.leave?.(node, parent, key);
  };
  visit(root, undefined, undefined);
}
