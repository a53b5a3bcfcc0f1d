import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { haproxyBinds, parseBindAddress } from '../config/haproxy-binds.js';
import { keepalivedFactsFromText } from '../config/load-keepalived-facts.js';
import { checkHaproxyOnHost, checkKeepalivedOnHost } from './checks.js';
import { parseSs, type HostFacts } from './host.js';

const seed = (p: string) => fileURLToPath(new URL(`../../../../fixtures/seed/${p}`, import.meta.url));
const host = (over: Partial<HostFacts> = {}): HostFacts => ({
  interfaces: ['lo', 'eth0'],
  addresses: new Map([['127.0.0.1', 'lo'], ['192.168.4.5', 'eth0']]),
  listening: [],
  nonlocalBind: { v4: false, v6: false },
  tools: { keepalived: true, ipvsadm: true, ip: true },
  ...over,
});

describe('checkKeepalivedOnHost', () => {
  it("flags the lab's copied interface name with its line and the fix", () => {
    const file = seed('web1/keepalived.conf');
    const findings = checkKeepalivedOnHost(keepalivedFactsFromText(file, readFileSync(file, 'utf8')), host(), 'keepalived');
    expect(findings).toEqual([
      {
        level: 'error',
        check: 'interface-exists',
        message: 'interface ens33 (vrrp_instance VI_1 interface) does not exist on this host; it has lo, eth0',
        fix: "interface names differ between machines: look them up here with 'ip -br link' and change the config",
        file,
        line: 22,
      },
    ]);
  });
  it('needs IPVS in the kernel for the ipvs driver', () => {
    const facts = keepalivedFactsFromText('k.conf', 'virtual_server 10.0.0.1 80 {\n}\n');
    expect(checkKeepalivedOnHost(facts, host({ ipvs: { ok: false, detail: "Can't initialize ipvs: Protocol not available" } }), 'ipvs').map((f) => f.check)).toEqual(['ipvs-kernel']);
    expect(checkKeepalivedOnHost(facts, host({ tools: { keepalived: false, ipvsadm: false, ip: true } }), 'ipvs').map((f) => f.check)).toEqual(['ipvsadm-installed']);
  });
});

describe('checkHaproxyOnHost', () => {
  const file = seed('proxy/haproxy.cfg');
  const binds = haproxyBinds(file, readFileSync(file, 'utf8'));

  it("reads the lab's binds, 1.x listen form included", () => {
    expect(binds.map((b) => `${b.section} ${b.address || '*'}:${b.port}`)).toEqual(['frontend main *:5000', 'listen servers *:80', 'listen stats *:1080']);
  });
  it('reports another process on port 80 (the lab: nothing else may use it), not haproxy itself', () => {
    const findings = checkHaproxyOnHost(binds, host({ listening: [{ address: '', port: 80, process: 'httpd' }, { address: '127.0.0.1', port: 1080, process: 'haproxy' }] }), new Set());
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'port-free', line: 86, message: 'listen servers binds *:80, but httpd already listens on *:80' });
  });
  it('needs ip_nonlocal_bind for a VIP that is not on this host', () => {
    const vipBinds = haproxyBinds('h.cfg', 'frontend web\n  bind 192.168.4.15:80\n  bind 192.168.4.5:81\n');
    const findings = checkHaproxyOnHost(vipBinds, host(), new Set(['192.168.4.15']));
    expect(findings.map((f) => f.message)).toEqual([
      'frontend web binds 192.168.4.15:80, which is not on this host (a VRRP VIP: it is only here while this node is MASTER), and net.ipv4.ip_nonlocal_bind is 0: HAProxy will fail to start',
    ]);
    expect(findings[0].fix).toContain('sysctl -w net.ipv4.ip_nonlocal_bind=1');
    expect(checkHaproxyOnHost(vipBinds, host({ nonlocalBind: { v4: true, v6: false } }), new Set())).toEqual([]);
  });
  it('parses bind address forms', () => {
    expect(parseBindAddress('[::1]:8443')).toEqual({ address: '::1', first: 8443, last: 8443 });
    expect(parseBindAddress('ipv4@10.0.0.1:8000-8002')).toEqual({ address: '10.0.0.1', first: 8000, last: 8002 });
    expect(parseBindAddress('unix@/run/haproxy.sock')).toBeUndefined();
  });
});

describe('parseSs', () => {
  it('reads listeners and their processes', () => {
    expect(parseSs('LISTEN 0      511          0.0.0.0:80        0.0.0.0:*    users:(("httpd",pid=812,fd=4))\nLISTEN 0 4096 [::1]:631 [::]:*\n')).toEqual([
      { address: '', port: 80, process: 'httpd' },
      { address: '::1', port: 631 },
    ]);
  });
});
