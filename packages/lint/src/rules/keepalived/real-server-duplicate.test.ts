import { testRule } from '../../testing/rule-tester.js';
import rule from './real-server-duplicate.js';

const service = (servers: string[]) => `virtual_server 192.168.4.15 80 {
    lb_algo rr
    lb_kind DR
    protocol TCP
${servers.map((s) => `    real_server ${s} {\n        weight 1\n    }\n`).join('')}}
`;
const old = { keepalived: '1.3.5' };

testRule(rule, {
  valid: [
    { name: 'the lab\'s two web servers', code: service(['192.168.4.100 80', '192.168.4.200 80']), versions: old },
    { name: 'one address on two ports (NAT)', code: service(['192.168.4.100 80', '192.168.4.100 8080']).replace('lb_kind DR', 'lb_kind NAT'), versions: old },
    { name: 'from 2.0.20 keepalived -t reports it (schema check config/real-server-duplicate)', code: service(['192.168.4.100 80', '192.168.4.100 80']), versions: { keepalived: '2.2.7' } },
  ],
  invalid: [
    {
      name: 'the second web server copied without changing its address',
      code: service(['192.168.4.100 80', '192.168.4.100 80']),
      versions: old,
      errors: [
        {
          messageId: 'duplicate',
          line: 8,
          column: 17,
          endColumn: 30,
          data: { address: '192.168.4.100', port: 80, label: 'virtual_server 192.168.4.15 80', version: '1.3.5', since: '2.0.20' },
          related: ['host1/keepalived.conf:5:17'],
        },
      ],
    },
    {
      name: 'a port left out means the virtual server port',
      code: service(['192.168.4.100 80', '192.168.4.100']),
      versions: old,
      errors: [{ messageId: 'duplicate', line: 8, column: 17, data: { address: '192.168.4.100', port: 80, label: 'virtual_server 192.168.4.15 80', version: '1.3.5', since: '2.0.20' } }],
    },
  ],
});
