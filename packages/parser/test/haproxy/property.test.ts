import { readFileSync } from 'node:fs';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMemoryFileSystem, loadHaproxy, parseHaproxy } from '../../src/index.js';
import { corpusFiles, fixtureFiles } from './helpers.js';
import { treeProblems } from './invariants.js';

// Pieces that matter to the scanner and the block structure, so random texts hit the edge cases.
const TOKENS = [
  'a', 'x1', '_', '-', ':80', ' ', '  ', '\t', '\n', '\n', '\r\n', '\r', '\v', '"', "'", '\\', '\\x4', '\\x41', '#', '$', '${', '${A', '}', '[*]', '-',
  '{', '}', '[', ']', '.', '!', '&&', '||', '(', ')', ',', '\0', '\ufeff', 'é',
  '.if ', '.if 1\n', '.elif ', '.else\n', '.endif\n', '.alert "x"\n', '.warning ', 'defined(A)', 'streq(', 'feature(X)',
  'global\n', 'defaults\n', 'defaults d from ', 'frontend f\n', 'backend b\n', 'listen l *:80\n', 'userlist u\n', 'peers p\n',
  'bind ', 'server s ', 'acl a ', 'use_backend ', 'default_backend ', 'timeout connect 5s\n', 'option ', 'no ', 'stats auth a:b\n',
  'http-request deny if ', 'mode http\n', '"${PORT}"', "'q'", 'unix@/s', 'fd@3', '[::1]:80', '*:80', '10.0.0.1:+1',
];

function soundness(text: string) {
  const r = parseHaproxy(text, 'p.cfg');
  const problems = treeProblems(r.ast, text);
  if (problems.length > 0) throw new Error(`${problems.join('; ')}\n--- input ${JSON.stringify(text)}`);
  const lines = r.source.lineCount;
  for (const d of r.diagnostics) {
    const { start, end } = d.range;
    const ok = start.line < lines && end.line < lines && (start.line < end.line || (start.line === end.line && start.character <= end.character));
    if (!ok || r.source.offsetAt(end) > text.length) throw new Error(`diagnostic ${d.code} has a bad range ${JSON.stringify(d.range)}`);
  }
  // The model is built from any tree without throwing.
  loadHaproxy(['/p.cfg'], { fs: createMemoryFileSystem({ '/p.cfg': text }), env: { A: '1', PORT: '80' } });
}

const randomText = fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((parts) => parts.join(''));

const seeds = [...fixtureFiles('valid'), ...fixtureFiles('invalid'), ...corpusFiles()].map((f) => readFileSync(f, 'utf8')).filter((t) => t.length < 20_000);

type Mutation = { kind: 'insert'; at: number; token: string } | { kind: 'delete'; at: number; length: number } | { kind: 'duplicate'; at: number; length: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), token: fc.constantFrom(...TOKENS) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 120 }) }),
);

function mutate(text: string, mutations: readonly Mutation[]): string {
  let t = text;
  for (const m of mutations) {
    const at = t.length === 0 ? 0 : m.at % (t.length + 1);
    if (m.kind === 'insert') t = t.slice(0, at) + m.token + t.slice(at);
    else if (m.kind === 'delete') t = t.slice(0, at) + t.slice(at + m.length);
    else t = t.slice(0, at + m.length) + t.slice(at, at + m.length) + t.slice(at + m.length);
  }
  return t;
}

const mutatedText = fc.tuple(fc.constantFrom(...seeds), fc.array(mutation, { minLength: 1, maxLength: 8 })).map(([text, ms]) => mutate(text, ms));

describe('parser properties (fast-check)', () => {
  it('random token soup: never throws, lossless tree, ranges inside the text', () => {
    fc.assert(fc.property(randomText, (text) => soundness(text)), { numRuns: 4000 });
  });

  it('mutated corpus and fixture files (quote/brace/.if insertions, deletions, duplications)', () => {
    expect(seeds.length).toBeGreaterThan(20);
    fc.assert(fc.property(mutatedText, (text) => soundness(text)), { numRuns: 4000 });
  });

  it('arbitrary unicode strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => soundness(text)), { numRuns: 500 });
  });
});

describe('stress inputs', () => {
  it.each([
    ['20,000 nested .if blocks', '.if 1\n'.repeat(20_000) + '.endif\n'.repeat(20_000)],
    ['20,000 unmatched .endif', '.endif\n'.repeat(20_000)],
    ['a condition of 50,000 parentheses', 'backend b\n.if ' + '('.repeat(50_000) + '\n.endif\n'],
    ['a 1 MB word', 'backend b\n  ' + 'a'.repeat(1_000_000) + '\n'],
    ['100,000 column-0 comments ending a section', 'backend b\n  x\n' + '#\n'.repeat(100_000)],
    ['100,000 unterminated quotes', 'backend b\n' + '  "x\n'.repeat(100_000)],
  ])('%s', (_name, text) => {
    expect(() => soundness(text)).not.toThrow();
  });
});
