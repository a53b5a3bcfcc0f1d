import { testRule } from '../../testing/rule-tester.js';
import rule from './script-security-missing.js';

const instance = (extra = '') => `vrrp_instance VI_1 {
    state MASTER
    interface eth0
    virtual_router_id 51
    priority 100
${extra}    virtual_ipaddress {
        192.168.4.80
    }
}
`;
const chk = 'vrrp_script chk_haproxy {\n    script "/usr/bin/killall -0 haproxy"\n    interval 2\n}\n';

testRule(rule, {
  valid: [
    { name: 'no scripts', code: `global_defs {\n    router_id web1\n}\n${instance()}` },
    { name: 'scripts with enable_script_security', code: `global_defs {\n    enable_script_security\n    script_user keepalived_script\n}\n${chk}${instance('    track_script {\n        chk_haproxy\n    }\n')}` },
    { name: 'enable_script_security with an argument still enables it (keepalived ignores the argument)', code: `global_defs {\n    enable_script_security off\n}\n${chk}` },
  ],
  invalid: [
    {
      name: 'a vrrp_script and a notify script without script security',
      code: `global_defs {\n    router_id web1\n}\n${chk}${instance('    notify_master /etc/keepalived/master.sh\n')}`,
      errors: [
        {
          messageId: 'root',
          line: 5,
          column: 5,
          endColumn: 11,
          data: { count: '2 scripts', user: '', test: ' and keepalived -t exits with status 6' },
          related: ['host1/keepalived.conf:13:5'],
          suggestions: ['Add enable_script_security to global_defs (keepalived then refuses scripts a non-root user could modify)'],
          suggestionOutputs: [`global_defs {\n    enable_script_security\n    router_id web1\n}\n${chk}${instance('    notify_master /etc/keepalived/master.sh\n')}`],
        },
      ],
    },
    {
      name: 'scripts run as a script_user, still without script security',
      code: `global_defs {\n  script_user nobody\n}\n${instance('    notify /etc/keepalived/notify.sh\n')}`,
      errors: [
        {
          messageId: 'user',
          line: 9,
          column: 5,
          data: { count: '1 script', user: 'nobody', test: ' and keepalived -t exits with status 6' },
          related: ['host1/keepalived.conf:2:3'],
          suggestionOutputs: [`global_defs {\n  enable_script_security\n  script_user nobody\n}\n${instance('    notify /etc/keepalived/notify.sh\n')}`],
        },
      ],
    },
    {
      name: 'a MISC_CHECK without global_defs, for keepalived 1.3 (no -t): the suggestion adds the block',
      versions: { keepalived: '1.3.5' },
      code: 'virtual_server 10.0.0.1 80 {\n    lb_algo rr\n    lb_kind NAT\n    protocol TCP\n    real_server 10.0.1.1 80 {\n        MISC_CHECK {\n            misc_path "/usr/local/bin/check web"\n        }\n    }\n}\n',
      errors: [
        {
          messageId: 'root',
          line: 7,
          column: 13,
          data: { count: '1 script', user: '', test: '' },
          suggestionOutputs: [
            'global_defs {\n    enable_script_security\n}\n\nvirtual_server 10.0.0.1 80 {\n    lb_algo rr\n    lb_kind NAT\n    protocol TCP\n    real_server 10.0.1.1 80 {\n        MISC_CHECK {\n            misc_path "/usr/local/bin/check web"\n        }\n    }\n}\n',
          ],
        },
      ],
    },
  ],
});
