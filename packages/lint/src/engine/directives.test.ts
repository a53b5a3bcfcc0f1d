import { describe, expect, it } from 'vitest';
import { parseDirective, Suppressions, type CommentInfo } from './directives.js';

const comment = (text: string, line = 0): CommentInfo => ({ text, line, start: 0, end: text.length });

describe('parseDirective', () => {
  it('reads kind, rule ids and reason, with # or !', () => {
    expect(parseDirective(comment('# cfglint-disable-next-line keepalived/vrid-mismatch, port-conflict -- lab only'))).toMatchObject({
      kind: 'disable-next-line',
      ruleIds: ['keepalived/vrid-mismatch', 'port-conflict'],
      reason: 'lab only',
    });
    expect(parseDirective(comment('!cfglint-disable-line'))).toMatchObject({ kind: 'disable-line', ruleIds: [] });
    expect(parseDirective(comment('# cfglint-disable'))).toMatchObject({ kind: 'disable', ruleIds: [] });
  });
  it('ignores ordinary comments and look-alikes', () => {
    expect(parseDirective(comment('# cfglint is nice'))).toBeUndefined();
    expect(parseDirective(comment('# cfglint-disabled foo'))).toBeUndefined();
    expect(parseDirective(comment('# see cfglint-disable-line'))).toBeUndefined();
  });
});

describe('Suppressions', () => {
  const build = (...items: [string, number][]) =>
    new Suppressions(items.map(([text, line]) => parseDirective(comment(text, line))!));

  it('next-line covers only the following line and only the named rule', () => {
    const s = build(['# cfglint-disable-next-line a', 4]);
    expect(s.suppresses('a', 5)).toBe(true);
    expect(s.suppresses('a', 6)).toBe(false);
    expect(s.suppresses('b', 5)).toBe(false);
    expect(s.unused()).toEqual([]);
  });
  it('disable … enable covers a range; a disable without enable runs to the end', () => {
    const s = build(['# cfglint-disable a', 2], ['# cfglint-enable a', 5], ['# cfglint-disable', 8]);
    expect(s.suppresses('a', 3)).toBe(true);
    expect(s.suppresses('a', 6)).toBe(false);
    expect(s.suppresses('z', 1000)).toBe(true);
  });
  it('reports directives that suppressed nothing', () => {
    const s = build(['# cfglint-disable-line a', 1], ['# cfglint-disable-next-line b', 3]);
    expect(s.suppresses('a', 1)).toBe(true);
    expect(s.unused().map((d) => d.line)).toEqual([3]);
  });
});
