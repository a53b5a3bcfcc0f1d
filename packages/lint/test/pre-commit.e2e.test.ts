import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

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
const UGLY = 'global\n  daemon\n\n\n\ndefaults\n mode   http\n';
const PRETTY = 'global\n    daemon\n\ndefaults\n    mode http\n';
const BROKEN = 'frontend fe\n  bind "unterminated\n';

// The real pre-commit installs this repository's hooks (.pre-commit-hooks.yaml, language:
// node) from a clone of HEAD, the way a user's .pre-commit-config.yaml would, and runs them.
// Installing the hook environment is the slow part (an npm install of the repository), so
// both hooks come from one .pre-commit-config.yaml entry and share one installation.
describe.skipIf(missing.length > 0)(`pre-commit hooks end to end${missing.length ? ` (skipped: needs ${missing.join(', ')})` : ''}`, () => {
  let hookRepo = '';
  let scratch = '';
  let env: NodeJS.ProcessEnv = {};
  const run = (hook: string, files: string[]) =>
    spawnSync('pre-commit', ['run', hook, '--color', 'never', '--files', ...files], { cwd: scratch, env, encoding: 'utf8' });

  beforeAll(() => {
    const work = mkdtempSync(path.join(tmpdir(), 'cfglint-pre-commit-'));
    hookRepo = path.join(work, 'cfglint');
    execFileSync('git', ['clone', '--quiet', repoRoot, hookRepo]);
    scratch = path.join(work, 'configs');
    const files: Record<string, string> = {
      'bad/web1/keepalived.conf': pair('MASTER', 51, 100),
      'bad/web2/keepalived.conf': pair('BACKUP', 52, 50),
      'good/web1/keepalived.conf': pair('MASTER', 51, 100),
      'good/web2/keepalived.conf': pair('BACKUP', 51, 50),
      'lb1/haproxy.cfg': UGLY,
      'lb1/edge.haproxy.cfg': BROKEN,
      'lb1/setup.cfg': 'not  ours\n',
    };
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(scratch, rel)), { recursive: true });
      writeFileSync(path.join(scratch, rel), text);
    }
    const rev = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: hookRepo, encoding: 'utf8' }).trim();
    writeFileSync(
      path.join(scratch, '.pre-commit-config.yaml'),
      `repos:\n  - repo: ${hookRepo}\n    rev: ${rev}\n    hooks:\n      - id: cfglint\n      - id: cfgfmt\n`,
    );
    execFileSync('git', ['init', '--quiet'], { cwd: scratch });
    execFileSync('git', ['add', '-A'], { cwd: scratch });
    env = { ...process.env, PRE_COMMIT_HOME: path.join(work, 'pre-commit-home'), NO_COLOR: '1' };
  });

  it('cfglint fails on a bad VRRP pair and passes on a good one', { timeout: 600_000 }, () => {
    const bad = run('cfglint', ['bad/web1/keepalived.conf', 'bad/web2/keepalived.conf']);
    expect(bad.status, bad.stdout + bad.stderr).toBe(1);
    expect(bad.stdout).toMatch(/cfglint\.+Failed/);
    expect(bad.stdout).toContain('keepalived/vrid-mismatch');

    const good = run('cfglint', ['good/web1/keepalived.conf', 'good/web2/keepalived.conf']);
    expect(good.status, good.stdout + good.stderr).toBe(0);
    expect(good.stdout).toMatch(/cfglint\.+Passed/);
  });

  it('cfgfmt rewrites unformatted files (failing the commit once), then passes; leaves a broken file alone', { timeout: 600_000 }, () => {
    const first = run('cfgfmt', ['lb1/haproxy.cfg', 'lb1/setup.cfg']);
    expect(first.status, first.stdout + first.stderr).toBe(1);
    expect(first.stdout).toMatch(/cfgfmt\.+Failed/);
    expect(first.stdout).toContain('files were modified by this hook');
    expect(readFileSync(path.join(scratch, 'lb1/haproxy.cfg'), 'utf8')).toBe(PRETTY);
    expect(readFileSync(path.join(scratch, 'lb1/setup.cfg'), 'utf8')).toBe('not  ours\n');

    const second = run('cfgfmt', ['lb1/haproxy.cfg', 'lb1/setup.cfg']);
    expect(second.status, second.stdout + second.stderr).toBe(0);
    expect(second.stdout).toMatch(/cfgfmt\.+Passed/);

    const broken = run('cfgfmt', ['lb1/edge.haproxy.cfg']);
    expect(broken.status).toBe(1);
    expect(broken.stdout).toMatch(/edge\.haproxy\.cfg:2:8: error: unmatched double quote/);
    expect(readFileSync(path.join(scratch, 'lb1/edge.haproxy.cfg'), 'utf8')).toBe(BROKEN);
  });
});
