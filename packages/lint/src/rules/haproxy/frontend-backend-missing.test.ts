import { testRule } from '../../testing/rule-tester.js';
import rule from './frontend-backend-missing.js';

const head = `defaults
    mode http
    timeout connect 5s
    timeout client 30s
    timeout server 30s
`;

testRule(rule, {
  valid: [
    { name: 'a default_backend', code: `${head}frontend fe\n    bind :80\n    default_backend app\nbackend app\n    server a 10.0.0.1:80\n` },
    { name: 'use_backend rules only', code: `${head}frontend fe\n    bind :80\n    use_backend app if { hdr(host) app.example.com }\nbackend app\n    server a 10.0.0.1:80\n` },
    { name: 'default_backend from defaults', code: `defaults\n    mode http\n    default_backend app\nfrontend fe\n    bind :80\nbackend app\n    server a 10.0.0.1:80\n` },
    { name: 'the HTTP to HTTPS redirect frontend', code: `${head}frontend http\n    bind :80\n    redirect scheme https code 301 if !{ ssl_fc }\n` },
    { name: 'a service', code: `${head}frontend metrics\n    bind :8405\n    http-request use-service prometheus-exporter if { path /metrics }\n` },
    { name: 'a stats page', code: `${head}frontend stats\n    bind 127.0.0.1:8404\n    stats enable\n    stats uri /\n` },
    { name: 'a health endpoint', code: `${head}frontend health\n    bind :8080\n    monitor-uri /healthz\n` },
    { name: 'a Lua action may reply', code: `${head}frontend fe\n    bind :80\n    http-request lua.reply_hello\n` },
    { name: 'a reverse-HTTP edge attaches connections to a server', code: `${head}backend rev\n    server dev rhttp@\nfrontend priv\n    bind :8443 proto h2\n    tcp-request session attach-srv rev/dev\n` },
    { name: 'no bind: nothing arrives (haproxy/frontend-bind-missing)', code: `${head}frontend www\n    http-request set-header X-A 1\n` },
    { name: 'a listen section is its own backend', code: `${head}listen www\n    bind :80\n    server a 10.0.0.1:80\n` },
  ],
  invalid: [
    {
      name: 'a forgotten default_backend',
      code: `${head}frontend www\n    bind :80\n    http-request set-header X-Forwarded-Proto http\nbackend app\n    server a 10.0.0.1:80\n`,
      errors: [{ messageId: 'http', line: 6, column: 10, endColumn: 13, data: { where: "frontend 'www'" } }],
    },
    {
      name: 'a TCP frontend',
      code: `${head}frontend db\n    mode tcp\n    bind :5432\n`,
      errors: [{ messageId: 'tcp', line: 6, column: 10, data: { where: "frontend 'db'" } }],
    },
  ],
});
