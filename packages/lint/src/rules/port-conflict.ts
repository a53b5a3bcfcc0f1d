import { hostRule } from '../engine/contexts.js';
import { haproxyListeners, ipvsListeners, overlappingPairs, type Listener } from './listeners.js';

export default hostRule({
  id: 'port-conflict',
  meta: {
    type: 'problem',
    severity: 'error',
    description: 'Two listeners on one host overlap in address and port (HAProxy binds, the stats page, keepalived virtual servers)',
  },
  messages: {
    duplicate:
      '{{label}} listens on {{address}}, which {{otherLabel}} already listens on: HAProxy starts, but the kernel hands each new connection to one of the two at random',
    shadowed:
      '{{label}} ({{address}}) and {{otherLabel}} ({{otherAddress}}) overlap: connections to the specific address go only to the specific listener, so the wildcard one never sees them',
    ipvsTakes:
      '{{label}} listens on {{address}}, but keepalived\'s {{otherLabel}} makes IPVS take those packets first: HAProxy never receives them on this host',
    ipvsShadows:
      '{{label}} ({{address}}) covers {{otherLabel}}: IPVS takes the packets to that VIP and port before HAProxy, so only other addresses reach HAProxy',
  },
  defaultOptions: {},
  check({ host, report }) {
    // In reading order, so each overlap is reported at the listener written later.
    const listeners = [
      ...host.haproxy.flatMap((d) => haproxyListeners(d.model)),
      ...host.keepalived.flatMap((d) => ipvsListeners(d.model)),
    ].sort((a, b) => (a.at.fileName < b.at.fileName ? -1 : a.at.fileName > b.at.fileName ? 1 : a.at.start - b.at.start));
    // One report per HAProxy listener: against the first listener it meets, the rest as related.
    const byListener = new Map<Listener, { other: Listener; kind: 'same' | 'wildcard' }[]>();
    for (const [first, second, kind] of overlappingPairs(listeners)) {
      if (first.owner === 'ipvs' && second.owner === 'ipvs') continue; // keepalived itself refuses duplicate virtual servers
      const [haproxy, other] = second.owner === 'haproxy' ? [second, first] : [first, second];
      const list = byListener.get(haproxy) ?? [];
      list.push({ other, kind });
      byListener.set(haproxy, list);
    }
    for (const [haproxy, meets] of byListener) {
      // The most consequential overlap leads: IPVS over HAProxy, then a split over a shadow.
      const rank = (m: { other: Listener; kind: string }) => (m.other.owner === 'ipvs' ? 0 : 2) + (m.kind === 'same' ? 0 : 1);
      const { other, kind } = [...meets].sort((a, b) => rank(a) - rank(b))[0];
      const ipvs = other.owner === 'ipvs';
      report({
        messageId: ipvs ? (kind === 'same' ? 'ipvsTakes' : 'ipvsShadows') : kind === 'same' ? 'duplicate' : 'shadowed',
        data: { label: haproxy.label, address: haproxy.written, otherLabel: other.label, otherAddress: other.written },
        at: haproxy.at,
        related: meets.map((m) => ({ at: m.other.at, message: `${m.other.label} listens here (${m.other.written})` })),
        // A wildcard next to a specific address is usually a mistake, but can be meant.
        certainty: kind === 'wildcard' ? 'likely' : 'certain',
      });
    }
  },
});
