import { testRule } from '../../testing/rule-tester.js';
import rule from './real-server-port-mismatch.js';

/** The first real server's port is on line 5, column 31. */
const service = (kind: string, rsPort: string, extra = '') => `virtual_server 192.168.4.15 80 {
    lb_algo rr
    lb_kind ${kind}
    protocol TCP
    real_server 192.168.4.100 ${rsPort} {
${extra}        weight 1
    }
}
`;
const old = { keepalived: '1.3.5' };

testRule(rule, {
  valid: [
    { name: 'DR on the virtual server port', code: service('DR', '80'), versions: old },
    { name: 'NAT may map ports', code: service('NAT', '8080'), versions: old },
    { name: 'a real server overriding DR with NAT', code: service('DR', '8080', '        lvs_method NAT\n'), versions: old },
    { name: 'from 2.0.15 keepalived -t reports it (schema check config/real-server-port)', code: service('DR', '8080'), versions: { keepalived: '2.2.7' } },
  ],
  invalid: [
    {
      name: 'DR real server on 8080 for keepalived 1.3 (the lab\'s CentOS 7)',
      code: service('DR', '8080'),
      versions: old,
      errors: [
        {
          messageId: 'mismatch',
          line: 5,
          column: 31,
          endColumn: 35,
          data: { address: '192.168.4.100', rsPort: 8080, method: 'DR', vsPort: 80, version: '1.3.5', since: '2.0.15' },
          suggestions: ['Use port 80, the port IPVS really delivers to (the health checks then probe it too)'],
          suggestionOutputs: [service('DR', '80')],
        },
      ],
    },
    {
      name: 'TUN set on the real server',
      code: service('NAT', '8080', '        lvs_method TUN\n'),
      versions: { keepalived: '2.0.10' },
      errors: [{ messageId: 'mismatch', line: 5, column: 31, data: { address: '192.168.4.100', rsPort: 8080, method: 'TUN', vsPort: 80, version: '2.0.10', since: '2.0.15' } }],
    },
  ],
});
