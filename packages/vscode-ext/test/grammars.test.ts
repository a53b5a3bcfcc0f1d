import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { haproxyGrammar } from '../src/syntaxes/haproxy.js';
import { keepalivedGrammar } from '../src/syntaxes/keepalived.js';
import { loadTokenizer, scopesOf, type Token, type Tokenizer } from './tokenize.js';

const repo = path.resolve(import.meta.dirname, '../../..');
const corpus = path.resolve(repo, '../shared/corpus');
const all = [keepalivedGrammar, haproxyGrammar];

let ka: Tokenizer;
let ha: Tokenizer;
beforeAll(async () => {
  ka = await loadTokenizer(keepalivedGrammar, all);
  ha = await loadTokenizer(haproxyGrammar, all);
});

const read = (rel: string) => readFileSync(path.join(repo, rel), 'utf8');
const innermost = (t: Token) => t.scopes[t.scopes.length - 1];

/** The innermost scope of the `nth` token (0-based) with this text on the line containing `lineIncludes`. */
function scopeOn(lines: Token[][], source: string, lineIncludes: string, text: string, nth = 0): string | undefined {
  const index = source.split(/\r?\n/).findIndex((l) => l.trimStart().startsWith(lineIncludes));
  if (index < 0) throw new Error(`no line contains ${lineIncludes}`);
  const found = lines[index].filter((t) => t.text === text)[nth];
  return found && innermost(found);
}

function filesUnder(dir: string, test: (name: string) => boolean): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (test(full)) out.push(full);
    }
  };
  try {
    walk(dir);
  } catch {
    // the corpus lives beside the repository; a clone without it just has fewer cases
  }
  return out.sort();
}

describe('keepalived grammar on the seed lab files', () => {
  const web1 = read('fixtures/seed/web1/keepalived.conf');
  const proxy = read('fixtures/seed/proxy/keepalived.conf');

  it.each([
    ['! Configuration File', '! Configuration File for keepalived', 'comment.line.keepalived'],
    ['global_defs {', 'global_defs', 'storage.type.block.keepalived'],
    ['vrrp_instance VI_1', 'vrrp_instance', 'storage.type.block.keepalived'],
    ['vrrp_instance VI_1', 'VI_1', 'entity.name.type.keepalived'],
    ['state MASTER', 'state', 'keyword.other.directive.keepalived'],
    ['state MASTER', 'MASTER', 'constant.language.keepalived'],
    ['virtual_router_id 51', '51', 'constant.numeric.keepalived'],
    ['auth_type PASS', 'PASS', 'constant.language.keepalived'],
    ['authentication {', 'authentication', 'storage.type.block.keepalived'],
    ['virtual_ipaddress {', 'virtual_ipaddress', 'storage.type.block.keepalived'],
    ['192.168.4.80', '192.168.4.80', 'constant.numeric.ip-address.keepalived'],
    ['acassen@firewall.loc', 'acassen@firewall.loc', 'variable.other.entry.keepalived'],
    ['smtp_server 192.168.200.1', '192.168.200.1', 'constant.numeric.ip-address.keepalived'],
    ['vrrp_iptables', 'vrrp_iptables', 'keyword.other.directive.keepalived'],
  ])('web1: on "%s", %s is %s', (line, text, scope) => {
    const tokens = ka.tokenize(web1);
    const found = line.startsWith('!') ? tokens[0].map(innermost) : [scopeOn(tokens, web1, line, text)];
    expect(found).toContain(scope);
  });

  it.each([
    ['virtual_server 192.168.4.15 80', 'virtual_server', 'storage.type.block.keepalived'],
    ['virtual_server 192.168.4.15 80', '192.168.4.15', 'constant.numeric.ip-address.keepalived'],
    ['lb_kind DR', 'DR', 'constant.language.keepalived'],
    ['lb_algo rr', 'rr', 'constant.language.keepalived'],
    ['real_server 192.168.4.100 80', 'real_server', 'storage.type.block.keepalived'],
    ['TCP_CHECK {', 'TCP_CHECK', 'storage.type.block.keepalived'],
    ['nb_get_retry 3', 'nb_get_retry', 'keyword.other.directive.keepalived'],
  ])('proxy: on "%s", %s is %s', (line, text, scope) => {
    expect(scopeOn(ka.tokenize(proxy), proxy, line, text)).toBe(scope);
  });

  it('knows the preprocessor: @host conditions, $NAME definitions with continuations, include, ~SEQ', () => {
    const text = [
      '$IF=eth0',
      '$ADDRS=10.0.0.1 \\',
      '  10.0.0.2',
      '@lb1 router_id lb1',
      'include /etc/keepalived/conf.d/*.conf',
      '~SEQ(i, 1, 1, 3) real_server 10.0.0.$i 80 { weight 1 }',
      'vrrp_instance A { interface $IF }',
    ].join('\n');
    const lines = ka.tokenize(text);
    expect(scopesOf(lines, '$IF')).toEqual(['variable.other.definition.keepalived', 'variable.other.keepalived']);
    expect(scopesOf(lines, '\\')).toEqual(['constant.character.escape.line-continuation.keepalived']);
    expect(lines[2].map(innermost)).toContain('constant.numeric.ip-address.keepalived');
    expect(lines[2].every((t) => t.scopes.includes('meta.definition.keepalived'))).toBe(true);
    expect(scopesOf(lines, '@lb1')).toEqual(['keyword.control.conditional.host.keepalived']);
    expect(scopesOf(lines, 'router_id')).toEqual(['keyword.other.directive.keepalived']);
    expect(scopesOf(lines, 'include')).toEqual(['keyword.control.import.keepalived']);
    expect(scopesOf(lines, '/etc/keepalived/conf.d/*.conf')).toEqual(['string.unquoted.path.keepalived']);
    expect(lines[5].find((t) => t.text.startsWith('~SEQ'))?.scopes).toContain('support.function.repeat.keepalived');
    expect(scopesOf(lines, 'real_server')).toEqual(['storage.type.block.keepalived']);
    // statements after a brace on the same line
    expect(scopesOf(lines, 'weight')).toEqual(['keyword.other.directive.keepalived']);
    expect(scopesOf(lines, 'interface')).toEqual(['keyword.other.directive.keepalived']);
  });

  it('ends comments at the line, never inside quotes, and honours \\# escapes', () => {
    const lines = ka.tokenize('notify "/bin/echo # not a comment" # a comment\nvrrp_instance X {\n}');
    const quoted = lines[0].find((t) => t.text.includes('not a comment'));
    expect(quoted?.scopes).toContain('string.quoted.double.keepalived');
    expect(quoted?.scopes.some((s) => s.startsWith('comment'))).toBe(false);
    expect(lines[0].at(-1)?.scopes).toContain('comment.line.keepalived');
    expect(scopesOf(lines, 'vrrp_instance')).toEqual(['storage.type.block.keepalived']);
  });

  it('reads list-block entries as entries and their options as options', () => {
    const lines = ka.tokenize('virtual_ipaddress {\n  10.0.0.9/24 dev eth0 label eth0:1\n  fe80::1/64 dev eth1\n}\ntrack_script {\n  chk_haproxy weight -20\n}\nvrrp_script chk_haproxy {\n}');
    expect(scopesOf(lines, '10.0.0.9/24')).toEqual(['constant.numeric.ip-address.keepalived']);
    expect(scopesOf(lines, 'fe80::1/64')).toEqual(['constant.numeric.ip-address.keepalived']);
    expect(scopesOf(lines, 'dev')).toEqual(['keyword.other.option.keepalived', 'keyword.other.option.keepalived']);
    expect(scopesOf(lines, 'chk_haproxy')).toEqual(['variable.other.entry.keepalived', 'entity.name.type.keepalived']);
    expect(scopesOf(lines, '-20')).toEqual(['constant.numeric.keepalived']);
    // the list block closed: the next block is a block again
    expect(scopesOf(lines, 'vrrp_script')).toEqual(['storage.type.block.keepalived']);
  });
});

describe('haproxy grammar on the seed lab file', () => {
  const cfg = read('fixtures/seed/proxy/haproxy.cfg');

  it.each([
    ['global', 'global', 'storage.type.section.haproxy'],
    ['defaults', 'defaults', 'storage.type.section.haproxy'],
    ['frontend  main *:5000', 'frontend', 'storage.type.section.haproxy'],
    ['frontend  main *:5000', 'main', 'entity.name.section.haproxy'],
    ['frontend  main *:5000', '*', 'constant.numeric.ip-address.haproxy'],
    ['frontend  main *:5000', '5000', 'constant.numeric.port.haproxy'],
    ['backend static', 'static', 'entity.name.section.haproxy'],
    ['acl url_static       path_beg', 'acl', 'keyword.other.directive.haproxy'],
    ['acl url_static       path_beg', 'url_static', 'variable.other.acl.haproxy'],
    ['acl url_static       path_beg', 'path_beg', 'support.function.fetch.haproxy'],
    ['acl url_static       path_beg', '-i', 'constant.language.flag.haproxy'],
    ['use_backend static', 'use_backend', 'keyword.other.directive.haproxy'],
    ['use_backend static', 'static', 'entity.name.backend.haproxy'],
    ['use_backend static', 'if', 'keyword.control.conditional.haproxy'],
    ['default_backend             app', 'app', 'entity.name.backend.haproxy'],
    ['server  app1 127.0.0.1:5001 check', 'app1', 'entity.name.server.haproxy'],
    ['server  app1 127.0.0.1:5001 check', '127.0.0.1', 'constant.numeric.ip-address.haproxy'],
    ['server  app1 127.0.0.1:5001 check', 'check', 'constant.language.haproxy'],
    ['timeout http-request    10s', 'timeout', 'keyword.other.directive.haproxy'],
    ['timeout http-request    10s', 'http-request', 'keyword.other.directive.haproxy'],
    ['timeout http-request    10s', '10s', 'constant.numeric.haproxy'],
    ['option                  httplog', 'httplog', 'keyword.other.directive.haproxy'],
    ['balance     roundrobin', 'roundrobin', 'constant.language.haproxy'],
    ['listen stats 0.0.0.0:1080', 'stats', 'entity.name.section.haproxy'],
    ['listen stats 0.0.0.0:1080', '0.0.0.0', 'constant.numeric.ip-address.haproxy'],
    ['stats auth admin:admin', 'stats', 'keyword.other.directive.haproxy'],
    ['stats auth admin:admin', 'auth', 'keyword.other.directive.haproxy'],
    ['# turn on stats unix socket', '# turn on stats unix socket', 'comment.line.number-sign.haproxy'],
  ])('on "%s", %s is %s', (line, text, scope) => {
    const tokens = ha.tokenize(cfg);
    const index = cfg.split('\n').findIndex((l) => l.trimStart().startsWith(line));
    const joined = tokens[index].filter((t) => t.text.trim() === text || t.text === text).map(innermost);
    const whole = tokens[index].map((t) => t.text).join('').trim() === text ? [innermost(tokens[index].at(-1)!)] : [];
    expect([...joined, ...whole]).toContain(scope);
  });

  it('reads conditions, anonymous ACLs, samples, strings and preprocessor lines', () => {
    const text = [
      '.if version_atleast(2.4)',
      'frontend fe',
      '    bind ipv4@:443 ssl crt "/etc/haproxy/${CERT}.pem"',
      '    http-request deny if !{ src 10.0.0.0/8 } || is_bad',
      "    http-response set-header X-Id '%[req.hdr(host),lower]' # a comment",
      '    log-format "%ci:%cp %[capture.req.hdr(0)]"',
      '.endif',
    ].join('\n');
    const lines = ha.tokenize(text);
    expect(scopesOf(lines, '.if')).toEqual(['keyword.control.directive.conditional.haproxy']);
    expect(scopesOf(lines, 'version_atleast')).toEqual(['support.function.predicate.haproxy']);
    expect(scopesOf(lines, 'ipv4@')).toEqual(['storage.modifier.address-family.haproxy']);
    expect(scopesOf(lines, '443')).toEqual(['constant.numeric.port.haproxy']);
    expect(scopesOf(lines, '${CERT}')).toEqual(['variable.other.environment.haproxy']);
    expect(scopesOf(lines, 'deny')).toEqual(['support.function.action.haproxy']);
    expect(scopesOf(lines, '!')).toContain('keyword.operator.negation.haproxy');
    expect(lines[3].find((t) => t.text === 'src')?.scopes).toContain('meta.acl.anonymous.haproxy');
    expect(scopesOf(lines, '||')).toEqual(['keyword.operator.logical.haproxy']);
    // single quotes are literal: no sample expansion inside
    expect(lines[4].find((t) => t.text.includes('%[req.hdr'))?.scopes).toContain('string.quoted.single.haproxy');
    expect(lines[4].at(-1)?.scopes).toContain('comment.line.number-sign.haproxy');
    expect(scopesOf(lines, '%ci')).toEqual(['constant.other.placeholder.haproxy']);
    expect(lines[5].find((t) => t.text === 'capture.req.hdr')?.scopes).toContain('meta.embedded.sample.haproxy');
    expect(scopesOf(lines, '.endif')).toEqual(['keyword.control.directive.conditional.haproxy']);
  });
});

describe('both grammars over every fixture and corpus file', () => {
  const kaFiles = [
    ...filesUnder(path.join(repo, 'fixtures'), (f) => f.endsWith('.conf')),
    ...filesUnder(path.join(corpus, 'keepalived'), () => true),
  ];
  const haFiles = [
    ...filesUnder(path.join(repo, 'fixtures'), (f) => f.endsWith('.cfg')),
    ...filesUnder(path.join(corpus, 'haproxy'), () => true),
  ];

  it('has files to read', () => {
    expect(kaFiles.length).toBeGreaterThan(4);
    expect(haFiles.length).toBeGreaterThan(0);
  });

  // A line that is only a comment must come out as one comment from its marker on, and
  // every token must lie in the grammar's scope: a rule that leaks past its line would break both.
  function check(tok: Tokenizer, files: string[], marker: RegExp, scope: string, commentScope: string) {
    const problems: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'latin1');
      const src = text.split(/\r?\n/);
      const lines = tok.tokenize(text);
      lines.forEach((tokens, i) => {
        if (tokens.some((t) => t.scopes[0] !== scope)) problems.push(`${file}:${i + 1}: token outside ${scope}`);
        if (tokens.map((t) => t.text).join('') !== src[i]) problems.push(`${file}:${i + 1}: tokens do not cover the line`);
        const m = marker.exec(src[i]);
        if (m) {
          const inComment = tokens.filter((t) => t.text.trim() !== '').every((t) => t.scopes.includes(commentScope));
          if (!inComment) problems.push(`${file}:${i + 1}: comment line not read as a comment`);
        }
      });
    }
    return problems;
  }

  it('keepalived: comment lines are comments, tokens cover every line', () => {
    expect(check(ka, kaFiles, /^\s*[#!]/, 'source.keepalived', 'comment.line.keepalived').slice(0, 20)).toEqual([]);
  });

  it('haproxy: comment lines are comments, tokens cover every line', () => {
    expect(check(ha, haFiles, /^\s*#/, 'source.haproxy', 'comment.line.number-sign.haproxy').slice(0, 20)).toEqual([]);
  });
});
