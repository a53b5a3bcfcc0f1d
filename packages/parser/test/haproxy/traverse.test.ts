import { describe, expect, it } from 'vitest';
import type { HaNode } from '../../src/index.js';
import { haproxyLeaves, haproxyVisitorKeys, parseHaproxy, traverseHaproxy } from '../../src/index.js';

const text = 'global # g\n  daemon\n.if 1\nbackend b\n  server s 1.2.3.4:80 # s\n.elif 0\n.else\n  # c\n.endif x # e\n.endif\n';

describe('traverseHaproxy', () => {
  it('visits every word and comment in source order, with parents', () => {
    const { ast } = parseHaproxy(text);
    const seen: HaNode[] = [];
    const parents = new Map<HaNode, HaNode | undefined>();
    traverseHaproxy(ast, {
      enter(node, parent) {
        parents.set(node, parent);
        if (node.kind === 'Word' || node.kind === 'Comment') seen.push(node);
      },
    });
    const leaves = haproxyLeaves(ast).filter((l) => !('kind' in l) || (l as HaNode).kind !== 'ErrorStatement');
    expect(seen.map((n) => n.start)).toEqual(leaves.map((l) => l.start).filter((s) => seen.some((n) => n.start === s)));
    expect(seen.length).toBe(haproxyLeaves(ast).length - 1); // the stray `.endif` is an ErrorStatement leaf
    const server = seen.find((n) => n.kind === 'Word' && n.text === 'server')!;
    expect(parents.get(server)?.kind).toBe('HaDirective');
    expect(parents.get(parents.get(server)!)?.kind).toBe('HaSection');
  });

  it('skips children when enter returns false and calls leave after children', () => {
    const { ast } = parseHaproxy(text);
    const order: string[] = [];
    traverseHaproxy(ast, {
      enter(node) {
        order.push(`>${node.kind}`);
        return node.kind !== 'HaConditional';
      },
      leave(node) {
        order.push(`<${node.kind}`);
      },
    });
    expect(order.includes('>HaBranch')).toBe(false);
    expect(order.indexOf('<HaConditional')).toBe(order.indexOf('>HaConditional') + 1);
    expect(order.at(-1)).toBe('<HaFile');
  });

  it('lists child keys for every node kind', () => {
    expect(Object.keys(haproxyVisitorKeys).sort()).toEqual(['Comment', 'CommentStatement', 'ErrorStatement', 'HaBranch', 'HaConditional', 'HaDirective', 'HaFile', 'HaSection', 'Word']);
  });
});
