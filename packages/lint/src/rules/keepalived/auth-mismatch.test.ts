import { testRule } from '../../testing/rule-tester.js';
import rule from './auth-mismatch.js';

const auth = (pass: string, type = 'PASS') => `        auth_type ${type}\n        auth_pass ${pass}\n`;

/** A VRRP instance for 192.168.4.80; line 1 is `vrrp_instance VI_1 {` unless `globals` come first. */
const node = ({ state = 'MASTER', priority = 100, authentication = auth('1111'), extra = '', globals = '', vrid = 51 } = {}) =>
  `${globals}vrrp_instance VI_1 {
    state ${state}
    interface eth0
    virtual_router_id ${vrid}
    priority ${priority}
${authentication ? `    authentication {\n${authentication}    }\n` : ''}${extra}    virtual_ipaddress {
        192.168.4.80
    }
}
`;

const pair = (a: Parameters<typeof node>[0], b: Parameters<typeof node>[0]) => ({
  'web1/keepalived.conf': node(a),
  'web2/keepalived.conf': node({ state: 'BACKUP', priority: 50, ...b }),
});

testRule(rule, {
  valid: [
    { name: 'the lab pair: PASS 1111 on both sides', files: pair({}, {}) },
    { name: 'passwords that differ only after the 8th character (keepalived truncates both)', files: pair({ authentication: auth('secret12-web1') }, { authentication: auth('secret12-web2') }) },
    { name: 'no authentication on either side', files: pair({ authentication: '' }, { authentication: '' }) },
    {
      name: 'strict mode on both sides ignores the differing passwords',
      files: pair({ globals: 'global_defs {\n    vrrp_strict\n}\n', authentication: auth('aaaa') }, { globals: 'global_defs {\n    vrrp_strict\n}\n', authentication: auth('bbbb') }),
    },
    { name: 'VRRPv3 has no authentication', files: pair({ extra: '    version 3\n', authentication: auth('aaaa') }, { extra: '    version 3\n', authentication: auth('bbbb') }) },
    { name: 'a VRID split is vrid-mismatch\'s finding', files: pair({ authentication: auth('aaaa') }, { vrid: 52, authentication: auth('bbbb') }) },
    {
      name: 'hosts of different declared clusters are never compared',
      files: pair({ authentication: auth('aaaa') }, { authentication: auth('bbbb') }),
      config: {
        nodes: { web1: { files: ['/cfglint-rule-tester/web1/keepalived.conf'] }, web2: { files: ['/cfglint-rule-tester/web2/keepalived.conf'] } },
        clusters: { a: ['web1'], b: ['web2'] },
      },
    },
  ],
  invalid: [
    {
      name: 'auth_pass differs in its first 8 characters: reported on both sides',
      files: pair({ authentication: auth('1111') }, { authentication: auth('2222') }),
      errors: [
        { messageId: 'pass', file: 'web1/keepalived.conf', line: 8, column: 19, endColumn: 23, data: { peer: "web2's VI_1", vip: '192.168.4.80' }, related: ['web2/keepalived.conf:8:19'] },
        { messageId: 'pass', file: 'web2/keepalived.conf', line: 8, column: 19, data: { peer: "web1's VI_1", vip: '192.168.4.80' }, related: ['web1/keepalived.conf:8:19'] },
      ],
    },
    {
      name: 'a difference inside the first 8 characters of long passwords',
      files: pair({ authentication: auth('abcdefgh-same') }, { authentication: auth('abcdefgX-same') }),
      errors: [
        { messageId: 'pass', file: 'web1/keepalived.conf', line: 8, column: 19, endColumn: 32 },
        { messageId: 'pass', file: 'web2/keepalived.conf', line: 8, column: 19 },
      ],
    },
    {
      name: 'PASS on one side, no authentication on the other',
      files: pair({}, { authentication: '' }),
      errors: [
        {
          messageId: 'type',
          file: 'web1/keepalived.conf',
          line: 7,
          column: 19,
          data: { mine: 'auth_type PASS', peer: "web2's VI_1", theirs: 'no authentication', vip: '192.168.4.80' },
          related: ['web2/keepalived.conf:1:15'],
        },
        { messageId: 'type', file: 'web2/keepalived.conf', line: 1, column: 15, endColumn: 19, data: { mine: 'no authentication', peer: "web1's VI_1", theirs: 'auth_type PASS', vip: '192.168.4.80' }, related: ['web1/keepalived.conf:7:19'] },
      ],
    },
    {
      name: 'strict mode on one side only drops its authentication',
      files: pair({ globals: 'global_defs {\n    vrrp_strict\n}\n' }, {}),
      errors: [
        { messageId: 'type', file: 'web1/keepalived.conf', line: 10, column: 19, data: { mine: 'no authentication (strict mode ignores it)', peer: "web2's VI_1", theirs: 'auth_type PASS', vip: '192.168.4.80' } },
        { messageId: 'type', file: 'web2/keepalived.conf', line: 7, column: 19 },
      ],
    },
    {
      name: 'three nodes: only the odd one out is reported',
      files: { ...pair({}, {}), 'web3/keepalived.conf': node({ state: 'BACKUP', priority: 40, authentication: auth('9999') }) },
      errors: [{ messageId: 'pass', file: 'web3/keepalived.conf', line: 8, column: 19, related: ['web1/keepalived.conf:8:19'] }],
    },
  ],
});
