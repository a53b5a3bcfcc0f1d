import { testRule } from '../testing/rule-tester.js';
import rule from './port-conflict.js';

const haproxy = (sections: string) => `defaults
    mode http
    timeout connect 5s
    timeout client 30s
    timeout server 30s
${sections}`;

const lvs = `virtual_server 192.168.4.15 80 {
    lb_algo rr
    lb_kind DR
    protocol TCP
    real_server 192.168.4.100 80 {
        weight 1
    }
}
`;

testRule(rule, {
  valid: [
    {
      name: 'different ports and addresses',
      code: haproxy('frontend a\n    bind 10.0.0.1:80\nfrontend b\n    bind 10.0.0.2:80\nfrontend c\n    bind :8080\n'),
    },
    { name: 'TCP and QUIC on the same port', code: haproxy('frontend a\n    bind :443\n    bind quic4@:443\n') },
    {
      name: 'HAProxy on another host than the director',
      files: { 'proxy/keepalived.conf': lvs, 'web/haproxy.cfg': haproxy('listen www\n    bind :80\n') },
    },
    { name: 'an IPv6-only wildcard next to an IPv4 wildcard', code: haproxy('frontend a\n    bind :80\nfrontend b\n    bind :::80 v6only\n') },
    {
      name: 'one frontend listening on IPv4 and dual-stack IPv6, and the same address twice (traffic lands there either way)',
      code: haproxy('frontend a\n    bind 0.0.0.0:80\n    bind :::80 v4v6\n    bind :443\n    bind :443 ssl crt /x.pem\n'),
    },
  ],
  invalid: [
    {
      name: 'two frontends on the same address',
      code: haproxy('frontend a\n    bind 10.0.0.1:80\nfrontend b\n    bind 10.0.0.1:80\n'),
      errors: [
        {
          messageId: 'duplicate',
          line: 9,
          column: 10,
          endColumn: 21,
          data: { label: 'frontend b', address: '10.0.0.1:80', otherLabel: 'frontend a', otherAddress: '10.0.0.1:80' },
          related: ['host1/haproxy.cfg:7:10'],
        },
      ],
    },
    {
      name: 'a port range overlapping the stats page, and a wildcard next to a specific address',
      code: haproxy('listen stats\n    bind 0.0.0.0:1080\n    stats uri /stats\nfrontend range\n    bind 10.0.0.1:1000-1100\n'),
      errors: [{ messageId: 'shadowed', line: 10, column: 10, related: ['host1/haproxy.cfg:7:10'] }],
    },
    {
      name: 'a TCP stats socket on the port of a frontend',
      code: 'global\n    stats socket ipv4@127.0.0.1:9999 level admin\n' + haproxy('frontend admin\n    bind 127.0.0.1:9999\n'),
      errors: [{ messageId: 'duplicate', line: 9, column: 10, related: ['host1/haproxy.cfg:2:18'] }],
    },
    {
      name: 'an IPv4 wildcard in one frontend and a dual-stack IPv6 wildcard in another',
      code: haproxy('frontend a\n    bind 0.0.0.0:80\nfrontend b\n    bind :::80\n'),
      errors: [{ messageId: 'shadowed', line: 9, column: 10, related: ['host1/haproxy.cfg:7:10'] }],
    },
    {
      name: 'the lab: HAProxy *:80 on the director whose keepalived declares virtual_server 192.168.4.15 80',
      files: { 'proxy/keepalived.conf': lvs, 'proxy/haproxy.cfg': haproxy('frontend servers\n    bind *:80\n') },
      errors: [{ messageId: 'ipvsShadows', file: 'proxy/haproxy.cfg', line: 7, column: 10, related: ['proxy/keepalived.conf:1:1'] }],
    },
    {
      name: 'HAProxy on the VIP and port IPVS serves',
      files: { 'proxy/keepalived.conf': lvs, 'proxy/haproxy.cfg': haproxy('frontend servers\n    bind 192.168.4.15:80\n') },
      errors: [{ messageId: 'ipvsTakes', file: 'proxy/haproxy.cfg', line: 7, column: 10 }],
    },
  ],
});
