import { testRule } from '../../testing/rule-tester.js';
import rule from './advert-int-mismatch.js';

/** A VRRP instance for 192.168.4.80; `lines` go after `priority` (line 5). */
const node = (state: string, lines = '', globals = '') => `${globals}vrrp_instance VI_1 {
    state ${state}
    interface eth0
    virtual_router_id 51
    priority ${state === 'MASTER' ? 100 : 50}
${lines}    virtual_ipaddress {
        192.168.4.80
    }
}
`;

testRule(rule, {
  valid: [
    { name: 'the same interval on both sides', files: { 'a/keepalived.conf': node('MASTER', '    advert_int 2\n'), 'b/keepalived.conf': node('BACKUP', '    advert_int 2\n') } },
    { name: 'advert_int 1 written on one side is the default of the other', files: { 'a/keepalived.conf': node('MASTER', '    advert_int 1\n'), 'b/keepalived.conf': node('BACKUP') } },
    {
      name: 'VRRPv2 rounds 1.2 to the same whole second as 1',
      files: { 'a/keepalived.conf': node('MASTER', '    advert_int 1.2\n'), 'b/keepalived.conf': node('BACKUP', '    advert_int 1\n') },
    },
    {
      name: 'a version split is version-mismatch\'s finding',
      files: { 'a/keepalived.conf': node('MASTER', '    advert_int 3\n    version 3\n'), 'b/keepalived.conf': node('BACKUP', '    advert_int 1\n') },
    },
  ],
  invalid: [
    {
      name: 'VRRPv2: 1 and 3 seconds, reported on both sides',
      files: { 'a/keepalived.conf': node('MASTER', '    advert_int 1\n'), 'b/keepalived.conf': node('BACKUP', '    advert_int 3\n') },
      errors: [
        { messageId: 'v2', file: 'a/keepalived.conf', line: 6, column: 16, endColumn: 17, data: { mine: '1', peer: "b's VI_1", theirs: '3', vip: '192.168.4.80' }, related: ['b/keepalived.conf:6:16'] },
        { messageId: 'v2', file: 'b/keepalived.conf', line: 6, column: 16, data: { mine: '3', peer: "a's VI_1", theirs: '1', vip: '192.168.4.80' }, related: ['a/keepalived.conf:6:16'] },
      ],
    },
    {
      name: 'the default on one side points at the instance name',
      files: { 'a/keepalived.conf': node('MASTER'), 'b/keepalived.conf': node('BACKUP', '    advert_int 5\n') },
      errors: [
        { messageId: 'v2', file: 'a/keepalived.conf', line: 1, column: 15, data: { mine: '1 (the default)', peer: "b's VI_1", theirs: '5', vip: '192.168.4.80' } },
        { messageId: 'v2', file: 'b/keepalived.conf', line: 6, column: 16, related: ['a/keepalived.conf:1:15'] },
      ],
    },
    {
      name: 'VRRPv3 (global vrrp_version) follows the MASTER, so a warning',
      files: {
        'a/keepalived.conf': node('MASTER', '    advert_int 0.5\n', 'global_defs {\n    vrrp_version 3\n}\n'),
        'b/keepalived.conf': node('BACKUP', '    advert_int 1\n', 'global_defs {\n    vrrp_version 3\n}\n'),
      },
      errors: [
        { messageId: 'v3', file: 'a/keepalived.conf', line: 9, column: 16, endColumn: 19 },
        { messageId: 'v3', file: 'b/keepalived.conf', line: 9, column: 16 },
      ],
    },
  ],
});
