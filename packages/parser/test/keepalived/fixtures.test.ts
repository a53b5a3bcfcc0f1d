import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKeepalived, parseKeepalived, printKeepalivedTree } from '../../src/keepalived/index.js';
import type { Diagnostic } from '../../src/source/diagnostic.js';
import { fixtureFiles, fixturesDir } from './fixture-files.js';

function formatDiagnostics(diagnostics: Diagnostic[]): string {
  return diagnostics
    .map((d) => {
      const r = d.range;
      const file = path.relative(fixturesDir, d.fileName);
      const message = d.message.split(fixturesDir).join('<fixtures>');
      return `${file}:${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1} ${d.severity} ${d.code}: ${message}`;
    })
    .join('\n');
}

describe('valid keepalived fixtures', () => {
  for (const file of fixtureFiles('valid')) {
    const name = path.basename(file);
    it(`${name}: parses and loads without errors or warnings`, () => {
      const text = readFileSync(file, 'utf8');
      const parsed = parseKeepalived(text, file);
      expect(formatDiagnostics(parsed.diagnostics)).toBe('');
      const loaded = loadKeepalived(file);
      expect(formatDiagnostics(loaded.diagnostics.filter((d) => d.severity !== 'info'))).toBe('');
      expect(loaded.statements.length).toBeGreaterThan(0);
    });
    it(`${name}: syntax tree`, () => {
      const parsed = parseKeepalived(readFileSync(file, 'utf8'), file);
      expect(printKeepalivedTree(parsed.ast, parsed.source)).toMatchSnapshot();
    });
  }
});

describe('invalid keepalived fixtures', () => {
  for (const file of fixtureFiles('invalid')) {
    const name = path.basename(file);
    it(`${name}: diagnostics`, () => {
      const loaded = loadKeepalived(file);
      const relevant = loaded.diagnostics.filter((d) => d.severity !== 'info');
      expect(relevant.length).toBeGreaterThan(0);
      expect(formatDiagnostics(loaded.diagnostics)).toMatchSnapshot();
    });
  }
});
