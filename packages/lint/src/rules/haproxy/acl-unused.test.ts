import { testRule } from '../../testing/rule-tester.js';
import rule from './acl-unused.js';

const head = `defaults
    mode http
    timeout connect 5s
    timeout client 30s
    timeout server 30s
`;
const tail = 'backend app\n    server a 10.0.0.1:80\nbackend static\n    server b 10.0.0.2:80\n';

testRule(rule, {
  valid: [
    {
      name: 'the stock CentOS config: two lines of one ACL, used',
      code: `${head}frontend main
    bind *:5000
    acl url_static       path_beg       -i /static /images /javascript /stylesheets
    acl url_static       path_end       -i .jpg .gif .png .css .js
    use_backend static          if url_static
    default_backend             app
${tail}`,
    },
    {
      name: 'negations, or, anonymous ACLs, stats admin, monitor fail, the acl() fetch',
      code: `${head}listen www
    bind :80
    acl a src 10.0.0.0/8
    acl b path_beg /b
    acl c method POST
    acl d hdr(x-d) -m found
    acl e nbsrv(app) lt 1
    http-request deny if !a || { path_beg /x } or !!b
    stats enable
    stats admin if c
    monitor-uri /health
    monitor fail if e
    http-request set-var(txn.d) bool(1) if { acl(d) }
    server a 10.0.0.1:80
`,
    },
    {
      name: 'a use inside an .if branch that cannot be decided',
      code: `${head}frontend fe\n    bind :80\n    acl blocked src 192.0.2.1\n.if defined(STRICT)\n    http-request deny if blocked\n.endif\n    default_backend app\n${tail}`,
    },
    { name: 'a name from a VTest macro', code: `${head}frontend fe\n    bind :80\n    acl \${name} src 10.0.0.1\n    default_backend app\n${tail}` },
  ],
  invalid: [
    {
      name: 'a typo in the condition leaves the ACL unused',
      code: `${head}frontend fe
    bind :80
    acl is_api path_beg /api
    acl is_api path_beg /v2 # newer clients
    use_backend static if is_apl
    default_backend app
${tail}`,
      errors: [
        {
          messageId: 'unused',
          line: 8,
          column: 9,
          endColumn: 15,
          data: { name: 'is_api', where: "frontend 'fe'" },
          related: ['host1/haproxy.cfg:9:9'],
          suggestions: ["Remove the 'acl is_api' lines (2)"],
          suggestionOutputs: [`${head}frontend fe\n    bind :80\n    use_backend static if is_apl\n    default_backend app\n${tail}`],
        },
      ],
    },
    {
      name: 'an ACL of the frontend is not visible in the backend',
      code: `${head}frontend fe\n    bind :80\n    acl internal src 10.0.0.0/8\n    default_backend app\nbackend app\n    http-request deny if { src 192.0.2.1 }\n    server a 10.0.0.1:80\n`,
      errors: [{ messageId: 'unused', line: 8, column: 9, data: { name: 'internal', where: "frontend 'fe'" } }],
    },
  ],
});
