import { clusterRule } from '../../engine/contexts.js';
import { valueSpan } from './locate.js';

export default clusterRule({
  id: 'keepalived/vrid-mismatch',
  meta: {
    type: 'problem',
    severity: 'error',
    description: 'VRRP instances on different hosts that share a VIP must use the same virtual_router_id',
  },
  messages: {
    mismatch:
      "virtual_router_id {{vrid}} here, but {{peerHost}}'s {{peerInstance}} uses {{peerVrid}} for the same VIP {{vip}}: each ignores the other's adverts, so both become MASTER (split brain)",
  },
  defaultOptions: {},
  check({ cluster, report }) {
    for (const group of cluster.vrrpGroups) {
      for (const member of group.members) {
        const vrid = member.instance.virtualRouterId;
        if (vrid?.value === undefined) continue;
        const peers = group.members.filter((p) => {
          const other = p.instance.virtualRouterId?.value;
          return p.host !== member.host && other !== undefined && other !== vrid.value && p.vips.some((v) => member.vips.includes(v));
        });
        if (peers.length === 0) continue;
        const peer = peers[0];
        report({
          messageId: 'mismatch',
          data: {
            vrid: vrid.value,
            peerHost: peer.host.key.name,
            peerInstance: peer.instance.name,
            peerVrid: peer.instance.virtualRouterId!.value!,
            vip: member.vips.find((v) => peer.vips.includes(v))!,
          },
          at: valueSpan(vrid),
          related: peers.map((p) => ({
            at: valueSpan(p.instance.virtualRouterId!),
            message: `${p.host.key.name}: ${p.instance.name} uses virtual_router_id ${p.instance.virtualRouterId!.value}`,
          })),
        });
      }
    }
  },
});
