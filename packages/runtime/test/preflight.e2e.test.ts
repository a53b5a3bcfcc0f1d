import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from './harness/build-cli.js';
import { vrrpLabUnavailableReason } from './harness/vrrp-lab.js';

const LAB_HAPROXY = fileURLToPath(new URL('../../../fixtures/seed/proxy/haproxy.cfg', import.meta.url));
const reason = vrrpLabUnavailableReason();

/** Preflight on a real host: a namespace where another program holds port 80. */
describe.skipIf(reason)('cfgrun preflight against a live host (network namespace)', () => {
  const ns = `cfgrun-${process.pid % 100000}-pf`;
  let dir: string;
  let cli: string;
  let squatter: ChildProcess | undefined;

  const cfgrun = (...args: string[]) => {
    try {
      return { code: 0, out: execFileSync('ip', ['netns', 'exec', ns, process.execPath, cli, ...args, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] }).toString() };
    } catch (error) {
      const e = error as { status: number; stdout: Buffer };
      return { code: e.status, out: e.stdout.toString() };
    }
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cfgrun-e2e-preflight-'));
    cli = await buildCli(dir);
    execFileSync('ip', ['netns', 'add', ns]);
    execFileSync('ip', ['-n', ns, 'link', 'set', 'lo', 'up']);
    execFileSync('ip', ['-n', ns, 'link', 'add', 'eth0', 'type', 'veth', 'peer', 'name', 'eth0p']);
    execFileSync('ip', ['-n', ns, 'addr', 'add', '192.168.4.5/24', 'dev', 'eth0']);
    execFileSync('ip', ['-n', ns, 'link', 'set', 'eth0', 'up']);
    // A web server the lab forgot about, on port 80.
    squatter = spawn('ip', ['netns', 'exec', ns, process.execPath, '-e', "require('net').createServer().listen(80, () => console.log('up'))"], { stdio: ['ignore', 'pipe', 'ignore'] });
    await new Promise((resolve) => squatter!.stdout!.once('data', resolve));
  }, 30_000);

  afterAll(() => {
    squatter?.kill('SIGTERM');
    try {
      execFileSync('ip', ['netns', 'del', ns]);
    } catch {
      // already gone
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it("finds the other program on the lab's port 80 and names it", () => {
    const r = cfgrun('preflight', '--haproxy', LAB_HAPROXY);
    expect(r.code).toBe(4);
    const report = JSON.parse(r.out);
    expect(report.preflight).toEqual([
      expect.objectContaining({ check: 'port-free', line: 86, message: 'listen servers binds *:80, but node already listens on *:80' }),
    ]);
  });

  it('needs ip_nonlocal_bind for a VIP that is not here, and passes once it is set', () => {
    const haproxy = join(dir, 'vip.cfg');
    writeFileSync(haproxy, 'frontend web\n    bind 192.168.4.15:8080\n    default_backend app\nbackend app\n    server web1 192.168.4.100:80\n');
    const keepalived = join(dir, 'keepalived.conf');
    writeFileSync(keepalived, 'vrrp_instance VI_1 {\n    state BACKUP\n    interface eth0\n    virtual_router_id 51\n    priority 50\n    virtual_ipaddress {\n        192.168.4.15\n    }\n}\n');
    const before = cfgrun('preflight', '--no-lint', '--haproxy', haproxy, keepalived);
    expect(before.code).toBe(4);
    expect(JSON.parse(before.out).preflight[0].message).toContain('192.168.4.15:8080, which is not on this host (a VRRP VIP');
    execFileSync('ip', ['netns', 'exec', ns, 'sysctl', '-q', '-w', 'net.ipv4.ip_nonlocal_bind=1']);
    const after = cfgrun('preflight', '--no-lint', '--haproxy', haproxy, keepalived);
    expect(after.code).toBe(0);
    expect(JSON.parse(after.out).preflight).toEqual([]);
  });

  it('reports an interface the config names but this host lacks', () => {
    const keepalived = join(dir, 'ens33.conf');
    writeFileSync(keepalived, 'vrrp_instance VI_1 {\n    state MASTER\n    interface ens33\n    virtual_router_id 51\n    priority 100\n    virtual_ipaddress {\n        192.168.4.80\n    }\n}\n');
    const r = cfgrun('preflight', '--no-lint', keepalived);
    expect(r.code).toBe(4);
    expect(JSON.parse(r.out).preflight[0]).toMatchObject({ check: 'interface-exists', line: 3, message: expect.stringMatching(/^interface ens33 .* does not exist on this host; it has .*eth0/) });
  });
});

if (reason) {
  describe('cfgrun preflight against a live host (network namespace)', () => {
    it.skip(`skipped: ${reason}`, () => {});
  });
}
