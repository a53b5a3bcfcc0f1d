import { testRule } from '../../testing/rule-tester.js';
import rule from './stats-auth-weak.js';

const head = `defaults
    mode http
    timeout connect 5s
    timeout client 30s
    timeout server 30s
`;
const stats = (auth: string, extra = '') => `${head}listen stats
    bind 0.0.0.0:1080
    stats refresh 30s
    stats uri /stats
    stats realm Haproxy\\ Manager
    stats auth ${auth}
${extra}`;

testRule(rule, {
  valid: [
    { name: 'a long random password', code: stats('ops:Vf7q-Lm2x-Rt9k') },
    { name: 'a password from the environment', code: stats('ops:"${STATS_PASSWORD}"') },
    { name: 'no stats auth at all (haproxy/stats-auth-missing)', code: `${head}listen stats\n    bind 127.0.0.1:1080\n    stats uri /stats\n` },
  ],
  invalid: [
    {
      name: 'the lab: stats auth admin:admin',
      code: stats('admin:admin'),
      errors: [
        {
          messageId: 'sameAsUser',
          line: 11,
          column: 16,
          endColumn: 27,
          data: { user: 'admin', password: 'admin', length: 5, min: 8, exposure: 'and reads every backend, server address and health state, and the traffic figures' },
        },
      ],
    },
    {
      name: 'a default password with stats admin',
      code: stats('ops:changeme', '    stats admin if TRUE\n'),
      errors: [
        {
          messageId: 'guessable',
          line: 11,
          column: 16,
          data: { user: 'ops', password: 'changeme', length: 8, min: 8, exposure: "and, with 'stats admin', can put servers into maintenance or drain them" },
        },
      ],
    },
    {
      name: 'a placeholder left in a template',
      code: stats('haproxy:YOURPASSWORDHERE'),
      errors: [{ messageId: 'placeholder', line: 11, column: 16, data: { user: 'haproxy', password: 'YOURPASSWORDHERE', length: 16, min: 8, exposure: 'and reads every backend, server address and health state, and the traffic figures' } }],
    },
    {
      name: 'a short password is a warning; an empty one; in defaults too',
      code: `defaults\n    mode http\n    stats enable\n    stats auth ops:\n${head.slice('defaults\n    mode http\n'.length)}listen stats\n    bind :1080\n    stats auth ops:x7Kp2\n`,
      errors: [
        { messageId: 'empty', line: 4, column: 16 },
        { messageId: 'short', line: 10, column: 16, data: { user: 'ops', password: 'x7Kp2', length: 5, min: 8, exposure: 'and reads every backend, server address and health state, and the traffic figures' } },
      ],
    },
  ],
});
