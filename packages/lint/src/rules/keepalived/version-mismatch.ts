import type { VrrpMember } from '../../engine/clusters.js';
import { clusterRule } from '../../engine/contexts.js';
import type { Span } from '../../engine/span.js';
import { valueSpan } from './locate.js';
import { differences, instanceSpan, peerSets, sharedVip, vrrpVersion, who } from './vrrp-peers.js';

function spanOf(m: VrrpMember): Span {
  const own = m.instance.version;
  if (own?.value !== undefined) return valueSpan(own);
  const global = m.document.model.globalDefs?.vrrpVersion;
  // A global_defs setting points there only when it is the one in force.
  return global?.value !== undefined ? valueSpan(global) : instanceSpan(m.instance);
}

function describe(m: VrrpMember): string {
  const v = vrrpVersion(m);
  return v.from === 'version' ? `version ${v.value}` : v.from === 'vrrp_version' ? `version ${v.value} (global vrrp_version)` : 'version 2 (the default)';
}

export default clusterRule({
  id: 'keepalived/version-mismatch',
  meta: {
    type: 'problem',
    severity: 'error',
    description: 'Peers of one virtual router must speak the same VRRP version (instance version or global vrrp_version)',
  },
  messages: {
    mismatch:
      "VRRP {{mine}} here, but {{peer}} speaks {{theirs}} for the same VIP {{vip}}: each side drops the other's adverts as the wrong protocol version, so both become MASTER and hold the VIP at once (split brain)",
  },
  defaultOptions: {},
  check({ cluster, report }) {
    for (const set of peerSets(cluster)) {
      for (const d of differences(set.members, (m) => vrrpVersion(m).value, String)) {
        const peer = d.others[0];
        report({
          messageId: 'mismatch',
          data: { mine: describe(d.member), peer: who(peer.member), theirs: describe(peer.member), vip: sharedVip(d.member, peer.member) },
          at: spanOf(d.member),
          related: d.others.map((o) => ({ at: spanOf(o.member), message: `${who(o.member)}: VRRP ${describe(o.member)}` })),
        });
      }
    }
  },
});
