import type { KaSetting } from '@cfglint/parser';
import type { Host } from '../../engine/clusters.js';
import { clusterRule } from '../../engine/contexts.js';
import { onOtherHosts } from './vrrp-peers.js';
import { valueSpan } from './locate.js';

interface Use {
  host: Host;
  setting: KaSetting<string>;
}

export default clusterRule({
  id: 'keepalived/router-id-duplicate',
  meta: {
    type: 'problem',
    severity: 'warning',
    description: 'Hosts of one cluster share a router_id (a config copied to the peer without changing it)',
  },
  messages: {
    duplicate:
      'router_id {{id}} is also the router_id of {{peerHost}}: alert mails, SNMP traps and log lines name both machines alike, so nobody can tell which one changed state; give each host its own router_id (or drop it to use the host name)',
  },
  defaultOptions: {},
  check({ cluster, report }) {
    const byId = new Map<string, Use[]>();
    for (const host of cluster.hosts) {
      for (const document of host.keepalived) {
        const setting = document.model.globalDefs?.routerId;
        if (!setting?.value) continue;
        const list = byId.get(setting.value);
        if (list) list.push({ host, setting });
        else byId.set(setting.value, [{ host, setting }]);
      }
    }
    for (const [id, uses] of byId) {
      if (uses.length < 2) continue;
      const othersOf = onOtherHosts(uses);
      for (const use of uses) {
        const others = othersOf(use.host);
        if (others.length === 0) continue;
        report({
          messageId: 'duplicate',
          data: { id, peerHost: others[0].host.key.name },
          at: valueSpan(use.setting),
          related: others.map((u) => ({ at: valueSpan(u.setting), message: `${u.host.key.name}: router_id ${id}` })),
        });
      }
    }
  },
});
