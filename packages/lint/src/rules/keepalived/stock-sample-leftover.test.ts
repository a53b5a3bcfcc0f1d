import { testRule } from '../../testing/rule-tester.js';
import rule from './stock-sample-leftover.js';

const stockGlobals = `global_defs {
   notification_email {
     acassen@firewall.loc
     failover@firewall.loc
     sysadmin@firewall.loc
   }
   notification_email_from Alexandre.Cassen@firewall.loc
   smtp_server 192.168.200.1
   smtp_connect_timeout 30
   router_id LVS1
}
`;

const sampleService = `virtual_server 10.10.10.2 1358 {
    delay_loop 6
    lb_algo rr
    lb_kind NAT
    protocol TCP

    sorry_server 192.168.200.200 1358

    real_server 192.168.200.2 1358 {
        weight 1
    }
}
`;

const labService = `virtual_server 192.168.4.15 80 {
    lb_algo rr
    lb_kind DR
    protocol TCP
    real_server 192.168.4.100 80 {
        weight 1
    }
}
`;

const instance = (vip: string) => `vrrp_instance VI_1 {
    state MASTER
    interface eth0
    virtual_router_id 51
    priority 100
    virtual_ipaddress {
        ${vip}
    }
}
`;

testRule(rule, {
  valid: [
    {
      name: 'own mail settings, VIP and service',
      code: `global_defs {\n   notification_email {\n     ops@example.com\n   }\n   smtp_server 10.0.0.25\n}\n${instance('192.168.4.80')}${labService}`,
    },
    { name: 'a real service in 10.10.10.0/24 on another port', code: labService.replace('192.168.4.15 80', '10.10.10.2 80').replace('192.168.4.100 80', '10.10.10.20 80') },
    { name: 'the sample VIP range used for other addresses', code: instance('192.168.200.50') },
  ],
  invalid: [
    {
      name: 'the stock global_defs, as the lab leaves them',
      code: stockGlobals,
      errors: [
        {
          messageId: 'mail',
          line: 3,
          column: 6,
          endColumn: 26,
          data: { what: 'acassen@firewall.loc, failover@firewall.loc, sysadmin@firewall.loc, notification_email_from Alexandre.Cassen@firewall.loc, smtp_server 192.168.200.1' },
          related: ['host1/keepalived.conf:4:6', 'host1/keepalived.conf:5:6', 'host1/keepalived.conf:7:28', 'host1/keepalived.conf:8:4'],
          suggestions: ['Remove the sample mail settings (no alert mails are sent until you configure your own)'],
          // The list goes whole: emptied, keepalived would reject it.
          suggestionOutputs: ['global_defs {\n   smtp_connect_timeout 30\n   router_id LVS1\n}\n'],
        },
      ],
    },
    {
      name: 'one own address among sample ones: only the sample lines go',
      code: 'global_defs {\n   notification_email {\n     ops@example.com\n     sysadmin@firewall.loc\n   }\n}\n',
      errors: [{ messageId: 'mail', line: 4, column: 6, suggestionOutputs: ['global_defs {\n   notification_email {\n     ops@example.com\n   }\n}\n'] }],
    },
    {
      name: 'a sample virtual_server left below the lab\'s own',
      code: `${labService}\n${sampleService}`,
      errors: [
        {
          messageId: 'virtualServer',
          line: 10,
          column: 16,
          endColumn: 26,
          data: { label: 'virtual_server 10.10.10.2 1358', servers: '192.168.200.2:1358' },
          suggestions: ['Remove the sample virtual_server block'],
          suggestionOutputs: [`${labService}\n`],
        },
      ],
    },
    {
      name: 'an own address in front of the sample real servers',
      code: 'virtual_server 192.168.4.15 443 {\n    lb_algo rr\n    lb_kind NAT\n    protocol TCP\n    real_server 192.168.201.100 443 {\n        weight 1\n    }\n}\n',
      errors: [{ messageId: 'virtualServer', line: 1, column: 16, data: { label: 'virtual_server 192.168.4.15 443', servers: '192.168.201.100:443' }, suggestionOutputs: [''] }],
    },
    {
      name: 'the sample VIPs (no suggestion: the VIP must be replaced, not deleted)',
      code: instance('192.168.200.16'),
      errors: [{ messageId: 'vip', line: 7, column: 9, endColumn: 23, data: { vip: '192.168.200.16' }, suggestions: [] }],
    },
  ],
});
