import { testRule } from '../../testing/rule-tester.js';
import rule from './frontend-bind-missing.js';

const head = `defaults
    mode http
    timeout connect 5s
    timeout client 30s
    timeout server 30s
`;

testRule(rule, {
  valid: [
    { name: 'a bind line', code: `${head}frontend fe\n    bind :80\n    default_backend app\nbackend app\n    server a 10.0.0.1:80\n` },
    { name: 'the 1.5 header address listens too', versions: { haproxy: '1.5' }, code: `${head}listen servers *:80\n    server a 10.0.0.1:80\n` },
    { name: 'a backend needs none', code: `${head}backend app\n    server a 10.0.0.1:80\n` },
    { name: 'a disabled frontend', code: `${head}frontend old\n    disabled\n    default_backend app\nbackend app\n    server a 10.0.0.1:80\n` },
    { name: 'a bind from a VTest macro', code: `${head}frontend fe\n    bind "fd@\${fe1}"\n` },
  ],
  invalid: [
    {
      name: 'a frontend whose bind was forgotten',
      code: `${head}frontend www\n    default_backend app\nbackend app\n    server a 10.0.0.1:80\n`,
      errors: [{ messageId: 'frontend', line: 6, column: 10, endColumn: 13, data: { where: "frontend 'www'", what: 'its rules or the backends it routes to' } }],
    },
    {
      name: 'a listen with servers and no bind, routed to by nothing',
      code: `${head}listen servers\n    balance roundrobin\n    server web1 192.168.4.100:80 check\n`,
      errors: [{ messageId: 'frontend', line: 6, column: 8, data: { where: "listen 'servers'", what: 'its servers' } }],
    },
    {
      name: 'a listen without bind used as a backend',
      code: `${head}frontend fe\n    bind :80\n    use_backend api if { path_beg /api }\nlisten api\n    server a 10.0.0.1:80\n`,
      errors: [{ messageId: 'listenAsBackend', line: 9, column: 8, data: { name: 'api' }, related: ['host1/haproxy.cfg:8:17'] }],
    },
  ],
});
