import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startProcess } from '../../lsp/test/harness.js';

const ext = path.resolve(import.meta.dirname, '..');
const repo = path.resolve(ext, '../..');
const vsix = path.join(ext, 'dist', 'cfglint-vscode.vsix');

// CI builds the .vsix here: `npm run package -w packages/vscode-ext` (no network needed).
describe('the VS Code extension package', () => {
  it('packages a .vsix holding the client, the server and its worker, grammars, snippets and language configuration', () => {
    execFileSync('npm', ['run', 'package', '-w', 'packages/vscode-ext'], { cwd: repo, stdio: 'pipe', timeout: 120_000 });
    expect(statSync(vsix).size).toBeGreaterThan(100_000);
    // File names are stored uncompressed in the zip's directory.
    const zip = readFileSync(vsix).toString('latin1');
    for (const name of [
      'extension/package.json',
      'extension/dist/extension.cjs',
      'extension/dist/server.cjs',
      'extension/dist/check-worker.cjs',
      'extension/syntaxes/keepalived.tmLanguage.json',
      'extension/syntaxes/haproxy.tmLanguage.json',
      'extension/snippets/keepalived.json',
      'extension/language-configuration/haproxy.json',
    ]) {
      expect(zip, name).toContain(name);
    }
    expect(zip).not.toContain('extension/src/');
    expect(zip).not.toContain('node_modules/');
  }, 180_000);

  it('contributes what the manifest points at', () => {
    const manifest = JSON.parse(readFileSync(path.join(ext, 'package.json'), 'utf8'));
    const files = [
      manifest.main,
      ...manifest.contributes.grammars.map((g: { path: string }) => g.path),
      ...manifest.contributes.snippets.map((s: { path: string }) => s.path),
      ...manifest.contributes.languages.map((l: { configuration: string }) => l.configuration),
    ];
    for (const f of files) expect(statSync(path.join(ext, f)).isFile(), f).toBe(true);
    const languages = manifest.contributes.languages as { id: string; filenamePatterns: string[]; extensions?: string[]; firstLine: string }[];
    expect(languages.map((l) => l.id)).toEqual(['keepalived', 'haproxy']);
    // never every .conf / .cfg
    for (const l of languages) {
      expect(l.extensions).toBeUndefined();
      expect(l.filenamePatterns.every((p) => p !== '*.conf' && p !== '*.cfg')).toBe(true);
    }
    const [ka, ha] = languages.map((l) => new RegExp(l.firstLine));
    expect(ka.test('! Configuration File for keepalived')).toBe(true);
    expect(ka.test('vrrp_instance VI_1 {')).toBe(true);
    expect(ka.test('[global]')).toBe(false);
    expect(ha.test('global')).toBe(true);
    expect(ha.test('frontend main *:5000')).toBe(true);
    expect(ha.test('globalconfig = 1')).toBe(false);
    expect(manifest.contributes.commands.map((c: { command: string }) => c.command)).toContain('cfglint.restartServer');
  });

  it('its CommonJS server bundle answers over stdio and checks on its worker', async () => {
    const client = await startProcess(path.join(ext, 'dist', 'server.cjs'));
    try {
      const uri = await client.open('/virtual/vsix/haproxy.cfg', 'global\n    # cfglint-disable-next-line haproxy/timeout-missing\n    maxconn 100\n');
      // a finding only the complete check (the lint engine, on check-worker.cjs) makes
      const d = await client.diagnostics(uri, (x) => x.some((y) => y.code === 'cfglint/unused-disable-directive'));
      expect(d.find((y) => y.code === 'cfglint/unused-disable-directive')!.range.start.line).toBe(1);
      expect(client.stderr()).toBe('');
    } finally {
      await client.shutdown();
    }
  });
});
