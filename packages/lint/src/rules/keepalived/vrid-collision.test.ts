import { testRule } from '../../testing/rule-tester.js';
import rule from './vrid-collision.js';

/** One instance; virtual_router_id is on line `first + 3`, its value at column 23. */
const instance = (name: string, vrid: number, vip: string, { iface = 'eth0', extra = '' } = {}) => `vrrp_instance ${name} {
    state BACKUP
    interface ${iface}
    virtual_router_id ${vrid}
    priority 100
${extra}    virtual_ipaddress {
        ${vip}
    }
}
`;
const unicast = (peer: string) => `    unicast_peer {\n        ${peer}\n    }\n`;

const lab = (proxyVrid: number) => ({
  'web1/keepalived.conf': instance('VI_1', 51, '192.168.4.80'),
  'web2/keepalived.conf': instance('VI_1', 51, '192.168.4.80'),
  'proxy/keepalived.conf': instance('VI_1', proxyVrid, '192.168.4.15'),
  'proxy2/keepalived.conf': instance('VI_1', proxyVrid, '192.168.4.15'),
});

testRule(rule, {
  valid: [
    { name: 'the lab with its own VRID for the directors', files: lab(52) },
    {
      name: 'one host, two interfaces (two networks)',
      files: { 'lb/keepalived.conf': instance('VI_1', 51, '192.168.4.80', { iface: 'eth0' }) + instance('VI_2', 51, '192.168.4.81', { iface: 'eth1' }) },
    },
    {
      name: 'one host and interface, IPv4 and IPv6 (separate VRID spaces)',
      files: { 'lb/keepalived.conf': instance('VI_4', 51, '192.168.4.80') + instance('VI_6', 51, '2001:db8::80') },
    },
    {
      name: 'unicast instances never meet other routers\' adverts',
      files: { 'lb/keepalived.conf': instance('VI_1', 51, '192.168.4.80', { extra: unicast('10.0.0.2') }) + instance('VI_2', 51, '192.168.4.81', { extra: unicast('10.0.0.3') }) },
    },
    {
      name: 'link-local VIPs say nothing about the network',
      files: { 'a/keepalived.conf': instance('VI_1', 51, 'fe80::1'), 'b/keepalived.conf': instance('VI_1', 51, 'fe80::2') },
      config: {
        nodes: { a: { files: ['/cfglint-rule-tester/a/keepalived.conf'] }, b: { files: ['/cfglint-rule-tester/b/keepalived.conf'] } },
        clusters: { one: ['a', 'b'] },
      },
    },
    {
      name: 'a declared cluster spanning two segments',
      files: { 'a/keepalived.conf': instance('VI_1', 51, '10.1.0.10'), 'b/keepalived.conf': instance('VI_1', 51, '10.2.0.10') },
      config: {
        nodes: { a: { files: ['/cfglint-rule-tester/a/keepalived.conf'] }, b: { files: ['/cfglint-rule-tester/b/keepalived.conf'] } },
        clusters: { one: ['a', 'b'] },
      },
    },
  ],
  invalid: [
    {
      name: 'the lab: experiments 1 and 2 both use VRID 51 on 192.168.4.0/24',
      files: lab(51),
      errors: [
        {
          messageId: 'sameSegment',
          file: 'web1/keepalived.conf',
          line: 4,
          column: 23,
          endColumn: 25,
          data: { vrid: 51, peer: "proxy's VI_1", peerVip: '192.168.4.15', segment: '192.168.4.0/24' },
          related: ['proxy/keepalived.conf:4:23', 'proxy2/keepalived.conf:4:23'],
        },
        { messageId: 'sameSegment', file: 'web2/keepalived.conf', line: 4, column: 23, related: ['proxy/keepalived.conf:4:23', 'proxy2/keepalived.conf:4:23'] },
        { messageId: 'sameSegment', file: 'proxy/keepalived.conf', line: 4, column: 23, data: { vrid: 51, peer: "web1's VI_1", peerVip: '192.168.4.80', segment: '192.168.4.0/24' }, related: ['web1/keepalived.conf:4:23', 'web2/keepalived.conf:4:23'] },
        { messageId: 'sameSegment', file: 'proxy2/keepalived.conf', line: 4, column: 23, related: ['web1/keepalived.conf:4:23', 'web2/keepalived.conf:4:23'] },
      ],
    },
    {
      name: 'one host, one interface: keepalived refuses it',
      files: { 'lb/keepalived.conf': instance('VI_1', 51, '192.168.4.80') + instance('VI_2', 51, '10.9.9.9') },
      errors: [
        {
          messageId: 'sameInterface',
          line: 4,
          column: 23,
          data: { vrid: 51, other: 'VI_2', interface: 'eth0', first: 'VI_1', second: 'VI_2', family: 4 },
          related: ['lb/keepalived.conf:13:23'],
        },
        { messageId: 'sameInterface', line: 13, column: 23, data: { vrid: 51, other: 'VI_1', interface: 'eth0', first: 'VI_1', second: 'VI_2', family: 4 }, related: ['lb/keepalived.conf:4:23'] },
      ],
    },
  ],
});
