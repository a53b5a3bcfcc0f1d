import { describe, expect, it } from 'vitest';
import type { KaBlock, KaDefinition, KaDirective, KaStatement } from '../../src/ast/keepalived.js';
import { MAX_BLOCK_DEPTH, parseKeepalived, printKeepalivedTree, reprintKeepalived } from '../../src/keepalived/index.js';
import { losslessViolation } from './lossless.js';

function parse(text: string) {
  const result = parseKeepalived(text, 't.conf');
  expect(reprintKeepalived(result.ast, text)).toBe(text);
  expect(losslessViolation(result.ast, text)).toBeUndefined();
  return result;
}

const tree = (text: string) => {
  const r = parse(text);
  return printKeepalivedTree(r.ast, r.source).split('\n').slice(1, -1).map((l) => l.slice(2));
};

const codes = (text: string) => parse(text).diagnostics.map((d) => `${d.code}@${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1}`);

function only<T extends KaStatement['kind']>(s: KaStatement | undefined, kind: T): Extract<KaStatement, { kind: T }> {
  expect(s?.kind).toBe(kind);
  return s as Extract<KaStatement, { kind: T }>;
}

describe('parseKeepalived: lines, words and comments', () => {
  it('keeps exact offsets of keyword, arguments and trailing comment', () => {
    const { ast } = parse('  router_id lb-a   # main\n');
    const d = only(ast.body[0], 'KaDirective');
    expect([d.keyword.start, d.keyword.end, d.args[0].start, d.args[0].end]).toEqual([2, 11, 12, 16]);
    expect(d.trailingComment).toMatchObject({ start: 19, end: 25, text: '# main' });
    expect([d.start, d.end]).toEqual([2, 25]);
  });

  it('starts a comment at # or ! anywhere outside quotes, also inside a word', () => {
    expect(tree('router_id r1#x\npriority 90!y\n')).toEqual(['Directive 1:1 "router_id" ["r1"] comment="#x"', 'Directive 2:1 "priority" ["90"] comment="!y"']);
  });

  it('reads \\# and \\! as literal characters', () => {
    const d = only(parse('label eth0:a\\#1\n').ast.body[0], 'KaDirective');
    expect(d.args[0]).toMatchObject({ text: 'eth0:a\\#1', value: 'eth0:a#1' });
  });

  it('takes a double-quoted string as one word without its quotes, and splits at quotes', () => {
    const d = only(parse('notify "/bin/x a # b"c\n').ast.body[0], 'KaDirective');
    expect(d.args.map((w) => [w.text, w.value, w.quoted ?? false])).toEqual([
      ['"/bin/x a # b"', '/bin/x a # b', true],
      ['c', 'c', false],
    ]);
    expect(d.trailingComment).toBeUndefined();
  });

  it('reports an unterminated quote at the word, which runs to the end of the line', () => {
    expect(codes('a "b c\nd\n')).toEqual(['lex/unterminated-quote@1:3-1:7']);
    expect(tree('a "b c\nd\n')).toEqual(['Directive 1:1 "a" ["\\"b c"=>"b c"{quoted}]', 'Directive 2:1 "d" []']);
  });

  it('counts blank lines, reads CRLF, tabs and a final line without newline', () => {
    const r = parse('a 1\r\n\r\n \t\r\nb\t2');
    expect(r.ast.eol).toBe('\r\n');
    expect(r.ast.finalNewline).toBe(false);
    const b = only(r.ast.body[1], 'KaDirective');
    expect(b.blankLinesBefore).toBe(2);
    expect(b.args[0]).toMatchObject({ start: 13, end: 14, value: '2' });
  });

  it('keeps a byte order mark out of every node and warns that keepalived does not skip it', () => {
    const r = parse('\uFEFFglobal_defs {\n}\n');
    expect(r.ast.bom).toBe(true);
    expect(only(r.ast.body[0], 'KaBlock').keyword.start).toBe(1);
    expect(codes('\uFEFFa\n')).toEqual(['lex/byte-order-mark@1:1-1:2']);
  });

  it('warns about lines keepalived cuts at 1023 bytes (counting UTF-8 bytes)', () => {
    expect(codes(`a ${'x'.repeat(1022)}\n`)).toEqual(['lex/line-too-long@1:1-1:1025']);
    expect(codes(`a ${'x'.repeat(1021)}\n`)).toEqual([]);
    expect(codes(`a ${'é'.repeat(511)}\n`)).toEqual(['lex/line-too-long@1:1-1:514']);
  });

  it('warns about a trailing backslash outside definitions (keepalived joins no lines there)', () => {
    expect(codes('router_id a \\\n  b\n')).toEqual(['lex/line-continuation@1:13-1:14']);
    expect(tree('router_id a \\\n  b\n')).toEqual(['Directive 1:1 "router_id" ["a" "\\\\"]', 'Directive 2:3 "b" []']);
  });
});

describe('parseKeepalived: braces and nesting', () => {
  it('splits braces out of words and reads several statements on one line', () => {
    expect(tree('vrrp_instance VI_1{state MASTER } vrrp_instance VI_2 { }\n')).toEqual([
      'Block 1:1 "vrrp_instance" ["VI_1"] open=1:19',
      '  Directive 1:20 "state" ["MASTER"]',
      '} 1:33',
      'Block 1:35 "vrrp_instance" ["VI_2"] open=1:54',
      '} 1:56',
    ]);
  });

  it('opens a block with a { on a later line, after comment lines, keeping the comments', () => {
    const { ast } = parse('virtual_ipaddress # head\n# between\n{ # open\n  10.0.0.1\n} # close\n');
    const b = only(ast.body[0], 'KaBlock');
    expect(b.headComments?.map((c) => c.text)).toEqual(['# head', '# between']);
    expect(b.trailingComment?.text).toBe('# open');
    expect(b.closeComment?.text).toBe('# close');
    expect(b.body.map((s) => (s as KaDirective).keyword.value)).toEqual(['10.0.0.1']);
    expect([b.start, b.end]).toEqual([0, 64]);
  });

  it('keeps blank lines before the closing brace', () => {
    const b = only(parse('a {\n  b\n\n\n}\n').ast.body[0], 'KaBlock');
    expect(b.blankLinesBeforeClose).toBe(2);
  });

  it('reports a block left open at the end on its keyword, and a stray } as an ErrorStatement', () => {
    expect(codes('a {\n  b {\n    c\n')).toEqual(['parse/unclosed-block@1:1-1:2', 'parse/unclosed-block@2:3-2:4']);
    const r = parse('a\n} # extra\nb\n');
    const e = only(r.ast.body[1], 'ErrorStatement');
    expect(e).toMatchObject({ text: '}', start: 2, trailingComment: { text: '# extra' } });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['parse/unexpected-close-brace']);
    expect(only(r.ast.body[2], 'KaDirective').keyword.value).toBe('b');
  });

  it('treats a { with no keyword before it as stray, as keepalived does (its } then closes the enclosing block)', () => {
    const r = parse('a {\n  {\n  b\n  }\n}\n');
    expect(tree('a {\n  {\n  b\n  }\n}\n')).toEqual(['Block 1:1 "a" [] open=1:3', '  Error 2:3 "{"', '  Directive 3:3 "b" []', '} 4:3', 'Error 5:1 "}"']);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['parse/unexpected-open-brace', 'parse/unexpected-close-brace']);
  });

  it('one error never hides the next', () => {
    expect(codes('}\na "x\n}\nb {\n')).toEqual([
      'parse/unexpected-close-brace@1:1-1:2',
      'lex/unterminated-quote@2:3-2:5',
      'parse/unexpected-close-brace@3:1-3:2',
      'parse/unclosed-block@4:1-4:2',
    ]);
  });

  it('stops nesting at the depth limit without throwing', () => {
    const deep = 'a {\n'.repeat(MAX_BLOCK_DEPTH + 20) + '}\n'.repeat(MAX_BLOCK_DEPTH + 20);
    const r = parse(deep);
    expect(r.diagnostics.some((d) => d.code === 'parse/too-deep')).toBe(true);
    const huge = '{'.repeat(50_000) + '}'.repeat(50_000);
    expect(() => parse(huge)).not.toThrow();
  });
});

describe('parseKeepalived: preprocessor syntax kept as written', () => {
  it('reads @id and @^id conditions as prefixes', () => {
    const d = only(parse('@node1 priority 100\n').ast.body[0], 'KaDirective');
    expect(d.condition).toMatchObject({ text: '@node1', start: 0, end: 6 });
    expect(d.keyword.value).toBe('priority');
    const b = only(parse('x {\n@^node2 y\n}\n').ast.body[0], 'KaBlock');
    expect((b.body[0] as KaDirective).condition?.text).toBe('@^node2');
    // A lone @id line (nothing after the id) is kept as a statement whose keyword is the id.
    expect(tree('@node1\n')).toEqual(['Directive 1:1 "@node1" []']);
  });

  it('reads ~SEQ/~SEQx/~LST prefixes, nested, with their braces and blanks, before the statement', () => {
    expect(tree('~LST({A, B}, {1, 2}) ~SEQx(H, 1, 3) address 10.${A}.${B}.${H} {\n}\n')).toEqual([
      'Block 1:1 repeat=["~LST({A, B}, {1, 2})" "~SEQx(H, 1, 3)"] "address" ["10.${A}.${B}.${H}"=>"10.${A}.${B}.${H}"{var}] open=1:63',
      '} 2:1',
    ]);
    expect(codes('~SEQ(i, 1, 3 foo\n')).toEqual(['parse/invalid-repeat@1:1-1:17']);
  });

  it('keeps ${NAME} inside a word instead of splitting its braces', () => {
    const d = only(parse('vrrp_instance VI_${N}x\n').ast.body[0], 'KaDirective');
    expect(d.args[0]).toMatchObject({ text: 'VI_${N}x', hasVariable: true });
    // An unbraced reference that keepalived cannot take still marks the word.
    expect(only(parse('a $X/y\n').ast.body[0], 'KaDirective').args[0].hasVariable).toBe(true);
  });

  it('reads a definition with its = and its value, braces being plain text there', () => {
    const def = only(parse('$BLOCK=virtual_ipaddress { 10.0.0.1 } # c\n').ast.body[0], 'KaDefinition');
    expect(def.name).toMatchObject({ text: '$BLOCK', start: 0, end: 6 });
    expect(def.equals).toMatchObject({ start: 6, end: 7, text: '=' });
    expect(def.value.map((w) => w.text)).toEqual(['virtual_ipaddress', '{', '10.0.0.1', '}']);
    expect(def.trailingComment?.text).toBe('# c');
    // `$NAME =` (blank before =) is not a definition.
    expect(only(parse('$A = 1\n').ast.body[0], 'KaDirective').keyword.text).toBe('$A');
  });

  it('continues a definition over lines ending in \\, skipping comment lines, until a line without \\ or an empty line', () => {
    const text = '$RS= \\\n  real_server a { \\ # one\n# inside\n    weight 1 \\\n\n}\n';
    const r = parse(text);
    const def = only(r.ast.body[0], 'KaDefinition');
    expect(def.value.map((w) => w.text)).toEqual(['real_server', 'a', '{', 'weight', '1']);
    expect(def.continuations?.map((c) => c.start)).toEqual([5, 25, 55]);
    expect(def.innerComments?.map((c) => c.text)).toEqual(['# one', '# inside']);
    expect(def.end).toBe(56);
    // The empty line ended the definition: the } is stray.
    expect(r.diagnostics.map((d) => d.code)).toEqual(['parse/unexpected-close-brace']);
    const glued = only(parse('$X=a\\\nb\n').ast.body[0], 'KaDefinition');
    expect(glued.value.map((w) => [w.text, w.start, w.end])).toEqual([
      ['a', 3, 4],
      ['b', 6, 7],
    ]);
  });

  it('takes the rest of an include line as its pattern, braces and all', () => {
    const d = only(parse('include /etc/{a,b}/*.conf\nincludea x y\n').ast.body[0], 'KaDirective');
    expect(d.args.map((w) => w.text)).toEqual(['/etc/{a,b}/*.conf']);
    expect(tree('includex {\n}\n')[0]).toBe('Block 1:1 "includex" [] open=1:10');
  });

  it('prints a readable tree', () => {
    const r = parse('a {\n  b 1\n}\n$X=1\n');
    expect(printKeepalivedTree(r.ast, r.source)).toBe('File eol=LF finalNewline=true bom=false\n  Block 1:1 "a" [] open=1:3\n    Directive 2:3 "b" ["1"]\n  } 3:1\n  Definition 4:1 "$X"=>"$X"{var} = ["1"]\n');
  });
});

describe('parseKeepalived: never throws', () => {
  it.each(['', '\n', '{', '}', '"', '\\', '$', '$A=', '@', '@x {', '~SEQ(', '~LST({a},{', '\uFEFF', '\r', '{{{}}}}}', '$A=\\\n\\\n', 'include', 'a "', '# only'])('%j', (text) => {
    expect(() => parse(text)).not.toThrow();
  });

  it('types stay consistent for blocks', () => {
    const b = only(parse('a b {\n}\n').ast.body[0], 'KaBlock') as KaBlock;
    const d = only(parse('$X=1\n').ast.body[0], 'KaDefinition') as KaDefinition;
    expect(b.args[0].value).toBe('b');
    expect(d.value[0].value).toBe('1');
  });
});
