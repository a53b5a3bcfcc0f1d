import { testRule } from '../../testing/rule-tester.js';
import rule from './dynamic-backend-unmatched.js';

const head = `defaults
    mode http
    timeout connect 5s
    timeout client 30s
    timeout server 30s
`;

testRule(rule, {
  valid: [
    { name: 'a prefix some backend has', code: `${head}frontend fe\n    bind :80\n    use_backend be_%[req.hdr(host),lower]\nbackend be_example.com\n    server a 10.0.0.1:80\n` },
    { name: 'an expression only', code: `${head}frontend fe\n    bind :80\n    use_backend %[var(txn.backend)]\nbackend app\n    server a 10.0.0.1:80\n` },
    { name: 'a suffix and an alias', code: `${head}frontend fe\n    bind :80\n    use_backend %H_%{+Q}[var(txn.x)]_pool\nbackend host1_a_pool\n    server a 10.0.0.1:80\n` },
    { name: 'a conf.d piece: the backends may be in other files', files: { 'lb/haproxy/conf.d/20-fe.cfg': `${head}frontend fe\n    bind :80\n    use_backend bk_%[req.hdr(host)]\n` } },
    { name: 'an environment variable', code: `${head}frontend fe\n    bind :80\n    use_backend "be_\${TIER}"\nbackend app\n    server a 10.0.0.1:80\n` },
  ],
  invalid: [
    {
      name: 'a prefix no backend has, with a default_backend',
      code: `${head}frontend fe\n    bind :80\n    use_backend bk_%[req.hdr(host),lower]\n    use_backend api if { path_beg /api }\n    default_backend app\nbackend app\n    server a 10.0.0.1:80\nbackend api\n    server b 10.0.0.2:80\nbackend be_x\n    server c 10.0.0.3:80\n`,
      errors: [
        {
          messageId: 'unmatched',
          line: 8,
          column: 17,
          endColumn: 42,
          data: { shape: 'bk_*', fallback: 'the request goes to default_backend (HAProxy stops at this line and skips the use_backend lines after it)' },
        },
      ],
    },
    {
      name: 'in a listen without default_backend',
      code: `${head}listen www\n    bind :80\n    use_backend pool-%[req.hdr(host)]-v2 if { hdr(host) -m found }\n    server a 10.0.0.1:80\nbackend pool-a\n    server b 10.0.0.2:80\n`,
      errors: [{ messageId: 'unmatched', line: 8, column: 17, data: { shape: 'pool-*-v2', fallback: "the request stays with the listen section's own servers" } }],
    },
  ],
});
