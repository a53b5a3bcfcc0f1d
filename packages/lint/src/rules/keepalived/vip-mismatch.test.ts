import { testRule } from '../../testing/rule-tester.js';
import rule from './vip-mismatch.js';

/** VIP entries start on line 7. */
const node = (state: string, vips: string[], vrid = 51) => `vrrp_instance VI_1 {
    state ${state}
    interface eth0
    virtual_router_id ${vrid}
    priority ${state === 'MASTER' ? 100 : 50}
    virtual_ipaddress {
${vips.map((v) => `        ${v}\n`).join('')}    }
}
`;

testRule(rule, {
  valid: [
    { name: 'the same VIPs', files: { 'a/keepalived.conf': node('MASTER', ['192.168.4.80', '192.168.4.81']), 'b/keepalived.conf': node('BACKUP', ['192.168.4.80', '192.168.4.81']) } },
    {
      name: 'the same VIPs in another order, spelling and prefix',
      files: { 'a/keepalived.conf': node('MASTER', ['192.168.4.80/24', '2001:db8::0001']), 'b/keepalived.conf': node('BACKUP', ['2001:db8::1', '192.168.4.80 dev eth0']) },
    },
    { name: 'a different VRID is another router (vrid-mismatch reports it)', files: { 'a/keepalived.conf': node('MASTER', ['192.168.4.80', '192.168.4.81']), 'b/keepalived.conf': node('BACKUP', ['192.168.4.80'], 52) } },
  ],
  invalid: [
    {
      name: 'a VIP on one side only',
      files: { 'a/keepalived.conf': node('MASTER', ['192.168.4.80', '192.168.4.81']), 'b/keepalived.conf': node('BACKUP', ['192.168.4.80']) },
      errors: [
        {
          messageId: 'missing',
          file: 'a/keepalived.conf',
          line: 8,
          column: 9,
          endColumn: 21,
          data: { vip: '192.168.4.81', peer: "b's VI_1", peerHost: 'b', vrid: 51 },
          related: ['b/keepalived.conf:7:9'],
        },
      ],
    },
    {
      name: 'each side has a VIP the other lacks',
      files: { 'a/keepalived.conf': node('MASTER', ['192.168.4.80', '192.168.4.81']), 'b/keepalived.conf': node('BACKUP', ['192.168.4.80', '192.168.4.82/24']) },
      errors: [
        { messageId: 'missing', file: 'a/keepalived.conf', line: 8, column: 9, data: { vip: '192.168.4.81', peer: "b's VI_1", peerHost: 'b', vrid: 51 } },
        { messageId: 'missing', file: 'b/keepalived.conf', line: 8, column: 9, endColumn: 24, data: { vip: '192.168.4.82', peer: "a's VI_1", peerHost: 'a', vrid: 51 } },
      ],
    },
  ],
});
