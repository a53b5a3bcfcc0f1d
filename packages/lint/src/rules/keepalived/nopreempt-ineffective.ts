import type { VrrpMember } from '../../engine/clusters.js';
import { clusterRule } from '../../engine/contexts.js';
import type { Span } from '../../engine/span.js';
import { statementSpan, valueSpan } from './locate.js';
import { basePriority, instanceSpan, MAX_RELATED, peerSets, sharedVip, who } from './vrrp-peers.js';

/** keepalived clears nopreempt on an initial MASTER and on the address owner (priority 255). */
function effectiveNopreempt(m: VrrpMember): boolean {
  return m.instance.nopreempt?.value === true && m.instance.state?.value !== 'MASTER' && basePriority(m.instance) !== 255;
}

const priorityAt = (m: VrrpMember): Span => (m.instance.priority ? valueSpan(m.instance.priority) : instanceSpan(m.instance));

export default clusterRule({
  id: 'keepalived/nopreempt-ineffective',
  meta: {
    type: 'problem',
    severity: 'warning',
    description: 'nopreempt on the lowest-priority peer does nothing; the higher-priority peer still takes the VIP back',
  },
  messages: {
    ineffective:
      "nopreempt has no effect here: this node (priority {{priority}}) never outranks {{peer}} (priority {{peerPriority}}), which {{why}} and takes {{vip}} back as soon as it returns; to stop the fail-back, give {{peerHost}} state BACKUP and nopreempt",
  },
  defaultOptions: {},
  check({ cluster, report }) {
    for (const set of peerSets(cluster)) {
      let lowest = Infinity;
      let lowestCount = 0;
      for (const m of set.members) {
        const p = basePriority(m.instance);
        if (p < lowest) [lowest, lowestCount] = [p, 1];
        else if (p === lowest) lowestCount++;
      }
      // Only a node below every peer has nobody to preempt; a tie or a lower peer gives nopreempt work.
      if (lowestCount !== 1) continue;
      const m = set.members.find((x) => basePriority(x.instance) === lowest)!;
      // On an initial MASTER the schema checker already reports that keepalived clears nopreempt.
      if (!effectiveNopreempt(m)) continue;
      const preempting = set.members.filter((o) => o.host !== m.host && !effectiveNopreempt(o)).slice(0, MAX_RELATED);
      if (preempting.length === 0) continue;
      const peer = preempting[0];
      const why = peer.instance.nopreempt?.value === true ? 'has nopreempt too, but keepalived clears it there (state MASTER or priority 255)' : 'has no nopreempt';
      report({
        messageId: 'ineffective',
        data: { priority: lowest, peer: who(peer), peerPriority: basePriority(peer.instance), why, vip: sharedVip(m, peer), peerHost: peer.host.key.name },
        at: statementSpan(m.instance.nopreempt!),
        related: preempting.map((o) => ({ at: priorityAt(o), message: `${who(o)}: priority ${basePriority(o.instance)}, preempts` })),
        certainty: 'likely',
      });
    }
  },
});
