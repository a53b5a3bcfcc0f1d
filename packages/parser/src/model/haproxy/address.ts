import type { HaAddress, HaAddressFamily } from './types.js';
import { isDottedQuad } from '../dotted-quad.js';

interface PrefixInfo {
  family?: HaAddressFamily;
  transport?: 'stream' | 'dgram';
}

/** Address prefixes of HAProxy 1.5 … 3.x (str2sa_range()). */
const PREFIXES: Readonly<Record<string, PrefixInfo>> = {
  unix: { family: 'unix' },
  uxst: { family: 'unix', transport: 'stream' },
  uxdg: { family: 'unix', transport: 'dgram' },
  abns: { family: 'abns' },
  abnsz: { family: 'abns' },
  ip: {},
  ipv4: { family: 'ipv4' },
  ipv6: { family: 'ipv6' },
  tcp: { transport: 'stream' },
  tcp4: { family: 'ipv4', transport: 'stream' },
  tcp6: { family: 'ipv6', transport: 'stream' },
  udp: { transport: 'dgram' },
  udp4: { family: 'ipv4', transport: 'dgram' },
  udp6: { family: 'ipv6', transport: 'dgram' },
  quic4: { family: 'ipv4', transport: 'dgram' },
  quic6: { family: 'ipv6', transport: 'dgram' },
  'quic+ipv4': { family: 'ipv4', transport: 'dgram' },
  'quic+ipv6': { family: 'ipv6', transport: 'dgram' },
  mptcp: { transport: 'stream' },
  mptcp4: { family: 'ipv4', transport: 'stream' },
  mptcp6: { family: 'ipv6', transport: 'stream' },
  fd: { family: 'fd' },
  sockpair: { family: 'sockpair' },
  rhttp: {},
};

function isIpv6(host: string): boolean {
  // The cheap test first: most hosts that are not IPv4 are names, without a ':'.
  if (!host.includes(':') || !/^[0-9A-Fa-f:.]+$/.test(host)) return false;
  const double = host.indexOf('::');
  if (double >= 0 && host.indexOf('::', double + 1) >= 0) return false;
  let groups = host.split(':');
  // An embedded IPv4 tail counts as two groups.
  const last = groups[groups.length - 1];
  if (last.includes('.')) {
    if (!isDottedQuad(last)) return false;
    groups = [...groups.slice(0, -1), '0', '0'];
  }
  const filled = groups.filter((g) => g.length > 0);
  if (filled.some((g) => g.length > 4)) return false;
  return double >= 0 ? filled.length <= 7 : groups.length === 8 && filled.length === 8;
}

/** [A-Za-z0-9_] */
function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/**
 * `^[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_.])?$` as a character loop: every server
 * address is tested, and this runs without a regular expression.
 */
function isHostname(host: string): boolean {
  const n = host.length;
  if (n === 0 || !isNameChar(host.charCodeAt(0))) return false;
  for (let i = 1; i < n; i++) {
    const c = host.charCodeAt(i);
    if (isNameChar(c) || c === 46) continue; // '.'
    if (c === 45 && i < n - 1) continue; // '-' anywhere but last
    return false;
  }
  return true;
}

/**
 * Parses an address as HAProxy's str2sa_range() does: an optional `prefix@`, then a
 * path, an fd number, or `host[:port]` where the port is the text after the last
 * ':' unless a ']' comes later (`[::1]:80`, `:::80`, `*:80`, `:80`, `1.2.3.4:8000-8010`,
 * `10.0.0.1:+1`). `raw` is the text as written when `text` is its variable expansion.
 * Never throws; problems go to `error`.
 */
export function parseHaproxyAddress(text: string, raw: string = text, hasVariable = false): HaAddress {
  // Every field from the start: one object shape for all addresses.
  const address: HaAddress = {
    raw,
    text,
    prefix: undefined,
    family: 'unknown',
    transport: 'stream',
    host: undefined,
    wildcard: false,
    path: undefined,
    fd: undefined,
    port: undefined,
    portEnd: undefined,
    portOffset: undefined,
    hasVariable,
    error: undefined,
  };
  let rest = text;
  if (rest.startsWith('stream+')) rest = rest.slice(7);
  else if (rest.startsWith('dgram+')) {
    rest = rest.slice(6);
    address.transport = 'dgram';
  }
  const at = rest.indexOf('@');
  let forced: HaAddressFamily | undefined;
  if (at > 0 && PREFIXES[rest.slice(0, at)] !== undefined) {
    const prefix = rest.slice(0, at);
    const info = PREFIXES[prefix];
    address.prefix = prefix;
    forced = info.family;
    if (info.transport) address.transport = info.transport;
    rest = rest.slice(at + 1);
  } else if (at > 0 && /^[a-z0-9+]+$/.test(rest.slice(0, at))) {
    address.error = `unknown address prefix '${rest.slice(0, at)}@'`;
    return address;
  }
  if (text.length === 0) {
    address.error = hasVariable ? 'the address is empty once variables are expanded' : 'empty address';
    return address;
  }
  if (forced === 'unix' || forced === 'abns' || (forced === undefined && rest.startsWith('/'))) {
    address.family = forced ?? 'unix';
    address.path = rest;
    if (rest.length === 0) address.error = 'empty socket path';
    return address;
  }
  if (forced === 'fd' || forced === 'sockpair') {
    address.family = forced;
    if (/^\d+$/.test(rest)) address.fd = Number(rest);
    else address.error = `file descriptor '${rest}' is not a valid integer`;
    return address;
  }
  if (address.prefix === 'rhttp') {
    // Reverse HTTP: the "address" names a server; no host or port.
    address.host = rest;
    return address;
  }

  // host[:port]: the port follows the last ':' unless a ']' comes after it.
  let host = rest;
  let port: string | undefined;
  for (let i = rest.length - 1; i >= 0; i--) {
    const c = rest.charCodeAt(i);
    if (c === 93) break; // ']'
    if (c === 58) {
      // ':'
      host = rest.slice(0, i);
      port = rest.slice(i + 1);
      break;
    }
  }
  if (host.startsWith('[')) {
    if (!host.endsWith(']') || host.length < 4) {
      address.error = `invalid bracketed IPv6 address '${host}'`;
      return address;
    }
    host = host.slice(1, -1);
  }
  address.host = host;
  if (port !== undefined && port.length > 0) parsePort(port, address);
  if (address.error) return address;

  if (host === '' || host === '*') {
    address.family = forced === 'ipv6' ? 'ipv6' : 'ipv4';
    address.wildcard = true;
  } else if (host === '::') {
    address.family = 'ipv6';
    address.wildcard = true;
  } else if (isDottedQuad(host)) {
    address.family = 'ipv4';
    address.wildcard = host === '0.0.0.0';
  } else if (isIpv6(host)) {
    address.family = 'ipv6';
    address.wildcard = /^[0:]+$/.test(host);
  } else if (isHostname(host)) {
    address.family = 'hostname';
  } else {
    // `fd00::8` reads as host 'fd00:' port 8, as in HAProxy: IPv6 needs brackets or a port.
    address.error = host.includes(':')
      ? `invalid address '${host}' (HAProxy takes the text after the last ':' as the port: write [${rest.startsWith('[') ? rest.slice(1, -1) : rest}] or add a port)`
      : `invalid address '${host}'`;
    return address;
  }
  if (forced && forced !== address.family && address.family !== 'hostname') {
    address.error = `'${host}' is not an ${forced === 'ipv4' ? 'IPv4' : 'IPv6'} address`;
  }
  return address;
}

/** Digits-only text as a number, or -1 (no regular expression: this runs once per server). */
function digits(text: string, from: number, to: number): number {
  if (to <= from || to - from > 9) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

function parsePort(port: string, address: HaAddress) {
  const c = port.charCodeAt(0);
  if (c >= 48 && c <= 57) {
    const dash = port.indexOf('-');
    const low = digits(port, 0, dash < 0 ? port.length : dash);
    const high = dash < 0 ? low : digits(port, dash + 1, port.length);
    if (low < 0 || high < 0) {
      address.error = `invalid port '${port}'`;
      return;
    }
    if (low > 65535 || high > 65535) address.error = `invalid port '${port}'`;
    else if (low > high) address.error = `invalid port range '${port}'`;
    address.port = low;
    address.portEnd = high;
  } else if (c === 43 || c === 45) {
    const n = digits(port, 1, port.length);
    if (n >= 0) address.portOffset = c === 45 ? -n : n;
    else address.error = `invalid port '${port}'`;
  } else {
    address.error = `invalid character '${port[0]}' in port '${port}'`;
  }
}

/** Whether two addresses can be the same listening socket (same family, overlapping host and ports). */
export function addressesOverlap(a: HaAddress, b: HaAddress): boolean {
  if (a.error || b.error || a.hasVariable || b.hasVariable) return false;
  if (a.transport !== b.transport) return false;
  if (a.family === 'unix' || a.family === 'abns') return a.family === b.family && a.path === b.path;
  if (a.port === undefined || b.port === undefined) return false;
  if ((a.portEnd ?? a.port) < b.port || (b.portEnd ?? b.port) < a.port) return false;
  if (a.family !== b.family) return false;
  return a.wildcard || b.wildcard || a.host === b.host;
}
