import { testRule } from '../../testing/rule-tester.js';
import rule from './master-priority-tie.js';

/** `priority` is on line 5 when written. */
const node = (state: string, priority: number | undefined, extra = '') => `vrrp_instance VI_1 {
    state ${state}
    interface eth0
    virtual_router_id 51
${priority === undefined ? '' : `    priority ${priority}\n`}${extra}    virtual_ipaddress {
        192.168.4.80
    }
}
`;

testRule(rule, {
  valid: [
    { name: 'MASTER above BACKUP (the lab)', files: { 'web1/keepalived.conf': node('MASTER', 100), 'web2/keepalived.conf': node('BACKUP', 50) } },
    { name: 'two MASTERs with different priorities', files: { 'web1/keepalived.conf': node('MASTER', 100), 'web2/keepalived.conf': node('MASTER', 90) } },
    { name: 'two BACKUPs with one priority (the nopreempt pattern)', files: { 'web1/keepalived.conf': node('BACKUP', 100, '    nopreempt\n'), 'web2/keepalived.conf': node('BACKUP', 100, '    nopreempt\n') } },
    { name: 'a MASTER without priority is the address owner (255)', files: { 'web1/keepalived.conf': node('MASTER', undefined), 'web2/keepalived.conf': node('MASTER', 100) } },
  ],
  invalid: [
    {
      name: 'the BACKUP copied without changing state',
      files: { 'web1/keepalived.conf': node('MASTER', 100), 'web2/keepalived.conf': node('MASTER', 100) },
      errors: [
        { messageId: 'tie', file: 'web1/keepalived.conf', line: 5, column: 14, endColumn: 17, data: { priority: 100, peer: "web2's VI_1", vip: '192.168.4.80' }, related: ['web2/keepalived.conf:5:14'] },
        { messageId: 'tie', file: 'web2/keepalived.conf', line: 5, column: 14, data: { priority: 100, peer: "web1's VI_1", vip: '192.168.4.80' }, related: ['web1/keepalived.conf:5:14'] },
      ],
    },
    {
      name: 'no priority on either side: both 255, pointed at the state',
      files: { 'web1/keepalived.conf': node('MASTER', undefined), 'web2/keepalived.conf': node('MASTER', undefined) },
      errors: [
        { messageId: 'tie', file: 'web1/keepalived.conf', line: 2, column: 11, endColumn: 17, data: { priority: 255, peer: "web2's VI_1", vip: '192.168.4.80' } },
        { messageId: 'tie', file: 'web2/keepalived.conf', line: 2, column: 11 },
      ],
    },
  ],
});
