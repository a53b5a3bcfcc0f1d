import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeExecutor } from '../src/exec/executor.js';
import { readDaemonState } from '../src/keepalived/daemon.js';
import { buildCli } from './harness/build-cli.js';
import { VrrpLab, vrrpLabUnavailableReason } from './harness/vrrp-lab.js';

const fixture = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const WEB1 = fixture('./fixtures/vrrp/web1.conf');
const WEB2 = fixture('./fixtures/vrrp/web2.conf');
const WEB1_REJECTED = fixture('./fixtures/vrrp/web1-rejected.conf');
const WEB1_FAULT = fixture('./fixtures/vrrp/web1-fault.conf');
const LAB_WEB1 = fixture('../../../fixtures/seed/web1/keepalived.conf');
const VIP = '192.168.4.80';
const placeholder = (id: string) => `global_defs {\n    router_id ${id}\n}\n`;

const reason = vrrpLabUnavailableReason();

describe.skipIf(reason)('cfgrun --driver keepalived with real VRRP (two network namespaces)', () => {
  let lab: VrrpLab;
  let cli: string;
  let buildDir: string;

  beforeAll(async () => {
    buildDir = mkdtempSync(join(tmpdir(), 'cfgrun-e2e-vrrp-'));
    cli = await buildCli(buildDir);
    lab = VrrpLab.create([
      { name: 'web1', address: '192.168.4.100', extraDownInterface: 'eth1' },
      { name: 'web2', address: '192.168.4.200' },
    ]);
    // What a host has before the first deployment: keepalived running a config without instances.
    await lab.startKeepalived('web1', placeholder('web1'));
    await lab.startKeepalived('web2', placeholder('web2'));
  }, 30_000);

  afterAll(async () => {
    await lab?.destroyAsync();
    rmSync(buildDir, { recursive: true, force: true });
  }, 30_000);

  it('plans for people: a diff with the password masked, and the commands it will run', async () => {
    const n = lab.node('web1');
    const plan = await lab.cfgrun('web1', cli, ['plan', '--detailed-exitcode', WEB1], { json: false });
    expect(plan.code, plan.stderr).toBe(2);
    expect(plan.stdout).toContain(`Changes to ${n.target}:`);
    expect(plan.stdout).toContain('+        auth_pass ********');
    expect(plan.stdout).not.toContain('1111');
    expect(plan.stdout).toContain(`install -m 0600 ${WEB1} ${n.target}`);
    expect(plan.stdout).toMatch(/kill -HUP \d+/);
    expect(plan.stdout).toContain('+ VI_1: MASTER on eth0, VRID 51, priority 100, VIPs 192.168.4.80');
    expect(plan.stderr).toMatch(/✔ keepalived -t -f .*web1\.conf: accepted/);
  });

  it("deploys the lab's web2 (BACKUP) then web1 (MASTER) with cfgrun apply: the VIP is on web1", async () => {
    const web2 = await lab.cfgrun('web2', cli, ['apply', '--yes', WEB2]);
    expect(web2.json, web2.stderr).toMatchObject({ exitCode: 0, changed: true });
    const web1 = await lab.cfgrun('web1', cli, ['apply', '--yes', WEB1]);
    expect(web1.json, web1.stderr).toMatchObject({ exitCode: 0, changed: true, reload: expect.stringMatching(/^kill -HUP \d+$/) });
    expect(web1.code).toBe(0);
    await lab.waitForHolder(VIP, 'web1', 10_000);
    const target = lab.node('web1').target;
    expect(readFileSync(target, 'utf8')).toBe(readFileSync(WEB1, 'utf8'));
    expect(statSync(target).mode & 0o777).toBe(0o600);
    // The plan never shows the VRRP password.
    expect(web1.json.plan.diff).toContain('auth_pass ********');
    expect(web1.stdout).not.toMatch(/auth_pass\s+1111/);
  });

  it('keepalived.data (SIGUSR1) tells the same story as keepalived.json', async () => {
    const n = lab.node('web1');
    const options = { pidFile: n.pidFile, reload: 'signal' as const, service: 'keepalived', tmpDir: n.tmpDir };
    const pid = n.daemon!.pid!;
    const fromJson = await readDaemonState(nodeExecutor, options, pid);
    const fromData = await readDaemonState(nodeExecutor, { ...options, preferData: true }, pid);
    expect(fromJson.source).toMatch(/keepalived\.json$/);
    expect(fromData.source).toMatch(/keepalived\.data$/);
    expect(fromData.instances).toEqual(fromJson.instances);
    expect(fromJson.instances).toEqual([{ name: 'VI_1', state: 'MASTER', interface: 'eth0', vrid: 51, priority: 100, effectivePriority: 100, vips: [VIP] }]);
  });

  it('status confirms web1 is MASTER with the VIP, and a second apply changes nothing', async () => {
    const status = await lab.cfgrun('web1', cli, ['status', WEB1]);
    expect(status.json, status.stderr).toMatchObject({ exitCode: 0, inSync: true, instances: [{ name: 'VI_1', state: 'MASTER', vrid: 51 }] });
    const again = await lab.cfgrun('web1', cli, ['apply', '--yes', WEB1]);
    expect(again.json).toMatchObject({ exitCode: 0, changed: false, plan: { changed: false } });
  });

  it('a config that keepalived -t rejects changes nothing: config, daemon and VIP untouched', async () => {
    const target = lab.node('web1').target;
    const before = { text: readFileSync(target, 'utf8'), mtime: statSync(target).mtimeMs, pid: lab.node('web1').daemon!.pid };
    const rejected = await lab.cfgrun('web1', cli, ['apply', '--yes', WEB1_REJECTED]);
    expect(rejected.code).toBe(4);
    expect(rejected.json.error).toContain('keepalived -t rejects');
    expect(rejected.json.keepalivedTest.output).toContain('vrrp_garp_interval');
    // The lab's file as written does not even get that far: its interface is not on this host.
    const labFile = await lab.cfgrun('web1', cli, ['apply', '--yes', LAB_WEB1]);
    expect(labFile.code).toBe(4);
    expect(labFile.json.preflight[0]).toMatchObject({ check: 'interface-exists', line: 22, message: expect.stringContaining('interface ens33') });
    expect(readFileSync(target, 'utf8')).toBe(before.text);
    expect(statSync(target).mtimeMs).toBe(before.mtime);
    expect(lab.daemonAlive('web1')).toBe(true);
    expect(Number(readFileSync(lab.node('web1').pidFile, 'utf8'))).toBe(before.pid);
    expect(lab.holders(VIP)).toEqual(['web1']);
  });

  it('a reload that fails verification (an instance in FAULT) is rolled back', async () => {
    const failed = await lab.cfgrun('web1', cli, ['apply', '--yes', '--timeout', '6', WEB1_FAULT]);
    expect(failed.code, failed.stderr).toBe(1);
    expect(failed.json).toMatchObject({ changed: false, restored: true });
    expect(failed.json.failure).toContain('VI_2 is in FAULT state');
    expect(readFileSync(lab.node('web1').target, 'utf8')).toBe(readFileSync(WEB1, 'utf8'));
    expect(lab.daemonAlive('web1')).toBe(true);
    await lab.waitForHolder(VIP, 'web1', 10_000);
    expect(lab.holders('192.168.4.81')).toEqual([]);
    const status = await lab.cfgrun('web1', cli, ['status']);
    expect(status.json).toMatchObject({ exitCode: 0, inSync: true });
  });

  it('a MASTER that stops advertising (hung VRRP process): web2 takes over after the master-down timer', async () => {
    lab.signalVrrp('web1', 'SIGSTOP');
    let ms: number;
    try {
      // web1, frozen, still has the address on its interface: only web2 taking it is awaited.
      ms = await lab.waitForHolder(VIP, 'web2', 15_000, true);
    } finally {
      lab.signalVrrp('web1', 'SIGCONT');
    }
    console.log(`failover: VIP ${VIP} on web2 ${Math.round(ms)} ms after web1's VRRP process froze (no goodbye advert: master-down timer)`);
    // keepalived's master-down interval is 3 adverts plus skew: about 3.6 s at advert_int 1.
    expect(ms).toBeGreaterThan(2000);
    // Thawed, web1 (priority 100) is MASTER again and web2 steps back.
    await lab.waitForHolder(VIP, 'web1', 15_000);
  });

  it("stopping web1's keepalived moves the VIP to web2", async () => {
    const start = performance.now();
    await lab.stopKeepalived('web1');
    const ms = await lab.waitForHolder(VIP, 'web2', 15_000);
    const total = performance.now() - start;
    console.log(`failover: VIP ${VIP} on web2 ${Math.round(total)} ms after SIGTERM to web1's keepalived (${Math.round(ms)} ms after it exited)`);
    expect(lab.holders(VIP)).toEqual(['web2']);
  });

  it('rollback on web2 returns to its previous config (the placeholder): it releases the VIP', async () => {
    const rollback = await lab.cfgrun('web2', cli, ['rollback', '--yes']);
    expect(rollback.json, rollback.stderr).toMatchObject({ exitCode: 0, changed: true });
    expect(readFileSync(lab.node('web2').target, 'utf8')).toBe(placeholder('web2'));
    await lab.waitForHolder(VIP, undefined, 10_000);
  });
});

if (reason) {
  describe('cfgrun --driver keepalived with real VRRP (two network namespaces)', () => {
    it.skip(`skipped: ${reason}`, () => {});
  });
}
