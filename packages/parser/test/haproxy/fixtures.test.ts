import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadHaproxy, parseHaproxy, printHaproxyTree, reprintHaproxy } from '../../src/index.js';
import { fixtureFiles, fixturesDir, printDiagnostics, summarizeModel } from './helpers.js';

// Fixtures are parsed with an empty environment, as `haproxy -c` runs in the tests.
const snapshot = (folder: string, file: string) => path.join(import.meta.dirname, '__snapshots__', folder, path.basename(file, '.cfg') + '.txt');

function render(file: string): { text: string; errors: number; warnings: number } {
  const source = readFileSync(file, 'utf8');
  const parsed = parseHaproxy(source, path.basename(file));
  const loaded = loadHaproxy([file]);
  const diagnostics = loaded.diagnostics;
  const text = [
    '--- tree',
    printHaproxyTree(parsed.ast, parsed.source).trimEnd(),
    '--- diagnostics',
    printDiagnostics(diagnostics) || '(none)',
    '--- model',
    summarizeModel(loaded.model).trimEnd(),
    '',
  ].join('\n');
  expect(reprintHaproxy(parsed.ast, source)).toBe(source);
  return {
    text,
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
  };
}

describe('valid haproxy fixtures (all pass haproxy -c 2.6.12)', () => {
  it.each(fixtureFiles('valid'))('%s', async (file) => {
    const r = render(file);
    expect(r.errors).toBe(0);
    await expect(r.text).toMatchFileSnapshot(snapshot('valid', file));
  });
});

describe('invalid haproxy fixtures (all rejected by haproxy -c 2.6.12)', () => {
  it.each(fixtureFiles('invalid'))('%s', async (file) => {
    const r = render(file);
    expect(r.errors).toBeGreaterThan(0);
    await expect(r.text).toMatchFileSnapshot(snapshot('invalid', file));
  });
});

describe('HAProxy 1.5 syntax (accepted by 1.5, rejected since 1.6)', () => {
  it.each(fixtureFiles('legacy'))('%s', async (file) => {
    const r = render(file);
    // Well-formed lines: the parser and the model accept them; version checks are the linter's.
    expect(r.errors).toBe(0);
    await expect(r.text).toMatchFileSnapshot(snapshot('legacy', file));
  });
});

describe('HAProxy 3.x syntax (newer than the installed 2.6)', () => {
  it.each(fixtureFiles('v3'))('%s', async (file) => {
    const r = render(file);
    expect(r.errors).toBe(0);
    await expect(r.text).toMatchFileSnapshot(snapshot('v3', file));
  });
});

describe('multi-file directory', () => {
  it('loads conf.d as haproxy -f conf.d does', async () => {
    const loaded = loadHaproxy([path.join(fixturesDir, 'multi/conf.d')]);
    expect(loaded.model.files.map((f) => path.basename(f))).toEqual(['00-global.cfg', '10-defaults.cfg', '20-frontends.cfg', '30-backends.cfg']);
    expect(loaded.diagnostics).toEqual([]);
    await expect(summarizeModel(loaded.model)).toMatchFileSnapshot(snapshot('multi', 'conf.d.cfg'));
  });
});
