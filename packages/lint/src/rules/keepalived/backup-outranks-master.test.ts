import { testRule } from '../../testing/rule-tester.js';
import rule from './backup-outranks-master.js';

const node = (state: string, priority: number, extra = '') => `vrrp_instance VI_1 {
    state ${state}
    interface eth0
    virtual_router_id 51
    priority ${priority}
${extra}    virtual_ipaddress {
        192.168.4.80
    }
}
`;

testRule(rule, {
  valid: [
    { name: 'the lab: MASTER 100, BACKUP 50', files: { 'web1/keepalived.conf': node('MASTER', 100), 'web2/keepalived.conf': node('BACKUP', 50) } },
    { name: 'equal priorities: the BACKUP does not preempt', files: { 'web1/keepalived.conf': node('MASTER', 100), 'web2/keepalived.conf': node('BACKUP', 100) } },
    { name: 'all BACKUP: priorities decide, as intended', files: { 'web1/keepalived.conf': node('BACKUP', 100), 'web2/keepalived.conf': node('BACKUP', 150) } },
  ],
  invalid: [
    {
      name: 'the priorities were swapped when the file was copied',
      files: { 'web1/keepalived.conf': node('MASTER', 50), 'web2/keepalived.conf': node('BACKUP', 100) },
      errors: [
        {
          messageId: 'preempts',
          file: 'web2/keepalived.conf',
          line: 5,
          column: 14,
          endColumn: 17,
          data: { priority: 100, peer: "web1's VI_1", peerPriority: 50, vip: '192.168.4.80' },
          related: ['web1/keepalived.conf:5:14'],
        },
      ],
    },
    {
      name: 'with nopreempt the BACKUP keeps the VIP after any failover (a warning)',
      files: { 'web1/keepalived.conf': node('MASTER', 100), 'web2/keepalived.conf': node('BACKUP', 120, '    nopreempt\n') },
      errors: [{ messageId: 'nopreempt', file: 'web2/keepalived.conf', line: 5, column: 14, data: { priority: 120, peer: "web1's VI_1", peerPriority: 100, vip: '192.168.4.80' } }],
    },
    {
      name: 'two MASTERs below one BACKUP: both related',
      files: { 'a/keepalived.conf': node('MASTER', 90), 'b/keepalived.conf': node('MASTER', 80), 'c/keepalived.conf': node('BACKUP', 95) },
      errors: [{ messageId: 'preempts', file: 'c/keepalived.conf', line: 5, column: 14, data: { priority: 95, peer: "b's VI_1", peerPriority: 80, vip: '192.168.4.80' }, related: ['b/keepalived.conf:5:14', 'a/keepalived.conf:5:14'] }],
    },
  ],
});
