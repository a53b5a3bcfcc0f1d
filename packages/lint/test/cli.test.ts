import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

// These run the built command (npm ci builds it) as a user would.
const repoRoot = path.resolve(import.meta.dirname, '../../..');
const bin = path.join(repoRoot, 'packages/lint/bin/cfglint.mjs');
const seed = path.join(repoRoot, 'fixtures/seed');

function cfglint(args: string[], cwd = repoRoot) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const scratch = () => mkdtempSync(path.join(tmpdir(), 'cfglint-cli-'));

describe('exit status and one-line errors, never a stack trace', () => {
  const dir = scratch();
  writeFileSync(path.join(dir, 'binary.conf'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1]));
  writeFileSync(path.join(dir, 'latin1.cfg'), Buffer.from('global\n  description caf\xe9\n', 'latin1'));
  mkdirSync(path.join(dir, 'empty'));

  it.each([
    [['--bogus'], "cfglint: Unknown option '--bogus'"],
    [[], 'cfglint: no files or directories given'],
    [['/nonexistent/keepalived.conf'], 'cfglint: /nonexistent/keepalived.conf: no such file or directory'],
    [[path.join(dir, 'empty')], `cfglint: ${path.join(dir, 'empty')}: no keepalived or haproxy configuration files found in this directory`],
    [['--language', 'keepalived', path.join(dir, 'binary.conf')], `cfglint: ${path.join(dir, 'binary.conf')}: binary file (contains NUL bytes), not a configuration`],
    [['--language', 'haproxy', path.join(dir, 'latin1.cfg')], `cfglint: ${path.join(dir, 'latin1.cfg')}: not valid UTF-8 text`],
    [['--format', 'xml', seed], "cfglint: unknown --format 'xml'; choose one of stylish, json, sarif, github"],
    [['--haproxy-version', '9.9', seed], 'cfglint: --haproxy-version 9.9 is outside the versions cfglint knows'],
  ])('%j exits 2 with a clear line', (args, line) => {
    const r = cfglint(args);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toContain(line);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints help and version', () => {
    expect(cfglint(['--help']).stdout).toContain('Usage: cfglint [options] <files|directories…>');
    expect(cfglint(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe('the seed lab', () => {
  it('exits 1 with ESLint-compatible JSON findings for every host', () => {
    const r = cfglint(['--format', 'json', seed]);
    expect(r.code).toBe(1);
    const results = JSON.parse(r.stdout) as { filePath: string; errorCount: number; messages: { ruleId: string; line: number }[] }[];
    expect(results.map((x) => path.relative(seed, x.filePath)).sort()).toEqual([
      'proxy/haproxy.cfg',
      'proxy/keepalived.conf',
      'proxy2/keepalived.conf',
      'web1/keepalived.conf',
      'web2/keepalived.conf',
    ]);
    const rules = new Set(results.flatMap((x) => x.messages.map((m) => m.ruleId)));
    for (const id of ['keepalived/missing-vrrp-iptables', 'keepalived/leftover-persistence-timeout', 'port-conflict']) expect(rules).toContain(id);
  });

  it('--quiet drops warnings; --max-warnings gates on them', () => {
    const quiet = JSON.parse(cfglint(['--format', 'json', '--quiet', seed]).stdout) as { messages: { severity: number }[] }[];
    expect(quiet.flatMap((r) => r.messages).every((m) => m.severity === 2)).toBe(true);
    const dir = scratch();
    cpSync(path.join(seed, 'proxy/keepalived.conf'), path.join(dir, 'keepalived.conf'));
    writeFileSync(path.join(dir, 'cfglint.config.json'), JSON.stringify({ rules: { 'keepalived/missing-vrrp-iptables': 'off' } }));
    const someWarnings = cfglint(['keepalived.conf'], dir);
    const warnings = Number(/(\d+) warnings?\)/.exec(someWarnings.stdout)?.[1] ?? 0);
    expect(warnings).toBeGreaterThan(0);
    expect(cfglint(['--max-warnings', String(warnings), 'keepalived.conf'], dir).code).toBe(someWarnings.code);
    expect(cfglint(['--max-warnings', String(warnings - 1), 'keepalived.conf'], dir).code).toBe(1);
  });
});

describe('configuration file', () => {
  it('turns rules off, and reports bad settings with the file and key', () => {
    const dir = scratch();
    cpSync(path.join(seed, 'web1'), path.join(dir, 'web1'), { recursive: true });
    const base = cfglint(['--format', 'json', 'web1'], dir);
    expect(base.stdout).toContain('keepalived/missing-vrrp-iptables');
    writeFileSync(path.join(dir, 'cfglint.config.yaml'), 'rules:\n  keepalived/missing-vrrp-iptables: off\n');
    expect(cfglint(['--format', 'json', 'web1'], dir).stdout).not.toContain('keepalived/missing-vrrp-iptables');
    writeFileSync(path.join(dir, 'cfglint.config.yaml'), 'rules:\n  no-such-rule: error\n');
    const bad = cfglint(['web1'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(`cfglint: ${path.join(dir, 'cfglint.config.yaml')}: rules.no-such-rule: unknown rule (see cfglint --list-rules)\n`);
  });

  it('--print-config shows the versions, severities and host that apply to a file', () => {
    const dir = scratch();
    writeFileSync(path.join(dir, 'cfglint.config.json'), JSON.stringify({ versions: { keepalived: '2.2.7' }, rules: { 'port-conflict': 'warn' } }));
    const printed = JSON.parse(cfglint(['--print-config', 'web1/keepalived.conf', '--haproxy-version', '2.6'], dir).stdout);
    expect(printed.versions).toEqual({ haproxy: '2.6', keepalived: '2.2.7' });
    expect(printed.rules['port-conflict']).toBe('warning');
    expect(printed.rules['keepalived/vrid-mismatch']).toBe('error');
    expect(printed.host).toEqual({ name: 'web1', explicit: false, cluster: null });
  });
});

describe('suppressions', () => {
  const dir = scratch();
  const file = path.join(dir, 'keepalived.conf');
  const base = readFileSync(path.join(seed, 'proxy/keepalived.conf'), 'utf8').replace('    persistence_timeout 50\n', '    # cfglint-disable-next-line keepalived/leftover-persistence-timeout -- sessions live on the web nodes\n    persistence_timeout 50\n');
  writeFileSync(file, base);

  it('hide the finding on the next line', () => {
    expect(cfglint(['--format', 'json', file]).stdout).not.toContain('keepalived/leftover-persistence-timeout');
  });
  it('are ignored with --no-inline-config', () => {
    expect(cfglint(['--format', 'json', '--no-inline-config', file]).stdout).toContain('keepalived/leftover-persistence-timeout');
  });
  it('are reported, and removed by --fix, when they suppress nothing', () => {
    const unused = path.join(dir, 'unused', 'keepalived.conf');
    mkdirSync(path.dirname(unused));
    writeFileSync(unused, base.replace('    persistence_timeout 50\n', ''));
    expect(cfglint(['--format', 'json', unused]).stdout).toContain('cfglint/unused-disable-directive');
    cfglint(['--fix', unused]);
    expect(readFileSync(unused, 'utf8')).toBe(base.replace('    persistence_timeout 50\n', '').replace(/ *# cfglint-disable-next-line[^\n]*\n/, ''));
  });
});
