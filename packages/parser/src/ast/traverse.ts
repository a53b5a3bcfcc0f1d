import type { HaNode } from './haproxy.js';
import type { KaNode } from './keepalived.js';
import { appendAll } from '../source/append-all.js';

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
  /** Called before a node's children; return false to skip them (`leave` is still called). */
  enter?(node: HaNode, parent: HaNode | undefined, key: string | undefined): boolean | void;
  /** Called after a node's children. */
  leave?(node: HaNode, parent: HaNode | undefined, key: string | undefined): void;
}

/** Depth-first, source-order walk of a haproxy.cfg tree; supplies each node's parent. */
export function traverseHaproxy(root: HaNode, visitor: HaproxyVisitor): void {
  const visit = (node: HaNode, parent: HaNode | undefined, key: string | undefined) => {
    if (visitor.enter?.(node, parent, key) !== false) {
      for (const k of haproxyVisitorKeys[node.kind]) {
        const child = (node as unknown as Record<string, unknown>)[k];
        if (child === undefined) continue;
        if (Array.isArray(child)) for (const c of child as HaNode[]) visit(c, node, k);
        else visit(child as HaNode, node, k);
      }
    }
    visitor.leave?.(node, parent, key);
  };
  visit(root, undefined, undefined);
}

// ---------------------------------------------------------------------------
// keepalived (keepalived.conf) traversal
// ---------------------------------------------------------------------------

/**
 * Child keys of each keepalived.conf node kind, in source order (a multi-line
 * definition's `value`, `continuations` and `innerComments` interleave by line).
 */
export const keepalivedVisitorKeys: Readonly<Record<KaNode['kind'], readonly string[]>> = {
  KaFile: ['body'],
  KaDirective: ['condition', 'repeat', 'keyword', 'args', 'trailingComment'],
  KaBlock: ['condition', 'repeat', 'keyword', 'args', 'headComments', 'open', 'trailingComment', 'body', 'close', 'closeComment'],
  KaDefinition: ['condition', 'repeat', 'name', 'equals', 'value', 'continuations', 'innerComments', 'trailingComment'],
  CommentStatement: ['comment'],
  ErrorStatement: ['trailingComment'],
  Word: [],
  Punct: [],
  Comment: [],
};

export interface KeepalivedVisitor {
  /** Called before a node's children; return false to skip them (`leave` is still called). */
  enter?(node: KaNode, parent: KaNode | undefined, key: string | undefined): boolean | void;
  /** Called after a node's children. */
  leave?(node: KaNode, parent: KaNode | undefined, key: string | undefined): void;
}

/** Depth-first walk of a keepalived.conf tree; supplies each node's parent. */
export function traverseKeepalived(root: KaNode, visitor: KeepalivedVisitor): void {
  const visit = (node: KaNode, parent: KaNode | undefined, key: string | undefined) => {
    if (visitor.enter?.(node, parent, key) === false) return;
    const keys = keepalivedVisitorKeys[node.kind];
    for (const k of keys) {
      const child = (node as unknown as Record<string, unknown>)[k];
      if (child === undefined) continue;
      if (Array.isArray(child)) for (const c of child as KaNode[]) visit(c, node, k);
      else visit(child as KaNode, node, k);
    }
    visitor.leave?.(node, parent, key);
  };
  visit(root, undefined, undefined);
}

/** Every node of a keepalived.conf tree with its parent, depth-first. */
export function* keepalivedNodes(root: KaNode): Generator<{ node: KaNode; parent: KaNode | undefined }> {
  const stack: { node: KaNode; parent: KaNode | undefined }[] = [{ node: root, parent: undefined }];
  while (stack.length) {
    const entry = stack.pop()!;
    yield entry;
    const keys = keepalivedVisitorKeys[entry.node.kind];
    const children: KaNode[] = [];
    for (const k of keys) {
      const child = (entry.node as unknown as Record<string, unknown>)[k];
      if (child === undefined) continue;
      if (Array.isArray(child)) appendAll(children, child as KaNode[]);
      else children.push(child as KaNode);
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], parent: entry.node });
  }
}
