import type { VrrpMember } from '../../engine/clusters.js';
import { clusterRule } from '../../engine/contexts.js';
import type { Span } from '../../engine/span.js';
import { valueSpan } from './locate.js';
import { differences, instanceSpan, peerSets, sharedVip, strictMode, vrrpVersion, who } from './vrrp-peers.js';

/** keepalived uses only the first 8 characters of auth_pass ("Truncating auth_pass to 8 characters"). */
const PASS_LENGTH = 8;

interface Auth {
  type: string;
  /** The password as keepalived uses it (truncated); never printed. */
  pass: string;
  why: string;
}

function authOf(m: VrrpMember): Auth {
  if (strictMode(m)) return { type: 'none', pass: '', why: 'no authentication (strict mode ignores it)' };
  const auth = m.instance.authentication;
  const type = auth?.authType?.value;
  if (!auth || !type) return { type: 'none', pass: '', why: 'no authentication' };
  return { type, pass: (auth.authPass?.value ?? '').slice(0, PASS_LENGTH), why: `auth_type ${type}` };
}

function authSpan(m: VrrpMember, what: 'type' | 'pass'): Span {
  const auth = m.instance.authentication;
  const setting = what === 'pass' ? (auth?.authPass ?? auth?.authType) : auth?.authType;
  return setting ? valueSpan(setting) : instanceSpan(m.instance);
}

export default clusterRule({
  id: 'keepalived/auth-mismatch',
  meta: {
    type: 'problem',
    severity: 'error',
    description: 'VRRPv2 peers of one virtual router must use the same authentication type and password (first 8 characters)',
  },
  messages: {
    type:
      "{{mine}} here, but {{peer}} uses {{theirs}} for the same VIP {{vip}}: each side discards the other's adverts as failing authentication, so both become MASTER and hold the VIP at once (split brain)",
    pass:
      "auth_pass differs from {{peer}}'s in its first 8 characters, the only ones keepalived uses, for the same VIP {{vip}}: each side discards the other's adverts as failing authentication, so both become MASTER and hold the VIP at once (split brain)",
  },
  defaultOptions: {},
  check({ cluster, report }) {
    for (const set of peerSets(cluster)) {
      // VRRPv3 has no authentication; a version split is keepalived/version-mismatch's finding.
      const versions = new Set(set.members.map((m) => vrrpVersion(m).value));
      if (versions.size !== 1 || versions.has(3)) continue;
      const typeDiffs = differences(set.members, authOf, (a) => a.type);
      for (const d of typeDiffs) {
        const peer = d.others[0];
        report({
          messageId: 'type',
          data: { mine: d.value.why, peer: who(peer.member), theirs: peer.value.why, vip: sharedVip(d.member, peer.member) },
          at: authSpan(d.member, 'type'),
          related: d.others.map((o) => ({ at: authSpan(o.member, 'type'), message: `${who(o.member)}: ${o.value.why}` })),
        });
      }
      if (typeDiffs.length) continue;
      for (const d of differences(set.members, authOf, (a) => a.pass)) {
        if (d.value.type === 'none') continue;
        const peer = d.others[0];
        report({
          messageId: 'pass',
          data: { peer: who(peer.member), vip: sharedVip(d.member, peer.member) },
          at: authSpan(d.member, 'pass'),
          related: d.others.map((o) => ({ at: authSpan(o.member, 'pass'), message: `${who(o.member)}: another auth_pass` })),
        });
      }
    }
  },
});
