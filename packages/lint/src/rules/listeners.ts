import type { HaAddress, HaBind, HaproxyModel, KeepalivedModel } from '@cfglint/parser';
import type { Span } from '../engine/span.js';
import { canonicalIp } from '../engine/ip.js';
import { statementSpan } from './keepalived/locate.js';

/** Something that accepts traffic on an address and port range of a host. */
export interface Listener {
  owner: 'haproxy' | 'ipvs';
  /** `tcp` for streams, `udp` for datagrams (QUIC binds, UDP virtual servers), `sctp`. */
  protocol: 'tcp' | 'udp' | 'sctp';
  family: 4 | 6;
  /** Canonical address; undefined for a wildcard. */
  address?: string;
  /** An IPv6 wildcard that also takes IPv4 (no `v6only`). */
  dualStack: boolean;
  portStart: number;
  portEnd: number;
  /** What a person calls it: `frontend main`, `listen stats`, `virtual_server 192.168.4.15 80`. */
  label: string;
  /** The address as written. */
  written: string;
  /** The section that opens it: listeners of one section never conflict (traffic lands there either way). */
  section: object;
  at: Span;
}

/** Where a listening address is written and what its line says about it. */
interface Origin {
  label: string;
  section: object;
  at: Span;
  /** The line's options (`v6only` matters). */
  optionNames: readonly string[];
}

function fromAddress(a: HaAddress, origin: Origin): Listener | undefined {
  if (a.error || a.hasVariable || a.port === undefined) return undefined;
  if (a.family !== 'ipv4' && a.family !== 'ipv6') return undefined;
  const address = a.wildcard ? undefined : canonicalIp(a.host ?? '');
  if (!a.wildcard && !address) return undefined;
  return {
    owner: 'haproxy',
    protocol: a.transport === 'dgram' ? 'udp' : 'tcp',
    family: a.family === 'ipv4' ? 4 : 6,
    address,
    dualStack: a.family === 'ipv6' && a.wildcard && !origin.optionNames.includes('v6only'),
    portStart: a.port,
    portEnd: a.portEnd ?? a.port,
    label: origin.label,
    written: a.raw,
    section: origin.section,
    at: origin.at,
  };
}

/**
 * Every TCP/UDP listener an HAProxy configuration opens: proxies' binds (the stats page
 * too), peers' binds, other sections' binds (log-forward…), and stats sockets on TCP.
 */
export function haproxyListeners(model: HaproxyModel): Listener[] {
  const out: Listener[] = [];
  const add = (binds: HaBind[], label: string, section: object) => {
    for (const bind of binds) {
      if (bind.undecided) continue;
      const word = bind.addressWord ?? bind.node;
      const origin = { label, section, at: { fileName: bind.fileName, start: word.start, end: word.end }, optionNames: bind.options.map((o) => o.name) };
      for (const a of bind.addresses) {
        const listener = fromAddress(a, origin);
        if (listener) out.push(listener);
      }
    }
  };
  for (const proxy of model.proxies) add(proxy.binds, `${proxy.kind} ${proxy.name}`, proxy);
  for (const peers of model.peers) add(peers.binds, `peers ${peers.name ?? ''}`.trim(), peers);
  for (const section of model.otherSections) add(section.binds, `${section.kind} ${section.name ?? ''}`.trim(), section);
  for (const socket of model.global.statsSockets) {
    if (socket.setting.undecided) continue;
    const word = socket.addressWord ?? socket.setting.node;
    const at = { fileName: socket.setting.fileName, start: word.start, end: word.end };
    const listener = fromAddress(socket.address, { label: 'stats socket', section: socket, at, optionNames: socket.options.map((o) => o.name) });
    if (listener) out.push(listener);
  }
  return out;
}

/** The address:port pairs IPVS intercepts for keepalived's virtual_server blocks. */
export function ipvsListeners(model: KeepalivedModel): Listener[] {
  const out: Listener[] = [];
  for (const vs of model.virtualServers) {
    const t = vs.target;
    if (t.kind !== 'address' || t.port === undefined) continue;
    const address = canonicalIp(t.address);
    if (!address) continue;
    const protocol = vs.protocol?.value === 'UDP' ? 'udp' : vs.protocol?.value === 'SCTP' ? 'sctp' : 'tcp';
    out.push({
      owner: 'ipvs',
      protocol,
      family: address.includes(':') ? 6 : 4,
      address,
      dualStack: false,
      portStart: t.port,
      portEnd: t.port,
      label: `virtual_server ${t.address} ${t.port}`,
      written: `${t.address} ${t.port}`,
      section: vs,
      at: statementSpan(vs),
    });
  }
  return out;
}

/**
 * How two listeners of different sections overlap: `same` when the kernel would split
 * connections between them (same address, or wildcards of one family), `wildcard` when
 * the more specific one takes the traffic (a specific address beside a wildcard, or an
 * IPv4 wildcard beside a dual-stack IPv6 one); undefined when they do not overlap.
 */
export function overlap(a: Listener, b: Listener): 'same' | 'wildcard' | undefined {
  if (a.section === b.section || a.protocol !== b.protocol) return undefined;
  if (a.portEnd < b.portStart || b.portEnd < a.portStart) return undefined;
  const covers = (w: Listener, o: Listener) => w.address === undefined && (w.family === o.family || (w.dualStack && o.family === 4));
  if (a.address !== undefined && b.address !== undefined) return a.address === b.address ? 'same' : undefined;
  if (a.address === undefined && b.address === undefined) {
    if (a.family === b.family) return 'same';
    return covers(a, b) || covers(b, a) ? 'wildcard' : undefined;
  }
  return covers(a, b) || covers(b, a) ? 'wildcard' : undefined;
}

/**
 * Pairs of overlapping listeners, each later one with the earlier ones it meets. A sweep
 * over port-sorted listeners keeps this near linear: only listeners whose port ranges
 * touch are compared.
 */
export function overlappingPairs(listeners: Listener[]): [Listener, Listener, 'same' | 'wildcard'][] {
  const order = listeners.map((l, i) => ({ l, i })).sort((x, y) => x.l.portStart - y.l.portStart || x.i - y.i);
  const pairs: [Listener, Listener, 'same' | 'wildcard'][] = [];
  const active: { l: Listener; i: number }[] = [];
  for (const current of order) {
    for (let k = active.length - 1; k >= 0; k--) if (active[k].l.portEnd < current.l.portStart) active.splice(k, 1);
    for (const other of active) {
      const kind = overlap(other.l, current.l);
      if (!kind) continue;
      // Report at the one written later in reading order.
      pairs.push(other.i < current.i ? [other.l, current.l, kind] : [current.l, other.l, kind]);
    }
    active.push(current);
  }
  return pairs;
}
