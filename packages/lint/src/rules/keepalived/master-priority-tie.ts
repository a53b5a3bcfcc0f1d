import type { VrrpMember } from '../../engine/clusters.js';
import { clusterRule } from '../../engine/contexts.js';
import type { Span } from '../../engine/span.js';
import { valueSpan } from './locate.js';
import { basePriority, instanceSpan, onOtherHosts, peerSets, sharedVip, tracksAnything, who } from './vrrp-peers.js';

const spanOf = (m: VrrpMember): Span => (m.instance.priority ? valueSpan(m.instance.priority) : m.instance.state ? valueSpan(m.instance.state) : instanceSpan(m.instance));

export default clusterRule({
  id: 'keepalived/master-priority-tie',
  meta: {
    type: 'problem',
    severity: 'warning',
    description: 'Two peers of one virtual router both start as MASTER with the same priority: the IP address, not the config, picks the winner',
  },
  messages: {
    tie: "state MASTER with priority {{priority}}, and {{peer}} is also MASTER with priority {{priority}} for the same VIP {{vip}}: both start as MASTER and hold the VIP until their adverts meet, then the node with the higher primary IP address wins, which need not be the one you meant; give the intended MASTER a higher priority",
  },
  defaultOptions: {},
  check({ cluster, report }) {
    for (const set of peerSets(cluster)) {
      const byPriority = new Map<number, VrrpMember[]>();
      for (const m of set.members) {
        if (m.instance.state?.value !== 'MASTER') continue;
        const p = basePriority(m.instance);
        const list = byPriority.get(p);
        if (list) list.push(m);
        else byPriority.set(p, [m]);
      }
      for (const [priority, masters] of byPriority) {
        if (masters.length < 2) continue;
        const othersOf = onOtherHosts(masters);
        for (const m of masters) {
          const peers = othersOf(m.host);
          if (peers.length === 0) continue;
          report({
            messageId: 'tie',
            data: { priority, peer: who(peers[0]), vip: sharedVip(m, peers[0]) },
            at: spanOf(m),
            related: peers.map((o) => ({ at: spanOf(o), message: `${who(o)}: state MASTER, priority ${priority}` })),
            // Tracked scripts or interfaces may move the priorities apart at run time.
            certainty: tracksAnything(m.instance) || peers.some((o) => tracksAnything(o.instance)) ? 'likely' : 'certain',
          });
        }
      }
    }
  },
});
