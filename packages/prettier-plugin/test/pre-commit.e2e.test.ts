import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const missing = ['pre-commit', 'git', 'npm'].filter((c) => !has(c));

const UGLY = 'global\n  daemon\n\n\n\ndefaults\n mode   http\n';
const PRETTY = 'global\n    daemon\n\ndefaults\n    mode http\n';
const BROKEN = 'frontend fe\n  bind "unterminated\n';

// The real pre-commit installs this repository's `cfgfmt` hook (.pre-commit-hooks.yaml,
// language: node) from a clone of HEAD, as a user's .pre-commit-config.yaml would, and runs it.
describe.skipIf(missing.length > 0)(`cfgfmt pre-commit hook end to end${missing.length ? ` (skipped: needs ${missing.join(', ')})` : ''}`, () => {
  it('rewrites unformatted files (failing the commit once), then passes; leaves a broken file alone', { timeout: 600_000 }, () => {
    const work = mkdtempSync(path.join(tmpdir(), 'cfgfmt-pre-commit-'));
    const hookRepo = path.join(work, 'cfglint');
    execFileSync('git', ['clone', '--quiet', repoRoot, hookRepo]);
    const scratch = path.join(work, 'configs');
    execFileSync('mkdir', ['-p', path.join(scratch, 'lb1')]);
    writeFileSync(path.join(scratch, 'lb1/haproxy.cfg'), UGLY);
    writeFileSync(path.join(scratch, 'lb1/edge.haproxy.cfg'), BROKEN);
    writeFileSync(path.join(scratch, 'lb1/setup.cfg'), 'not  ours\n');
    const git = (...args: string[]) => execFileSync('git', args, { cwd: scratch });
    git('init', '--quiet');
    git('add', '-A');

    const env = { ...process.env, PRE_COMMIT_HOME: path.join(work, 'pre-commit-home'), NO_COLOR: '1' };
    const run = (files: string[]) =>
      spawnSync('pre-commit', ['try-repo', hookRepo, 'cfgfmt', '--color', 'never', '--files', ...files], { cwd: scratch, env, encoding: 'utf8' });

    const first = run(['lb1/haproxy.cfg', 'lb1/setup.cfg']);
    expect(first.status, first.stdout + first.stderr).toBe(1);
    expect(first.stdout).toMatch(/cfgfmt\.+Failed/);
    expect(first.stdout).toContain('files were modified by this hook');
    expect(readFileSync(path.join(scratch, 'lb1/haproxy.cfg'), 'utf8')).toBe(PRETTY);
    expect(readFileSync(path.join(scratch, 'lb1/setup.cfg'), 'utf8')).toBe('not  ours\n');

    const second = run(['lb1/haproxy.cfg', 'lb1/setup.cfg']);
    expect(second.status, second.stdout + second.stderr).toBe(0);
    expect(second.stdout).toMatch(/cfgfmt\.+Passed/);

    const broken = run(['lb1/edge.haproxy.cfg']);
    expect(broken.status).toBe(1);
    expect(broken.stdout).toMatch(/edge\.haproxy\.cfg:2:8: error: unmatched double quote/);
    expect(readFileSync(path.join(scratch, 'lb1/edge.haproxy.cfg'), 'utf8')).toBe(BROKEN);
  });
});
