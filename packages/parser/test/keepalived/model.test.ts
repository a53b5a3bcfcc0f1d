import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKeepalived } from '../../src/keepalived/index.js';
import type { KaHttpChecker, KaMiscChecker } from '../../src/keepalived/index.js';
import { createMemoryFileSystem } from '../../src/source/file-system.js';
import { fixturesDir, seedDir } from './fixture-files.js';

const valid = (name: string) => loadKeepalived(path.join(fixturesDir, 'valid', name));

describe('keepalived model: the seed lab (keepalived 1.3 layout)', () => {
  const { model, diagnostics } = loadKeepalived(path.join(seedDir, 'proxy/keepalived.conf'));

  it('reads global_defs, keeping every setting by keyword', () => {
    expect(diagnostics).toEqual([]);
    const g = model.globalDefs!;
    expect(g.routerId?.value).toBe('LVS1');
    expect(g.notificationEmail.map((e) => e.value)).toEqual(['acassen@firewall.loc', 'failover@firewall.loc', 'sysadmin@firewall.loc']);
    expect(g.smtpServer?.value).toEqual({ host: '192.168.200.1' });
    expect(g.vrrpIptables?.value).toEqual([]);
    expect(g.vrrpStrict?.value).toBe(true);
    expect(g.vrrpGarpInterval?.value).toBe(0);
    expect(g.enableScriptSecurity).toBeUndefined();
    expect([...g.settings.keys()]).toContain('vrrp_gna_interval');
  });

  it('reads the VRRP instance', () => {
    const [vi] = model.vrrpInstances;
    expect(vi.name).toBe('VI_1');
    expect([vi.state?.value, vi.interface?.value, vi.virtualRouterId?.value, vi.priority?.value, vi.advertInt?.value]).toEqual(['MASTER', 'ens34', 51, 100, 1]);
    expect([vi.authentication?.authType?.value, vi.authentication?.authPass?.value]).toEqual(['PASS', '1111']);
    expect(vi.virtualIpAddresses.map((a) => [a.text, a.address, a.family, a.prefix])).toEqual([['192.168.4.15', '192.168.4.15', 4, undefined]]);
  });

  it('reads the virtual server, its real servers and their TCP checks (nb_get_retry as retry)', () => {
    const [vs] = model.virtualServers;
    expect(vs.target).toEqual({ kind: 'address', address: '192.168.4.15', family: 4, port: 80, portText: '80' });
    expect([vs.delayLoop?.value, vs.lbAlgo?.value, vs.lbKind?.value, vs.persistenceTimeout?.value, vs.protocol?.value]).toEqual([6, 'rr', { method: 'DR' }, 50, 'TCP']);
    expect(vs.realServers.map((r) => [r.address, r.port, r.weight?.value, r.checkers.map((c) => c.type)])).toEqual([
      ['192.168.4.100', 80, 1, ['TCP_CHECK']],
      ['192.168.4.200', 80, 1, ['TCP_CHECK']],
    ]);
    const check = vs.realServers[0].checkers[0];
    expect([check.connectTimeout?.value, check.retry?.value, check.retry?.keyword, check.delayBeforeRetry?.value]).toEqual([3, 3, 'nb_get_retry', 3]);
  });

  it('locates every element: file, syntax node and word ranges', () => {
    const vs = model.virtualServers[0];
    const text = loadKeepalived(path.join(seedDir, 'proxy/keepalived.conf')).files.get(vs.fileName)!.source.text;
    expect(text.slice(vs.node.start, vs.node.start + 14)).toBe('virtual_server');
    const persistence = vs.persistenceTimeout!;
    expect(text.slice(persistence.statement.keyword.start, persistence.statement.args[0].end)).toBe('persistence_timeout 50');
  });
});

describe('keepalived model: VRRP details', () => {
  it('splits scripts the way keepalived does (quotes, user and group)', () => {
    const { model } = valid('vrrp-basic.conf');
    const vi = model.vrrpInstances[0];
    expect(vi.notify.master?.value).toEqual(['/bin/true', 'master', 'VI 1']);
    expect(vi.notify.backup?.value).toEqual(['/bin/true']);
    expect([vi.notify.fault?.value, vi.notify.fault?.user]).toEqual([['/bin/true', 'fault'], 'root']);
    expect(model.vrrpScripts[0]).toMatchObject({ name: 'chk_service' });
    const script = model.vrrpScripts[0];
    expect([script.script?.value, script.interval?.value, script.timeout?.value, script.weight?.value, script.rise?.value, script.fall?.value]).toEqual([
      ['/bin/true', '--quiet'],
      2,
      3,
      { weight: -20, reverse: false },
      2,
      3,
    ]);
    expect(vi.nopreempt?.value).toBe(true);
    expect(vi.smtpAlert?.value).toBe(true);
    expect(model.globalDefs?.scriptUser?.value).toEqual({ user: 'root' });
    expect(model.globalDefs?.enableScriptSecurity?.value).toBe(true);
  });

  it('reads virtual_ipaddress options and the excluded list', () => {
    const vi = valid('vrrp-basic.conf').model.vrrpInstances[0];
    expect(vi.virtualIpAddresses.map((a) => ({ a: a.address, p: a.prefix, dev: a.dev, label: a.label, scope: a.scope, brd: a.brd }))).toEqual([
      { a: '192.168.10.100', p: 24, dev: 'eth0', label: 'eth0:vip', scope: 'global', brd: undefined },
      { a: '192.168.10.101', p: 32, dev: 'eth0', label: undefined, scope: undefined, brd: '192.168.10.255' },
      { a: '192.168.10.102', p: undefined, dev: undefined, label: undefined, scope: undefined, brd: undefined },
    ]);
    expect(vi.virtualIpAddressesExcluded.map((a) => [a.address, a.family, a.prefix])).toEqual([['2001:db8::10', 6, 64]]);
    expect(vi.trackInterfaces.map((t) => [t.name, t.weight])).toEqual([['eth1', -10]]);
    expect(vi.trackScripts.map((t) => t.name)).toEqual(['chk_service']);
  });

  it('reads sync groups, unicast peers, tracked files and processes, routes and rules', () => {
    const { model } = valid('vrrp-unicast-sync-group.conf');
    const [ext, int] = model.vrrpInstances;
    expect(model.vrrpSyncGroups[0].members.map((m) => m.name)).toEqual(['VI_EXT', 'VI_INT']);
    expect([ext.syncGroup, int.syncGroup]).toEqual(['SG_1', 'SG_1']);
    expect(ext.unicastSrcIp?.value).toBe('10.0.0.1');
    expect(ext.unicastPeers.map((p) => [p.address, p.minTtl, p.maxTtl])).toEqual([
      ['10.0.0.2', undefined, undefined],
      ['10.0.0.3', 1, 64],
    ]);
    expect(ext.trackFiles.map((t) => [t.name, t.weight])).toEqual([['maintenance', 0]]);
    expect(model.trackFiles.map((t) => [t.name, t.file?.value, t.weight?.value])).toEqual([['maintenance', '/tmp/keepalived-maintenance', { weight: -50, reverse: false }]]);
    expect(model.trackProcesses.map((t) => [t.name, t.process?.value, t.quorum?.value])).toEqual([['haproxy_running', ['haproxy'], 1]]);
    expect(int.virtualRoutes.map((r) => [r.destination?.address, r.destination?.prefix, r.via, r.dev])).toEqual([['10.2.0.0', 16, '10.1.0.254', 'eth1']]);
    expect(int.virtualRules.map((r) => [r.from, r.table])).toEqual([['10.1.0.0/24', '100']]);
    expect(model.globalDefs?.vrrpVersion?.value).toBe(3);
  });

  it('keeps invalid values as undefined with their words', () => {
    const fs = createMemoryFileSystem({ '/k.conf': 'vrrp_instance X {\n  state master\n  priority high\n  advert_int 1s\n  virtual_router_id 300\n}\n' });
    const vi = loadKeepalived('/k.conf', { fs }).model.vrrpInstances[0];
    expect([vi.state?.value, vi.state?.args]).toEqual([undefined, ['master']]);
    expect([vi.priority?.value, vi.advertInt?.value]).toEqual([undefined, undefined]);
    // Ranges are the schema checker's job: the number is kept.
    expect(vi.virtualRouterId?.value).toBe(300);
  });

  it('keeps the last of a repeated setting, and every instance even when names repeat', () => {
    const fs = createMemoryFileSystem({ '/k.conf': 'vrrp_instance X {\n  priority 10\n  priority 20\n}\nvrrp_instance X {\n}\nfoo bar\nbfd_instance b {\n}\n' });
    const { model } = loadKeepalived('/k.conf', { fs });
    expect(model.vrrpInstances.map((i) => [i.name, i.priority?.value])).toEqual([
      ['X', 20],
      ['X', undefined],
    ]);
    expect(model.others.map((s) => s.keyword.value)).toEqual(['foo', 'bfd_instance']);
  });
});

describe('keepalived model: LVS', () => {
  const { model } = valid('lvs-checkers.conf');

  it('reads every checker type with its own settings', () => {
    const checkers = model.virtualServers.flatMap((v) => v.realServers.flatMap((r) => r.checkers.map((c) => c.type)));
    expect(checkers).toEqual(['TCP_CHECK', 'HTTP_GET', 'SSL_GET', 'MISC_CHECK', 'PING_CHECK', 'BFD_CHECK', 'FILE_CHECK', 'SMTP_CHECK', 'DNS_CHECK', 'UDP_CHECK']);
    const [vs1, vs2, vs3] = model.virtualServers;
    const http = vs1.realServers[1].checkers[0] as KaHttpChecker;
    expect(http.urls.map((u) => [u.path?.value, u.digest?.value, u.statusCodes?.value])).toEqual([
      ['/health', undefined, [{ from: 200, to: 299 }, { from: 301, to: 301 }]],
      ['/index.html', '9b3a0c85a887a256d6939da88aabd8cd', undefined],
    ]);
    expect((vs1.realServers[2].checkers[0] as KaHttpChecker).enableSni?.value).toBe(true);
    const misc = vs1.realServers[3].checkers[0] as KaMiscChecker;
    expect([misc.miscPath?.value, misc.miscTimeout?.value, misc.miscDynamic?.value]).toEqual([['/bin/true', 'check', '192.168.20.14'], 5, true]);
    expect(vs1.realServers[0].checkers[0].connectPort?.value).toBe(80);
    expect(vs2.realServers[0].checkers[0]).toMatchObject({ type: 'SMTP_CHECK', heloName: { value: 'mail.example.com' } });
    expect(vs3.realServers[0].checkers[0]).toMatchObject({ type: 'DNS_CHECK', queryType: { value: 'A' }, name: { value: 'example.com' } });
    expect(vs3.realServers[1].checkers[0]).toMatchObject({ type: 'UDP_CHECK', payload: { value: '0102 0304' }, maxReplyLength: { value: 512 } });
    expect(vs1.realServers[5].checkers[0]).toMatchObject({ type: 'FILE_CHECK', trackFile: { value: 'rs_weight' }, weight: { value: { weight: 2, reverse: false } } });
  });

  it('reads virtual server settings, sorry server, quorum scripts and real server thresholds', () => {
    const [vs1, vs2, vs3] = model.virtualServers;
    expect([vs1.persistenceGranularity?.value, vs1.quorum?.value, vs1.hysteresis?.value, vs1.alpha?.value, vs1.omega?.value]).toEqual(['255.255.255.0', 2, 1, true, true]);
    expect([vs1.sorryServer?.address, vs1.sorryServer?.port]).toEqual(['192.168.20.250', 80]);
    expect(vs1.quorumUp?.value).toEqual(['/bin/true', 'quorum', 'up']);
    const rs = vs1.realServers[0];
    expect([rs.weight?.value, rs.inhibitOnFailure?.value, rs.uthreshold?.value, rs.lthreshold?.value, rs.notifyUp?.value]).toEqual([3, true, 1000, 100, ['/bin/true', 'up']]);
    expect([vs2.lbAlgo?.keyword, vs2.lbAlgo?.value, vs2.lbKind?.value]).toEqual(['lvs_sched', 'rr', { method: 'NAT' }]);
    expect(vs3.lbKind?.value).toEqual({ method: 'TUN', tunnelType: 'ipip' });
    expect(vs3.protocol?.value).toBe('UDP');
  });

  it('reads virtual server groups, group and fwmark services, a bare persistence_timeout and IPv6', () => {
    const { model } = valid('lvs-groups-fwmark.conf');
    expect(model.virtualServerGroups[0].entries.map((e) => (e.kind === 'address' ? [e.address, e.rangeEnd, e.prefix, e.port] : ['fwmark', e.mark]))).toEqual([
      ['192.168.30.1', undefined, undefined, 80],
      ['192.168.30.10', '20', undefined, 80],
      ['192.168.31.0', undefined, 30, 8080],
      ['fwmark', 7],
    ]);
    expect(model.virtualServers.map((v) => v.target)).toEqual([
      { kind: 'group', group: 'web_vips' },
      { kind: 'fwmark', mark: 42, markText: '42' },
      { kind: 'address', address: '2001:db8::80', family: 6, port: 80, portText: '80' },
    ]);
    expect(model.virtualServers[1].persistenceTimeout?.value).toBe(360);
    expect(model.virtualServers[1].realServers[0].port).toBeUndefined();
  });

  it('reads static addresses, routes and rules', () => {
    const { model } = valid('static-routes.conf');
    expect(model.staticIpAddresses.map((a) => [a.address, a.dev, a.label])).toEqual([
      ['192.168.40.10', 'eth0', undefined],
      ['192.168.40.11', 'eth0', 'eth0:st'],
    ]);
    expect(model.staticRoutes.map((r) => [r.type, r.destination?.address, r.via, r.table, r.noTrack])).toEqual([
      [undefined, '192.168.41.0', '192.168.40.1', undefined, false],
      ['blackhole', '192.168.42.0', undefined, undefined, true],
      [undefined, '192.168.43.0', '192.168.40.1', '200', false],
    ]);
    expect(model.staticRules.map((r) => [r.from, r.to, r.table])).toEqual([
      ['192.168.40.0/24', undefined, '200'],
      [undefined, '192.168.43.0/24', '200'],
    ]);
  });

  it('models expanded and included configurations the same way', () => {
    const defs = valid('definitions.conf').model;
    expect(defs.vrrpInstances.map((i) => [i.name, i.virtualRouterId?.value, i.priority?.value, i.virtualIpAddresses.length])).toEqual([
      ['VI_1', 81, 110, 1],
      ['VI_2', 82, 120, 1],
      ['VI_3', 83, 130, 1],
      ['VI_LIST', 90, 110, 4],
    ]);
    const inc = valid('include-glob.conf').model;
    expect(inc.virtualServers[0].realServers.map((r) => [r.address, r.weight?.value])).toEqual([
      ['10.90.0.11', undefined],
      ['10.90.0.12', 2],
    ]);
    expect(inc.vrrpInstances[0].virtualIpAddresses[0].fileName.endsWith('vips.inc')).toBe(true);
    expect(inc.globalDefs?.blocks.length).toBe(2);
    expect(inc.globalDefs?.routerId?.value).toBe('include-test');
  });
});
