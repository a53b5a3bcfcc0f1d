import { testRule } from '../../testing/rule-tester.js';
import rule from './server-check-missing.js';

const head = `defaults
    mode http
    timeout connect 5s
    timeout client 30s
    timeout server 30s
`;

testRule(rule, {
  valid: [
    { name: 'the lab: both checked', code: `${head}listen servers\n    bind *:80\n    server web1 192.168.4.100:80 check\n    server web2 192.168.4.200:80 check\n` },
    { name: 'none checked', code: `${head}backend app\n    server web1 192.168.4.100:80\n    server web2 192.168.4.200:80\n` },
    { name: 'check from default-server', code: `${head}backend app\n    default-server check inter 2s\n    server web1 192.168.4.100:80\n    server web2 192.168.4.200:80\n` },
    {
      name: 'track, agent-check, disabled',
      code: `${head}backend app\n    server web1 192.168.4.100:80 check\n    server web2 192.168.4.200:80 track app/web1\n    server web3 192.168.4.201:80 agent-check agent-port 9999\n    server web4 192.168.4.202:80 disabled\n`,
    },
  ],
  invalid: [
    {
      name: 'a server added without check',
      code: `${head}backend app\n    server web1 192.168.4.100:80 check\n    server web2 192.168.4.200:80 weight 2 # new\n`,
      errors: [
        {
          messageId: 'missing',
          line: 8,
          column: 12,
          endColumn: 16,
          data: { name: 'web2', sibling: 'web1', where: "backend 'app'" },
          related: ['host1/haproxy.cfg:7:12'],
          suggestions: ["Add 'check' to server 'web2'"],
          suggestionOutputs: [`${head}backend app\n    server web1 192.168.4.100:80 check\n    server web2 192.168.4.200:80 check weight 2 # new\n`],
        },
      ],
    },
    {
      name: 'no-check overrides default-server; a backup server may stay unchecked',
      code: `${head}backend app\n    default-server check\n    server web1 192.168.4.100:80\n    server web2 192.168.4.200:80 no-check\n    server sorry 127.0.0.1:8080 backup no-check\n`,
      errors: [{ messageId: 'missing', line: 9, column: 12, data: { name: 'web2', sibling: 'web1', where: "backend 'app'" } }],
    },
  ],
});
