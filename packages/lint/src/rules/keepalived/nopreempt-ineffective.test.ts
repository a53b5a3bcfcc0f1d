import { testRule } from '../../testing/rule-tester.js';
import rule from './nopreempt-ineffective.js';

/** `extra` goes on line 6. */
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
    { name: 'nopreempt on the higher node, both BACKUP', files: { 'a/keepalived.conf': node('BACKUP', 150, '    nopreempt\n'), 'b/keepalived.conf': node('BACKUP', 100) } },
    { name: 'nopreempt on every node', files: { 'a/keepalived.conf': node('BACKUP', 150, '    nopreempt\n'), 'b/keepalived.conf': node('BACKUP', 100, '    nopreempt\n') } },
    { name: 'no nopreempt at all', files: { 'a/keepalived.conf': node('MASTER', 150), 'b/keepalived.conf': node('BACKUP', 100) } },
    {
      name: 'a middle node still has a lower peer to not preempt',
      files: { 'a/keepalived.conf': node('MASTER', 150), 'b/keepalived.conf': node('BACKUP', 100, '    nopreempt\n'), 'c/keepalived.conf': node('BACKUP', 50) },
    },
    { name: 'equal priorities: a tie gives nopreempt something to decide', files: { 'a/keepalived.conf': node('BACKUP', 100), 'b/keepalived.conf': node('BACKUP', 100, '    nopreempt\n') } },
  ],
  invalid: [
    {
      name: 'nopreempt on the lower BACKUP: the MASTER takes the VIP back anyway',
      files: { 'a/keepalived.conf': node('MASTER', 150), 'b/keepalived.conf': node('BACKUP', 100, '    nopreempt\n') },
      errors: [
        {
          messageId: 'ineffective',
          file: 'b/keepalived.conf',
          line: 6,
          column: 5,
          endColumn: 14,
          data: { priority: 100, peer: "a's VI_1", peerPriority: 150, why: 'has no nopreempt', vip: '192.168.4.80', peerHost: 'a' },
          related: ['a/keepalived.conf:5:14'],
        },
      ],
    },
    {
      name: 'nopreempt on a MASTER is cleared by keepalived, so it does not count',
      files: { 'a/keepalived.conf': node('MASTER', 150, '    nopreempt\n'), 'b/keepalived.conf': node('BACKUP', 100, '    nopreempt\n') },
      errors: [{ messageId: 'ineffective', file: 'b/keepalived.conf', line: 6, column: 5, data: { priority: 100, peer: "a's VI_1", peerPriority: 150, why: 'has nopreempt too, but keepalived clears it there (state MASTER or priority 255)', vip: '192.168.4.80', peerHost: 'a' } }],
    },
  ],
});
