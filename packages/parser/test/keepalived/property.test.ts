import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { KaFile } from '../../src/ast/keepalived.js';
import { keepalivedNodes, loadKeepalived, parseKeepalived, reprintKeepalived } from '../../src/keepalived/index.js';
import type { Diagnostic } from '../../src/source/diagnostic.js';
import { createMemoryFileSystem } from '../../src/source/file-system.js';
import { allFiles, corpusFiles, fixturesDir } from './fixture-files.js';
import { losslessViolation } from './lossless.js';

const SEED_TEXTS = [...corpusFiles(), ...allFiles(fixturesDir).filter((f) => /\.(conf|inc)$/.test(f))].map((f) => readFileSync(f, 'utf8'));

const PIECES = [
  'vrrp_instance', 'VI_1', 'virtual_server', '10.0.0.1', '80', 'real_server', 'TCP_CHECK', 'state', 'MASTER', 'priority', '100',
  '{', '}', '{', '}', '"', "'", '#', '!', '\\', '\\#', '\n', '\n', '\r\n', '\r', ' ', ' ', '\t', '$A=', '$A=x \\', '${A}', '$A', '${_PWD}', '${',
  '@n1', '@^n1', '@', '~SEQ(i,1,3)', '~SEQ(', '~LST({a,b},{1,2})', '~LST(', ')', '(', 'include x.conf', 'include *.conf', 'includem {a,b}.conf',
  '\uFEFF', 'é', '\u2028', '\0', '=', ',',
];

/** Every check a parse must pass on any input. */
function checkParse(text: string): KaFile {
  const { ast, diagnostics, source } = parseKeepalived(text, '/p/keepalived.conf');
  expect(reprintKeepalived(ast, text)).toBe(text);
  expect(losslessViolation(ast, text)).toBeUndefined();
  for (const { node } of keepalivedNodes(ast)) {
    if (node.start < 0 || node.end > text.length || node.start > node.end) throw new Error(`${node.kind} [${node.start}, ${node.end}) outside the text (${text.length})`);
  }
  checkRanges(diagnostics, (d) => (d.fileName === '/p/keepalived.conf' ? source.text : undefined));
  return ast;
}

function checkRanges(diagnostics: Diagnostic[], textOf: (d: Diagnostic) => string | undefined): void {
  for (const d of diagnostics) {
    const text = textOf(d);
    if (text === undefined) continue;
    const lines = text.split('\n');
    for (const p of [d.range.start, d.range.end]) {
      if (p.line < 0 || p.line >= lines.length || p.character < 0 || p.character > lines[p.line].length) {
        throw new Error(`${d.code} position ${p.line}:${p.character} outside the text`);
      }
    }
  }
}

function checkLoad(text: string): void {
  const fs = createMemoryFileSystem({ '/p/keepalived.conf': text, '/p/x.conf': text.slice(0, 200), '/p/a.conf': 'include keepalived.conf\n' });
  for (const configId of [undefined, 'n1']) {
    const r = loadKeepalived('/p/keepalived.conf', { fs, configId, maxExpandedStatements: 3000 });
    checkRanges(r.diagnostics, (d) => r.files.get(d.fileName)?.source.text);
    for (const s of walk(r.statements)) {
      for (const w of [s.keyword, ...s.args]) {
        const file = r.files.get(w.fileName ?? s.fileName);
        if (!file || w.start < 0 || w.end > file.source.text.length || w.start > w.end) throw new Error(`effective word ${JSON.stringify(w.value)} points outside its file`);
      }
    }
  }
}

function* walk(statements: readonly import('../../src/keepalived/index.js').KaEffectiveStatement[]): Generator<import('../../src/keepalived/index.js').KaEffectiveStatement> {
  for (const s of statements) {
    yield s;
    if (s.body) yield* walk(s.body);
  }
}

type Mutation = { kind: 'delete' | 'duplicate' | 'insert'; at: number; length: number; insert: string };

const mutation = fc.record({
  kind: fc.constantFrom<Mutation['kind']>('delete', 'duplicate', 'insert'),
  at: fc.nat(),
  length: fc.nat({ max: 40 }),
  insert: fc.constantFrom('{', '}', '"', '\\', '#', '\n', '$A', '${A}', '@n1 ', '~SEQ(i,1,2) ', '} {', '\\\n', '$A=1 \\\n'),
});

function mutate(text: string, mutations: Mutation[]): string {
  for (const m of mutations) {
    const at = text.length ? m.at % (text.length + 1) : 0;
    if (m.kind === 'delete') text = text.slice(0, at) + text.slice(at + m.length);
    else if (m.kind === 'duplicate') text = text.slice(0, at) + text.slice(at, at + m.length) + text.slice(at);
    else text = text.slice(0, at) + m.insert + text.slice(at);
  }
  return text;
}

describe('keepalived parser properties (fast-check)', () => {
  it('random token soups: no exception, byte-for-byte reprint, ranges inside the text (2,500 inputs)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 120 }), (pieces) => {
        const text = pieces.join('');
        checkParse(text);
        checkLoad(text);
      }),
      { numRuns: 2500, seed: 20261125 },
    );
  });

  it('mutated corpus and fixture files: deletions, duplications, brace/quote insertions (1,500 inputs)', () => {
    expect(SEED_TEXTS.length).toBeGreaterThan(200);
    fc.assert(
      fc.property(fc.nat({ max: SEED_TEXTS.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 6 }), (index, mutations) => {
        const text = mutate(SEED_TEXTS[index], mutations);
        checkParse(text);
        checkLoad(text);
      }),
      { numRuns: 1500, seed: 51120262 },
    );
  });

  it('arbitrary unicode strings (1,000 inputs)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        checkParse(text);
      }),
      { numRuns: 1000, seed: 7 },
    );
  });
});
