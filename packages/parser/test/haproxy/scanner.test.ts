import { describe, expect, it } from 'vitest';
import type { HaDirective, Word } from '../../src/index.js';
import { parseHaproxy } from '../../src/index.js';

/** The words of the single directive in `backend b\n  LINE\n`. */
function words(line: string): Word[] {
  const { ast } = parseHaproxy(`backend b\n  ${line}\n`);
  const section = ast.body[0];
  if (section.kind !== 'HaSection') throw new Error('no section');
  return (section.body[0] as HaDirective).words;
}
const values = (line: string) => words(line).map((w) => w.value);
const codes = (text: string) => parseHaproxy(text).diagnostics.map((d) => d.code);

describe('words and values (HAProxy configuration manual, section 2.2)', () => {
  it.each([
    // [line, values]
    ['log-format %{+Q}o\\ %t\\ %s', ['log-format', '%{+Q}o %t %s']],
    ['log-format "%{+Q}o %t %s"', ['log-format', '%{+Q}o %t %s']],
    ["log-format '%{+Q}o %t %s'", ['log-format', '%{+Q}o %t %s']],
    ['log-format "%{+Q}o %t"\' %s\'\\ %{-Q}r', ['log-format', '%{+Q}o %t %s %{-Q}r']],
    ['x a\\#b "c#d" \'e#f\'', ['x', 'a#b', 'c#d', 'e#f']],
    ['x \\x41\\x2a "\\x42"', ['x', 'A*', 'B']],
    ['x \\\\ \\" \\\' "\\\\"', ['x', '\\', '"', "'", '\\']],
    ['x \\t\\n\\r', ['x', '\t\n\r']],
    ['x \\1 a\\', ['x', '\\1', 'a\\']],
    ["x '\\x41' 'a\\b'", ['x', '\\x41', 'a\\b']],
    ['x $HOME \\$ "\\$"', ['x', '$HOME', '\\$', '$']],
    ['x "it\'s" \'say "hi"\'', ['x', "it's", 'say "hi"']],
    ['x ""', ['x', '']],
    ['x a#comment', ['x', 'a']],
  ])('%s', (line, expected) => {
    expect(values(line)).toEqual(expected);
  });

  it('keeps raw text, exact offsets and flags', () => {
    const text = 'backend b\n  log "${LOG-127.0.0.1}:514" local0\n';
    const w = words('log "${LOG-127.0.0.1}:514" local0');
    expect(w[1]).toMatchObject({ text: '"${LOG-127.0.0.1}:514"', value: '${LOG-127.0.0.1}:514', quoted: true, hasVariable: true });
    const { ast } = parseHaproxy(text);
    const d = (ast.body[0] as { body: HaDirective[] }).body[0];
    expect(text.slice(d.words[1].start, d.words[1].end)).toBe(d.words[1].text);
    expect(w[2].quoted).toBeUndefined();
    expect(w[2].hasVariable).toBeUndefined();
  });

  it('expands variables only inside double quotes', () => {
    expect(words("x '${A}' ${A} \"${A}\"").map((w) => !!w.hasVariable)).toEqual([false, false, false, true]);
  });

  it('separates words on tab, vertical tab and form feed, not on other control characters', () => {
    expect(values('x\ta\vb\fc\x01d')).toEqual(['x', 'a', 'b', 'c\x01d']);
  });

  it('reads CRLF lines and stops at a stray carriage return', () => {
    const r = parseHaproxy('backend b\r\n  server s 1.2.3.4:80\rignored words\r\n');
    const d = (r.ast.body[0] as { body: HaDirective[] }).body[0];
    expect(d.words.map((w) => w.value)).toEqual(['server', 's', '1.2.3.4:80']);
    expect(d.trailingComment?.text).toBe('ignored words');
    expect(r.ast.eol).toBe('\r\n');
    expect(r.diagnostics.map((x) => x.code)).toEqual(['lex/stray-carriage-return']);
  });
});

describe('lexical errors', () => {
  it.each([
    ['backend b\n  x "open\n', 'lex/unterminated-quote'],
    ["backend b\n  x 'open\n", 'lex/unterminated-quote'],
    ['backend b\n  x "a#b\n', 'lex/unterminated-quote'],
    ['backend b\n  x \\xZZ\n', 'lex/invalid-hex-escape'],
    ['backend b\n  x \\x4\n', 'lex/invalid-hex-escape'],
    ['backend b\n  x "$1"\n', 'lex/invalid-variable-name'],
    ['backend b\n  x "${.PID}"\n', 'lex/invalid-variable-name'],
    ['backend b\n  x "${A"\n', 'lex/unmatched-brace'],
    ['backend b\n  x "${A-default"\n', 'lex/unmatched-brace'],
    ['backend b\n  x "${A[0]}"\n', 'lex/invalid-word-expansion'],
    ['backend b\n  x a\0b\n', 'lex/nul-character'],
    ['backend b', 'lex/missing-final-newline'],
    ['\ufeffglobal\n', 'lex/byte-order-mark'],
  ])('%j → %s', (text, code) => {
    expect(codes(text)).toContain(code);
  });

  it('accepts what HAProxy accepts', () => {
    expect(codes('backend b\n  x "${A}" "${A-d e}" "${A[*]}" "$A_B" "${.LINE}" "${.FILE}" "${.SECTION}" \'$1\' $1\n')).toEqual([]);
  });

  it('marks malformed lines (HAProxy skips them) and keeps going', () => {
    const r = parseHaproxy('backend b\n  x "open\n  y ok\n  z \\xQ\n');
    const body = (r.ast.body[0] as { body: HaDirective[] }).body;
    expect(body.map((d) => [d.keyword, !!d.malformed])).toEqual([
      ['x', true],
      ['y', false],
      ['z', true],
    ]);
    expect(r.diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([
      ['lex/unterminated-quote', 1],
      ['lex/invalid-hex-escape', 3],
    ]);
  });

  it('limits lines to 64 words', () => {
    const line = (n: number, tail = '') => `backend b\n  ${Array.from({ length: n }, (_, i) => `w${i}`).join(' ')}${tail}\n`;
    expect(codes(line(64))).toEqual([]);
    expect(codes(line(65))).toEqual(['parse/too-many-words']);
    const trailing = parseHaproxy(line(64, '  # c')).diagnostics;
    expect(trailing.map((d) => [d.code, d.severity])).toEqual([['parse/too-many-words', 'warning']]);
  });

  it('reads a scope line', () => {
    const r = parseHaproxy('[my-scope]\nbackend b\n  [bad\n');
    const first = r.ast.body[0] as HaDirective;
    expect(first).toMatchObject({ kind: 'HaDirective', keyword: '[scope]' });
    expect(first.words[0].value).toBe('my-scope');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['parse/invalid-scope']);
  });
});
