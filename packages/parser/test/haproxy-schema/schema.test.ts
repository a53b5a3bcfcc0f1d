import { describe, expect, it } from 'vitest';
import { haproxyKeywordLength } from '../../src/haproxy/schema/resolve-keyword.js';
import { getHaproxySchema } from '../../src/haproxy/schema/schema.js';
import { bindOptionSummaries, keywordSummaries, sectionSummaries, serverOptionSummaries } from '../../src/haproxy/schema/summaries.js';
import { keywordOverrides } from '../../src/haproxy/schema/overrides.js';
import { HAPROXY_DEFAULT_VERSION, HAPROXY_VERSIONS, availability, normalizeHaproxyVersion } from '../../src/haproxy/schema/versions.js';

const s26 = getHaproxySchema('2.6');

describe('HAProxy version helpers', () => {
  it('covers 1.5 to 3.2 and targets the newest by default', () => {
    expect(HAPROXY_VERSIONS[0]).toBe('1.5');
    expect(HAPROXY_VERSIONS).toContain('2.6');
    expect(HAPROXY_DEFAULT_VERSION).toBe('3.2');
    expect(getHaproxySchema().version).toBe('3.2');
  });
  it('normalises patch versions', () => {
    expect(normalizeHaproxyVersion('2.6.12')).toBe('2.6');
    expect(normalizeHaproxyVersion('v3.0')).toBe('3.0');
    expect(normalizeHaproxyVersion('latest')).toBeUndefined();
    expect(getHaproxySchema('2.6.12').version).toBe('2.6');
  });
  it('places versions before, inside and after a range', () => {
    const info = { added: '2.0', removed: '2.5' };
    expect(availability(info, '1.9')).toBe('not-yet');
    expect(availability(info, '2.4')).toBe('available');
    expect(availability(info, '2.5')).toBe('removed');
  });
});

describe('generated HAProxy facts', () => {
  const kw = (group: string, name: string) => s26.keyword(group, name);

  it('knows removals with their replacements', () => {
    expect(kw('proxy', 'reqadd')?.versions).toMatchObject({ removed: '2.1', replacement: 'http-request add-header' });
    expect(kw('proxy', 'redispatch')?.versions).toMatchObject({ removed: '2.1', replacement: 'option redispatch' });
    expect(kw('proxy', 'contimeout')?.versions).toMatchObject({ removed: '2.1', replacement: 'timeout connect' });
    expect(kw('global', 'nbproc')?.versions?.removed).toBe('2.5');
    expect(kw('proxy', 'option forceclose')?.versions?.removed).toBe('2.0');
    expect(kw('proxy', 'option http_proxy')?.versions?.removed).toBe('2.5');
    expect(kw('proxy', 'bind-process')?.versions?.removed).toBe('2.7');
  });

  it('knows when keywords and sections arrived', () => {
    expect(kw('global', 'tune.stick-counters')?.versions?.added).toBe('2.8');
    expect(kw('proxy', 'http-after-response')?.versions?.added).toBe('2.2');
    expect(s26.section('crt-store')?.versions?.added).toBe('3.0');
    expect(s26.section('ring')?.versions?.added).toBe('2.2');
    expect(s26.section('userlist')?.versions).toBeUndefined();
  });

  it('records where proxy keywords belong, by version', () => {
    expect(kw('proxy', 'timeout connect')?.contexts).toEqual(['defaults', 'listen', 'backend']);
    expect(kw('proxy', 'bind')?.contexts).toEqual(['frontend', 'listen']);
    expect(kw('proxy', 'option httplog')?.contextsByVersion?.map((c) => c.since)).toEqual(['1.5', '2.0']);
    expect(kw('proxy', 'http-request')?.namedDefaultsOnly).toBe(true);
  });

  it('records argument shapes and how they changed', () => {
    const mode = kw('proxy', 'mode');
    const at26 = mode?.argsByVersion?.filter((a) => a.since <= '2.6').pop();
    expect(at26?.args[0].value).toEqual({ type: 'enum', values: ['tcp', 'http'] });
    expect(kw('proxy', 'timeout server')?.args?.[0].value).toMatchObject({ type: 'time' });
    expect(kw('proxy', 'server')?.minArgs).toBe(2);
  });

  it('has bind and server options with the words they take and their build options', () => {
    expect(s26.bindOption('crt')).toMatchObject({ skip: 1, requires: 'openssl' });
    expect(s26.bindOption('accept-proxy')?.skip).toBe(0);
    expect(s26.serverOption('check')?.skip).toBe(0);
    expect(s26.serverOption('inter')?.skip).toBe(1);
    expect(s26.serverOption('id')?.defaultOk).toBe(false);
    expect(s26.serverOption('no-verifyhost')).toBeUndefined();
    expect(s26.serverOption('no-sni-auto')).toBeUndefined(); // 3.3, past the covered releases
    expect(s26.available(s26.serverOption('guid'))).toBe('not-yet');
  });

  it('has actions, fetches, converters, filters, predefined ACLs and address prefixes', () => {
    expect(s26.available(s26.action('http-request', 'set-header'))).toBe('available');
    expect(s26.available(s26.fetch('req.hdr'))).toBe('available');
    expect(s26.available(s26.fetch('fc_glitches'))).toBe('not-yet');
    expect(s26.available(s26.converter('lower'))).toBe('available');
    expect(s26.available(s26.filter('bwlim-in'))).toBe('not-yet');
    expect(s26.available(s26.predefinedAcl('HTTP_3.0'))).toBe('not-yet');
    expect(s26.available(s26.addressPrefix('mptcp@'))).toBe('not-yet');
    expect(s26.addressPrefix('quic4@')?.requires).toBe('quic');
  });

  it('marks keywords that need a build option', () => {
    expect(kw('global', 'wurfl-data-file')?.requires).toBe('wurfl');
    expect(kw('global', 'lua-load')?.requires).toBe('lua');
    expect(kw('global', 'tune.zlib.memlevel')?.requires).toBe('zlib');
  });

  it('links keywords to the upstream manual', () => {
    expect(kw('proxy', 'timeout connect')?.docUrl).toBe('https://docs.haproxy.org/3.2/configuration.html#4.2-timeout%20connect');
    expect(s26.section('userlist')?.docUrl).toMatch(/^https:\/\/docs\.haproxy\.org\/3\.2\/configuration\.html#/);
  });
});

describe('hand-written tables', () => {
  it('only describe entries the generated tables have', () => {
    for (const key of [...Object.keys(keywordSummaries), ...Object.keys(keywordOverrides)]) {
      const [group, name] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
      expect(s26.keyword(group === 'proxy' ? 'listen' : group, name), key).toBeDefined();
    }
    for (const name of Object.keys(sectionSummaries)) expect(s26.section(name), name).toBeDefined();
    for (const name of Object.keys(bindOptionSummaries)) expect(s26.bindOption(name), name).toBeDefined();
    for (const name of Object.keys(serverOptionSummaries)) expect(s26.serverOption(name), name).toBeDefined();
  });
  it('reach the lookups', () => {
    expect(s26.keyword('global', 'daemon')?.summary).toMatch(/background/);
    expect(s26.bindOption('ssl')?.summary).toMatch(/TLS/);
    expect(s26.section('peers')?.summary).toMatch(/stick-table/);
  });
});

describe('haproxyKeywordLength', () => {
  const words = (line: string) => line.split(' ');
  it('finds multi-word keywords', () => {
    expect(haproxyKeywordLength(words('timeout connect 5s'), 'backend')).toBe(2);
    expect(haproxyKeywordLength(words('capture request header Host len 10'), 'frontend')).toBe(3);
    expect(haproxyKeywordLength(words('no option httplog'), 'defaults')).toBe(3);
    expect(haproxyKeywordLength(words('stats socket /run/admin.sock'), 'global')).toBe(2);
    expect(haproxyKeywordLength(words('timeout mail 10s'), 'mailers')).toBe(2);
  });
  it('leaves one-word keywords and unknown words alone', () => {
    expect(haproxyKeywordLength(words('server a 1.2.3.4:80'), 'backend')).toBe(1);
    expect(haproxyKeywordLength(words('nuster cache on'), 'global')).toBe(1);
    expect(haproxyKeywordLength(words('http-request deny'), 'frontend')).toBe(1);
  });
  it('keeps an unknown member of a family together', () => {
    expect(haproxyKeywordLength(words('option tcpsplice'), 'backend')).toBe(2);
  });
});

describe('schemaKeywordResolver', () => {
  it('plugs into the parser', async () => {
    const { parseHaproxy } = await import('../../src/haproxy/parse.js');
    const { schemaKeywordResolver } = await import('../../src/haproxy/schema/resolve-keyword.js');
    const { ast } = parseHaproxy('global\n  stats socket /run/a.sock\nmailers m\n  timeout mail 10s\n', 'x.cfg', { resolveKeyword: schemaKeywordResolver });
    const keywords = ast.body.flatMap((s) => (s.kind === 'HaSection' ? s.body : [])).map((d) => (d.kind === 'HaDirective' ? d.keyword : ''));
    expect(keywords).toEqual(['stats socket', 'timeout mail']);
  });
});
