import { describe, expect, it } from 'vitest';
import { finishText, formatText, prepareText } from './format.js';
import { FormatSyntaxError } from './syntax-error.js';

describe('prepareText / finishText (Prettier’s normalisation, repeated for cfgfmt)', () => {
  it('takes the line ending from the first line break, as Prettier’s endOfLine "auto" does', () => {
    expect(prepareText('a\r\nb\nc\r\n').eol).toBe('\r\n');
    expect(prepareText('a\nb\r\nc\r\n').eol).toBe('\r\n'); // Prettier looks at the first CR
    expect(prepareText('a\nb\n').eol).toBe('\n');
    expect(prepareText('a\r\nb\r\n', 'lf').eol).toBe('\n');
    expect(prepareText('a\nb\n', 'crlf').eol).toBe('\r\n');
  });

  it('sets a BOM aside and restores it with the line ending', () => {
    const p = prepareText('\uFEFFa\r\nb\r\n');
    expect(p).toEqual({ text: 'a\nb\n', bom: true, eol: '\r\n' });
    expect(finishText('a\nb\n', p)).toBe('\uFEFFa\r\nb\r\n');
  });

  it('refuses a carriage return inside a line, with its position', () => {
    const error = (() => {
      try {
        prepareText('global\r\n  daemon\r# x\r\n');
      } catch (e) {
        return e;
      }
    })() as FormatSyntaxError;
    expect(error).toBeInstanceOf(FormatSyntaxError);
    expect([error.line, error.column, error.code]).toEqual([2, 9, 'format/lone-carriage-return']);
  });
});

describe('formatText', () => {
  it('adds the final newline HAProxy requires instead of refusing the file', () => {
    expect(formatText('global\n  daemon', 'haproxy')).toBe('global\n    daemon\n');
  });

  it('refuses a file with a syntax error, giving the first error’s position', () => {
    expect(() => formatText('global\n  log "a\n  log "b\n', 'haproxy')).toThrow(/^unmatched double quote.*\(2:7\)$/);
  });
});
