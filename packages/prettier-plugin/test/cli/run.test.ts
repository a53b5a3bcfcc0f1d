import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';

async function cfgfmt(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), version: '9.9.9' });
  return { code, stdout, stderr };
}

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cfgfmt-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const UGLY_HA = 'global\n  daemon\n\n\n\ndefaults\n mode   http\n';
const PRETTY_HA = 'global\n    daemon\n\ndefaults\n    mode http\n';
const PRETTY_KA = 'global_defs {\n    router_id lb1\n}\n';

describe('cfgfmt', () => {
  it('--check lists the files that would change and exits 1, leaving them alone', async () => {
    const dir = workspace({ 'lb/haproxy.cfg': UGLY_HA, 'lb/keepalived.conf': PRETTY_KA, 'lb/notes.cfg': 'not ours  at  all\n' });
    const r = await cfgfmt('--check', '--no-config', dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`${path.join(dir, 'lb/haproxy.cfg')}\n`);
    expect(r.stderr).toBe('1 file would be reformatted (run cfgfmt --write)\n');
    expect(readFileSync(path.join(dir, 'lb/haproxy.cfg'), 'utf8')).toBe(UGLY_HA);
  });

  it('--write rewrites what is not formatted; then --check passes', async () => {
    const dir = workspace({ 'haproxy.cfg': UGLY_HA, 'keepalived.conf': PRETTY_KA });
    const w = await cfgfmt('--write', '--no-config', dir);
    expect(w).toEqual({ code: 0, stdout: `${path.join(dir, 'haproxy.cfg')}\n`, stderr: '' });
    expect(readFileSync(path.join(dir, 'haproxy.cfg'), 'utf8')).toBe(PRETTY_HA);
    expect(await cfgfmt('--check', '--no-config', dir)).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('prints the formatted text by default', async () => {
    const dir = workspace({ 'haproxy.cfg': UGLY_HA });
    expect(await cfgfmt('--no-config', path.join(dir, 'haproxy.cfg'))).toEqual({ code: 0, stdout: PRETTY_HA, stderr: '' });
  });

  it('never rewrites a file with a syntax error: one located line, exit 2', async () => {
    const bad = 'vrrp_instance VI_1 {\n  state MASTER\n';
    const dir = workspace({ 'keepalived.conf': bad, 'haproxy.cfg': UGLY_HA });
    const r = await cfgfmt('--write', '--no-config', dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^${path.join(dir, 'keepalived.conf').replaceAll('/', '\\/')}:1:\\d+: error: .+ \\(keepalived file left unchanged\\)\\n$`));
    expect(readFileSync(path.join(dir, 'keepalived.conf'), 'utf8')).toBe(bad);
    // The other file is still formatted.
    expect(readFileSync(path.join(dir, 'haproxy.cfg'), 'utf8')).toBe(PRETTY_HA);
  });

  it('refuses a carriage return inside a line (the daemon stops reading there)', async () => {
    const dir = workspace({ 'haproxy.cfg': 'global\n    daemon\r# rest\n' });
    const r = await cfgfmt('--check', '--no-config', dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('haproxy.cfg:2:11: error: carriage return in the middle of a line');
  });

  it('recognises explicitly named files by --language, then by content', async () => {
    const dir = workspace({ 'a.txt': UGLY_HA, 'b.txt': 'vrrp_instance X {\n state MASTER\n}\n', 'c.txt': 'hello\n' });
    const r = await cfgfmt('--check', '--no-config', path.join(dir, 'a.txt'), path.join(dir, 'b.txt'), path.join(dir, 'c.txt'));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe(`${path.join(dir, 'a.txt')}\n${path.join(dir, 'b.txt')}\n`);
    expect(r.stderr).toContain(`${path.join(dir, 'c.txt')}: cannot tell whether this is a keepalived or an haproxy configuration; pass --language keepalived|haproxy`);
    const forced = await cfgfmt('--language', 'haproxy', '--no-config', path.join(dir, 'c.txt'));
    expect(forced).toEqual({ code: 0, stdout: 'hello\n', stderr: '' });
  });

  it('reports unusable paths and bad usage in one line each, exit 2', async () => {
    expect(await cfgfmt('--no-config', '/nonexistent/haproxy.cfg')).toMatchObject({ code: 2, stderr: 'cfgfmt: /nonexistent/haproxy.cfg: no such file or directory\n' });
    expect(await cfgfmt('--check', '--write', 'x')).toMatchObject({ code: 2, stderr: "cfgfmt: --check and --write cannot be used together\nTry 'cfgfmt --help'.\n" });
    expect(await cfgfmt('--tab-width', 'four', 'x')).toMatchObject({ code: 2 });
    expect(await cfgfmt('--bogus')).toMatchObject({ code: 2 });
    expect(await cfgfmt()).toMatchObject({ code: 2, stderr: "cfgfmt: no files or directories given\nTry 'cfgfmt --help'.\n" });
    const binary = workspace({ 'haproxy.cfg': 'global\0\n' });
    expect(await cfgfmt('--no-config', binary)).toMatchObject({ code: 2, stderr: `cfgfmt: ${path.join(binary, 'haproxy.cfg')}: binary file (contains NUL bytes), not a configuration\n` });
  });

  it('documents its exit codes in --help', async () => {
    const r = await cfgfmt('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Exit status:');
    expect(r.stdout).toMatch(/0 {2}all files formatted/);
    expect((await cfgfmt('--version')).stdout).toBe('9.9.9\n');
  });

  it('reads Prettier configuration as `prettier FILE` does, and --no-config ignores it', async () => {
    const dir = workspace({ '.prettierrc': '{ "tabWidth": 2, "overrides": [{ "files": "*.cfg", "options": { "haproxyAlignServers": true } }] }\n', 'haproxy.cfg': 'backend b\n server a 10.0.0.1:80\n server bb 10.0.0.2:80\n' });
    const file = path.join(dir, 'haproxy.cfg');
    expect((await cfgfmt(file)).stdout).toBe('backend b\n  server a  10.0.0.1:80\n  server bb 10.0.0.2:80\n');
    expect((await cfgfmt('--no-config', file)).stdout).toBe('backend b\n    server a 10.0.0.1:80\n    server bb 10.0.0.2:80\n');
    // Command-line options win over the configuration.
    expect((await cfgfmt('--tab-width', '3', file)).stdout).toBe('backend b\n   server a  10.0.0.1:80\n   server bb 10.0.0.2:80\n');
  });
});

describe('cfgfmt on standard input', () => {
  async function withStdin(input: string, ...argv: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), version: '0', readStdin: async () => input });
    return { code, stdout, stderr };
  }

  it('formats standard input, taking the language from --stdin-filepath', async () => {
    expect(await withStdin(UGLY_HA, '--no-config', '--stdin-filepath', 'etc/haproxy.cfg')).toEqual({ code: 0, stdout: PRETTY_HA, stderr: '' });
    expect(await withStdin(UGLY_HA, '--no-config', '--check', '-')).toEqual({ code: 1, stdout: '<stdin>\n', stderr: '' });
    expect(await withStdin(PRETTY_HA, '--no-config', '--check', '-')).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('reports a syntax error with the given name and prints nothing', async () => {
    expect(await withStdin('global\n  bind "x\n', '--no-config', '--stdin-filepath', 'haproxy.cfg')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'haproxy.cfg:2:8: error: unmatched double quote: HAProxy rejects this line\n',
    });
  });

  it('refuses --write and files mixed with standard input', async () => {
    expect(await withStdin('', '--write', '-')).toMatchObject({ code: 2, stderr: "cfgfmt: --write cannot be used with standard input\nTry 'cfgfmt --help'.\n" });
    expect(await withStdin('', '-', 'haproxy.cfg')).toMatchObject({ code: 2 });
  });
});
