import { expect, it } from 'vitest';
import { ConfigError, validateConfig } from './config.js';

const known = new Set(['port-conflict', 'parse/unclosed-block', 'schema/deprecated']);
const check = (raw: unknown) => validateConfig(raw, '/repo/cfglint.config.json', '/repo', known);

it('reads severities, options, versions, nodes and clusters, resolving paths', () => {
  const config = check({
    versions: { haproxy: '2.6' },
    rules: { 'port-conflict': 'warn', 'schema/deprecated': ['off'], 'parse/unclosed-block': 1 },
    nodes: { lb1: { files: ['lb1/keepalived.conf'], addresses: ['10.0.0.1'] } },
    clusters: { pair: ['lb1'] },
  });
  expect(config.rules).toEqual({
    'port-conflict': { severity: 'warning' },
    'schema/deprecated': { severity: 'off', options: undefined },
    'parse/unclosed-block': { severity: 'warning' },
  });
  expect(config.nodes.lb1.files).toEqual(['/repo/lb1/keepalived.conf']);
  expect(config.versions).toEqual({ haproxy: '2.6' });
});

it.each([
  [{ nope: 1 }, "unknown setting 'nope'"],
  [{ rules: { 'no-such': 'error' } }, 'rules.no-such: unknown rule'],
  [{ rules: { 'port-conflict': 'loud' } }, 'rules.port-conflict: expected off, warn or error, got "loud"'],
  [{ rules: { 'parse/unclosed-block': 'off' } }, 'rules.parse/unclosed-block: cannot be turned off'],
  [{ versions: { haproxy: 'latest' } }, 'versions.haproxy: expected a version such as "2.6"'],
  [{ clusters: { pair: ['ghost'] } }, "clusters.pair: unknown node 'ghost'"],
  [{ nodes: { lb1: { files: [] } } }, 'nodes.lb1.files: expected a non-empty list of paths'],
])('refuses %j with a located message', (raw, message) => {
  expect(() => check(raw)).toThrow(ConfigError);
  expect(() => check(raw)).toThrow(message);
});
