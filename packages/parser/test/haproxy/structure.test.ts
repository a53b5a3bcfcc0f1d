import { describe, expect, it } from 'vitest';
import type { HaConditional, HaDirective, HaSection } from '../../src/index.js';
import { parseHaproxy, resolveKeyword } from '../../src/index.js';

const kinds = (text: string) => parseHaproxy(text).ast.body.map((s) => s.kind);

describe('sections and conditional blocks', () => {
  it('groups lines into sections; statements before the first section stay at file level', () => {
    const r = parseHaproxy('# head\nmaxconn 1\nglobal\n  daemon\nfrontend fe\n  bind :80\n');
    expect(r.ast.body.map((s) => s.kind)).toEqual(['CommentStatement', 'HaDirective', 'HaSection', 'HaSection']);
    expect((r.ast.body[3] as HaSection).args.map((w) => w.value)).toEqual(['fe']);
  });

  it('recognises every section keyword and only those', () => {
    for (const k of ['global', 'defaults', 'frontend', 'backend', 'listen', 'userlist', 'peers', 'resolvers', 'mailers', 'program', 'cache', 'http-errors', 'ring', 'log-forward', 'fcgi-app', 'crt-store', 'traces', 'log-profile', 'acme']) {
      expect(kinds(`${k} x\n`)).toEqual(['HaSection']);
    }
    expect(kinds('Frontend x\n')).toEqual(['HaDirective']);
    expect(kinds('spoe-agent x\n')).toEqual(['HaDirective']);
  });

  it('nests .if/.elif/.else/.endif inside the current section', () => {
    const r = parseHaproxy('backend b\n.if 1\n  a\n  .if 0\n    b\n  .endif\n.elif 0\n  c\n.else\n  d\n.endif\n  e\n');
    const section = r.ast.body[0] as HaSection;
    expect(section.body.map((s) => s.kind)).toEqual(['HaConditional', 'HaDirective']);
    const cond = section.body[0] as HaConditional;
    expect(cond.branches.map((b) => b.keyword.value)).toEqual(['.if', '.elif', '.else']);
    expect(cond.branches[0].body.map((s) => s.kind)).toEqual(['HaDirective', 'HaConditional']);
    expect(cond.endif?.value).toBe('.endif');
    expect(r.diagnostics).toEqual([]);
  });

  it('ends a section opened inside a branch with the branch', () => {
    const r = parseHaproxy('frontend f\n.if 1\nbackend b\n  x\n.endif\n  y\n');
    const f = r.ast.body[0] as HaSection;
    const cond = f.body[0] as HaConditional;
    expect((cond.branches[0].body[0] as HaSection).keyword.value).toBe('backend');
    expect((f.body[1] as HaDirective).keyword).toBe('y');
  });

  it('recovers from a stray .endif/.else/.elif and an unterminated .if, reporting each', () => {
    const r = parseHaproxy('backend b\n.endif\n  a\n.else\n.if 1\n  b\n.if 0\n  c\n.endif\n');
    const section = r.ast.body[0] as HaSection;
    expect(section.body.map((s) => s.kind)).toEqual(['ErrorStatement', 'HaDirective', 'ErrorStatement', 'HaConditional']);
    const outer = section.body[3] as HaConditional;
    expect(outer.endif).toBeUndefined();
    expect((outer.branches[0].body[1] as HaConditional).endif).toBeDefined();
    expect(r.diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([
      ['parse/stray-conditional', 1],
      ['parse/stray-conditional', 3],
      ['parse/unterminated-if', 4],
    ]);
  });

  it('reports .elif after .else and a second .else', () => {
    const r = parseHaproxy('backend b\n.if 1\n.else\n.elif 1\n.else\n.endif\n');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['parse/elif-after-else', 'parse/duplicate-else']);
    expect((r.ast.body[0] as HaSection).body[0]).toMatchObject({ kind: 'HaConditional', branches: [{}, {}, {}, {}] });
  });

  it('keeps words after .endif and .else', () => {
    const r = parseHaproxy('backend b\n.if 1\n.else x\n.endif y z # c\n');
    const cond = (r.ast.body[0] as HaSection).body[0] as HaConditional;
    expect(cond.branches[1].args.map((w) => w.value)).toEqual(['x']);
    expect(cond.endifArgs?.map((w) => w.value)).toEqual(['y', 'z']);
    expect(cond.endifComment?.text).toBe('# c');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['parse/unexpected-argument', 'parse/unexpected-argument']);
  });

  it('demotes .if blocks nested deeper than HAProxy allows', () => {
    const depth = 120;
    const text = 'backend b\n' + '.if 1\n'.repeat(depth) + '  x\n' + '.endif\n'.repeat(depth);
    const r = parseHaproxy(text);
    expect(r.diagnostics.filter((d) => d.code === 'parse/too-deeply-nested')).toHaveLength(depth - 99);
    expect(r.diagnostics.filter((d) => d.code !== 'parse/too-deeply-nested')).toEqual([]);
  });

  it('counts blank lines and keeps trailing comments', () => {
    const r = parseHaproxy('global\n\n\n  maxconn 1 # max\n\n.if 1\n\n.elif 0\n\n.endif\n');
    const g = r.ast.body[0] as HaSection;
    const d = g.body[0] as HaDirective;
    expect(d.blankLinesBefore).toBe(2);
    expect(d.trailingComment?.text).toBe('# max');
    const c = g.body[1] as HaConditional;
    expect(c.blankLinesBefore).toBe(1);
    expect(c.branches[1].blankLinesBefore).toBe(1);
    expect(c.blankLinesBeforeEndif).toBe(1);
  });

  it('moves a column-0 comment banner that ends a section out of it', () => {
    const r = parseHaproxy('global\n  daemon\n  # indented: stays\n#----\n# backends\nbackend b\n');
    const g = r.ast.body[0] as HaSection;
    expect(g.body.map((s) => s.kind)).toEqual(['HaDirective', 'CommentStatement']);
    expect(r.ast.body.map((s) => s.kind)).toEqual(['HaSection', 'CommentStatement', 'CommentStatement', 'HaSection']);
  });

  it('never throws on odd input', () => {
    for (const text of ['', '\n', '"', "'", '\\', '.if', '.endif', '.else\n.elif', '[', '#', '\r', '\r\r\n', '\0', '\ufeff', 'global\r', '${', '"${']) {
      expect(() => parseHaproxy(text)).not.toThrow();
    }
  });
});

describe('keyword resolution', () => {
  const kw = (line: string, section = 'backend') => {
    const { ast } = parseHaproxy(`${section} s\n  ${line}\n`);
    const d = (ast.body[0] as HaSection).body[0] as HaDirective;
    return `${d.keyword}/${d.keywordLength}`;
  };
  it.each([
    ['timeout connect 5s', 'timeout connect/2'],
    ['option httpchk GET /', 'option httpchk/2'],
    ['no option httplog', 'no option httplog/3'],
    ['default option http-keep-alive', 'default option http-keep-alive/3'],
    ['no log', 'no log/2'],
    ['stats auth admin:admin', 'stats auth/2'],
    ['http-request set-header X y', 'http-request/1'],
    ['http-response del-header Server', 'http-response/1'],
    ['tcp-request content accept', 'tcp-request content/2'],
    ['tcp-request inspect-delay 5s', 'tcp-request inspect-delay/2'],
    ['http-check expect status 200', 'http-check expect/2'],
    ['capture request header Host len 20', 'capture request header/3'],
    ['capture cookie SID len 32', 'capture cookie/2'],
    ['acl a path /', 'acl/1'],
    ['bind :80', 'bind/1'],
    ['server s 1.2.3.4:80', 'server/1'],
    ['default-server inter 2s', 'default-server/1'],
    ['use_backend b if x', 'use_backend/1'],
    ['stick on src', 'stick on/2'],
    ['stick-table type ip size 1m', 'stick-table/1'],
    ['timeout', 'timeout/1'],
    ['no', 'no/1'],
  ])('%s', (line, expected) => {
    expect(kw(line)).toBe(expected);
  });

  it('knows section-specific families', () => {
    expect(kw('hold valid 10s', 'resolvers')).toBe('hold valid/2');
    expect(kw('hold valid 10s', 'backend')).toBe('hold/1');
    expect(kw('stats socket /run/s', 'global')).toBe('stats socket/2');
  });

  it('is pluggable', () => {
    const custom = parseHaproxy('backend b\n  http-request set-header X y\n', 'x.cfg', {
      resolveKeyword: (words, section) => (words[0].value === 'http-request' ? { keyword: `http-request ${words[1].value}`, length: 2 } : resolveKeyword(words, section)),
    });
    expect(((custom.ast.body[0] as HaSection).body[0] as HaDirective).keyword).toBe('http-request set-header');
  });
});

describe('conditional nesting parser', () => {
  it('gives a conditional-free file the same flat structure with or without the Chevrotain parser', async () => {
    const { nestLines } = await import('../../src/haproxy/parser.js');
    const { LineKind } = await import('../../src/haproxy/scanner.js');
    const kinds = [LineKind.Comment, LineKind.Section, LineKind.Directive, LineKind.Directive, LineKind.Section, LineKind.Scope];
    expect(nestLines(kinds, true)).toEqual(nestLines(kinds, false));
    expect(nestLines(kinds, false)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('groups runs of plain lines between conditional lines', async () => {
    const { nestLines } = await import('../../src/haproxy/parser.js');
    const { LineKind: K } = await import('../../src/haproxy/scanner.js');
    const kinds = [K.Section, K.Directive, K.If, K.Directive, K.Directive, K.Else, K.Endif, K.Directive, K.Endif];
    expect(nestLines(kinds, true)).toEqual([
      0,
      1,
      { branches: [{ line: 2, items: [3, 4] }, { line: 5, items: [] }], endif: 6 },
      7,
      8,
    ]);
  });
});
