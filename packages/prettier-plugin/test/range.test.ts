import { describe, expect, it } from 'vitest';
import { formatRange, FormatSyntaxError } from '../src/index.js';
import type { RangeEdit } from '../src/index.js';

function apply(text: string, edit: RangeEdit | undefined): string {
  if (!edit) return text;
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return text.slice(0, offset(edit.range.start)) + edit.newText + text.slice(offset(edit.range.end));
}

const HAPROXY = 'global\n  daemon\n  maxconn   100\n\n\n\ndefaults\n  mode    http\n  timeout client 1s\n';

describe('formatRange', () => {
  it('formats only the statements the range touches', () => {
    // Line 2 (`maxconn   100`), characters 4..6.
    const edit = formatRange(HAPROXY, 'haproxy', { start: { line: 2, character: 4 }, end: { line: 2, character: 6 } });
    expect(edit).toEqual({ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 15 } }, newText: '    maxconn 100' });
    expect(apply(HAPROXY, edit)).toBe('global\n  daemon\n    maxconn 100\n\n\n\ndefaults\n  mode    http\n  timeout client 1s\n');
  });

  it('normalises blank lines between the touched statements', () => {
    const edit = formatRange(HAPROXY, 'haproxy', { start: { line: 2, character: 0 }, end: { line: 7, character: 3 } });
    expect(apply(HAPROXY, edit)).toBe('global\n  daemon\n    maxconn 100\n\ndefaults\n    mode http\n  timeout client 1s\n');
  });

  it('indents a keepalived block body by its depth in the whole file', () => {
    const text = 'vrrp_instance A {\n    authentication {\nauth_type   PASS\n    }\n}\n';
    const edit = formatRange(text, 'keepalived', { start: { line: 2, character: 0 }, end: { line: 2, character: 1 } });
    expect(edit?.newText).toBe('        auth_type PASS');
    expect(edit?.range).toEqual({ start: { line: 2, character: 0 }, end: { line: 2, character: 16 } });
  });

  it('returns nothing when the touched lines are already formatted', () => {
    expect(formatRange(HAPROXY, 'haproxy', { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } })).toBeUndefined();
  });

  it('keeps CRLF in the replacement and refuses files with syntax errors', () => {
    const edit = formatRange('global\r\n  daemon\r\n  maxconn  1\r\n', 'haproxy', { start: { line: 1, character: 0 }, end: { line: 2, character: 3 } });
    expect(edit?.newText).toBe('    daemon\r\n    maxconn 1');
    expect(() => formatRange('global\n  bind "x\n', 'haproxy', { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } })).toThrow(FormatSyntaxError);
  });
});
