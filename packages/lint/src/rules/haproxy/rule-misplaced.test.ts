import { testRule } from '../../testing/rule-tester.js';
import rule from './rule-misplaced.js';

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
      name: 'rules in evaluation order',
      code: `${head}frontend fe
    bind :80
    tcp-request connection accept if { src 10.0.0.0/8 }
    tcp-request content accept
    http-request deny if { path_beg /admin }
    redirect scheme https if !{ ssl_fc }
    use_backend api if { path_beg /api }
    default_backend app
${backends}`,
    },
    { name: 'default_backend has no place in the order', code: `${head}frontend fe\n    bind :80\n    default_backend app\n    http-request deny if { path_beg /admin }\n${backends}` },
    { name: 'http-response after http-request: different sides', code: `${head}frontend fe\n    bind :80\n    use_backend app\n    http-response set-header X-A 1\n${backends}` },
    {
      name: 'pairs HAProxy does not warn about: http-response after http-after-response, use_backend after use-server',
      code: `${head}listen www\n    bind :80\n    http-after-response set-header X-A 1\n    http-response set-header X-B 1\n    use-server a if { path_beg /a }\n    use_backend api if { path_beg /api }\n    server a 10.0.0.1:80\n${backends}`,
    },
  ],
  invalid: [
    {
      name: 'measured with haproxy -c: the warnings of HAProxy 2.6, one move per target',
      code: `${head}frontend fe
    bind :8001
    use_backend app if { path_beg /a }
    default_backend app
    # deny probes
    http-request deny if { path_beg /x }
    redirect location /b if { path_beg /c }
${backends}`,
      errors: [
        {
          messageId: 'misplaced',
          line: 11,
          column: 5,
          endColumn: 17,
          data: { kind: 'http-request', later: 'use_backend' },
          related: ['host1/haproxy.cfg:8:5'],
        },
        { messageId: 'misplaced', line: 12, column: 5, data: { kind: 'redirect', later: 'use_backend' } },
      ],
      output: {
        'host1/haproxy.cfg': `${head}frontend fe
    bind :8001
    # deny probes
    http-request deny if { path_beg /x }
    redirect location /b if { path_beg /c }
    use_backend app if { path_beg /a }
    default_backend app
${backends}`,
      },
    },
    {
      name: 'blank lines and comments travel with the lines they separate',
      code: `${head}frontend fe
    bind :80

    # let auth through
    http-request allow if { path_beg /auth/ }
    use_backend api if { path_beg /auth/ }

    # deny requests without a token
    http-request deny unless { req.hdr(authorization) -m found }

    # count them
    http-request track-sc0 src
    default_backend app
${backends}`,
      errors: [
        { messageId: 'misplaced', line: 14, column: 5 },
        { messageId: 'misplaced', line: 17, column: 5 },
      ],
      output: {
        'host1/haproxy.cfg': `${head}frontend fe
    bind :80

    # let auth through
    http-request allow if { path_beg /auth/ }
    # deny requests without a token
    http-request deny unless { req.hdr(authorization) -m found }

    # count them
    http-request track-sc0 src
    use_backend api if { path_beg /auth/ }

    default_backend app
${backends}`,
      },
    },
    {
      name: 'tcp-request rules after http-request, in a backend, and the order among them',
      code: `${head}backend app
    http-request set-header X-A 1
    tcp-request content accept
    tcp-request content reject if { src 10.0.0.1 }
    server a 10.0.0.1:80
`,
      errors: [
        { messageId: 'misplaced', line: 8, column: 5, endColumn: 24, data: { kind: 'tcp-request content', later: 'http-request' } },
        { messageId: 'misplaced', line: 9, column: 5, data: { kind: 'tcp-request content', later: 'http-request' } },
      ],
      output: {
        'host1/haproxy.cfg': `${head}backend app
    tcp-request content accept
    tcp-request content reject if { src 10.0.0.1 }
    http-request set-header X-A 1
    server a 10.0.0.1:80
`,
      },
    },
    {
      name: 'a move that would use an ACL before its declaration is not offered',
      code: `${head}frontend fe
    bind :80
    acl is_api path_beg /api
    use_backend api if is_api
    acl blocked src 192.0.2.1
    http-request deny if blocked
    http-request deny if is_api { method DELETE }
${backends}`,
      errors: [
        { messageId: 'misplaced', line: 11, column: 5 },
        { messageId: 'misplaced', line: 12, column: 5 },
      ],
      output: {
        'host1/haproxy.cfg': `${head}frontend fe
    bind :80
    acl is_api path_beg /api
    http-request deny if is_api { method DELETE }
    use_backend api if is_api
    acl blocked src 192.0.2.1
    http-request deny if blocked
${backends}`,
      },
    },
    {
      name: 'tcp-response content after http-response; nothing moves out of an .if block',
      code: `${head}backend app
    http-response set-header X-A 1
.if 1
    tcp-response content accept
.endif
    server a 10.0.0.1:80
`,
      versions: { haproxy: '3.2' },
      config: {},
      errors: [{ messageId: 'misplaced', line: 9, column: 5, data: { kind: 'tcp-response content', later: 'http-response' } }],
    },
  ],
});
