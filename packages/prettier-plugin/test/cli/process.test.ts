import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The real commands, as users run them: cfgfmt (the bundled bin) and the Prettier CLI
// with the plugin loaded by package name. Both need `npm run build` (CI's `npm ci` runs it).
const here = path.dirname(fileURLToPath(import.meta.url));
const pkg = path.resolve(here, '../..');
const repo = path.resolve(pkg, '../..');
const cfgfmtBin = path.join(pkg, 'bin/cfgfmt.mjs');
const prettierBin = path.join(repo, 'node_modules/prettier/bin/prettier.cjs');
const built = existsSync(path.join(pkg, 'dist/cfgfmt.js')) && existsSync(path.join(pkg, 'dist/index.js'));

function inputs(): string[] {
  const files: string[] = [];
  for (const lang of ['keepalived', 'haproxy']) {
    const dir = path.join(pkg, 'test/format', lang);
    for (const name of readdirSync(dir).sort()) {
      if (existsSync(path.join(dir, name, 'options.json'))) continue;
      files.push(path.join(dir, name, lang === 'keepalived' ? 'input.conf' : 'input.cfg'));
    }
  }
  for (const host of ['proxy', 'proxy2', 'web1', 'web2']) files.push(path.join(repo, 'fixtures/seed', host, 'keepalived.conf'));
  files.push(path.join(repo, 'fixtures/seed/proxy/haproxy.cfg'));
  return files;
}

describe.runIf(built)('cfgfmt and `prettier --plugin @cfglint/prettier-plugin` (real processes)', () => {
  it('print exactly the same bytes for every format case and seed file', () => {
    for (const file of inputs()) {
      const language = file.endsWith('.conf') ? 'keepalived' : 'haproxy';
      const ours = spawnSync(process.execPath, [cfgfmtBin, '--language', language, file], { cwd: repo });
      const theirs = spawnSync(process.execPath, [prettierBin, '--plugin', '@cfglint/prettier-plugin', '--parser', language, file], { cwd: repo });
      expect(ours.status, String(ours.stderr)).toBe(0);
      expect(theirs.status, String(theirs.stderr)).toBe(0);
      expect(ours.stdout.equals(theirs.stdout), file).toBe(true);
    }
  });

  it('exits 2 with a located message and no stack trace on a syntax error', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cfgfmt-'));
    const file = path.join(dir, 'unterminated-quote.cfg');
    const before = 'global\n    daemon\nfrontend fe\n    bind "unterminated\n';
    writeFileSync(file, before);
    const r = spawnSync(process.execPath, [cfgfmtBin, '--write', '--language', 'haproxy', file], { cwd: repo, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^.+unterminated-quote\.cfg:\d+:\d+: error: unmatched double quote/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});
