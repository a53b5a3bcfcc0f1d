import type { VrrpMember } from '../../engine/clusters.js';
import { clusterRule } from '../../engine/contexts.js';
import type { Span } from '../../engine/span.js';
import { valueSpan } from './locate.js';
import { differences, instanceSpan, peerSets, sharedVip, vrrpVersion, who } from './vrrp-peers.js';

/** keepalived's default advert_int, in seconds. */
const DEFAULT_ADVERT_INT = 1;

/** The interval keepalived uses: VRRPv2 carries whole seconds, so it rounds (at least 1). */
function intervalOf(m: VrrpMember, version: number): number {
  const written = m.instance.advertInt?.value ?? DEFAULT_ADVERT_INT;
  return version === 2 ? Math.max(1, Math.round(written)) : written;
}

const spanOf = (m: VrrpMember): Span => (m.instance.advertInt ? valueSpan(m.instance.advertInt) : instanceSpan(m.instance));
const shown = (m: VrrpMember) => (m.instance.advertInt ? m.instance.advertInt.args[0] ?? '' : `${DEFAULT_ADVERT_INT} (the default)`);

export default clusterRule({
  id: 'keepalived/advert-int-mismatch',
  meta: {
    type: 'problem',
    severity: 'error',
    description: 'Peers of one virtual router must use the same advert_int (VRRPv2 drops adverts with another interval)',
  },
  messages: {
    v2: "advert_int {{mine}} here, but {{peer}} uses {{theirs}} for the same VIP {{vip}}: VRRPv2 routers drop adverts whose interval differs from their own (\"advertisement interval mismatch\"), so each side ignores the other and both become MASTER (split brain)",
    v3: 'advert_int {{mine}} here, but {{peer}} uses {{theirs}} for the same VIP {{vip}}: VRRPv3 backups follow the MASTER\'s interval, so the pair works, but how fast a dead MASTER is noticed depends on which node is MASTER',
  },
  defaultOptions: {},
  check({ cluster, report }) {
    for (const set of peerSets(cluster)) {
      const versions = new Set(set.members.map((m) => vrrpVersion(m).value));
      if (versions.size !== 1) continue; // keepalived/version-mismatch reports that first
      const version = [...versions][0];
      for (const d of differences(set.members, (m) => intervalOf(m, version), String)) {
        const peer = d.others[0];
        report({
          messageId: version === 2 ? 'v2' : 'v3',
          data: { mine: shown(d.member), peer: who(peer.member), theirs: shown(peer.member), vip: sharedVip(d.member, peer.member) },
          at: spanOf(d.member),
          related: d.others.map((o) => ({ at: spanOf(o.member), message: `${who(o.member)}: advert_int ${shown(o.member)}` })),
          certainty: version === 2 ? 'certain' : 'likely',
        });
      }
    }
  },
});
