import type { VrrpMember } from '../../engine/clusters.js';
import { clusterRule } from '../../engine/contexts.js';
import type { Span } from '../../engine/span.js';
import { valueSpan } from './locate.js';
import { basePriority, instanceSpan, MAX_RELATED, peerSets, sharedVip, tracksAnything, who } from './vrrp-peers.js';

const spanOf = (m: VrrpMember): Span => (m.instance.priority ? valueSpan(m.instance.priority) : instanceSpan(m.instance));

export default clusterRule({
  id: 'keepalived/backup-outranks-master',
  meta: {
    type: 'problem',
    severity: 'warning',
    description: 'A BACKUP with a higher priority than its MASTER peer takes the VIP: `state` is only the starting state, priority decides',
  },
  messages: {
    preempts:
      "state BACKUP, but priority {{priority}} is higher than {{peer}}'s {{peerPriority}} (state MASTER) for the same VIP {{vip}}: the highest priority wins the election, so this node takes the VIP whenever it runs and the configured MASTER holds it only while this node is down",
    nopreempt:
      "state BACKUP with nopreempt, but priority {{priority}} is higher than {{peer}}'s {{peerPriority}} (state MASTER) for the same VIP {{vip}}: this node wins every election both take part in (a simultaneous start) and keeps the VIP after any failover, so the configured MASTER gets it back only when this node stops",
  },
  defaultOptions: {},
  check({ cluster, report }) {
    for (const set of peerSets(cluster)) {
      const masters = set.members.filter((m) => m.instance.state?.value === 'MASTER');
      if (masters.length === 0) continue;
      // Sorted once so each BACKUP finds the MASTERs it outranks without a pairwise scan.
      masters.sort((a, b) => basePriority(a.instance) - basePriority(b.instance));
      for (const m of set.members) {
        if (m.instance.state?.value !== 'BACKUP') continue;
        const priority = basePriority(m.instance);
        const outranked: VrrpMember[] = [];
        for (const master of masters) {
          if (basePriority(master.instance) >= priority || outranked.length === MAX_RELATED) break;
          if (master.host !== m.host) outranked.push(master);
        }
        if (outranked.length === 0) continue;
        const peer = outranked[0];
        const nopreempt = m.instance.nopreempt?.value === true;
        report({
          messageId: nopreempt ? 'nopreempt' : 'preempts',
          data: { priority, peer: who(peer), peerPriority: basePriority(peer.instance), vip: sharedVip(m, peer) },
          at: spanOf(m),
          related: outranked.map((o) => ({ at: spanOf(o), message: `${who(o)}: state MASTER, priority ${basePriority(o.instance)}` })),
          certainty: nopreempt || tracksAnything(m.instance) || outranked.some((o) => tracksAnything(o.instance)) ? 'likely' : 'certain',
        });
      }
    }
  },
});
