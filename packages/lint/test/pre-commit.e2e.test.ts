import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const missing = ['pre-commit', 'git', 'npm'].filter((c) => !has(c));

const pair = (state: string, vrid: number, priority: number) => `vrrp_instance VI_1 {
    state ${state}
    interface eth0
    virtual_router_id ${vrid}
    priority ${priority}
    advert_int 1
    virtual_ipaddress {
        192.0.2.80
    }
}
`;

// The real pre-commit installs this repository's hook (.pre-commit-hooks.yaml, language: node)
// from a clone of HEAD, the way a user's .pre-commit-config.yaml would, and runs it.
describe.skipIf(missing.length > 0)(`pre-commit hook end to end${missing.length ? ` (skipped: needs ${missing.join(', ')})` : ''}`, () => {
  it('fails on a bad VRRP pair and passes on a good one', { timeout: 600_000 }, () => {
    const work = mkdtempSync(path.join(tmpdir(), 'cfglint-pre-commit-'));
    const hookRepo = path.join(work, 'cfglint');
    execFileSync('git', ['clone', '--quiet', repoRoot, hookRepo]);

    const scratch = path.join(work, 'configs');
    for (const dir of ['bad/web1', 'bad/web2', 'good/web1', 'good/web2']) mkdirSync(path.join(scratch, dir), { recursive: true });
    writeFileSync(path.join(scratch, 'bad/web1/keepalived.conf'), pair('MASTER', 51, 100));
    writeFileSync(path.join(scratch, 'bad/web2/keepalived.conf'), pair('BACKUP', 52, 50));
    writeFileSync(path.join(scratch, 'good/web1/keepalived.conf'), pair('MASTER', 51, 100));
    writeFileSync(path.join(scratch, 'good/web2/keepalived.conf'), pair('BACKUP', 51, 50));
    const git = (...args: string[]) => execFileSync('git', args, { cwd: scratch });
    git('init', '--quiet');
    git('add', '-A');

    const env = { ...process.env, PRE_COMMIT_HOME: path.join(work, 'pre-commit-home'), NO_COLOR: '1' };
    const run = (files: string[]) =>
      spawnSync('pre-commit', ['try-repo', hookRepo, 'cfglint', '--color', 'never', '--files', ...files], { cwd: scratch, env, encoding: 'utf8' });

    const bad = run(['bad/web1/keepalived.conf', 'bad/web2/keepalived.conf']);
    expect(bad.status, bad.stdout + bad.stderr).toBe(1);
    expect(bad.stdout).toMatch(/cfglint\.+Failed/);
    expect(bad.stdout).toContain('keepalived/vrid-mismatch');

    const good = run(['good/web1/keepalived.conf', 'good/web2/keepalived.conf']);
    expect(good.status, good.stdout + good.stderr).toBe(0);
    expect(good.stdout).toMatch(/cfglint\.+Passed/);
  });
});
