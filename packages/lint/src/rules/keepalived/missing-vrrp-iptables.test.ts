import { testRule } from '../../testing/rule-tester.js';
import rule from './missing-vrrp-iptables.js';

const config = (globals: string, instanceExtra = '') => `global_defs {
${globals}}
vrrp_instance VI_1 {
    state MASTER
    interface eth0
    virtual_router_id 51
    priority 100
${instanceExtra}    virtual_ipaddress {
        192.168.4.80
    }
}
`;

const demands = 'strict mode also refuses authentication and unicast peers, and wants the MASTER to be the address owner (priority 255)';

testRule(rule, {
  valid: [
    { name: 'no strict mode', code: config('    router_id web1\n') },
    { name: 'strict mode with accept', code: config('    vrrp_strict\n', '    accept\n') },
    { name: 'vrrp_iptables on an iptables build', code: config('    vrrp_strict\n    vrrp_iptables\n'), config: { keepalivedFirewall: 'iptables' } },
    { name: 'strict_mode off in the instance overrides vrrp_strict', code: config('    vrrp_strict\n', '    strict_mode off\n') },
  ],
  invalid: [
    {
      name: 'vrrp_strict alone',
      code: config('    vrrp_strict\n'),
      errors: [{ messageId: 'dropped', line: 4, column: 15, endColumn: 19, data: { instance: 'vrrp_instance VI_1', demands }, related: ['host1/keepalived.conf:2:5'] }],
    },
    {
      name: 'the lab: vrrp_iptables on a Debian (nftables) build',
      code: config('    vrrp_iptables\n    vrrp_strict\n'),
      errors: [
        {
          messageId: 'nftablesIgnoresIptables',
          line: 5,
          column: 15,
          related: ['host1/keepalived.conf:3:5', 'host1/keepalived.conf:2:5'],
        },
      ],
    },
    {
      name: 'strict_mode in the instance',
      code: config('    router_id x\n', '    strict_mode on\n'),
      errors: [{ messageId: 'dropped', line: 4, column: 15, related: ['host1/keepalived.conf:9:5'] }],
    },
  ],
});
