import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { parseHaproxy, parseKeepalived } from '@cfglint/parser';
import { describe, expect, it } from 'vitest';
import { ConfigDocument } from './config-document.js';
import type { Language } from './language.js';

const repo = path.resolve(import.meta.dirname, '../../../..');
const seedHaproxy = readFileSync(path.join(repo, 'fixtures/seed/proxy/haproxy.cfg'), 'utf8');
const seedKeepalived = readFileSync(path.join(repo, 'fixtures/seed/proxy/keepalived.conf'), 'utf8');

/** Syntax diagnostics of a document, from its chunks, in document coordinates. */
function chunkDiagnostics(doc: ConfigDocument) {
  return doc.chunks.flatMap((c) =>
    c.parsed.diagnostics.map((d) => ({ code: d.code, start: { line: d.range.start.line + c.line, character: d.range.start.character }, end: { line: d.range.end.line + c.line, character: d.range.end.character } })),
  );
}

function wholeDiagnostics(language: Language, text: string) {
  const parsed = language === 'haproxy' ? parseHaproxy(text, 'x') : parseKeepalived(text, 'x');
  return parsed.diagnostics.map((d) => ({ code: d.code, start: d.range.start, end: d.range.end }));
}

describe('ConfigDocument chunks', () => {
  it('splits haproxy at sections and keepalived at top-level blocks', () => {
    const ha = new ConfigDocument('u', '/x/haproxy.cfg', 'haproxy', 1, seedHaproxy);
    const sections = seedHaproxy.split('\n').filter((l) => /^(global|defaults|frontend|backend|listen)\b/.test(l)).length;
    expect(ha.chunks.length).toBe(sections + 1); // + the comment lines before `global`
    const ka = new ConfigDocument('u', '/x/keepalived.conf', 'keepalived', 1, seedKeepalived);
    expect(ka.chunks.map((c) => c.text.trimStart().split(/\s/)[0])).toEqual(['!', 'vrrp_instance', 'virtual_server']);
    expect(ka.chunks.map((c) => c.text).join('')).toBe(seedKeepalived);
  });

  it('keeps .if blocks whole', () => {
    const text = 'global\n.if defined(X)\nfrontend a\n    bind :80\n.endif\nbackend b\n';
    const doc = new ConfigDocument('u', '/x/haproxy.cfg', 'haproxy', 1, text);
    expect(doc.chunks.map((c) => c.line)).toEqual([0, 5]);
  });

  it('maps offsets and positions like the whole text does', () => {
    const doc = new ConfigDocument('u', '/x/haproxy.cfg', 'haproxy', 1, seedHaproxy);
    for (const offset of [0, 1, 100, 1000, seedHaproxy.length - 1, seedHaproxy.length]) {
      const before = seedHaproxy.slice(0, offset);
      const line = before.split('\n').length - 1;
      const character = offset - (before.lastIndexOf('\n') + 1);
      expect(doc.positionAt(offset)).toEqual({ line, character });
      expect(doc.offsetAt({ line, character })).toBe(offset);
    }
  });

  it('re-parses only the chunks around an edit', () => {
    const doc = new ConfigDocument('u', '/x/haproxy.cfg', 'haproxy', 1, seedHaproxy);
    doc.chunks.forEach((c) => c.parsed);
    const line = seedHaproxy.split('\n').findIndex((l) => l.includes('server  app2'));
    doc.update([{ range: { start: { line, character: 4 }, end: { line, character: 4 } }, text: '#' }], 2);
    const reparsed = doc.chunks.filter((c) => !c.isParsed).length;
    expect(reparsed).toBeGreaterThan(0);
    expect(reparsed).toBeLessThanOrEqual(3);
  });

  // Any sequence of edits leaves the chunks saying what a parse of the whole text says.
  it.each<[Language, string]>([
    ['haproxy', seedHaproxy],
    ['keepalived', seedKeepalived],
  ])('%s: chunked syntax diagnostics equal the whole-file parse after random edits', (language, seed) => {
    const pieces = language === 'haproxy'
      ? ['\n', 'backend x\n', '.if defined(A)\n', '.endif\n', '"', ' ', 'listen l\n', '#', 'bind :80\n', 'x']
      : ['\n', '{', '}', '"', '#', '!', 'vrrp_instance A {\n', '}\n', ' state MASTER\n', '\\\n', '$X=1 \\\n', '}$Y={ \\\n', '@lb1 ', '\r\n'];
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.nat(), len: fc.nat({ max: 40 }), piece: fc.constantFrom(...pieces) }), { minLength: 1, maxLength: 8 }),
        (edits) => {
          const doc = new ConfigDocument('u', '/x/f', language, 1, seed);
          let text = seed;
          let version = 1;
          for (const e of edits) {
            const s = e.at % (text.length + 1);
            const end = Math.min(text.length, s + e.len);
            const range = { start: doc.positionAt(s), end: doc.positionAt(end) };
            doc.update([{ range, text: e.piece }], ++version);
            text = text.slice(0, s) + e.piece + text.slice(end);
            expect(doc.text).toBe(text);
            expect(doc.chunks.map((c) => c.text).join('')).toBe(text);
          }
          expect(chunkDiagnostics(doc)).toEqual(wholeDiagnostics(language, text));
        },
      ),
      { numRuns: 150 },
    );
  });
});
