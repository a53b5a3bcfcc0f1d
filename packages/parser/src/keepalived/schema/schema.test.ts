import { describe, expect, it } from 'vitest';
import { evalBuildCondition, missingFeatures, resolveBuild } from './build-features.js';
import { argsAt, availability, keepalivedSchema, keywordSpec, keywordsIn, normalizeVersion } from './lookup.js';

const debian = resolveBuild();

describe('keepalived schema tables', () => {
  it('places keywords in their blocks, one spec per block', () => {
    const schema = keepalivedSchema();
    expect(schema.contextsOf.get('nb_get_retry')).toEqual(['HTTP_GET', 'SSL_GET']);
    expect(keywordSpec('vrrp_instance', 'priority')?.block).toBeUndefined();
    expect(keywordSpec('vrrp_instance', 'virtual_ipaddress')?.block).toBe('list');
    expect(keywordSpec('root', 'vrrp_instance')?.block).toBe('block');
    expect(keywordSpec('vrrp_script', 'weight')).not.toEqual(keywordSpec('real_server', 'weight'));
  });

  it('nb_get_retry: deprecated since 1.3.7 for retry, reported as an error since 2.0.15, never removed', () => {
    const spec = keywordSpec('HTTP_GET', 'nb_get_retry')!;
    expect(spec.versions).toEqual({ deprecated: '1.3.7', replacement: 'retry' });
    expect(spec.deprecationReportedSince).toBe('2.0.15');
    expect(availability(spec, '2.3.4', debian)).toEqual({ status: 'known', deprecated: true });
  });

  it('version-dependent argument ranges (vrrp_garp_interval 0 is out of range from 2.2.3)', () => {
    const spec = keywordSpec('global_defs', 'vrrp_garp_interval')!;
    expect(argsAt(spec, '1.3.5')?.[0].value).toEqual({ type: 'any' });
    expect(argsAt(spec, '2.2.7')?.[0].value).toEqual({ type: 'float', decimals: 6, min: 0.000001, max: 4294.967295 });
    expect(argsAt(keywordSpec('vrrp_instance', 'priority')!, '2.2.7')?.[0]).toMatchObject({ value: { type: 'int', min: 1, max: 255 } });
  });

  it('added, removed and build-dependent keywords', () => {
    expect(availability(keywordSpec('global_defs', 'json_version')!, '2.2.7', debian)).toEqual({ status: 'not-yet', added: '2.2.8' });
    expect(availability(keywordSpec('global_defs', 'lvs_id')!, '2.2.7', debian)).toEqual({ status: 'removed', removed: '1.1.8' });
    expect(availability(keywordSpec('global_defs', 'vrrp_ipsets')!, '2.2.7', debian).status).toBe('not-built');
    const iptables = keywordSpec('global_defs', 'vrrp_iptables')!;
    expect(iptables.errorWhen?.[0]).toMatchObject({ since: '2.2.2' });
    expect(evalBuildCondition(iptables.errorWhen![0].when!, debian)).toBe(true);
    expect(evalBuildCondition(iptables.errorWhen![0].when!, resolveBuild({ iptables: true, nftables: false }))).toBe(false);
    expect(missingFeatures(keywordSpec('global_defs', 'vrrp_ipsets')!.requires!, debian)).toContain('ipset');
  });

  it('hand-written summaries and documentation links', () => {
    const spec = keywordSpec('vrrp_instance', 'virtual_router_id')!;
    expect(spec.summary).toMatch(/router id/);
    expect(spec.docUrl).toMatch(/^https:\/\/github\.com\/acassen\/keepalived\/blob\/v2\.3\.4\/doc\/man\/man5\/keepalived\.conf\.5\.in\?plain=1#L\d+$/);
  });

  it('lists what a block accepts in a release', () => {
    const names = keywordsIn('vrrp_instance', '2.2.7', debian).map((s) => s.name);
    expect(names).toContain('priority');
    expect(names).not.toContain('timer_expired_backup');
    expect(keywordsIn('vrrp_instance', '2.3.4', debian).map((s) => s.name)).toContain('timer_expired_backup');
  });

  it('reads user versions', () => {
    expect(normalizeVersion(undefined)).toBe('2.3.4');
    expect(normalizeVersion('v2.2.7')).toBe('2.2.7');
    expect(normalizeVersion('2.2')).toBe('2.2.8');
    expect(normalizeVersion('1.3')).toBe('1.3.9');
    expect(normalizeVersion('1.2')).toBe('1.2.0');
  });
});
