import { testRule } from '../../testing/rule-tester.js';
import rule from './virtual-server-empty.js';

const empty = 'virtual_server 192.168.4.15 80 {\n    lb_algo rr\n    lb_kind DR\n    protocol TCP\n}\n';
const old = { keepalived: '1.3.5' };

testRule(rule, {
  valid: [
    { name: 'a virtual server with a real server', code: empty.replace('}\n', '    real_server 192.168.4.100 80 {\n        weight 1\n    }\n}\n'), versions: old },
    { name: 'only a sorry server (maintenance page)', code: empty.replace('}\n', '    sorry_server 192.168.4.250 80\n}\n'), versions: old },
    { name: 'from 2.0.0 keepalived -t reports it (schema check config/virtual-server-no-real-server)', code: empty, versions: { keepalived: '2.2.7' } },
  ],
  invalid: [
    {
      name: 'an empty virtual server for keepalived 1.3',
      code: empty,
      versions: old,
      errors: [{ messageId: 'empty', line: 1, column: 16, endColumn: 28, data: { label: 'virtual_server 192.168.4.15 80', version: '1.3.5', since: '2.0.0' } }],
    },
    {
      name: 'a firewall-mark service is reported at its first word',
      code: 'virtual_server fwmark 1 {\n    lb_algo rr\n    lb_kind DR\n}\n',
      versions: { keepalived: '1.4' },
      errors: [{ messageId: 'empty', line: 1, column: 16, endColumn: 22, data: { label: 'virtual_server fwmark 1', version: '1.4.5', since: '2.0.0' } }],
    },
  ],
});
