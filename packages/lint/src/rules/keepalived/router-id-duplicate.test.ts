import { testRule } from '../../testing/rule-tester.js';
import rule from './router-id-duplicate.js';

/** router_id is on line 2 (value at column 15). */
const node = (routerId: string | undefined, state: string, vip = '192.168.4.80') => `global_defs {
${routerId === undefined ? '    smtp_connect_timeout 30\n' : `    router_id ${routerId}\n`}}
vrrp_instance VI_1 {
    state ${state}
    interface eth0
    virtual_router_id 51
    priority ${state === 'MASTER' ? 100 : 50}
    virtual_ipaddress {
        ${vip}
    }
}
`;

testRule(rule, {
  valid: [
    { name: 'the lab: web1 and web2', files: { 'web1/keepalived.conf': node('web1', 'MASTER'), 'web2/keepalived.conf': node('web2', 'BACKUP') } },
    { name: 'no router_id: keepalived uses each host name', files: { 'web1/keepalived.conf': node(undefined, 'MASTER'), 'web2/keepalived.conf': node(undefined, 'BACKUP') } },
    {
      name: 'hosts in different clusters may share one',
      files: { 'site-a/lb1/keepalived.conf': node('LVS_DEVEL', 'MASTER', '10.1.0.10'), 'site-b/lb1/keepalived.conf': node('LVS_DEVEL', 'MASTER', '10.2.0.10') },
    },
  ],
  invalid: [
    {
      name: 'the copy kept router_id web1',
      files: { 'web1/keepalived.conf': node('web1', 'MASTER'), 'web2/keepalived.conf': node('web1', 'BACKUP') },
      errors: [
        { messageId: 'duplicate', file: 'web1/keepalived.conf', line: 2, column: 15, endColumn: 19, data: { id: 'web1', peerHost: 'web2' }, related: ['web2/keepalived.conf:2:15'] },
        { messageId: 'duplicate', file: 'web2/keepalived.conf', line: 2, column: 15, data: { id: 'web1', peerHost: 'web1' }, related: ['web1/keepalived.conf:2:15'] },
      ],
    },
    {
      name: 'the stock LVS_DEVEL on three hosts',
      files: { 'a/keepalived.conf': node('LVS_DEVEL', 'MASTER'), 'b/keepalived.conf': node('LVS_DEVEL', 'BACKUP'), 'c/keepalived.conf': node('LVS_DEVEL', 'BACKUP') },
      errors: [
        { messageId: 'duplicate', file: 'a/keepalived.conf', line: 2, column: 15, related: ['b/keepalived.conf:2:15', 'c/keepalived.conf:2:15'] },
        { messageId: 'duplicate', file: 'b/keepalived.conf', line: 2, column: 15, related: ['a/keepalived.conf:2:15', 'c/keepalived.conf:2:15'] },
        { messageId: 'duplicate', file: 'c/keepalived.conf', line: 2, column: 15, related: ['a/keepalived.conf:2:15', 'b/keepalived.conf:2:15'] },
      ],
    },
  ],
});
