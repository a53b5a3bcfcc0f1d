import { wordRange } from '@cfglint/parser';
import type { VrrpMember } from '../../engine/clusters.js';
import { clusterRule } from '../../engine/contexts.js';
import { canonicalIp } from '../../engine/ip.js';
import { instanceSpan, onOtherHosts, peerSets, who } from './vrrp-peers.js';

/** The peer's first VIP entry (its virtual_ipaddress list), else its name. */
function vipListSpan(m: VrrpMember) {
  const first = m.instance.virtualIpAddresses[0];
  return first ? wordRange(first.statement, first.statement.keyword) : instanceSpan(m.instance);
}

export default clusterRule({
  id: 'keepalived/vip-mismatch',
  meta: {
    type: 'problem',
    severity: 'error',
    description: 'Peers of one virtual router must list the same virtual_ipaddress set (adverts carry it and are checked)',
  },
  messages: {
    missing:
      "{{vip}} is a VIP here but not in {{peer}}'s virtual_ipaddress (same virtual router, VRID {{vrid}}): while {{peerHost}} is MASTER this node discards its adverts (\"ip address associated with VRID {{vrid}} not present in MASTER advert\") and becomes MASTER too, so both hold the shared VIPs (split brain)",
  },
  defaultOptions: {},
  check({ cluster, report }) {
    for (const set of peerSets(cluster)) {
      const listing = new Map<string, Set<VrrpMember>>();
      for (const m of set.members) {
        for (const vip of m.vips) {
          const s = listing.get(vip);
          if (s) s.add(m);
          else listing.set(vip, new Set([m]));
        }
      }
      // Per VIP, once: the members that lack it, sampled per host.
      const lackingCache = new Map<string, (host: unknown) => VrrpMember[]>();
      const lacking = (vip: string) => {
        let out = lackingCache.get(vip);
        if (!out) {
          const has = listing.get(vip)!;
          out = onOtherHosts(set.members.filter((m) => !has.has(m)));
          lackingCache.set(vip, out);
        }
        return out;
      };
      for (const m of set.members) {
        const seen = new Set<string>();
        for (const entry of m.instance.virtualIpAddresses) {
          const vip = canonicalIp(entry.address);
          if (!vip || seen.has(vip)) continue;
          seen.add(vip);
          const peers = lacking(vip)(m.host);
          if (peers.length === 0) continue;
          report({
            messageId: 'missing',
            data: { vip, peer: who(peers[0]), peerHost: peers[0].host.key.name, vrid: set.vrid },
            at: wordRange(entry.statement, entry.statement.keyword),
            related: peers.map((p) => ({ at: vipListSpan(p), message: `${who(p)} does not list ${vip}` })),
          });
        }
      }
    }
  },
});
