import { describe, expect, it } from 'vitest';
import { testRule } from '../../testing/rule-tester.js';
import rule, { weakCiphers } from './tls-weak.js';

const head = `defaults
    mode http
    timeout connect 5s
    timeout client 30s
    timeout server 30s
`;

describe('weakCiphers', () => {
  it.each([
    ['HIGH:!aNULL:!MD5', []],
    ['ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256', []],
    ['ALL', ['ALL']],
    ['ALL:!aNULL:!eNULL', []],
    ['RC4-SHA:AES128-SHA', ['RC4-SHA']],
    ['DES-CBC3-SHA:EDH-RSA-DES-CBC3-SHA:!RC4', ['DES-CBC3-SHA', 'EDH-RSA-DES-CBC3-SHA']],
    ['HIGH:MEDIUM:!3DES', []],
    ['HIGH:+RC4:LOW:EXP', ['RC4', 'LOW', 'EXP']],
    ['ADH-AES256-SHA:!aNULL', []],
  ])('%s', (list, weak) => expect(weakCiphers(list)).toEqual(weak));
});

testRule(rule, {
  valid: [
    {
      name: "Mozilla's intermediate settings",
      code: `global
    ssl-default-bind-ciphers ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384
    ssl-default-bind-ciphersuites TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384
    ssl-default-bind-options prefer-client-ciphers no-sslv3 no-tlsv10 no-tlsv11 no-tls-tickets
    ssl-default-server-options ssl-min-ver TLSv1.2
    tune.ssl.default-dh-param 2048
${head}frontend fe
    bind :443 ssl crt /etc/haproxy/site.pem alpn h2,http/1.1
`,
    },
    { name: 'HAProxy 2.2+ starts at TLS 1.2 by itself', code: `${head}frontend fe\n    bind :443 ssl crt /etc/haproxy/site.pem\n` },
    { name: 'HAProxy 2.0 with a minimum in the global defaults', versions: { haproxy: '2.0' }, code: `global\n    ssl-default-bind-options ssl-min-ver TLSv1.2\n${head}frontend fe\n    bind :443 ssl crt /etc/haproxy/site.pem\n` },
    { name: 'cipher options on a plain server line are not TLS', code: `${head}backend app\n    server a 10.0.0.1:80 ssl-min-ver TLSv1.2\n` },
  ],
  invalid: [
    {
      name: 'global defaults that allow old protocols and ciphers, and a small DH group',
      code: `global
    ssl-default-bind-options ssl-min-ver TLSv1.0 no-tls-tickets
    ssl-default-bind-ciphers HIGH:RC4:!aNULL
    ssl-default-server-options force-tlsv11
    tune.ssl.default-dh-param 1024
`,
      errors: [
        { messageId: 'minVersion', line: 2, column: 42, endColumn: 49, data: { value: 'TLSv1.0', side: 'clients', versions: 'TLSv1.0 and TLSv1.1' } },
        { messageId: 'ciphers', line: 3, column: 30, data: { weak: "'RC4'" } },
        { messageId: 'forced', line: 4, column: 32, data: { option: 'force-tlsv11', value: 'TLSv1.1', side: 'connections to servers' } },
        { messageId: 'dhParam', line: 5, column: 5, endColumn: 35, data: { bits: '1024' } },
      ],
    },
    {
      name: 'bind and server lines',
      code: `${head}frontend fe
    bind :443 ssl crt /etc/haproxy/site.pem ssl-min-ver SSLv3 ciphers ALL
    default_backend app
backend app
    default-server ssl verify none ssl-max-ver TLSv1.1
    server a 10.0.0.1:443
`,
      errors: [
        { messageId: 'minVersion', line: 7, column: 57, data: { value: 'SSLv3', side: 'clients', versions: 'SSLv3, TLSv1.0 and TLSv1.1' } },
        { messageId: 'ciphers', line: 7, column: 71, data: { weak: "'ALL'" } },
        { messageId: 'maxVersion', line: 10, column: 48, data: { value: 'TLSv1.1', side: 'connections to servers' } },
      ],
    },
    {
      name: 'HAProxy 2.0 accepts TLS 1.0 unless told otherwise',
      versions: { haproxy: '2.0' },
      code: `${head}frontend fe\n    bind :443 ssl crt /etc/haproxy/site.pem\n    bind :8443 ssl crt /etc/haproxy/site.pem no-tlsv10 no-tlsv11\n`,
      errors: [{ messageId: 'oldDefault', line: 7, column: 15, endColumn: 18, data: { version: '2.0' } }],
    },
  ],
});
