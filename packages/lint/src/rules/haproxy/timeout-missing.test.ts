import { testRule } from '../../testing/rule-tester.js';
import rule from './timeout-missing.js';

const full = `defaults
    mode http
    timeout connect 10s
    timeout client 1m
    timeout server 1m
`;

testRule(rule, {
  valid: [
    { name: 'timeouts from defaults', code: `${full}listen servers\n    bind *:80\n    server web1 192.168.4.100:80 check\n` },
    {
      name: 'measured with haproxy -c: TCP tunnel timeout, backend without servers, disabled proxy',
      code: `defaults
    mode tcp
    timeout client 5s
frontend fe
    bind :8001
    default_backend be1
backend be1
    timeout connect 5s
    timeout tunnel 1h
    server s1 127.0.0.1:9
backend be3
listen l1
    bind :8002
    timeout client 0
    disabled
`,
    },
    { name: 'a mode without these timeouts', code: 'global\n    log stdout local0\nbackend logs\n    mode log\n    server s1 udp@127.0.0.1:514\n' },
    { name: '1.5 contimeout, clitimeout, srvtimeout', versions: { haproxy: '1.5' }, code: 'defaults\n    contimeout 5000\n    clitimeout 50000\n    srvtimeout 50000\nlisten a\n    bind :80\n    server s 10.0.0.1:80\n' },
    {
      name: 'a conf.d piece whose defaults are in an earlier file',
      files: { 'lb/haproxy/conf.d/20-frontends.cfg': 'frontend fe\n    bind :80\n    default_backend app\n', 'lb/haproxy/conf.d/10-defaults.cfg': 'defaults\n    timeout client 5s\n' },
    },
    { name: 'a timeout from a variable', code: 'defaults\n    timeout connect "${T}"\n    timeout client 5s\n    timeout server 5s\nlisten a\n    bind :80\n    server s 10.0.0.1:80\n' },
  ],
  invalid: [
    {
      name: 'measured with haproxy -c: HTTP ignores the tunnel timeout, 0 is no timeout',
      code: `defaults
    mode tcp
    timeout client 5s
frontend fe
    bind :8001
    default_backend be2
backend be2
    mode http
    timeout connect 5s
    timeout tunnel 1h
    server s1 127.0.0.1:9
backend be4
    timeout connect 0
    timeout server 5s
    server s1 127.0.0.1:9
`,
      errors: [
        {
          messageId: 'missing',
          line: 7,
          column: 9,
          endColumn: 12,
          data: {
            where: "backend 'be2'",
            timeouts: "'timeout server'",
            consequences: 'a server that stops answering holds the request and its connection forever',
          },
          related: ['host1/haproxy.cfg:1:1'],
        },
        { messageId: 'missing', line: 12, column: 9, data: { where: "backend 'be4'", timeouts: "'timeout connect'", consequences: 'a connection attempt to a dead server waits as long as the kernel retries (minutes) instead of failing over' } },
      ],
    },
    {
      name: 'the lab without defaults: a listen needs all three',
      code: 'listen servers\n    bind *:80\n    balance roundrobin\n    server web1 192.168.4.100:80 check\n',
      errors: [
        {
          messageId: 'missing',
          line: 1,
          column: 8,
          data: {
            where: "listen 'servers'",
            timeouts: "'timeout client', 'timeout connect', and 'timeout server'",
            consequences:
              'idle or vanished clients hold their connections forever, until maxconn is reached and new clients wait; a connection attempt to a dead server waits as long as the kernel retries (minutes) instead of failing over; a server that stops answering holds the request and its connection forever',
          },
          suggestions: ["Add 'timeout client 30s', 'timeout connect 5s', 'timeout server 30s' to listen 'servers' (choose values that suit your traffic)"],
          suggestionOutputs: [
            'listen servers\n    timeout client 30s\n    timeout connect 5s\n    timeout server 30s\n    bind *:80\n    balance roundrobin\n    server web1 192.168.4.100:80 check\n',
          ],
        },
      ],
    },
    {
      name: 'a conf.d piece with its own defaults',
      files: { 'lb/haproxy/conf.d/20-web.cfg': 'defaults\n    mode http\nfrontend fe\n    bind :80\n' },
      errors: [{ messageId: 'missing', file: 'lb/haproxy/conf.d/20-web.cfg', line: 3, column: 10 }],
    },
    {
      name: 'a frontend without a client timeout, tab-indented',
      code: 'frontend fe # public\n\tbind :80\n\tdefault_backend app\nbackend app\n\ttimeout connect 5s\n\ttimeout server 5s\n\tserver a 10.0.0.1:80\n',
      errors: [
        {
          messageId: 'missing',
          line: 1,
          column: 10,
          suggestionOutputs: ['frontend fe # public\n\ttimeout client 30s\n\tbind :80\n\tdefault_backend app\nbackend app\n\ttimeout connect 5s\n\ttimeout server 5s\n\tserver a 10.0.0.1:80\n'],
        },
      ],
    },
  ],
});
