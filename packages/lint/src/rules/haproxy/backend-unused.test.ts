import { testRule } from '../../testing/rule-tester.js';
import rule from './backend-unused.js';

const head = `defaults
    mode http
    timeout connect 5s
    timeout client 30s
    timeout server 30s
`;

testRule(rule, {
  valid: [
    {
      name: 'every backend routed to',
      code: `${head}frontend fe\n    bind :80\n    use_backend api if { path_beg /api }\n    default_backend app\nbackend app\n    server a 10.0.0.1:80\nbackend api\n    server b 10.0.0.2:80\n`,
    },
    { name: 'a fragment without frontends', code: `${head}backend app\n    server a 10.0.0.1:80\n` },
    {
      name: 'a conf.d piece: other files route here',
      files: { 'lb/haproxy/conf.d/20-web.cfg': `${head}frontend fe\n    bind :80\n    default_backend app\nbackend app\n    server a 10.0.0.1:80\nbackend api\n    server b 10.0.0.2:80\n` },
    },
    {
      name: 'names from other lines: stick tables, track, fetches, stats scope',
      code: `${head}frontend fe
    bind :80
    http-request track-sc0 src table st_src
    http-request deny if { nbsrv(app_check) lt 1 }
    stats enable
    stats scope app_stats
    default_backend app
backend app
    server a 10.0.0.1:80 track app_check/a
backend st_src
    stick-table type ip size 1m expire 10m
backend app_check
    server a 10.0.0.1:80 check
backend app_stats
    server a 10.0.0.1:80
`,
    },
    {
      name: 'HAProxy 1.5 reqisetbe',
      versions: { haproxy: '1.5' },
      code: `${head}frontend fe\n    bind :80\n    reqisetbe ^[^\\ ]*\\ /(img|css)/ static\n    default_backend app\nbackend app\n    server a 10.0.0.1:80\nbackend static\n    server b 10.0.0.2:80\n`,
    },
    {
      name: 'a dynamic name with a prefix reaches matching backends',
      code: `${head}frontend fe\n    bind :80\n    use_backend be_%[req.hdr(host),lower]\n    default_backend app\nbackend app\n    server a 10.0.0.1:80\nbackend be_example.com\n    server b 10.0.0.2:80\n`,
    },
    {
      name: 'a name from a map: anything may be reached',
      code: `${head}frontend fe\n    bind :80\n    use_backend %[req.hdr(host),lower,map(/etc/haproxy/hosts.map,app)]\nbackend app\n    server a 10.0.0.1:80\nbackend other\n    server b 10.0.0.2:80\n`,
    },
    { name: 'default_backend inherited from defaults', code: `defaults\n    mode http\n    default_backend app\nfrontend fe\n    bind :80\nbackend app\n    server a 10.0.0.1:80\n` },
    { name: 'a disabled backend', code: `${head}frontend fe\n    bind :80\n    default_backend app\nbackend app\n    server a 10.0.0.1:80\nbackend old\n    disabled\n    server b 10.0.0.2:80\n` },
    {
      name: 'SPOE agents are named in the SPOE file',
      code: `${head}frontend fe\n    bind :80\n    filter spoe engine waf config /etc/haproxy/spoe.conf\n    default_backend app\nbackend app\n    server a 10.0.0.1:80\nbackend agents\n    mode tcp\n    server w 127.0.0.1:12345\n`,
    },
  ],
  invalid: [
    {
      name: 'a backend left over after a rename',
      code: `${head}frontend fe\n    bind :80\n    default_backend app_v2\nbackend app\n    server a 10.0.0.1:80\nbackend app_v2\n    server a 10.0.0.1:80\n`,
      errors: [{ messageId: 'unused', line: 9, column: 9, endColumn: 12, data: { name: 'app' } }],
    },
    {
      name: 'a dynamic prefix that does not fit, and an unused stick table',
      code: `${head}frontend fe\n    bind :80\n    use_backend be_%[req.hdr(host)]\nbackend be_a\n    server a 10.0.0.1:80\nbackend web\n    server b 10.0.0.2:80\nbackend st_rate\n    stick-table type ip size 1m\n`,
      errors: [
        { messageId: 'unused', line: 11, column: 9, data: { name: 'web' } },
        { messageId: 'unusedTable', line: 13, column: 9, data: { name: 'st_rate' } },
      ],
    },
  ],
});
