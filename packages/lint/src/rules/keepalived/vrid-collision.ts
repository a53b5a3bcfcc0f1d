import ipaddr from 'ipaddr.js';
import type { VrrpMember } from '../../engine/clusters.js';
import { clusterRule } from '../../engine/contexts.js';
import { segmentOf } from '../../engine/ip.js';
import { UnionFind } from '../../engine/union-find.js';
import { valueSpan } from './locate.js';
import { MAX_RELATED, who } from './vrrp-peers.js';

/** Unicast instances send adverts to their peers only, so they never meet other routers' adverts. */
/** Routers remembered per VRID and segment (enough to find one on another host). */
const SEGMENT_SAMPLE = 8;

const multicast = (m: VrrpMember) => m.instance.unicastPeers.length === 0;

function interfaceOf(m: VrrpMember): string | undefined {
  return m.instance.interface?.value ?? m.document.model.globalDefs?.defaultInterface?.value;
}

/** An interface name still holding an undefined `$NAME` says nothing about the link. */
const unresolved = (m: VrrpMember) => interfaceOf(m)?.includes('$') ?? false;

function isLinkLocal(address: string): boolean {
  try {
    return ipaddr.parse(address).range() === 'linkLocal';
  } catch {
    return false;
  }
}

/** Virtual routers: instances linked by shared VIPs, on any host (one id per member). */
function routerIds(members: VrrpMember[]): number[] {
  const sets = new UnionFind(members.length);
  const first = new Map<string, number>();
  members.forEach((m, i) => {
    for (const vip of m.vips) {
      const j = first.get(vip);
      if (j === undefined) first.set(vip, i);
      else sets.union(i, j);
    }
  });
  return members.map((_, i) => sets.find(i));
}

export default clusterRule({
  id: 'keepalived/vrid-collision',
  meta: {
    type: 'problem',
    severity: 'error',
    description: 'Two different virtual routers use one virtual_router_id on one network (one host and interface, or VIPs in one segment)',
  },
  messages: {
    sameInterface:
      'virtual_router_id {{vrid}} is also used by vrrp_instance {{other}} on interface {{interface}} of this host: keepalived reports "{{first}} and {{second}} both use VRID {{vrid}} with IPv{{family}} on interface {{interface}}" (keepalived -t fails), and on the wire the two instances are one virtual router whose adverts each discards; give each its own VRID',
    sameSegment:
      'virtual_router_id {{vrid}} is also used by {{peer}} for other VIPs ({{peerVip}}) on the same network ({{segment}}): a VRID must be unique on a network, otherwise each router reads the other\'s adverts and discards them as bogus ("ip address associated with VRID {{vrid}} not present in MASTER advert", logged with every advert), and with use_vmac both claim one virtual MAC address; give one of them another VRID',
  },
  defaultOptions: {},
  check({ cluster, report }) {
    const members = cluster.members.filter((m) => m.instance.virtualRouterId?.value !== undefined && multicast(m));
    const reported = new Set<VrrpMember>();

    // keepalived's own check: multicast instances of one process, one interface, one family.
    const local = new Map<string, VrrpMember[]>();
    for (const m of members) {
      if (unresolved(m)) continue;
      const family = m.instance.virtualIpAddresses[0]?.family ?? 4;
      const key = `${m.document.filePath}\0${interfaceOf(m) ?? ''}\0${family}\0${m.instance.virtualRouterId!.value}`;
      const list = local.get(key);
      if (list) list.push(m);
      else local.set(key, [m]);
    }
    for (const list of local.values()) {
      if (list.length < 2) continue;
      const sample = list.slice(0, MAX_RELATED + 1);
      for (const m of list) {
        const others = sample.filter((o) => o !== m).slice(0, MAX_RELATED);
        const vrid = m.instance.virtualRouterId!.value!;
        const [first, second] = list.indexOf(m) === 0 ? [m, others[0]] : [list[0], m];
        reported.add(m);
        report({
          messageId: 'sameInterface',
          data: {
            vrid,
            other: others[0].instance.name,
            interface: interfaceOf(m) ?? '(the default)',
            first: first.instance.name,
            second: second.instance.name,
            family: m.instance.virtualIpAddresses[0]?.family ?? 4,
          },
          at: valueSpan(m.instance.virtualRouterId!),
          related: others.map((o) => ({ at: valueSpan(o.instance.virtualRouterId!), message: `vrrp_instance ${o.instance.name} uses VRID ${vrid} too` })),
        });
      }
    }

    // Different virtual routers on different hosts whose VIPs share a segment: assumed to share the network.
    const router = routerIds(members);
    const bySegment = new Map<string, { router: number; member: VrrpMember; vip: string }[]>();
    const keysOf = members.map((m, i) => {
      const keys: string[] = [];
      for (const entry of m.instance.virtualIpAddresses) {
        // A link-local address names no network: fe80::/64 exists on every link.
        if (isLinkLocal(entry.address)) continue;
        const segment = segmentOf(entry.address, entry.prefix);
        if (!segment) continue;
        const key = `${m.instance.virtualRouterId!.value}\0${segment}`;
        if (keys.includes(key)) continue;
        keys.push(key);
        const list = bySegment.get(key) ?? [];
        if (!bySegment.has(key)) bySegment.set(key, list);
        if (list.length < SEGMENT_SAMPLE && !list.some((e) => e.router === router[i] && e.member.host === m.host)) list.push({ router: router[i], member: m, vip: entry.address });
      }
      return keys;
    });
    members.forEach((m, i) => {
      if (reported.has(m)) return;
      for (const key of keysOf[i]) {
        // Two interfaces of one host are two networks; only other hosts can share this one.
        const others = bySegment
          .get(key)!
          .filter((e) => e.router !== router[i] && e.member.host !== m.host)
          .slice(0, MAX_RELATED);
        if (others.length === 0) continue;
        const vrid = m.instance.virtualRouterId!.value!;
        report({
          messageId: 'sameSegment',
          data: { vrid, peer: who(others[0].member), peerVip: others[0].vip, segment: key.split('\0')[1] },
          at: valueSpan(m.instance.virtualRouterId!),
          related: others.map((o) => ({ at: valueSpan(o.member.instance.virtualRouterId!), message: `${who(o.member)} uses VRID ${vrid} for ${o.vip}` })),
          certainty: 'likely',
        });
        return;
      }
    });
  },
});
