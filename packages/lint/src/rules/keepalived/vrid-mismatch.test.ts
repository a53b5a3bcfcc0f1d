import { testRule } from '../../testing/rule-tester.js';
import rule from './vrid-mismatch.js';

const instance = (state: string, vrid: number, vip = '192.168.4.80', priority = state === 'MASTER' ? 100 : 50) => `vrrp_instance VI_1 {
    state ${state}
    interface eth0
    virtual_router_id ${vrid}
    priority ${priority}
    virtual_ipaddress {
        ${vip}
    }
}
`;

testRule(rule, {
  valid: [
    { name: 'a pair with the same VRID', files: { 'web1/keepalived.conf': instance('MASTER', 51), 'web2/keepalived.conf': instance('BACKUP', 51) } },
    {
      name: 'different VIPs are different routers (two sites reusing layouts)',
      files: { 'site-a/lb1/keepalived.conf': instance('MASTER', 51, '10.1.0.10'), 'site-b/lb1/keepalived.conf': instance('MASTER', 52, '10.2.0.10') },
    },
    { name: 'one host with two VRIDs for one VIP is not a peer pair', files: { 'lb/keepalived.conf': instance('MASTER', 51) + instance('BACKUP', 52).replace('VI_1', 'VI_2') } },
    {
      name: 'explicit clusters keep look-alike hosts apart',
      files: { 'a/keepalived.conf': instance('MASTER', 51), 'b/keepalived.conf': instance('BACKUP', 52) },
      config: {
        nodes: { a: { files: ['/cfglint-rule-tester/a/keepalived.conf'] }, b: { files: ['/cfglint-rule-tester/b/keepalived.conf'] } },
        clusters: { one: ['a'], two: ['b'] },
      },
    },
  ],
  invalid: [
    {
      name: 'three nodes, one with another VRID: each side names its peers',
      files: { 'a/keepalived.conf': instance('MASTER', 51), 'b/keepalived.conf': instance('BACKUP', 51), 'c/keepalived.conf': instance('BACKUP', 52, '192.168.4.80', 40) },
      errors: [
        { messageId: 'mismatch', file: 'a/keepalived.conf', line: 4, column: 23, related: ['c/keepalived.conf:4:23'] },
        { messageId: 'mismatch', file: 'b/keepalived.conf', line: 4, column: 23, related: ['c/keepalived.conf:4:23'] },
        {
          messageId: 'mismatch',
          file: 'c/keepalived.conf',
          line: 4,
          column: 23,
          data: { vrid: 52, peerHost: 'a', peerInstance: 'VI_1', peerVrid: 51, vip: '192.168.4.80' },
          related: ['a/keepalived.conf:4:23', 'b/keepalived.conf:4:23'],
        },
      ],
    },
    {
      name: 'the BACKUP copied with another VRID',
      files: { 'web1/keepalived.conf': instance('MASTER', 51), 'web2/keepalived.conf': instance('BACKUP', 52) },
      errors: [
        {
          messageId: 'mismatch',
          file: 'web1/keepalived.conf',
          line: 4,
          column: 23,
          endColumn: 25,
          data: { vrid: 51, peerHost: 'web2', peerInstance: 'VI_1', peerVrid: 52, vip: '192.168.4.80' },
          related: ['web2/keepalived.conf:4:23'],
        },
        { messageId: 'mismatch', file: 'web2/keepalived.conf', line: 4, column: 23, related: ['web1/keepalived.conf:4:23'] },
      ],
    },
  ],
});
