import { expect, it } from 'vitest';
import { EMPTY_CONFIG } from './config.js';
import { hostOf } from './hosts.js';

it('groups the usual layouts by host directory', () => {
  expect(hostOf('/repo/web1/keepalived.conf', EMPTY_CONFIG)).toEqual({ id: '/repo/web1', name: 'web1', explicit: false });
  expect(hostOf('/repo/lb1/haproxy.cfg', EMPTY_CONFIG).id).toBe(hostOf('/repo/lb1/keepalived.conf', EMPTY_CONFIG).id);
  expect(hostOf('/repo/lb1/etc/keepalived/keepalived.conf', EMPTY_CONFIG)).toEqual({ id: '/repo/lb1', name: 'lb1', explicit: false });
  expect(hostOf('/repo/lb1/etc/haproxy/conf.d/web.cfg', EMPTY_CONFIG).id).toBe('/repo/lb1');
  expect(hostOf('/repo/lb1/etc/haproxy/haproxy.cfg', EMPTY_CONFIG).id).toBe('/repo/lb1');
});

it('tells side-by-side <host>.keepalived.conf files apart', () => {
  expect(hostOf('/repo/pair/lb1.keepalived.conf', EMPTY_CONFIG)).toEqual({ id: '/repo/pair/lb1', name: 'lb1', explicit: false });
  expect(hostOf('/repo/pair/lb2.keepalived.conf', EMPTY_CONFIG).id).not.toBe(hostOf('/repo/pair/lb1.keepalived.conf', EMPTY_CONFIG).id);
  expect(hostOf('/repo/pair/lb1.haproxy.cfg', EMPTY_CONFIG).id).toBe('/repo/pair/lb1');
});

it('keeps unrelated files in one directory apart: each is a host of its own', () => {
  const a = hostOf('/corpus/haproxy/site-a--haproxy.cfg', EMPTY_CONFIG);
  const b = hostOf('/corpus/haproxy/site-b--haproxy.cfg', EMPTY_CONFIG);
  expect(a).toEqual({ id: '/corpus/haproxy/site-a--haproxy.cfg', name: 'site-a--haproxy.cfg', explicit: false });
  expect(a.id).not.toBe(b.id);
});

it('lets the config file name nodes', () => {
  const config = { ...EMPTY_CONFIG, nodes: { 'director-a': { files: ['/srv/a.conf'] } } };
  expect(hostOf('/srv/a.conf', config)).toEqual({ id: 'node:director-a', name: 'director-a', explicit: true });
});
