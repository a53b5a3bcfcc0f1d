import { createMemoryFileSystem } from '@cfglint/parser';
import { describe, expect, it } from 'vitest';
import { EMPTY_CONFIG } from '../../engine/config.js';
import { lint } from '../../engine/lint.js';
import { testRule } from '../../testing/rule-tester.js';
import rule from './legacy-listen-address.js';

const defaults = `defaults
    mode http
    timeout connect 10s
    timeout client 1m
    timeout server 1m
`;

testRule(rule, {
  valid: [
    { name: 'a bind line', code: `${defaults}listen servers\n    bind *:80\n    server web1 192.168.4.100:80 check\n` },
    { name: 'listen NAME from DEFAULTS', code: `defaults base\n    mode http\nlisten servers from base\n    bind *:80\n` },
  ],
  invalid: [
    {
      name: 'the lab: listen servers *:80',
      code: `${defaults}listen servers *:80\n    balance roundrobin\n    server web1 192.168.4.100:80 check\n    server web2 192.168.4.200:80 check\n`,
      errors: [
        {
          messageId: 'removed',
          line: 6,
          column: 16,
          endColumn: 20,
          data: { kind: 'listen', name: 'servers', version: '3.2', address: '*:80' },
        },
      ],
      output: {
        'host1/haproxy.cfg': `${defaults}listen servers\n    bind *:80\n    balance roundrobin\n    server web1 192.168.4.100:80 check\n    server web2 192.168.4.200:80 check\n`,
      },
    },
    {
      name: 'the lab stats page, a trailing comment and the target version',
      versions: { haproxy: '2.6' },
      code: `${defaults}listen stats 0.0.0.0:1080   # any port\n\tstats uri /stats\n\tstats auth admin:admin\n`,
      errors: [{ messageId: 'removed', line: 6, column: 14, data: { kind: 'listen', name: 'stats', version: '2.6', address: '0.0.0.0:1080' } }],
      output: { 'host1/haproxy.cfg': `${defaults}listen stats   # any port\n\tbind 0.0.0.0:1080\n\tstats uri /stats\n\tstats auth admin:admin\n` },
    },
    {
      name: 'a frontend with two addresses, CRLF line ends, an empty section at the end of the file',
      code: 'frontend main *:5000,:5001\r\n',
      errors: [{ messageId: 'removed', line: 1, column: 15 }],
      output: { 'host1/haproxy.cfg': 'frontend main\r\n    bind *:5000,:5001\r\n' },
    },
    {
      name: 'HAProxy 1.5 still accepts it: a warning, fixed all the same',
      versions: { haproxy: '1.5' },
      code: `${defaults}listen servers *:80\n  server web1 192.168.4.100:80\n`,
      errors: [{ messageId: 'old', line: 6, column: 16 }],
      output: { 'host1/haproxy.cfg': `${defaults}listen servers\n  bind *:80\n  server web1 192.168.4.100:80\n` },
    },
    {
      name: 'more words after the address: reported, not fixed',
      code: `${defaults}listen servers *:80 extra\n    server web1 192.168.4.100:80\n`,
      errors: [{ messageId: 'removed', line: 6, column: 16 }],
    },
  ],
});

describe('haproxy/legacy-listen-address supersedes the checker finding', () => {
  const fs = createMemoryFileSystem({ '/lab/haproxy.cfg': `${defaults}listen servers *:80\n    server web1 192.168.4.100:80\n` });
  const target = [{ filePath: '/lab/haproxy.cfg', language: 'haproxy' as const }];
  const ids = (severity: 'error' | 'off') =>
    lint(target, { fs, rules: [rule], config: { ...EMPTY_CONFIG, rules: { [rule.id]: { severity } } } }).findings.map((f) => f.ruleId);

  it('reports once, from the rule, while the rule is on', () => {
    expect(ids('error')).toEqual(['haproxy/legacy-listen-address']);
  });
  it('leaves the checker finding when the rule is off', () => {
    expect(ids('off')).toEqual(['schema/legacy-listen-address']);
  });
});
