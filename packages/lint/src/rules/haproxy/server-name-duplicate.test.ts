import { testRule } from '../../testing/rule-tester.js';
import rule from './server-name-duplicate.js';

const head = `defaults
    mode http
    timeout connect 5s
    timeout client 30s
    timeout server 30s
frontend fe
    bind :80
    default_backend app
`;

testRule(rule, {
  valid: [
    { name: 'distinct names', code: `${head}backend app\n    server web1 192.168.4.100:80 check\n    server web2 192.168.4.200:80 check\n` },
    {
      name: 'one name in two backends',
      code: `${head}backend app\n    server web1 192.168.4.100:80\nbackend other\n    server web1 192.168.4.100:80\n`,
    },
    { name: 'a template and a name outside its range', code: `${head}backend app\n    server-template web 5-7 10.0.0.1:80\n    server web4 10.0.0.4:80\n    server web 10.0.0.9:80\n` },
    { name: 'names from VTest macros', code: `${head}backend app\n    server \${s1_name} 10.0.0.1:80\n    server \${s1_name} 10.0.0.2:80\n` },
  ],
  invalid: [
    {
      name: 'a copied server line',
      code: `${head}backend app\n    server web1 192.168.4.100:80 check\n    server web1 192.168.4.200:80 check\n`,
      errors: [
        {
          messageId: 'refused',
          line: 11,
          column: 12,
          endColumn: 16,
          data: { where: "backend 'app'", name: 'web1', version: '3.2', proxy: 'app' },
          related: ['host1/haproxy.cfg:10:12'],
        },
      ],
    },
    {
      name: 'HAProxy 1.9 only warned: a warning',
      versions: { haproxy: '1.9' },
      code: `${head}backend app\n    server web1 192.168.4.100:80\n    server web1 192.168.4.200:80\n`,
      errors: [{ messageId: 'ambiguous', line: 11, column: 12 }],
    },
    {
      name: 'an explicit id makes HAProxy accept it: a warning',
      code: `${head}backend app\n    server web1 192.168.4.100:80 id 5\n    server web1 192.168.4.200:80\n`,
      errors: [{ messageId: 'ambiguous', line: 11, column: 12, related: ['host1/haproxy.cfg:10:12'] }],
    },
    {
      name: 'a name a server-template also generates, in a listen section',
      code: `${head}listen app\n    bind :8080\n    server-template srv 3 10.0.0.1:80\n    server srv2 10.0.0.2:80\n`,
      errors: [
        {
          messageId: 'template',
          line: 12,
          column: 12,
          data: { name: 'srv2', prefix: 'srv', where: "listen 'app'", consequence: 'HAProxy 3.2 refuses to start (two servers with one name)' },
          related: ['host1/haproxy.cfg:11:21'],
        },
      ],
    },
  ],
});
