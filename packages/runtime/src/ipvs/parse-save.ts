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

/** Splits `ADDR:PORT` / `[ADDR6]:PORT` (numeric form, as `ipvsadm -Sn` prints). */
export function splitHostPort(text: string): { address: string; port: number } | undefined {
  const m = /^\[([0-9A-Fa-f:.]+)\]:(\d+)$/.exec(text) ?? /^([0-9.]+):(\d+)$/.exec(text) ?? /^([0-9.]+)$/.exec(text);
  if (!m) return undefined;
  const address = text.startsWith('[') ? canonicalIpv6(m[1]) : m[1];
  return { address, port: m[2] === undefined ? 0 : Number(m[2]) };
}

const PROTOCOL_FLAGS: Record<string, IpvsProtocol> = { '-t': 'tcp', '--tcp-service': 'tcp', '-u': 'udp', '--udp-service': 'udp', '--sctp-service': 'sctp' };
const METHOD_FLAGS: Record<string, ForwardingMethod> = { '-g': 'route', '--gatewaying': 'route', '-m': 'masq', '--masquerading': 'masq', '-i': 'tunnel', '--ipip': 'tunnel' };

/**
 * Parses `ipvsadm -Sn` (save format: one `-A`/`-a` command per line) into a table.
 * Thresholds are not in that format; `mergeThresholds` adds them from `ipvsadm -Ln --thresholds`.
 * Anything unexpected is an error: a diff against a half-understood table could delete live services.
 */
export function parseIpvsSave(text: string): IpvsTable {
  const services = new Map<string, IpvsService>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    const fail = (reason: string): never => {
      throw new IpvsParseError(i + 1, line, reason);
    };
    const words = line.split(/\s+/);
    const command = words[0];
    if (command !== '-A' && command !== '-a') fail('expected -A or -a');
    let key: ServiceKey | undefined;
    let fwmark: number | undefined;
    let ipv6 = false;
    let real: { address: string; port: number } | undefined;
    let method: ForwardingMethod | undefined;
    let weight = 1;
    let upper = 0;
    let lower = 0;
    let scheduler: string | undefined;
    let persistence: { timeout: number; netmask?: string } | undefined;
    let onePacket = false;
    let flags: string[] = [];
    let pe: string | undefined;
    let tunnel: TunnelOptions | undefined;
    const value = (j: number) => words[j + 1] ?? fail(`${words[j]} needs a value`);
    for (let j = 1; j < words.length; j++) {
      const w = words[j];
      if (w in PROTOCOL_FLAGS) {
        const hp = splitHostPort(value(j++)) ?? fail('bad service address');
        key = { kind: 'address', protocol: PROTOCOL_FLAGS[w], ...hp };
      } else if (w === '-f' || w === '--fwmark-service') fwmark = Number(value(j++));
      else if (w === '-6' || w === '--ipv6') ipv6 = true;
      else if (w === '-s' || w === '--scheduler') scheduler = value(j++);
      else if (w === '-p' || w === '--persistent') {
        const next = words[j + 1];
        persistence = { timeout: next !== undefined && /^\d+$/.test(next) ? Number(words[++j]) : 360 };
      } else if (w === '-M' || w === '--netmask') {
        const mask = value(j++);
        if (persistence) persistence.netmask = mask;
      } else if (w === '-o' || w === '--ops') onePacket = true;
      else if (w === '-b' || w === '--sched-flags') flags = value(j++).split(',').sort();
      else if (w === '--pe') pe = value(j++);
      else if (w === '-r' || w === '--real-server') real = splitHostPort(value(j++)) ?? fail('bad real server address');
      else if (w in METHOD_FLAGS) method = METHOD_FLAGS[w];
      else if (w === '-w' || w === '--weight') weight = Number(value(j++));
      else if (w === '-x' || w === '--u-threshold') upper = Number(value(j++));
      else if (w === '-y' || w === '--l-threshold') lower = Number(value(j++));
      else if (w === '--tun-type') tunnel = { ...tunnel, type: value(j++) as TunnelOptions['type'] };
      else if (w === '--tun-port') tunnel = { type: 'gue', ...tunnel, port: Number(value(j++)) };
      else if (w === '--tun-nocsum' || w === '--tun-csum' || w === '--tun-remcsum') tunnel = { type: 'gue', ...tunnel, checksum: w.slice(6) as TunnelOptions['checksum'] };
      else fail(`unknown option ${w}`);
    }
    if (fwmark !== undefined) key = { kind: 'fwmark', fwmark, family: ipv6 ? 6 : 4 };
    if (!key) fail('no service address or fwmark');
    const id = serviceId(key!);
    if (command === '-A') {
      services.set(id, {
        key: key!,
        scheduler: scheduler ?? 'wlc',
        ...(persistence ? { persistence: normalizePersistence(persistence, key!) } : {}),
        ...(onePacket ? { onePacket } : {}),
        schedulerFlags: flags,
        ...(pe ? { persistenceEngine: pe } : {}),
        destinations: [],
      });
    } else {
      const service = services.get(id) ?? fail(`real server of unknown service ${id}`);
      if (!real) fail('no real server address');
      const destination: IpvsDestination = { ...real!, method: method ?? 'route', weight, upperThreshold: upper, lowerThreshold: lower };
      if (destination.method === 'tunnel') destination.tunnel = normalizeTunnel(tunnel);
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
