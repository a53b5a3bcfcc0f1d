import type { KeepalivedFacts, Located, RealServerFact, VirtualServerFact } from '../config/facts.js';
import { addressFamily, checkAddress, checkFwmark, checkNetmask, checkPort, checkScheduler, checkThreshold, checkTimeout, checkWeight, ValueError } from '../validate/values.js';
import { destinationId, serviceId } from './ids.js';
import { normalizePersistence, normalizeTunnel } from './parse-save.js';
import type { ForwardingMethod, IpvsDestination, IpvsProtocol, IpvsService, IpvsTable, ServiceKey, TunnelOptions } from './types.js';

export interface ConfigProblem extends Located {
  message: string;
}

export interface DesiredResult {
  table: IpvsTable;
  problems: ConfigProblem[];
}

/** Largest virtual_server_group range expanded (a /16 of VIPs is already a mistake). */
const MAX_RANGE = 4096;
const DEFAULT_SCHEDULER = 'wlc';

/**
 * The IPVS table keepalived would build from the config's virtual_server blocks, for
 * running IPVS without keepalived's checkers (every real server counts as up). Pure: every
 * value is checked here, so nothing unchecked reaches an ipvsadm command line.
 */
export function desiredTable(facts: KeepalivedFacts): DesiredResult {
  const problems: ConfigProblem[] = [];
  const services: IpvsService[] = [];
  const seen = new Map<string, Located>();
  for (const vs of facts.virtualServers) {
    try {
      for (const service of servicesOf(vs, facts)) {
        const id = serviceId(service.key);
        const earlier = seen.get(id);
        if (earlier) {
          problems.push({ file: vs.file, line: vs.line, message: `${id} is already defined at line ${earlier.line}; IPVS holds one service per address` });
          continue;
        }
        seen.set(id, vs);
        services.push(service);
      }
    } catch (error) {
      if (!(error instanceof LocatedValueError)) throw error;
      problems.push({ file: error.at.file, line: error.at.line, message: error.message });
    }
  }
  return { table: { services }, problems };
}

class LocatedValueError extends Error {
  constructor(
    readonly at: Located,
    message: string,
  ) {
    super(message);
  }
}

function checked<T>(at: Located, f: () => T): T {
  try {
    return f();
  } catch (error) {
    if (error instanceof ValueError) throw new LocatedValueError(at, error.message);
    throw error;
  }
}

function servicesOf(vs: VirtualServerFact, facts: KeepalivedFacts): IpvsService[] {
  const protocol = checked(vs, () => protocolOf(vs.protocol));
  const scheduler = checked(vs, () => checkScheduler('lvs_sched', vs.scheduler ?? DEFAULT_SCHEDULER));
  const method = checked(vs, () => methodOf(vs.method ?? ['NAT'], 'lvs_method'));
  const persistent = vs.persistenceTimeout !== undefined;
  const keys: ServiceKey[] = [];
  if (vs.target.kind === 'address') {
    const target = vs.target;
    const address = checked(vs, () => checkAddress('virtual_server address', target.address));
    keys.push({ kind: 'address', protocol, address, port: portOf(vs, target.port, persistent) });
  } else if (vs.target.kind === 'fwmark') {
    const target = vs.target;
    keys.push({ kind: 'fwmark', fwmark: checked(vs, () => checkFwmark('fwmark', target.fwmark)), family: fwmarkFamily(vs) });
  } else {
    const entries = facts.groups.get(vs.target.name);
    if (!entries) throw new LocatedValueError(vs, `virtual_server_group '${vs.target.name}' is not defined`);
    for (const entry of entries) keys.push(...groupKeys(entry.words, entry, protocol, persistent, fwmarkFamily(vs)));
  }
  const destinations: IpvsDestination[] = [];
  const seen = new Set<string>();
  for (const rs of vs.realServers) {
    const d = destinationOf(rs, method, keys[0]);
    const id = destinationId(d);
    if (seen.has(id)) throw new LocatedValueError(rs, `real_server ${id} is listed twice in this virtual_server`);
    seen.add(id);
    destinations.push(d);
  }
  const flags = vs.flags.filter((f) => f !== 'ops').sort();
  return keys.map((key) => {
    const family = key.kind === 'fwmark' ? key.family : addressFamily(key.address);
    const persistence = persistent
      ? normalizePersistence(
          {
            timeout: vs.persistenceTimeout === '' ? 360 : checked(vs, () => checkTimeout('persistence_timeout', vs.persistenceTimeout!)),
            ...(vs.persistenceGranularity ? { netmask: checked(vs, () => checkNetmask('persistence_granularity', vs.persistenceGranularity!, family)) } : {}),
          },
          key,
        )
      : undefined;
    return {
      key,
      scheduler,
      ...(persistence ? { persistence } : {}),
      ...(vs.flags.includes('ops') ? { onePacket: true } : {}),
      schedulerFlags: flags,
      ...(vs.persistenceEngine ? { persistenceEngine: checked(vs, () => persistenceEngineOf(vs.persistenceEngine!)) } : {}),
      // A service without its own port sends to the real server's port as written.
      destinations: destinations.map((d) => ({ ...d, port: d.port === -1 ? (key.kind === 'address' ? key.port : 0) : d.port })),
    };
  });
}

function protocolOf(text: string | undefined): IpvsProtocol {
  const p = (text ?? 'TCP').toUpperCase();
  if (p === 'TCP' || p === 'UDP' || p === 'SCTP') return p.toLowerCase() as IpvsProtocol;
  throw new ValueError('protocol', text ?? '', 'TCP, UDP or SCTP');
}

function portOf(at: Located, port: string | undefined, persistent: boolean): number {
  if (port === undefined) {
    if (!persistent) throw new LocatedValueError(at, 'a virtual server without a port must be persistent (persistence_timeout)');
    return 0;
  }
  return checked(at, () => checkPort('port', port));
}

function persistenceEngineOf(name: string): string {
  if (name === 'sip') return name;
  throw new ValueError('persistence_engine', name, 'sip');
}

function fwmarkFamily(vs: VirtualServerFact): 4 | 6 {
  if (vs.ipFamily === 'inet6') return 6;
  if (vs.ipFamily === 'inet') return 4;
  return vs.realServers.length > 0 && vs.realServers.every((rs) => rs.address.includes(':')) ? 6 : 4;
}

/** `NAT`, `DR`, `TUN [type ipip|gue port N|gre] [nocsum|csum|remcsum]`. */
export function methodOf(words: string[], field: string): { method: ForwardingMethod; tunnel?: TunnelOptions } {
  const [kind, ...rest] = words;
  const upper = (kind ?? '').toUpperCase();
  if (upper === 'NAT') return { method: 'masq' };
  if (upper === 'DR') return { method: 'route' };
  if (upper !== 'TUN') throw new ValueError(field, words.join(' '), 'NAT, DR or TUN');
  const tunnel: TunnelOptions = { type: 'ipip' };
  for (let i = 0; i < rest.length; i++) {
    const w = rest[i];
    if (w === 'type') {
      const t = rest[++i];
      if (t !== 'ipip' && t !== 'gue' && t !== 'gre') throw new ValueError(`${field} type`, t ?? '', 'ipip, gue or gre');
      tunnel.type = t;
    } else if (w === 'port') tunnel.port = checkPort(`${field} port`, rest[++i] ?? '');
    else if (w === 'nocsum' || w === 'csum' || w === 'remcsum') tunnel.checksum = w;
    else throw new ValueError(field, words.join(' '), 'TUN [type ipip|gue port N|gre] [nocsum|csum|remcsum]');
  }
  if (tunnel.type === 'gue' && tunnel.port === undefined) throw new ValueError(field, words.join(' '), 'a GUE tunnel with a port');
  return { method: 'tunnel', tunnel: normalizeTunnel(tunnel) };
}

function destinationOf(rs: RealServerFact, vsMethod: ReturnType<typeof methodOf>, key: ServiceKey | undefined): IpvsDestination {
  const address = checked(rs, () => checkAddress('real_server address', rs.address));
  const own = rs.method ? checked(rs, () => methodOf(rs.method!, 'lvs_method')) : vsMethod;
  if (own.method !== 'tunnel' && key?.kind === 'address' && addressFamily(key.address) !== addressFamily(address)) {
    throw new LocatedValueError(rs, `real_server ${address} is not of the virtual server's address family (only tunnelled real servers may differ)`);
  }
  return {
    address,
    // -1: "the service's port", resolved per service (groups can have several ports).
    port: rs.port === undefined ? -1 : checked(rs, () => checkPort('real_server port', rs.port!)),
    method: own.method,
    weight: rs.weight === undefined ? 1 : checked(rs, () => checkWeight('weight', rs.weight!)),
    upperThreshold: rs.uthreshold === undefined ? 0 : checked(rs, () => checkThreshold('uthreshold', rs.uthreshold!)),
    lowerThreshold: rs.lthreshold === undefined ? 0 : checked(rs, () => checkThreshold('lthreshold', rs.lthreshold!)),
    ...(own.tunnel ? { tunnel: own.tunnel } : {}),
  };
}

function groupKeys(words: string[], at: Located, protocol: IpvsProtocol, persistent: boolean, family: 4 | 6): ServiceKey[] {
  if (words[0] === 'fwmark') {
    const f = words[2] === 'inet6' ? 6 : words[2] === 'inet' ? 4 : family;
    return [{ kind: 'fwmark', fwmark: checked(at, () => checkFwmark('fwmark', words[1] ?? '')), family: f }];
  }
  const port = portOf(at, words[1], persistent);
  return checked(at, () => expandRange(words[0])).map((address) => ({ kind: 'address', protocol, address, port }));
}

/** `192.168.200.1-10`, `192.168.200.250-192.168.201.10`, `192.168.202.8/29`, `2001:db8::1-a`, or one address. */
export function expandRange(text: string): string[] {
  const family = text.includes(':') ? 6 : 4;
  const bits = family === 4 ? 32 : 128;
  let first: bigint;
  let last: bigint;
  const slash = /^(.+)\/(\d+)$/.exec(text);
  const dash = /^(.+)-([0-9A-Fa-f.:]+)$/.exec(text);
  if (slash) {
    const prefix = Number(slash[2]);
    if (prefix > bits) throw new ValueError('virtual_server_group range', text, `a prefix of at most ${bits} bits`);
    const base = toBig(checkAddress('virtual_server_group range', slash[1]));
    const size = 1n << BigInt(bits - prefix);
    first = (base / size) * size;
    last = first + size - 1n;
  } else if (dash) {
    first = toBig(checkAddress('virtual_server_group range', dash[1]));
    const end = dash[2];
    if (end.includes(family === 4 ? '.' : ':')) last = toBig(checkAddress('virtual_server_group range', end));
    else {
      const step = family === 4 ? 8n : 16n;
      const value = family === 4 ? (/^\d{1,3}$/.test(end) ? BigInt(end) : -1n) : /^[0-9A-Fa-f]{1,4}$/.test(end) ? BigInt(`0x${end}`) : -1n;
      if (value < 0n || value >= 1n << step) throw new ValueError('virtual_server_group range', text, 'a valid range end');
      last = ((first >> step) << step) | value;
    }
  } else return [checkAddress('virtual_server_group address', text)];
  if (last < first) throw new ValueError('virtual_server_group range', text, 'a range whose end is not below its start');
  if (last - first >= BigInt(MAX_RANGE)) throw new ValueError('virtual_server_group range', text, `a range of at most ${MAX_RANGE} addresses`);
  const out: string[] = [];
  for (let n = first; n <= last; n++) out.push(fromBig(n, family));
  return out;
}

function toBig(address: string): bigint {
  if (!address.includes(':')) return address.split('.').reduce((acc, o) => (acc << 8n) | BigInt(o), 0n);
  const [head, tail = ''] = address.split('::');
  const h = head ? head.split(':') : [];
  const t = address.includes('::') ? (tail ? tail.split(':') : []) : [];
  const groups = address.includes('::') ? [...h, ...Array(8 - h.length - t.length).fill('0'), ...t] : h;
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(`0x${g || '0'}`), 0n);
}

function fromBig(n: bigint, family: 4 | 6): string {
  if (family === 4) return [24n, 16n, 8n, 0n].map((s) => String((n >> s) & 255n)).join('.');
  const groups: string[] = [];
  for (let s = 112n; s >= 0n; s -= 16n) groups.push(((n >> s) & 0xffffn).toString(16));
  return checkAddress('address', groups.join(':'));
}
