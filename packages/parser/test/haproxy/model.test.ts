import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMemoryFileSystem, loadHaproxy } from '../../src/index.js';
import type { HaProxy } from '../../src/index.js';
import { fixturesDir } from './helpers.js';

function load(text: string, env: Record<string, string> = {}, extra: Record<string, unknown> = {}) {
  const fs = createMemoryFileSystem({ '/etc/haproxy/haproxy.cfg': text });
  return loadHaproxy(['/etc/haproxy/haproxy.cfg'], { fs, env, ...extra });
}
const proxy = (m: ReturnType<typeof load>['model'], name: string) => m.proxies.find((p) => p.name === name) as HaProxy;

describe('model: defaults inheritance', () => {
  it('gives each proxy the last defaults section before it; a new defaults section starts afresh', () => {
    const { model } = load(
      'defaults\n  mode http\n  timeout connect 5s\n  option httplog\nfrontend a\n  bind :80\ndefaults\n  timeout client 1s\nbackend b\n  timeout server 2s\n  no option httplog\n',
    );
    const a = proxy(model, 'a');
    const b = proxy(model, 'b');
    expect(a.inheritsFrom).toBe(model.defaults[0]);
    expect(b.inheritsFrom).toBe(model.defaults[1]);
    expect(a.effective.mode).toBe('http');
    expect(b.effective.mode).toBe('tcp'); // the second defaults does not inherit from the first
    expect([...b.effective.timeouts.keys()]).toEqual(['client', 'server']);
    expect(b.effective.options.get('httplog')?.enabled).toBe(false);
    expect(a.timeouts.size).toBe(0);
    expect(a.effective.timeouts.get('connect')?.node.start).toBe(model.defaults[0].settings[1].node.start);
  });

  it('resolves named defaults and from chains', () => {
    const { model, diagnostics } = load(
      'defaults base\n  mode tcp\n  timeout connect 1s\n  default-server inter 3s\ndefaults web from base\n  mode http\n  default-server check\nbackend b from web\n  server s 1.2.3.4:80\nbackend c from base\n  server s 1.2.3.4:80 weight 3\nbackend d from nope\n',
    );
    expect(model.defaults[1].from?.target).toBe(model.defaults[0]);
    expect(model.defaults[1].effective.timeouts.has('connect')).toBe(true);
    const b = proxy(model, 'b');
    expect(b.inheritsFrom?.name).toBe('web');
    expect(b.effective.mode).toBe('http');
    expect(b.servers[0]).toMatchObject({ check: true, inter: 3000 });
    expect(proxy(model, 'c').servers[0]).toMatchObject({ inter: 3000, weight: 3 });
    expect(proxy(model, 'c').servers[0].check).toBeUndefined();
    expect(diagnostics.map((d) => d.code)).toEqual(['model/unknown-defaults']);
  });

  it('applies default-server lines in order, layered on the inherited one', () => {
    const { model } = load('defaults\n  default-server rise 5\nbackend b\n  server a 1.1.1.1:80\n  default-server fall 9\n  server b 1.1.1.2:80 rise 1\n');
    const b = proxy(model, 'b');
    expect(b.servers[0]).toMatchObject({ rise: 5 });
    expect(b.servers[0].fall).toBeUndefined();
    expect(b.servers[1]).toMatchObject({ rise: 1, fall: 9 });
  });

  it('inherits stats, logs and rules, but not binds, servers or ACLs', () => {
    const { model } = load(
      'defaults\n  log 127.0.0.1 local0\n  stats enable\n  stats auth admin:admin\n  http-request set-header X-A 1\n  default_backend be\nfrontend fe\n  no log\n  stats auth ops:ops\n  bind :80\n  acl a path /\n',
    );
    const fe = proxy(model, 'fe');
    expect(fe.effective.logs).toEqual([]);
    expect(fe.effective.stats.auth.map((a) => a.user)).toEqual(['admin', 'ops']);
    expect(fe.stats.auth.map((a) => a.user)).toEqual(['ops']);
    expect(fe.effective.inheritedRules.map((r) => r.action)).toEqual(['set-header']);
    expect(fe.effective.defaultBackend?.backend).toBe('be');
    expect(model.defaults[0].rules).toHaveLength(1);
    expect(fe.binds).toHaveLength(1);
    expect(fe.acls).toHaveLength(1);
  });

  it('maps the 1.5 timeout keywords and the listen header address', () => {
    const { model } = load('defaults\n  contimeout 5000\n  clitimeout 50000\nlisten servers *:80\n  server web1 192.168.4.100:80 check\n');
    const p = proxy(model, 'servers');
    expect([...p.effective.timeouts.keys()]).toEqual(['connect', 'client']);
    expect(p.legacyAddress?.value).toBe('*:80');
    expect(p.binds[0]).toMatchObject({ legacy: true, addresses: [{ family: 'ipv4', wildcard: true, port: 80 }] });
  });
});

describe('model: proxies', () => {
  it('reads binds with their options', () => {
    const { model } = load('frontend f\n  bind 127.0.0.1:80,[::1]:80 name web transparent interface eth0 ssl crt /a.pem crt /b.pem alpn h2,http/1.1 frobnicate\n');
    const bind = proxy(model, 'f').binds[0];
    expect(bind.addresses.map((a) => a.family)).toEqual(['ipv4', 'ipv6']);
    expect(bind).toMatchObject({ name: 'web', transparent: true, interface: 'eth0', ssl: true, crt: ['/a.pem', '/b.pem'], alpn: 'h2,http/1.1' });
    expect(bind.options.find((o) => o.name === 'frobnicate')?.unknown).toBe(true);
  });

  it('reads ACLs, conditions and backend switching', () => {
    const { model } = load(
      'frontend f\n  acl api path_beg -i /api\n  acl v2 hdr(x-v) -m str 2\n  use_backend api if api !v2 || { src 10.0.0.0/8 }\n  use_backend be_%[req.hdr(host)]\n  default_backend web\n  http-request deny deny_status 403 unless api\n',
    );
    const f = proxy(model, 'f');
    expect(f.acls.map((a) => [a.name, a.criterion, a.flags, a.patterns])).toEqual([
      ['api', 'path_beg', ['-i'], ['/api']],
      ['v2', 'hdr(x-v)', ['-m str'], ['2']],
    ]);
    const [first, second] = f.useBackends;
    expect(first.condition?.aclRefs.map((r) => [r.name, r.negated])).toEqual([
      ['api', false],
      ['v2', true],
    ]);
    expect(first.condition?.anonymousAcls.map((a) => a.map((w) => w.value))).toEqual([['src', '10.0.0.0/8']]);
    expect(second).toMatchObject({ dynamic: true });
    expect(f.defaultBackend?.backend).toBe('web');
    expect(f.rules[0]).toMatchObject({ keyword: 'http-request', action: 'deny', condition: { kind: 'unless' } });
    expect(f.rules[0].args.map((w) => w.value)).toEqual(['deny_status', '403']);
  });

  it('indexes frontends and backends by name (listen is both)', () => {
    const { model } = load('frontend a\nbackend b\nlisten c\n');
    expect([...model.frontends.keys()]).toEqual(['a', 'c']);
    expect([...model.backends.keys()]).toEqual(['b', 'c']);
  });

  it('reads the stats page settings', () => {
    const { model } = load('listen stats\n  bind :1080\n  stats uri /stats\n  stats realm Haproxy Manager\n  stats auth admin:admin\n  stats admin if TRUE\n');
    const s = proxy(model, 'stats').stats;
    expect(s).toMatchObject({ enabled: true, uri: { value: '/stats' }, realm: { value: 'Haproxy' } });
    expect(s.auth.map((a) => [a.user, a.password])).toEqual([['admin', 'admin']]);
    expect(s.admin[0].condition?.aclRefs.map((r) => r.name)).toEqual(['TRUE']);
  });
});

describe('model: other sections', () => {
  it('reads global settings and stats sockets', () => {
    const { model } = load(
      'global\n  user haproxy\n  maxconn 100\n  stats socket /run/a.sock mode 600 level admin\n  stats socket ipv4@127.0.0.1:9999\n  ssl-default-bind-options ssl-min-ver TLSv1.2\nglobal\n  maxconn 200\n',
    );
    const g = model.global;
    expect(g.sections).toHaveLength(2);
    expect(g.user?.value).toBe('haproxy');
    expect(g.maxconn?.value).toBe(200);
    expect(g.statsSockets.map((s) => [s.address.family, s.level, s.levelSet, s.mode])).toEqual([
      ['unix', 'admin', true, '600'],
      ['ipv4', 'operator', false, undefined],
    ]);
    expect(g.ssl.get('ssl-default-bind-options')?.values).toEqual(['ssl-min-ver', 'TLSv1.2']);
  });

  it('reads userlists, peers, resolvers, mailers and keeps the rest generic', () => {
    const { model } = load(
      'userlist u\n  user a password $6$x\n  user b insecure-password pw groups g1,g2\n  group g1 users a\npeers p\n  peer lb1 10.0.0.1:1024\n  server lb2 10.0.0.2:1024\nresolvers r\n  nameserver dns 10.0.0.53:53\n  hold valid 10s\nmailers m\n  mailer smtp 10.0.0.25:25\ncache c\n  total-max-size 4\n',
    );
    expect(model.userlists[0].users.map((u) => [u.name, u.passwordKind, u.password, u.groups])).toEqual([
      ['a', 'hashed', '$6$x', []],
      ['b', 'insecure', 'pw', ['g1', 'g2']],
    ]);
    expect(model.userlists[0].groups[0].users).toEqual(['a']);
    expect(model.peers[0].peers.map((p) => [p.name, p.viaServer, p.address?.port])).toEqual([
      ['lb1', false, 1024],
      ['lb2', true, 1024],
    ]);
    expect(model.resolvers[0].nameservers[0].address.port).toBe(53);
    expect([...model.resolvers[0].holds.keys()]).toEqual(['valid']);
    expect(model.mailers[0].mailers[0].address.port).toBe(25);
    expect(model.otherSections[0]).toMatchObject({ kind: 'cache', name: 'c' });
    expect(model.sections.map((s) => s.kind)).toEqual(['userlist', 'peers', 'resolvers', 'mailers', 'cache']);
  });

  it('keeps every element tied to its node and file', () => {
    const { model, files } = load('frontend f\n  bind :80\n');
    const [fileName] = files.keys();
    const bind = model.proxies[0].binds[0];
    expect(bind.fileName).toBe(fileName);
    expect(bind.setting?.node.words[0].value).toBe('bind');
  });
});

describe('model: conditional blocks and the environment', () => {
  it('takes the branch HAProxy takes and records undecidable ones', () => {
    const text = 'backend b\n.if defined(PROD)\n  server p 10.0.0.1:80\n.elif feature(OPENSSL)\n  server s 10.0.0.2:80\n.else\n  server d 10.0.0.3:80\n.endif\n';
    const noEnv = load(text).model;
    expect(noEnv.proxies[0].servers.map((s) => [s.name, !!s.setting.undecided])).toEqual([['d', true]]);
    expect(noEnv.conditionals[0]).toMatchObject({ taken: 2, decided: false });
    const prod = load(text, { PROD: '1' }).model;
    expect(prod.proxies[0].servers.map((s) => [s.name, !!s.setting.undecided])).toEqual([['p', false]]);
    expect(prod.conditionals[0]).toMatchObject({ taken: 0, decided: true });
    const withSsl = load(text, {}, { features: ['OPENSSL'] }).model;
    expect(withSsl.proxies[0].servers.map((s) => s.name)).toEqual(['s']);
  });

  it('keeps a section opened in a taken branch open after .endif', () => {
    const { model } = load('frontend f\n  bind :80\n.if 1\nbackend b\n.endif\n  server s 1.2.3.4:80\n');
    expect(proxy(model, 'b').servers).toHaveLength(1);
    const skipped = load('frontend f\n  bind :80\n.if 0\nbackend b\n.endif\n  server s 1.2.3.4:80\n').model;
    expect(skipped.proxies.map((p) => p.name)).toEqual(['f']);
    expect(proxy(skipped, 'f').servers).toHaveLength(1);
  });

  it('expands "${VAR}" words with the environment and global setenv/presetenv', () => {
    const text = 'global\n  presetenv PORT 8080\n  setenv HOST 10.0.0.1\nfrontend f\n  bind "${HOST}:${PORT}"\n  bind "${MISSING-127.0.0.1}:81"\n';
    expect(proxy(load(text).model, 'f').binds.map((b) => [b.addresses[0].host, b.addresses[0].port])).toEqual([
      ['10.0.0.1', 8080],
      ['127.0.0.1', 81],
    ]);
    expect(proxy(load(text, { PORT: '9090' }).model, 'f').binds[0].addresses[0].port).toBe(9090);
  });

  it('reports .alert/.warning in taken branches only', () => {
    const { diagnostics } = load('global\n.if 0\n  .alert "no"\n.else\n  .warning "careful"\n.endif\n');
    expect(diagnostics.map((d) => [d.code, d.severity, d.message])).toEqual([['model/warning', 'warning', '.warning: careful']]);
  });

  it('reports directives outside any section, per file', () => {
    const fs = createMemoryFileSystem({ '/c/a.cfg': 'global\n  daemon\n', '/c/b.cfg': '  maxconn 10\nbackend b\n' });
    const r = loadHaproxy(['/c'], { fs });
    expect(r.model.orphans.map((o) => o.keyword)).toEqual(['maxconn']);
    expect(r.diagnostics.map((d) => [d.code, d.fileName])).toEqual([['model/outside-section', path.resolve('/c/b.cfg')]]);
  });
});

describe('loader', () => {
  it('reads directories as haproxy -f does: *.cfg only, no dot files, byte order, no recursion', () => {
    const r = loadHaproxy([path.join(fixturesDir, 'multi/conf.d')]);
    expect(r.model.files.map((f) => path.basename(f))).toEqual(['00-global.cfg', '10-defaults.cfg', '20-frontends.cfg', '30-backends.cfg']);
    expect(proxy(r.model, 'fe').inheritsFrom?.fileName).toMatch(/10-defaults\.cfg$/);
    expect(proxy(r.model, 'fe').effective.mode).toBe('http');
  });

  it('loads several paths in order and reports missing files', () => {
    const fs = createMemoryFileSystem({ '/a/one.cfg': 'defaults\n  mode http\n', '/b/Z.cfg': 'backend z\n', '/b/a.cfg': 'backend a\n' });
    const r = loadHaproxy(['/a/one.cfg', '/b', '/missing.cfg'], { fs });
    expect(r.model.proxies.map((p) => [p.name, p.effective.mode])).toEqual([
      ['z', 'http'],
      ['a', 'http'],
    ]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['include/not-found']);
    expect([...r.files.keys()].map((f) => path.basename(f))).toEqual(['one.cfg', 'Z.cfg', 'a.cfg']);
  });
});
