import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHaproxy } from '../../src/index.js';
import { corpusFiles, fixtureFiles, fixturesDir, repoRoot } from './helpers.js';
import { treeProblems } from './invariants.js';

const fixtures = [
  ...['valid', 'invalid', 'legacy', 'v3'].flatMap(fixtureFiles),
  ...['00-global.cfg', '10-defaults.cfg', '20-frontends.cfg', '30-backends.cfg', '.hidden.cfg', 'backup.cfg.cfg'].map((n) => path.join(fixturesDir, 'multi/conf.d', n)),
  path.join(repoRoot, 'fixtures/seed/proxy/haproxy.cfg'),
];
const corpus = corpusFiles();

function check(file: string) {
  const text = readFileSync(file, 'utf8');
  const { ast } = parseHaproxy(text, file);
  expect(treeProblems(ast, text)).toEqual([]);
}

describe('byte-for-byte reprint and leaf invariants', () => {
  it.each(fixtures)('fixture %s', check);

  it.skipIf(corpus.length === 0)(`every corpus file (${corpus.length} files${corpus.length === 0 ? ': corpus missing, skipped' : ''})`, () => {
    let checked = 0;
    for (const file of corpus) {
      const text = readFileSync(file, 'utf8');
      const { ast } = parseHaproxy(text, file);
      const problems = treeProblems(ast, text);
      if (problems.length > 0) expect.fail(`${path.basename(file)}: ${problems.join('; ')}`);
      checked++;
    }
    expect(checked).toBe(corpus.length);
  });
});

describe('the invariant check itself', () => {
  it('notices a tree that lost or changed text', () => {
    const text = 'frontend fe\n    bind :80 # c\n';
    const { ast } = parseHaproxy(text);
    expect(treeProblems(ast, text)).toEqual([]);
    const section = ast.body[0];
    if (section.kind !== 'HaSection') throw new Error('expected a section');
    const directive = section.body[0];
    if (directive.kind !== 'HaDirective') throw new Error('expected a directive');
    directive.words[1] = { ...directive.words[1], text: ':81' };
    expect(treeProblems(ast, text).join('\n')).toMatch(/reprint differs|leaf text/);
    delete directive.trailingComment;
    expect(treeProblems(ast, text).join('\n')).toMatch(/belongs to no leaf|after the last leaf/);
  });
});
