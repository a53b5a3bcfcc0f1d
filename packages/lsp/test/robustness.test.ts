import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { parseHaproxy, parseKeepalived } from '@cfglint/parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInProcess, type TestClient } from './harness.js';

const repo = path.resolve(import.meta.dirname, '../../..');
const seeds = {
  haproxy: readFileSync(path.join(repo, 'fixtures/seed/proxy/haproxy.cfg'), 'utf8'),
  keepalived: readFileSync(path.join(repo, 'fixtures/seed/proxy/keepalived.conf'), 'utf8'),
};
const PIECES = ['\n', ' ', '{', '}', '"', "'", '#', '!', 'backend x\n', 'vrrp_instance A {\n', '.if defined(X)\n', '.endif\n', 'use_backend ', ' if ', '$V=1 \\\n', '\u0000', '\uffff', '\r\n', 'server s 1.2.3.4:80 check\n'];
const REQUESTS = [
  'textDocument/hover',
  'textDocument/completion',
  'textDocument/definition',
  'textDocument/references',
  'textDocument/prepareRename',
  'textDocument/rename',
  'textDocument/documentSymbol',
  'textDocument/foldingRange',
  'textDocument/semanticTokens/full',
  'textDocument/formatting',
  'textDocument/rangeFormatting',
  'textDocument/codeAction',
];

let client: TestClient;
beforeAll(async () => {
  client = await startInProcess();
});
afterAll(async () => {
  await client.shutdown();
});

const lineCount = (text: string) => text.split('\n').length;

/** Applies an LSP edit to a string, clamping positions as the server does. */
function apply(text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, insert: string): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => {
    if (p.line >= lines.length) return text.length;
    let o = 0;
    for (let i = 0; i < p.line; i++) o += lines[i].length + 1;
    return o + Math.min(p.character, lines[p.line].length + (p.line < lines.length - 1 ? 1 : 0));
  };
  const s = offset(range.start);
  const e = Math.max(s, offset(range.end));
  return text.slice(0, s) + insert + text.slice(e);
}

let n = 0;
describe('any input, any request order', () => {
  it.each(['haproxy', 'keepalived'] as const)('%s: random edits and requests never break the server, and syntax findings stay exact', async (language) => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            line: fc.nat({ max: 140 }),
            character: fc.nat({ max: 60 }),
            lines: fc.nat({ max: 3 }),
            piece: fc.constantFrom(...PIECES),
            request: fc.constantFrom(...REQUESTS),
          }),
          { minLength: 1, maxLength: 12 },
        ),
        async (steps) => {
          let text = seeds[language];
          const uri = await client.open(`/virtual/fuzz${++n}/${language === 'haproxy' ? 'haproxy.cfg' : 'keepalived.conf'}`, text);
          let version = 1;
          for (const step of steps) {
            const start = { line: step.line % (lineCount(text) + 2), character: step.character };
            const range = { start, end: { line: start.line + step.lines, character: 0 } };
            await client.change(uri, ++version, [{ range, text: step.piece }]);
            text = apply(text, range, step.piece);
            const position = { line: step.line % (lineCount(text) + 1), character: step.character };
            const params: Record<string, unknown> = { textDocument: { uri }, position };
            if (step.request === 'textDocument/references') params.context = { includeDeclaration: true };
            if (step.request === 'textDocument/rename') params.newName = 'renamed';
            if (step.request.endsWith('ormatting')) params.options = { tabSize: 4, insertSpaces: true };
            if (step.request === 'textDocument/rangeFormatting' || step.request === 'textDocument/codeAction') params.range = { start: position, end: position };
            if (step.request === 'textDocument/codeAction') params.context = { diagnostics: [] };
            // Each request is answered: a result, or an error response — never silence or a crash.
            await client.request(step.request, params).catch((error: Error & { code?: number }) => {
              expect(typeof error.code).toBe('number');
              // an internal error is a bug in a feature, even though the server survives it
              expect(error.code, `${step.request}: ${error.message}`).not.toBe(-32603);
            });
          }
          const expected = (language === 'haproxy' ? parseHaproxy(text, 'x') : parseKeepalived(text, 'x')).diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`);
          const matches = (d: { code?: unknown; range: { start: { line: number; character: number } } }[]) => {
            const got = d.filter((x) => /^(lex|parse)\//.test(String(x.code))).map((x) => `${x.code}@${x.range.start.line}:${x.range.start.character}`);
            return JSON.stringify(got) === JSON.stringify(expected);
          };
          const last = client.published.filter((p) => p.uri === uri).at(-1);
          const published = last && matches(last.diagnostics) ? last.diagnostics : await client.diagnostics(uri, matches, 5000).catch(() => undefined);
          // the server's view of the text is the client's
          expect(published, `syntax findings for:\n${text}`).toBeDefined();
          await client.close(uri);
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);
});
