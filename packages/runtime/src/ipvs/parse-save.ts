import { canonicalIpv6 } from '../validate/values.js';
import { destinationId, serviceId } from './ids.js';
import type { ForwardingMethod, IpvsDestination, IpvsProtocol, IpvsService, IpvsTable, ServiceKey, TunnelOptions } from './types.js';

export class IpvsParseError extends Error {
  constructor(
    readonly line: number,
    readonly text: string,
    reason: string,
  ) {
    super(`ipvsadm output line ${line}: ${reason}: ${text}`);
    this.name = 'IpvsParseError';
  }
}

/** Splits `ADDR:PORT` / `[ADDR6]:PORT` / `ADDR` (numeric form, as `ipvsadm -Sn` prints). */
export function splitHostPort(text: string): { address: string; port: number } | undefined {
  let address: string;
  let portText: string;
  if (text.charCodeAt(0) === 91 /* [ */) {
    const close = text.indexOf(']:');
    if (close < 0) return undefined;
    address = text.slice(1, close);
    portText = text.slice(close + 2);
    if (!/^[0-9A-Fa-f:.]+$/.test(address)) return undefined;
    address = canonicalIpv6(address);
  } else {
    const colon = text.indexOf(':');
    address = colon < 0 ? text : text.slice(0, colon);
    portText = colon < 0 ? '0' : text.slice(colon + 1);
    if (!IPV4.test(address)) return undefined;
  }
  if (!DIGITS.test(portText)) return undefined;
  return { address, port: Number(portText) };
}

const IPV4 = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;
const DIGITS = /^\d{1,5}$/;

const PROTOCOL_FLAGS: Record<string, IpvsProtocol> = { '-t': 'tcp', '--tcp-service': 'tcp', '-u': 'udp', '--udp-service': 'udp', '--sctp-service': 'sctp' };
const METHOD_FLAGS: Record<string, ForwardingMethod> = { '-g': 'route', '--gatewaying': 'route', '-m': 'masq', '--masquerading': 'masq', '-i': 'tunnel', '--ipip': 'tunnel' };

/** One `-A` or `-a` line, as read. */
interface SaveLine {
  command: '-A' | '-a';
  /** The words naming the service (`-t 10.0.0.1:80`), to recognise a repeat cheaply. */
  serviceText: string;
  key: ServiceKey;
  real?: { address: string; port: number };
  method?: ForwardingMethod;
  weight: number;
  upper: number;
  lower: number;
  scheduler?: string;
  persistence?: { timeout: number; netmask?: string };
  onePacket: boolean;
  flags: string[];
  pe?: string;
  tunnel?: TunnelOptions;
}

const NUMBER = /^\d+$/;
/** Options followed by a value (`-p`'s value is optional and handled apart). */
const VALUE_OPTIONS = new Set(['-t', '--tcp-service', '-u', '--udp-service', '--sctp-service', '-f', '--fwmark-service', '-s', '--scheduler', '-M', '--netmask', '-b', '--sched-flags', '--pe', '-r', '--real-server', '-w', '--weight', '-x', '--u-threshold', '-y', '--l-threshold', '--tun-type', '--tun-port']);

/** Keys by service text, so each service address is parsed once per table. */
type KeyCache = Map<string, ServiceKey>;

function parseLine(line: string, lineNo: number, keys: KeyCache): SaveLine {
  const words = line.split(' ');
  const command = words[0];
  if (command !== '-A' && command !== '-a') throw new IpvsParseError(lineNo, line, 'expected -A or -a');
  const out: SaveLine = { command, serviceText: '', key: undefined as unknown as ServiceKey, weight: 1, upper: 0, lower: 0, onePacket: false, flags: [] };
  let fwmark: string | undefined;
  let ipv6 = false;
  let serviceFlag = '';
  let serviceValue = '';
  for (let j = 1; j < words.length; j++) {
    const w = words[j];
    if (w === '') continue;
    const next = words[j + 1];
    const takes = VALUE_OPTIONS.has(w);
    if (takes && next === undefined) throw new IpvsParseError(lineNo, line, `${w} needs a value`);
    if (takes) j++;
    if (PROTOCOL_FLAGS[w] !== undefined) {
      serviceFlag = w;
      serviceValue = next!;
    } else if (METHOD_FLAGS[w] !== undefined) out.method = METHOD_FLAGS[w];
    else if (w === '-r' || w === '--real-server') out.real = splitHostPort(next!) ?? fail(lineNo, line, 'bad real server address');
    else if (w === '-w' || w === '--weight') out.weight = Number(next);
    else if (w === '-x' || w === '--u-threshold') out.upper = Number(next);
    else if (w === '-y' || w === '--l-threshold') out.lower = Number(next);
    else if (w === '-f' || w === '--fwmark-service') fwmark = next;
    else if (w === '-6' || w === '--ipv6') ipv6 = true;
    else if (w === '-s' || w === '--scheduler') out.scheduler = next;
    else if (w === '-p' || w === '--persistent') out.persistence = { timeout: next !== undefined && NUMBER.test(next) ? Number(words[++j]) : 360 };
    else if (w === '-M' || w === '--netmask') {
      if (out.persistence) out.persistence.netmask = next;
    } else if (w === '-o' || w === '--ops') out.onePacket = true;
    else if (w === '-b' || w === '--sched-flags') out.flags = next!.split(',').sort();
    else if (w === '--pe') out.pe = next;
    else if (w === '--tun-type') out.tunnel = { ...out.tunnel, type: next as TunnelOptions['type'] };
    else if (w === '--tun-port') out.tunnel = { type: 'gue', ...out.tunnel, port: Number(next) };
    else if (w === '--tun-nocsum' || w === '--tun-csum' || w === '--tun-remcsum') out.tunnel = { type: 'gue', ...out.tunnel, checksum: w.slice(6) as TunnelOptions['checksum'] };
    else fail(lineNo, line, `unknown option ${w}`);
  }
  out.serviceText = fwmark !== undefined ? `-f ${fwmark}${ipv6 ? ' -6' : ''}` : `${serviceFlag} ${serviceValue}`;
  let key = keys.get(out.serviceText);
  if (!key) {
    if (fwmark !== undefined) key = { kind: 'fwmark', fwmark: Number(fwmark), family: ipv6 ? 6 : 4 };
    else if (serviceFlag) {
      const hp = splitHostPort(serviceValue) ?? fail(lineNo, line, 'bad service address');
      key = { kind: 'address', protocol: PROTOCOL_FLAGS[serviceFlag], address: hp.address, port: hp.port };
    } else fail(lineNo, line, 'no service address or fwmark');
    keys.set(out.serviceText, key!);
  }
  out.key = key!;
  if (command === '-a' && !out.real) fail(lineNo, line, 'no real server address');
  return out;
}

function fail(lineNo: number, line: string, reason: string): never {
  throw new IpvsParseError(lineNo, line, reason);
}

/**
 * Parses `ipvsadm -Sn` (save format: one `-A`/`-a` command per line) into a table.
 * Thresholds are not in that format; `mergeThresholds` adds them from `ipvsadm -Ln --thresholds`.
 * Anything unexpected is an error: a diff against a half-understood table could delete live services.
 */
export function parseIpvsSave(text: string): IpvsTable {
  const services = new Map<string, IpvsService>();
  const keys: KeyCache = new Map();
  const lines = text.split('\n');
  let last: IpvsService | undefined;
  let lastText = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    const l = parseLine(line, i + 1, keys);
    if (l.command === '-A') {
      last = {
        key: l.key,
        scheduler: l.scheduler ?? 'wlc',
        ...(l.persistence ? { persistence: normalizePersistence(l.persistence, l.key) } : {}),
        ...(l.onePacket ? { onePacket: true } : {}),
        schedulerFlags: l.flags,
        ...(l.pe ? { persistenceEngine: l.pe } : {}),
        destinations: [],
      };
      lastText = l.serviceText;
      services.set(serviceId(l.key), last);
    } else {
      // Real servers follow their service: skip the look-up in the usual case.
      const service = l.serviceText === lastText ? last! : services.get(serviceId(l.key));
      if (!service) throw new IpvsParseError(i + 1, line, `real server of unknown service ${serviceId(l.key)}`);
      const destination: IpvsDestination = { address: l.real!.address, port: l.real!.port, method: l.method ?? 'route', weight: l.weight, upperThreshold: l.upper, lowerThreshold: l.lower };
      if (destination.method === 'tunnel') destination.tunnel = normalizeTunnel(l.tunnel);
      service.destinations.push(destination);
    }
  }
  return { services: [...services.values()] };
}

/** Drops the netmask when it is the default (one client address), as ipvsadm -S does. */
export function normalizePersistence(p: { timeout: number; netmask?: string }, key: ServiceKey): { timeout: number; netmask?: string } {
  const family = key.kind === 'fwmark' ? key.family : key.address.includes(':') ? 6 : 4;
  const full = family === 6 ? '128' : '255.255.255.255';
  return p.netmask === undefined || p.netmask === full ? { timeout: p.timeout } : { timeout: p.timeout, netmask: p.netmask };
}

export function normalizeTunnel(t: TunnelOptions | undefined): TunnelOptions {
  const type = t?.type ?? 'ipip';
  if (type === 'ipip') return { type };
  return { type, ...(t?.port !== undefined ? { port: t.port } : {}), checksum: t?.checksum ?? 'nocsum' };
}

/**
 * Adds upper/lower thresholds from `ipvsadm -Ln --thresholds`, whose destination lines
 * read `-> ADDR:PORT UTHRESHOLD LTHRESHOLD ACTIVECONN INACTCONN`.
 */
export function mergeThresholds(table: IpvsTable, listing: string): IpvsTable {
  const byId = new Map(table.services.map((s) => [serviceId(s.key), s]));
  let current: IpvsService | undefined;
  for (const raw of listing.split('\n')) {
    const line = raw.trim();
    const header = /^(TCP|UDP|SCTP)\s+(\S+)\s/.exec(line + ' ');
    const fwm = /^FWM\s+(\d+)\s+(IPv6\s)?/.exec(line + ' ');
    if (header) {
      const hp = splitHostPort(header[2]);
      current = hp ? byId.get(serviceId({ kind: 'address', protocol: header[1].toLowerCase() as IpvsProtocol, ...hp })) : undefined;
    } else if (fwm) {
      current = byId.get(serviceId({ kind: 'fwmark', fwmark: Number(fwm[1]), family: fwm[2] ? 6 : 4 }));
    } else if (line.startsWith('->') && current) {
      const m = /^->\s+(\S+)\s+(\d+)\s+(\d+)/.exec(line);
      const hp = m && splitHostPort(m[1]);
      if (!hp) continue;
      const d = current.destinations.find((x) => destinationId(x) === destinationId(hp));
      if (d) {
        d.upperThreshold = Number(m![2]);
        d.lowerThreshold = Number(m![3]);
      }
    }
  }
  return table;
}
