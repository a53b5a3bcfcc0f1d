import { testRule } from '../../testing/rule-tester.js';
import rule from './version-mismatch.js';

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
const v3Global = 'global_defs {\n    vrrp_version 3\n}\n';

testRule(rule, {
  valid: [
    { name: 'both default to VRRPv2', files: { 'a/keepalived.conf': node('MASTER'), 'b/keepalived.conf': node('BACKUP') } },
    { name: 'version 2 written on one side only', files: { 'a/keepalived.conf': node('MASTER', '    version 2\n'), 'b/keepalived.conf': node('BACKUP') } },
    { name: 'global vrrp_version 3 on one side, instance version 3 on the other', files: { 'a/keepalived.conf': node('MASTER', '', v3Global), 'b/keepalived.conf': node('BACKUP', '    version 3\n') } },
    { name: 'the instance version overrides the global one', files: { 'a/keepalived.conf': node('MASTER', '    version 2\n', v3Global), 'b/keepalived.conf': node('BACKUP') } },
  ],
  invalid: [
    {
      name: 'version 3 against the default 2',
      files: { 'a/keepalived.conf': node('MASTER', '    version 3\n'), 'b/keepalived.conf': node('BACKUP') },
      errors: [
        { messageId: 'mismatch', file: 'a/keepalived.conf', line: 6, column: 13, endColumn: 14, data: { mine: 'version 3', peer: "b's VI_1", theirs: 'version 2 (the default)', vip: '192.168.4.80' }, related: ['b/keepalived.conf:1:15'] },
        { messageId: 'mismatch', file: 'b/keepalived.conf', line: 1, column: 15, data: { mine: 'version 2 (the default)', peer: "a's VI_1", theirs: 'version 3', vip: '192.168.4.80' }, related: ['a/keepalived.conf:6:13'] },
      ],
    },
    {
      name: 'a global vrrp_version points at global_defs',
      files: { 'a/keepalived.conf': node('MASTER', '', v3Global), 'b/keepalived.conf': node('BACKUP', '    version 2\n') },
      errors: [
        { messageId: 'mismatch', file: 'a/keepalived.conf', line: 2, column: 18, data: { mine: 'version 3 (global vrrp_version)', peer: "b's VI_1", theirs: 'version 2', vip: '192.168.4.80' } },
        { messageId: 'mismatch', file: 'b/keepalived.conf', line: 6, column: 13, related: ['a/keepalived.conf:2:18'] },
      ],
    },
  ],
});
