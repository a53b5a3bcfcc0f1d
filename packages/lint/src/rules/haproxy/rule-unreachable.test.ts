import { testRule } from '../../testing/rule-tester.js';
import rule from './rule-unreachable.js';

const head = `defaults
    mode http
    timeout connect 5s
    timeout client 30s
    timeout server 30s
`;
const backends = 'backend app\n    server a 10.0.0.1:80\nbackend api\n    server b 10.0.0.2:80\n';

testRule(rule, {
  valid: [
    {
      name: 'conditional final rules',
      code: `${head}frontend fe
    bind :80
    http-request deny if { path_beg /admin }
    http-request redirect scheme https unless { ssl_fc }
    http-request set-header X-A 1
    use_backend api if { path_beg /api }
    default_backend app
${backends}`,
    },
    { name: 'a non-final action without condition', code: `${head}frontend fe\n    bind :80\n    http-request set-header X-A 1\n    http-request deny if { path_beg /x }\n${backends}` },
    { name: 'a redirect with ignore-empty', code: `${head}frontend fe\n    bind :80\n    http-request redirect location %[var(txn.to)] ignore-empty\n    http-request deny if { path_beg /x }\n${backends}` },
    { name: 'one unconditional use_backend, no default_backend', code: `${head}frontend fe\n    bind :80\n    use_backend app if { path_beg /a }\n    use_backend api\n${backends}` },
    { name: 'a dynamic use_backend falls back on default_backend', code: `${head}frontend fe\n    bind :80\n    use_backend be_%[req.hdr(host)]\n    default_backend app\n${backends}` },
  ],
  invalid: [
    {
      name: 'measured with haproxy -c: http-request after an unconditional deny ("further entries are NOOP")',
      code: `${head}frontend fe
    bind :80
    http-request deny
    http-request set-header x y
    default_backend app
${backends}`,
      errors: [
        {
          messageId: 'afterFinal',
          line: 9,
          column: 5,
          endColumn: 17,
          data: { keyword: 'http-request', final: 'http-request deny', unit: 'request' },
          related: ['host1/haproxy.cfg:8:5'],
        },
      ],
    },
    {
      name: 'tcp rules after accept, responses after allow, if TRUE',
      code: `${head}backend app
    tcp-request content accept if TRUE
    tcp-request content reject if { src 10.0.0.1 }
    http-response allow
    http-response set-header X-A 1
    server a 10.0.0.1:80
`,
      errors: [
        { messageId: 'afterFinal', line: 8, column: 5, endColumn: 24, data: { keyword: 'tcp-request content', final: 'tcp-request content accept', unit: 'request' } },
        { messageId: 'afterFinal', line: 10, column: 5, data: { keyword: 'http-response', final: 'http-response allow', unit: 'response' } },
      ],
    },
    {
      name: 'use_backend without condition, then more routing',
      code: `${head}frontend fe
    bind :80
    default_backend api
    use_backend app
    use_backend api if { path_beg /api }
    default_backend app
${backends}`,
      errors: [
        { messageId: 'defaultOverridden', line: 8, column: 5, related: ['host1/haproxy.cfg:11:5'] },
        { messageId: 'afterUseBackend', line: 10, column: 5, data: { backend: 'app' }, related: ['host1/haproxy.cfg:9:5'] },
        { messageId: 'defaultUnused', line: 11, column: 21, endColumn: 24, data: { backend: 'app', chosen: 'app' } },
      ],
    },
    {
      name: 'an old redirect without condition, and stats http-request rules',
      code: `${head}listen stats
    bind :1080
    stats enable
    stats http-request allow
    stats http-request deny if { src 10.0.0.1 }
    redirect prefix /new
    redirect location /other if { path_beg /x }
`,
      errors: [
        { messageId: 'afterStatsRule', line: 10, column: 5, endColumn: 23, related: ['host1/haproxy.cfg:9:5'] },
        { messageId: 'afterFinal', line: 12, column: 5, data: { keyword: 'redirect', final: 'redirect', unit: 'request' } },
      ],
    },
  ],
});
