import { testRule } from '../../testing/rule-tester.js';
import rule from './vip-address-conflict.js';

/** unicast_src_ip on line 6 (value at column 20), the peer on line 8, the VIP on line 11 (column 9). */
const node = (src: string, peer: string, vip: string, priority = 100) => `vrrp_instance VI_1 {
    state MASTER
    interface eth0
    virtual_router_id 51
    priority ${priority}
    unicast_src_ip ${src}
    unicast_peer {
        ${peer}
    }
    virtual_ipaddress {
        ${vip}
    }
}
`;

/** A director with one LVS-DR service: the VIP on line 7 (column 9), the real server's address on line 14 (column 17). */
const director = (vip: string, realServer: string) => `vrrp_instance VI_1 {
    state MASTER
    interface eth0
    virtual_router_id 51
    priority 100
    virtual_ipaddress {
        ${vip}
    }
}
virtual_server ${vip} 80 {
    lb_algo rr
    lb_kind DR
    protocol TCP
    real_server ${realServer} 80 {
        weight 1
    }
}
`;

const explicit = (addresses: Record<string, string[]>) => ({
  nodes: Object.fromEntries(Object.entries(addresses).map(([name, list]) => [name, { files: [`/cfglint-rule-tester/${name}/keepalived.conf`], addresses: list }])),
  clusters: { pair: Object.keys(addresses) },
});

testRule(rule, {
  valid: [
    { name: 'a unicast pair with a floating VIP', files: { 'a/keepalived.conf': node('10.0.0.1', '10.0.0.2', '10.0.0.100'), 'b/keepalived.conf': node('10.0.0.2', '10.0.0.1', '10.0.0.100') } },
    { name: 'the address owner (priority 255) lists its own address', files: { 'a/keepalived.conf': node('10.0.0.1', '10.0.0.2', '10.0.0.1', 255), 'b/keepalived.conf': node('10.0.0.2', '10.0.0.1', '10.0.0.1') } },
    { name: 'the lab\'s director: real servers are other machines', files: { 'proxy/keepalived.conf': director('192.168.4.15', '192.168.4.100') } },
    { name: 'configured host addresses that no VIP uses', files: { 'a/keepalived.conf': director('192.168.4.15', '192.168.4.100') }, config: explicit({ a: ['192.168.4.5'] }) },
  ],
  invalid: [
    {
      name: "the VIP is this host's own unicast_src_ip, and the peer's unicast_peer",
      files: { 'a/keepalived.conf': node('10.0.0.1', '10.0.0.2', '10.0.0.1'), 'b/keepalived.conf': node('10.0.0.2', '10.0.0.1', '10.0.0.1') },
      errors: [
        {
          messageId: 'hostAddress',
          file: 'a/keepalived.conf',
          line: 11,
          column: 9,
          endColumn: 17,
          data: { vip: '10.0.0.1', what: "the unicast_src_ip of a's VI_1 (an address of a)" },
          related: ['a/keepalived.conf:6:20', 'b/keepalived.conf:8:9'],
        },
        { messageId: 'hostAddress', file: 'b/keepalived.conf', line: 11, column: 9, related: ['a/keepalived.conf:6:20', 'b/keepalived.conf:8:9'] },
      ],
    },
    {
      name: 'a VIP that the config file names as a host address',
      files: { 'a/keepalived.conf': director('192.168.4.5', '192.168.4.100') },
      config: explicit({ a: ['192.168.4.5'] }),
      errors: [{ messageId: 'hostAddress', line: 7, column: 9, data: { vip: '192.168.4.5', what: 'an address of a (nodes.a.addresses in the cfglint config)' }, related: [] }],
    },
    {
      name: 'a real server at the VIP (a warning)',
      files: { 'proxy/keepalived.conf': director('192.168.4.15', '192.168.4.15') },
      errors: [
        {
          messageId: 'realServer',
          line: 7,
          column: 9,
          data: { vip: '192.168.4.15', what: 'a real server of virtual_server 192.168.4.15 80 on proxy' },
          related: ['proxy/keepalived.conf:14:17'],
        },
      ],
    },
  ],
});
