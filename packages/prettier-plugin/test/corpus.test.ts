import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as prettier from 'prettier';
import plugin, { formatText, FormatSyntaxError } from '../src/index.js';
import { prepareText } from '../src/engine/format.js';
import { parseForFormat } from '../src/engine/parse.js';
import { layoutAst } from '../src/engine/print.js';
import type { FormatOptions, Language } from '../src/engine/options.js';
import { languageFromName } from '@cfglint/parser';
import { proveLayoutOnly } from './support/layout-proof.js';

// Layout only, proven on real files: every fixture of the repository and every file of
// ../shared/corpus is formatted (with the default options and with server alignment and
// tabs); the result must keep all non-whitespace text and every quoted string, re-parse
// to the same tree (same words, comments and structure, same syntax errors), keep words
// that touch touching, be stable, and match the line-by-line layout used for ranges.
const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../../..');
const corpus = path.resolve(repo, '../shared/corpus');

function filesBelow(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) filesBelow(full, out);
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

interface Sample {
  file: string;
  language: Language;
}

function samples(): Sample[] {
  const out: Sample[] = [];
  for (const file of filesBelow(path.join(repo, 'fixtures')).sort()) {
    const language = languageFromName(file);
    if (language) out.push({ file, language });
  }
  for (const language of ['keepalived', 'haproxy'] as const) {
    for (const file of filesBelow(path.join(corpus, language)).sort()) out.push({ file, language });
  }
  return out;
}

const ALL = samples();
const VARIANTS: { name: string; options: FormatOptions }[] = [
  { name: 'default options', options: {} },
  { name: 'tabs, aligned servers', options: { useTabs: true, haproxyAlignServers: true } },
];

describe.skipIf(!existsSync(corpus))('layout only, on every fixture and ../shared/corpus file', () => {
  it('has the corpus to work on', () => {
    expect(ALL.length).toBeGreaterThan(600);
  });

  for (const variant of VARIANTS) {
    it(`formats without changing anything but layout (${variant.name})`, () => {
      const stats = { files: 0, formatted: 0, changed: 0, idempotent: 0, refused: 0 };
      const failures: string[] = [];
      for (const { file, language } of ALL) {
        stats.files++;
        const text = readFileSync(file, 'utf8');
        let out: string;
        try {
          out = formatText(text, language, variant.options, file);
        } catch (error) {
          if (!(error instanceof FormatSyntaxError)) throw error;
          stats.refused++;
          continue;
        }
        stats.formatted++;
        if (out !== text) stats.changed++;
        if (formatText(out, language, variant.options, file) === out) stats.idempotent++;
        else failures.push(`${file}: not idempotent`);
        const proof = proveLayoutOnly(text, out, language);
        if (proof) failures.push(`${file}: ${proof.check} ${proof.detail}`);
        const prepared = prepareText(text, 'lf');
        const lines = layoutAst(parseForFormat(prepared.text, language, file), prepared.text, variant.options).lines;
        const viaLines = lines.length === 0 ? '' : lines.join('\n') + '\n';
        if (viaLines !== out.replace(/^\uFEFF/, '').replaceAll('\r\n', '\n')) failures.push(`${file}: fast and line-by-line layouts differ`);
      }
      console.log(`corpus (${variant.name}): ${JSON.stringify(stats)}`);
      expect(failures).toEqual([]);
      expect(stats.idempotent).toBe(stats.formatted);
      // Files refused for syntax errors are the exception, not the rule.
      expect(stats.refused).toBeLessThan(stats.files / 20);
    });
  }

  it('prints the same bytes through Prettier as through the direct engine, and refuses the same files', async () => {
    const differ: string[] = [];
    for (const { file, language } of ALL) {
      const text = readFileSync(file, 'utf8');
      let direct: string | Error;
      let viaPrettier: string | Error;
      try {
        direct = formatText(text, language, {}, file);
      } catch (error) {
        direct = error as Error;
      }
      try {
        viaPrettier = await prettier.format(text, { parser: language, plugins: [plugin], filepath: file });
      } catch (error) {
        viaPrettier = error as Error;
      }
      const same = typeof direct === 'string' ? direct === viaPrettier : viaPrettier instanceof SyntaxError;
      if (!same) differ.push(file);
    }
    expect(differ).toEqual([]);
  });

  it('never leaves trailing blanks, except an escaped space that ends a word', () => {
    for (const { file, language } of ALL) {
      let out: string;
      try {
        out = formatText(readFileSync(file, 'utf8'), language, {}, file);
      } catch {
        continue;
      }
      const lines = out.replaceAll('\r\n', '\n').split('\n');
      const bad = lines.findIndex((l) => /[ \t]$/.test(l) && !/\\ $/.test(l));
      expect(bad === -1 ? '' : `${file}:${bad + 1}: ${JSON.stringify(lines[bad])}`).toBe('');
      expect(out === '' || (out.endsWith('\n') && !out.endsWith('\n\n') && !out.endsWith('\n\r\n'))).toBe(true);
    }
  });
});
