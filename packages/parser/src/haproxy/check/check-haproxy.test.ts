import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { haproxyCheck, haproxyUnavailableReason } from '../../../../../test-support/daemons.js';
import { createMemoryFileSystem } from '../../source/file-system.js';
import { loadHaproxy } from '../load.js';
import { checkHaproxy } from './check-haproxy.js';

const FILE = '/etc/haproxy/haproxy.cfg';

/** Findings as 'line:col severity code' (1-based), plus the messages for content checks. */
function check(text: string, version = '2.6') {
  const loaded = loadHaproxy([FILE], { fs: createMemoryFileSystem({ [FILE]: text }), env: {} });
  const diagnostics = checkHaproxy(loaded, { version, features: ['openssl', 'lua', 'promex', 'ot'] });
  return {
    diagnostics,
    found: diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code}`),
    messages: diagnostics.map((d) => d.message),
  };
}

const defaults = 'defaults\n  mode http\n  timeout connect 5s\n  timeout client 5s\n  timeout server 5s\n';

interface Case {
  name: string;
  text: string;
  version?: string;
  found: string[];
  /** Text one message must contain. */
  says?: string;
}

/** Each case: the findings, and whether the real haproxy 2.6 agrees (below). */
const CASES: Case[] = [
  { name: 'a valid file', text: `global\n  maxconn 100\n${defaults}frontend fe\n  bind :8080\n  default_backend be\nbackend be\n  server s1 127.0.0.1:80 check\n`, found: [] },
  { name: 'unknown global keyword, with a suggestion', text: 'global\n  usr haproxy\n', found: ['2:3 error schema/unknown-keyword'], says: "did you mean 'user'?" },
  { name: 'unknown option', text: `${defaults}backend be\n  option tcpsplice\n`, found: ['7:3 error schema/unknown-keyword'], says: "unknown 'option' keyword 'tcpsplice'" },
  { name: 'server in a frontend is refused', text: `${defaults}frontend fe\n  bind :8080\n  server s 127.0.0.1:80\n`, found: ['8:3 error schema/keyword-not-allowed'] },
  { name: 'timeout connect in a frontend is only ignored', text: `${defaults}frontend fe\n  bind :8080\n  timeout connect 5s\n`, found: ['8:3 warning schema/keyword-not-allowed'] },
  { name: 'removed keyword with its replacement', text: `${defaults}backend be\n  reqadd X-Foo:\\ bar\n`, found: ['7:3 error schema/removed-keyword'], says: "use 'http-request add-header' instead" },
  { name: 'removed timeout keyword', text: `${defaults}backend be\n  contimeout 5000\n`, found: ['7:3 error schema/removed-keyword'], says: "'timeout connect'" },
  { name: 'keyword of a later release', text: 'global\n  tune.stick-counters 4\n', found: ['2:3 error schema/keyword-too-new'], says: 'from HAProxy 2.8' },
  { name: 'the 1.5 listen address form', text: `${defaults}listen web 0.0.0.0:8080\n  server s 127.0.0.1:80\n`, found: ['6:12 error schema/legacy-listen-address'], says: "bind 0.0.0.0:8080" },
  { name: 'missing argument', text: `${defaults}backend be\n  timeout server\n`, found: ['7:3 error schema/missing-argument'] },
  { name: 'an argument too many', text: 'global\n  daemon now\n', found: ['2:10 error schema/too-many-arguments'] },
  { name: 'bad duration', text: `${defaults}backend be\n  timeout server 5x\n`, found: ['7:18 error schema/invalid-value'] },
  { name: 'unit followed by text only warns', text: `${defaults}backend be\n  timeout server 5sec\n`, found: ['7:18 warning schema/invalid-value'] },
  { name: 'unknown proxy mode', text: `${defaults}backend be\n  mode https\n`, found: ['7:8 error schema/invalid-value'] },
  { name: 'bind without port', text: `${defaults}frontend fe\n  bind 127.0.0.1\n`, found: ['7:8 error schema/invalid-address'] },
  { name: 'bind port from an unquoted variable', text: `${defaults}frontend fe\n  bind 0.0.0.0:$PORT\n`, found: ['7:8 error schema/invalid-address'] },
  { name: 'unknown bind option', text: `${defaults}frontend fe\n  bind :8080 no-alpn\n`, found: ['7:14 error schema/unknown-option'] },
  { name: 'bind option missing its value', text: `${defaults}frontend fe\n  bind :8080 maxconn\n`, found: ['7:14 error schema/missing-option-value'] },
  { name: 'server option of a later release', text: `${defaults}backend be\n  server s 127.0.0.1:80 no-sni-auto\n`, found: ['7:25 error schema/unknown-option'] },
  { name: 'address prefix of a later release', text: `${defaults}frontend fe\n  bind mptcp@:8080\n`, found: ['7:8 error schema/invalid-address'] },
  { name: 'undefined backend', text: `${defaults}frontend fe\n  bind :8080\n  default_backend nowhere\nbackend be\n`, found: ['8:19 error reference/undefined-backend'] },
  { name: 'dynamic backend names are not resolved', text: `${defaults}frontend fe\n  bind :8080\n  use_backend %[req.hdr(host),lower]\n`, found: [] },
  { name: 'undefined ACL', text: `${defaults}frontend fe\n  bind :8080\n  http-request deny if bad_guy\n`, found: ['8:24 error reference/undefined-acl'] },
  { name: 'ACL used before it is declared', text: `${defaults}frontend fe\n  bind :8080\n  http-request deny if bad\n  acl bad src 10.0.0.1\n`, found: ['8:24 error reference/undefined-acl'], says: 'before the line that declares it' },
  { name: 'negated anonymous ACLs', text: `${defaults}frontend fe\n  bind :8080\n  http-request redirect scheme https code 301 if !{ ssl_fc } !{ src 10.0.0.0/8 }\n`, found: [] },
  { name: 'unknown fetch in an anonymous ACL', text: `${defaults}frontend fe\n  bind :8080\n  http-request deny if { ssl_fcc }\n`, found: ['8:26 error schema/unknown-sample'] },
  { name: 'predefined ACLs need no declaration', text: `${defaults}frontend fe\n  bind :8080\n  http-request deny if !LOCALHOST METH_POST\n`, found: [] },
  { name: 'undefined userlist', text: `${defaults}frontend fe\n  bind :8080\n  acl auth http_auth(admins)\n  http-request auth if !auth\n`, found: ['8:12 error reference/undefined-userlist'] },
  { name: 'two backends with one name', text: `${defaults}backend be\nbackend be\n`, found: ['7:9 error reference/duplicate-proxy'] },
  { name: 'a frontend and a backend may share a name', text: `${defaults}frontend web\n  bind :8080\n  default_backend web\nbackend web\n`, found: [] },
  { name: 'unknown http-request action', text: `${defaults}frontend fe\n  bind :8080\n  http-request sett-header X y\n`, found: ['8:16 error schema/unknown-action'], says: "did you mean 'set-header'?" },
  { name: 'unknown converter', text: `${defaults}frontend fe\n  bind :8080\n  http-request set-header X %[src,reverse]\n`, found: ['8:35 error schema/unknown-sample'] },
  { name: 'fetch of a later release', text: `${defaults}frontend fe\n  bind :8080\n  http-request set-header X %[fc_glitches]\n`, found: ['8:31 error schema/unknown-sample'], says: 'from HAProxy 3.0' },
  { name: 'rules in an anonymous defaults section', text: 'defaults\n  mode http\n  http-request deny\n', found: ['3:3 error schema/named-defaults-only'] },
  { name: 'rules in a named defaults section', text: 'defaults base\n  mode http\n  http-request deny\nfrontend fe from base\n  bind :8080\n', found: [] },
  { name: 'a listen section inheriting rules', text: 'defaults base\n  mode http\n  http-request deny\nlisten li from base\n  bind :8080\n', found: ['4:16 error reference/defaults-rules-inheritance'] },
  { name: 'experimental keyword without the switch', text: 'global\n  tune.fd.edge-triggered on\n', found: ['2:3 error schema/experimental-keyword'] },
  { name: 'experimental keyword with the switch', text: 'global\n  expose-experimental-directives\n  tune.fd.edge-triggered on\n', found: [] },
  { name: 'section of a later release', text: 'crt-store web\n  load crt foo.pem\n', found: ['1:1 error schema/unknown-section'] },
  { name: 'section name with a slash', text: `${defaults}backend be/1\n`, found: ['6:9 error schema/invalid-section-name'] },
  { name: 'global takes no argument', text: 'global test\n', found: ['1:8 error schema/unexpected-argument'] },
  { name: 'a tcp-check sequence with a connect must start with it', text: `${defaults}backend be\n  option tcp-check\n  tcp-check send PING\\r\\n\n  tcp-check connect port 6379\n`, found: ['9:3 error schema/check-sequence'] },
  { name: 'track-sc without a stick table', text: 'defaults d\n  mode http\n  http-request track-sc0 src\nfrontend fe from d\n  bind :8080\n', found: ['3:16 error reference/undefined-table'] },
  { name: 'log facility', text: 'global\n  log 127.0.0.1:514 locl0 info\n', found: ['2:21 error schema/invalid-value'], says: "did you mean 'local0'?" },
  { name: 'log level', text: 'global\n  log 127.0.0.1:514 local0 verbose\n', found: ['2:28 error schema/invalid-value'] },
  { name: 'ACL name with a forbidden character', text: `${defaults}frontend fe\n  bind :8080\n  acl bad! src 10.0.0.1\n`, found: ['8:7 error schema/invalid-name'] },
  { name: 'track-sc beyond the stick counters', text: `${defaults}frontend fe\n  bind :8080\n  stick-table type ip size 1k store conn_cur\n  tcp-request content track-sc5 src\n`, found: ['9:23 error schema/invalid-value'] },
  { name: 'value out of range', text: 'global\n  tune.comp.maxlevel 10\n', found: ['2:22 error schema/invalid-value'] },
  { name: 'unknown filter', text: `${defaults}frontend fe\n  bind :8080\n  filter bwlim-in lim default-limit 1m default-period 1s\n`, found: ['8:10 error schema/unknown-filter'] },
];

describe('checkHaproxy', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const r = check(c.text, c.version);
      expect(r.found).toEqual(c.found);
      if (c.says) expect(r.messages.join('\n')).toContain(c.says);
    });
  }

  it('takes the version into account', () => {
    const text = `${defaults}backend be\n  reqadd X-Foo:\\ bar\n`;
    expect(check(text, '2.0').found).toEqual(['7:3 warning schema/deprecated-keyword']);
    expect(check(text, '1.9').found).toEqual([]);
    expect(check('global\n  tune.stick-counters 4\n', '3.2').found).toEqual([]);
    const legacy = check(`${defaults}listen web 0.0.0.0:8080\n`, '1.5');
    expect(legacy.found).toEqual(['6:12 warning schema/legacy-listen-address']);
  });

  it('reports build options as warnings unless the build is given', () => {
    const loaded = loadHaproxy([FILE], { fs: createMemoryFileSystem({ [FILE]: 'global\n  wurfl-data-file /x\n' }), env: {} });
    expect(checkHaproxy(loaded, { version: '2.6' }).map((d) => `${d.severity} ${d.code}`)).toEqual(['warning schema/missing-build-option']);
    expect(checkHaproxy(loaded, { version: '2.6', features: ['openssl'] }).map((d) => `${d.severity} ${d.code}`)).toEqual(['error schema/missing-build-option']);
  });

  it('defaults to the newest covered release', () => {
    const loaded = loadHaproxy([FILE], { fs: createMemoryFileSystem({ [FILE]: 'global\n  tune.stick-counters 4\n' }), env: {} });
    expect(checkHaproxy(loaded)).toEqual([]);
  });
});

describe.skipIf(haproxyUnavailableReason())('the cases agree with the real haproxy -c (2.6)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cfglint-check-'));
  for (const [i, c] of CASES.entries()) {
    if (c.version && c.version !== '2.6') continue;
    it(c.name, async () => {
      const file = join(dir, `case-${i}.cfg`);
      writeFileSync(file, c.text);
      const { code, output } = await haproxyCheck(file);
      const cfglintErrors = check(c.text).diagnostics.filter((d) => d.severity === 'error');
      // haproxy exits 0 (valid) or 2 (valid, no listener) when it accepts the file.
      expect({ rejected: code === 1, lines: cfglintErrors.map((d) => d.range.start.line + 1) }).toEqual({
        rejected: cfglintErrors.length > 0,
        lines: cfglintErrors.map((d) => d.range.start.line + 1),
      });
      // Every error line is one haproxy complains about (or the file-level check names no line).
      for (const d of cfglintErrors) expect(output).toMatch(new RegExp(`case-${i}\\.cfg:${d.range.start.line + 1}\\]|unable to find|refer|same name|cannot inherit|Proxy '`));
    });
  }
});

describe('checkHaproxy on arbitrary input', () => {
  const vocabulary = ['global', 'defaults', 'frontend fe', 'backend be', 'listen li', 'userlist u', 'peers p', 'resolvers r', 'mailers m', 'ring r', 'cache c', 'crt-store', 'acme a', 'no', 'option', 'timeout', 'http-request', 'bind', 'server', 'acl', 'use_backend', 'if', 'unless', '!{', '{', '}', '%[src,lower]', 'set-var(txn.x)', 'track-sc9', 'log', 'local9', 'stats', 'socket', ':80', 'fd@', 'mptcp@:1', '"${X}"', '5sec', '-1', 'table', 'from', 'default-server', 'filter', 'spoe', 'tcp-check', 'connect', '.if', '.endif', '#', "'"];
  it('never throws and points inside the file', async () => {
    const fc = await import('fast-check');
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom(...vocabulary), { maxLength: 6 }), { maxLength: 30 }), fc.constantFrom('1.5', '2.0', '2.6', '3.2'), (lines, version) => {
        const text = `${lines.map((l) => l.join(' ')).join('\n')}\n`;
        const r = check(text, version);
        const lineCount = text.split('\n').length;
        for (const d of r.diagnostics) expect(d.range.start.line).toBeLessThan(lineCount);
      }),
      { numRuns: 300 },
    );
  });
});
