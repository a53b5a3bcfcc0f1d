import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseKeepalived, reprintKeepalived } from '../../src/keepalived/index.js';
import { allFiles, corpusFiles, fixturesDir, seedFiles } from './fixture-files.js';
import { losslessViolation } from './lossless.js';

const fixtureTexts = allFiles(fixturesDir).filter((f) => /\.(conf|inc)$/.test(f));
const corpus = corpusFiles();

describe('byte-for-byte reprint', () => {
  it('covers the fixtures, the seed lab and the corpus', () => {
    expect(fixtureTexts.length).toBeGreaterThan(20);
    expect(seedFiles().length).toBe(4);
    expect(corpus.length).toBeGreaterThan(200);
  });

  for (const file of [...fixtureTexts, ...seedFiles()]) {
    it(`fixture ${path.relative(fixturesDir, file)}`, () => {
      const text = readFileSync(file, 'utf8');
      const { ast } = parseKeepalived(text, file);
      expect(reprintKeepalived(ast, text)).toBe(text);
      expect(losslessViolation(ast, text)).toBeUndefined();
    });
  }

  it('every corpus file parses without throwing, reprints byte for byte and is lossless', () => {
    const failures: string[] = [];
    for (const file of corpus) {
      const text = readFileSync(file, 'utf8');
      const { ast } = parseKeepalived(text, file);
      if (reprintKeepalived(ast, text) !== text) failures.push(`${path.basename(file)}: reprint differs`);
      const violation = losslessViolation(ast, text);
      if (violation) failures.push(`${path.basename(file)}: ${violation}`);
    }
    expect(failures).toEqual([]);
  });

  it('edits to one word reprint with only that word changed', () => {
    const text = 'vrrp_instance VI_1 {\n    priority 100   # keep\n}\n';
    const { ast } = parseKeepalived(text);
    const block = ast.body[0];
    if (block.kind !== 'KaBlock' || block.body[0].kind !== 'KaDirective') throw new Error('unexpected tree');
    block.body[0].args[0].text = '150';
    expect(reprintKeepalived(ast, text)).toBe('vrrp_instance VI_1 {\n    priority 150   # keep\n}\n');
  });
});
