import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run.js';
import type { CliIo } from './io.js';

const dir = mkdtempSync(join(tmpdir(), 'cfgrun-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function io(): CliIo & { out: string; err: string } {
  const buffers = { out: '', err: '' };
  return Object.assign(buffers, {
    stdout: { write: (t: string) => (buffers.out += t) },
    stderr: { write: (t: string) => (buffers.err += t) },
    stderrIsTty: false,
    stdinIsTty: false,
    readLine: async () => '',
    env: {},
  }) as CliIo & { out: string; err: string };
}

describe('cfgrun command line', () => {
  it('prints help with the exit codes, and its version', async () => {
    const a = io();
    expect(await runCli(['--help'], a)).toBe(0);
    expect(a.out).toContain('Exit status:');
    expect(a.out).toContain('3  the change failed and the rollback failed too');
    const b = io();
    expect(await runCli(['--version'], b)).toBe(0);
    expect(b.out).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('rejects bad usage with exit 64 and a hint', async () => {
    for (const argv of [['deploy'], ['plan'], ['plan', 'a.conf', '--driver', 'lvs'], ['apply', 'a.conf', '--timeout', 'soon'], ['status', '--service', 'x;rm']]) {
      const o = io();
      expect(await runCli(argv, o), argv.join(' ')).toBe(64);
      expect(o.err).toContain("Run 'cfgrun --help'");
    }
  });

  it('refuses a config with bad values before touching the host (exit 4), located', async () => {
    const file = join(dir, 'bad.conf');
    writeFileSync(file, 'virtual_server 192.168.4.15 80 {\n  lb_algo fastest\n  real_server 192.168.4.100 80 {\n    weight 1\n  }\n}\n');
    const o = io();
    expect(await runCli(['status', '--driver', 'ipvs', '--no-lint', '--json', file], o)).toBe(4);
    const report = JSON.parse(o.out);
    expect(report.error).toBe(`${file}:1: lvs_sched 'fastest' is not a scheduler (rr, wrr, lc, wlc, lblc, lblcr, dh, sh, sed, nq, fo, ovf, mh, twos)`);
    expect(report.steps.at(-1)).toMatchObject({ name: 'build the desired IPVS table', ok: false });
  });

  it('exits 5 when another cfgrun holds the lock', async () => {
    const lock = join(dir, 'cfgrun.lock');
    writeFileSync(lock, `${process.pid} 2026-11-25T00:00:00Z\n`);
    const o = io();
    expect(await runCli(['apply', '--yes', '--lock-file', lock, join(dir, 'none.conf')], o)).toBe(5);
    expect(o.err).toContain(`another cfgrun is changing this host (pid ${process.pid}`);
  });

  it('reports an unreadable config as rejected, without a stack trace', async () => {
    const o = io();
    expect(await runCli(['plan', '--no-lint', join(dir, 'missing.conf')], o)).toBe(4);
    expect(o.out).toContain('Error:');
    expect(o.out + o.err).not.toMatch(/\n\s+at /);
  });
});

describe('cfgrun keepalived driver, before any host access', () => {
  it('refuses a candidate that is the installed file itself', async () => {
    const file = join(dir, 'keepalived.conf');
    writeFileSync(file, 'global_defs {\n}\n');
    const o = io();
    expect(await runCli(['apply', '--yes', '--no-lint', '--json', '--lock-file', join(dir, 'l'), '--target', file, file], o)).toBe(64);
    expect(JSON.parse(o.out).error).toContain('is the installed config itself');
  });
});
