import { testRule } from '../../testing/rule-tester.js';
import rule from './stats-auth-missing.js';

const head = `defaults
    mode http
    timeout connect 5s
    timeout client 30s
    timeout server 30s
`;

testRule(rule, {
  valid: [
    { name: 'stats auth', code: `${head}listen stats\n    bind :1080\n    stats uri /stats\n    stats auth ops:Vf7q-Lm2x-Rt9k\n    stats admin if TRUE\n` },
    { name: 'loopback only', code: `${head}listen stats\n    bind 127.0.0.1:1080\n    stats uri /stats\n` },
    { name: 'a userlist through http_auth', code: `${head}userlist ops\n    user ops password $6$abc\nlisten stats\n    bind :1080\n    stats uri /stats\n    stats http-request auth unless { http_auth(ops) }\n    stats admin if { http_auth(ops) }\n` },
    { name: 'restricted by address', code: `${head}listen stats\n    bind :1080\n    stats uri /stats\n    http-request deny unless { src 10.0.0.0/8 }\n` },
    { name: 'a TCP proxy serves no stats page', code: `listen db\n    mode tcp\n    bind :3306\n    stats enable\n    server a 10.0.0.1:3306\n` },
  ],
  invalid: [
    {
      name: 'stats admin if TRUE on an open page',
      code: `${head}listen stats\n    bind :1080\n    stats uri /stats\n    stats admin if TRUE\n`,
      errors: [
        {
          messageId: 'admin',
          line: 9,
          column: 5,
          endColumn: 16,
          data: { where: "listen 'stats'", reach: 'can connect to it' },
        },
      ],
    },
    {
      name: 'stats admin limited to an address: a warning',
      code: `${head}listen stats\n    bind :1080\n    stats uri /stats\n    stats admin if { src 10.0.0.5 }\n`,
      errors: [{ messageId: 'admin', line: 9, column: 5 }],
    },
    {
      name: 'an open read-only page, and one in a backend',
      code: `${head}listen stats\n    bind *:1080\n    stats enable\n    stats uri /stats\nfrontend fe\n    bind :80\n    use_backend be_stats if { path_beg /stats }\nbackend be_stats\n    stats enable\n`,
      errors: [
        { messageId: 'open', line: 8, column: 5, endColumn: 17, data: { where: "listen 'stats'", reach: 'can connect to it' } },
        { messageId: 'open', line: 14, column: 5, data: { where: "backend 'be_stats'", reach: 'gets a request routed to it' } },
      ],
    },
  ],
});
