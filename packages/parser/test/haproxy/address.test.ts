import { describe, expect, it } from 'vitest';
import { addressesOverlap, parseHaproxyAddress } from '../../src/index.js';

describe('HAProxy addresses (str2sa_range)', () => {
  it.each([
    ['*:80', { family: 'ipv4', host: '*', wildcard: true, port: 80, portEnd: 80 }],
    [':80', { family: 'ipv4', host: '', wildcard: true, port: 80 }],
    ['0.0.0.0:1080', { family: 'ipv4', host: '0.0.0.0', wildcard: true, port: 1080 }],
    ['192.168.4.100:80', { family: 'ipv4', host: '192.168.4.100', wildcard: false, port: 80 }],
    ['[::]:443', { family: 'ipv6', host: '::', wildcard: true, port: 443 }],
    ['[::1]:8080', { family: 'ipv6', host: '::1', wildcard: false, port: 8080 }],
    [':::80', { family: 'ipv6', host: '::', wildcard: true, port: 80 }],
    ['ipv6@::1:87', { prefix: 'ipv6', family: 'ipv6', host: '::1', port: 87 }],
    ['ipv4@:80', { prefix: 'ipv4', family: 'ipv4', wildcard: true, port: 80 }],
    ['ipv6@:80', { prefix: 'ipv6', family: 'ipv6', wildcard: true, port: 80 }],
    ['10.0.0.1', { family: 'ipv4', host: '10.0.0.1' }],
    ['10.0.0.1:8000-8010', { port: 8000, portEnd: 8010 }],
    ['10.0.0.1:+1', { portOffset: 1 }],
    ['10.0.0.1:-1', { portOffset: -1 }],
    ['db.example.com:5432', { family: 'hostname', host: 'db.example.com', port: 5432 }],
    ['/run/haproxy.sock', { family: 'unix', path: '/run/haproxy.sock' }],
    ['unix@/run/haproxy.sock', { prefix: 'unix', family: 'unix', path: '/run/haproxy.sock' }],
    ['abns@my-socket', { prefix: 'abns', family: 'abns', path: 'my-socket' }],
    ['fd@3', { prefix: 'fd', family: 'fd', fd: 3 }],
    ['sockpair@4', { prefix: 'sockpair', family: 'sockpair', fd: 4 }],
    ['udp@127.0.0.1:53', { prefix: 'udp', family: 'ipv4', transport: 'dgram', port: 53 }],
    ['quic4@:443', { prefix: 'quic4', family: 'ipv4', transport: 'dgram', port: 443, wildcard: true }],
    ['tcp6@[::1]:80', { prefix: 'tcp6', family: 'ipv6', transport: 'stream' }],
  ])('%s', (text, expected) => {
    const a = parseHaproxyAddress(text);
    expect(a.error).toBeUndefined();
    expect(a).toMatchObject(expected);
  });

  it.each([
    ['1.2.3.4:70000', /invalid port/],
    ['1.2.3.4:90-80', /invalid port range/],
    ['1.2.3.4:http', /invalid character/],
    ['ipv4@::1:80', /not an IPv4/],
    ['[::1:80', /bracketed/],
    ['fd@x', /not a valid integer/],
    ['foo@1.2.3.4', /unknown address prefix/],
    ['', /empty address/],
    ['a b:80', /invalid address/],
    ['fd00::8', /invalid address 'fd00:' .*write \[fd00::8\]/],
  ])('rejects %s', (text, message) => {
    expect(parseHaproxyAddress(text).error).toMatch(message);
  });

  it('leaves the port unset when there is none or when it is an offset', () => {
    expect(parseHaproxyAddress('10.0.0.1').port).toBeUndefined();
    expect(parseHaproxyAddress('10.0.0.1:+1').port).toBeUndefined();
  });

  it('decides whether two listeners can collide', () => {
    const a = (t: string) => parseHaproxyAddress(t);
    expect(addressesOverlap(a('*:80'), a('10.0.0.1:80'))).toBe(true);
    expect(addressesOverlap(a('10.0.0.1:80'), a('10.0.0.2:80'))).toBe(false);
    expect(addressesOverlap(a(':8000-8010'), a('127.0.0.1:8005'))).toBe(true);
    expect(addressesOverlap(a(':80'), a(':::80'))).toBe(false);
    expect(addressesOverlap(a('udp@:53'), a(':53'))).toBe(false);
    expect(addressesOverlap(a('/run/a.sock'), a('unix@/run/a.sock'))).toBe(true);
  });
});

describe('durations and integers', () => {
  it('reads HAProxy time values', async () => {
    const { parseDuration } = await import('../../src/index.js');
    expect(parseDuration('2s')).toBe(2000);
    expect(parseDuration('1500')).toBe(1500);
    expect(parseDuration('1m')).toBe(60_000);
    expect(parseDuration('10', 's')).toBe(10_000);
    expect(parseDuration('250us')).toBe(0.25);
    expect(parseDuration('2toString')).toBeUndefined();
    expect(parseDuration('s')).toBeUndefined();
    expect(parseDuration('-1s')).toBeUndefined();
  });
});

describe('IPv4 recognition', () => {
  it.each([
    ['0.0.0.0', 'ipv4'],
    ['255.255.255.255', 'ipv4'],
    ['10.0.0.1', 'ipv4'],
    ['256.1.1.1', 'hostname'],
    ['1.2.3', 'hostname'],
    ['1.2.3.4.5', 'hostname'],
    ['01.2.3.4', 'hostname'],
    ['1..3.4', 'hostname'],
    ['::ffff:10.0.0.1', 'ipv6'],
  ])('%s → %s', (host, family) => {
    expect(parseHaproxyAddress(host.includes(':') ? `[${host}]:80` : `${host}:80`).family).toBe(family);
  });
});
