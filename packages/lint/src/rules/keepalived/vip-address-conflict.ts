import { wordRange } from '@cfglint/parser';
import { clusterRule } from '../../engine/contexts.js';
import { canonicalIp } from '../../engine/ip.js';
import type { Related } from '../../engine/rule.js';
import type { Span } from '../../engine/span.js';
import { valueSpan } from './locate.js';
import { basePriority, MAX_RELATED } from './vrrp-peers.js';

interface Known {
  /** `web2's unicast_src_ip`, `nodes.web2.addresses in the cfglint config`. */
  what: string;
  at?: Span;
}

class AddressIndex {
  private readonly map = new Map<string, Known[]>();
  add(address: string | undefined, known: Known): void {
    const key = address === undefined ? undefined : canonicalIp(address);
    if (!key) return;
    const list = this.map.get(key);
    if (!list) this.map.set(key, [known]);
    else if (list.length < MAX_RELATED) list.push(known);
  }
  get(address: string): Known[] | undefined {
    return this.map.get(address);
  }
}

const relatedOf = (known: Known[]): Related[] => known.flatMap((k) => (k.at ? [{ at: k.at, message: k.what }] : []));

export default clusterRule({
  id: 'keepalived/vip-address-conflict',
  meta: {
    type: 'problem',
    severity: 'error',
    description: "A VIP that is also a host's own address (unicast_src_ip, unicast_peer, configured node address) or a real server's address",
  },
  messages: {
    hostAddress:
      "VIP {{vip}} is also {{what}}: a VIP must be an address no host owns, but keepalived deletes it from every node that is not MASTER (taking that host's own address away) and adds it on the MASTER while its owner still uses it (a duplicate address on the network); only the address owner, at priority 255, may list its own address",
    realServer:
      'VIP {{vip}} is also {{what}}: IPVS sends that service\'s connections to the address the directors themselves take over, so they come back to the MASTER instead of reaching a back end',
  },
  defaultOptions: {},
  check({ cluster, report }) {
    const hostAddresses = new AddressIndex();
    const realServers = new AddressIndex();
    for (const host of cluster.hosts) {
      for (const address of host.addresses) hostAddresses.add(address, { what: `an address of ${host.key.name} (nodes.${host.key.name}.addresses in the cfglint config)` });
      for (const document of host.keepalived) {
        for (const vs of document.model.virtualServers) {
          const label = `virtual_server ${vs.statement.args.map((a) => a.value).join(' ')}`;
          for (const rs of vs.realServers) {
            const word = rs.statement.args[0];
            if (word) realServers.add(rs.address, { what: `a real server of ${label} on ${host.key.name}`, at: wordRange(rs.statement, word) });
          }
        }
      }
    }
    const owned = new Set<string>();
    for (const m of cluster.members) {
      const name = `${m.host.key.name}'s ${m.instance.name}`;
      const src = m.instance.unicastSrcIp;
      if (src?.value) hostAddresses.add(src.value, { what: `the unicast_src_ip of ${name} (an address of ${m.host.key.name})`, at: valueSpan(src) });
      // Not mcast_src_ip: with use_vmac the MASTER sends from the VIP itself on purpose.
      for (const peer of m.instance.unicastPeers) {
        hostAddresses.add(peer.address, { what: `a unicast_peer of ${name} (the address of a peer host)`, at: wordRange(peer.statement, peer.statement.keyword) });
      }
      // The address owner (priority 255) legitimately lists its own address as the VIP.
      if (basePriority(m.instance) === 255) for (const vip of m.vips) owned.add(vip);
    }

    for (const m of cluster.members) {
      for (const entry of m.instance.virtualIpAddresses) {
        const vip = canonicalIp(entry.address);
        if (!vip) continue;
        const at = wordRange(entry.statement, entry.statement.keyword);
        const asHost = owned.has(vip) ? undefined : hostAddresses.get(vip);
        if (asHost) report({ messageId: 'hostAddress', data: { vip, what: asHost[0].what }, at, related: relatedOf(asHost) });
        const asServer = realServers.get(vip);
        if (asServer) report({ messageId: 'realServer', data: { vip, what: asServer[0].what }, at, related: relatedOf(asServer), certainty: 'likely' });
      }
    }
  },
});
