import { describe, expect, it } from 'vitest';
import { createMemoryFileSystem } from '../../source/file-system.js';
import { loadKeepalived } from '../load.js';
import { DEFAULT_KEEPALIVED_VERSION } from '../schema/lookup.js';
import { checkKeepalived } from './check-keepalived.js';
import type { KaCheckOptions } from './options.js';

function check(text: string, options: KaCheckOptions = {}) {
  const loaded = loadKeepalived('/cfg/keepalived.conf', { fs: createMemoryFileSystem({ '/cfg/keepalived.conf': text }) });
  return checkKeepalived(loaded, options).map((d) => ({
    code: d.code,
    severity: d.severity,
    at: `${d.range.start.line + 1}:${d.range.start.character + 1}`,
    message: d.message,
  }));
}

/** A valid VRRP instance to embed lines in. */
const vrrp = (lines: string) => `vrrp_instance VI_1 {
    state BACKUP
    interface eth0
    virtual_router_id 51
    priority 100
    advert_int 1
${lines}
    virtual_ipaddress {
        192.168.1.10/24
    }
}
`;

/** A valid LVS virtual server to embed lines in (real server at line 6). */
const lvs = (vsLines: string, checker: string) => `virtual_server 10.0.0.10 80 {
    delay_loop 6
    lb_algo rr
    lb_kind DR
    protocol TCP
    real_server 10.0.0.11 80 {
        weight 1
${checker}
    }
${vsLines}
}
`;

describe('checkKeepalived: configurations keepalived accepts', () => {
  it.each(['1.3.5', '2.0.20', '2.2.7', '2.3.4'])('reports nothing on a plain VRRP + LVS configuration (%s)', (version) => {
    const text = vrrp('') + lvs('', '        TCP_CHECK {\n            connect_timeout 3\n        }');
    expect(check(text, { version })).toEqual([]);
  });

  it('accepts case-insensitive protocol names and boolean words keepalived accepts', () => {
    const text = lvs('', '        TCP_CHECK {\n            connect_timeout 3\n            log_all_failures yes\n        }').replace('protocol TCP', 'protocol tcp');
    expect(check(text, { version: '2.2.7' })).toEqual([]);
  });

  it('defaults to the newest release the schema covers', () => {
    expect(DEFAULT_KEEPALIVED_VERSION).toBe('2.3.4');
    const [d] = check('global_defs {\n    json_version 1\n}\n', { version: '2.2.7' });
    expect(d.code).toBe('schema/version');
    expect(check('global_defs {\n    json_version 1\n}\n')).toEqual([]);
  });
});

describe('checkKeepalived: keywords', () => {
  it('reports a misspelt keyword with the nearest keywords of its block', () => {
    const [d] = check(vrrp('    priorty 100'), { version: '2.2.7' });
    expect(d).toMatchObject({ code: 'schema/unknown-keyword', severity: 'error', at: '7:5' });
    expect(d.message).toContain("Did you mean 'priority'");
    expect(d.message).toContain('keepalived -t fails');
  });

  it('says where a misplaced keyword belongs', () => {
    const [d] = check('global_defs {\n    virtual_router_id 5\n}\n', { version: '2.2.7' });
    expect(d).toMatchObject({ code: 'schema/wrong-context', at: '2:5' });
    expect(d.message).toContain('vrrp_instance');
  });

  it('nb_get_retry: unknown in TCP_CHECK, deprecated in HTTP_GET (an error since keepalived reports it)', () => {
    const tcp = check(lvs('', '        TCP_CHECK {\n            nb_get_retry 3\n        }'), { version: '2.2.7' });
    expect(tcp).toEqual([expect.objectContaining({ code: 'schema/wrong-context', severity: 'error', at: '9:13' })]);
    expect(tcp[0].message).toContain('HTTP_GET');
    const http = lvs('', '        HTTP_GET {\n            url {\n                path /\n                status_code 200\n            }\n            nb_get_retry 3\n        }');
    const d = check(http, { version: '2.2.7' });
    expect(d).toEqual([expect.objectContaining({ code: 'schema/deprecated', severity: 'error', at: '13:13' })]);
    expect(d[0].message).toContain("Use 'retry'");
    // Deprecated since 1.3.7 but silently accepted until keepalived started to report it.
    expect(check(http, { version: '2.0.10' })).toEqual([expect.objectContaining({ code: 'schema/deprecated', severity: 'warning' })]);
    expect(check(http, { version: '1.3.5' })).toEqual([]);
  });

  it('names the release that removed a keyword and its replacement', () => {
    const [d] = check('global_defs {\n    lvs_id LVS_1\n}\n', { version: '2.2.7' });
    expect(d).toMatchObject({ code: 'schema/removed', at: '2:5' });
    expect(d.message).toContain('1.1.8');
    expect(d.message).toContain("'router_id'");
  });

  it('rejects vrrp_iptables on the default (nftables) build, not on an iptables build', () => {
    const text = 'global_defs {\n    vrrp_iptables\n}\n';
    expect(check(text, { version: '2.2.7' })).toEqual([expect.objectContaining({ code: 'schema/rejected', severity: 'error', at: '2:5' })]);
    expect(check(text, { version: '2.2.7', features: { iptables: true, nftables: false } })).toEqual([]);
    // CentOS 7's 1.3.5 predates the nftables fallback.
    expect(check(text, { version: '1.3.5', features: { iptables: true, nftables: false } })).toEqual([]);
  });

  it('reports keywords the build lacks, naming the feature', () => {
    const [d] = check('global_defs {\n    vrrp_ipsets\n}\n', { version: '2.2.7' });
    expect(d).toMatchObject({ code: 'schema/build-feature', at: '2:5' });
    expect(d.message).toMatch(/ipset|iptables/);
    expect(check('global_defs {\n    vrrp_ipsets\n}\n', { version: '2.2.7', features: { iptables: true, ipset: true } })).toEqual([]);
  });

  it('reports a byte order mark and lines longer than keepalived reads at once', () => {
    expect(check('\ufeffglobal_defs {\n}\n', { version: '2.2.7' })).toEqual([expect.objectContaining({ code: 'schema/unknown-keyword', at: '1:1' })]);
    const long = `global_defs {\n    router_id ${'a'.repeat(1009)} b\n}\n`;
    expect(check(long, { version: '2.2.7' })).toEqual([expect.objectContaining({ code: 'schema/line-too-long', at: '2:1024' })]);
    expect(check(`global_defs {\n# ${'y'.repeat(1021)}\n}\n`, { version: '2.2.7' })).toEqual([]);
  });

  it('reports the backslash of a comment line that ends in one', () => {
    const d = check('global_defs {\n    # a comment \\\n    router_id a\n}\n', { version: '2.2.7' });
    expect(d).toEqual([expect.objectContaining({ code: 'schema/unknown-keyword', at: '2:17' })]);
    expect(check('global_defs {\n    # a comment \\\\\n}\n', { version: '2.2.7' })).toEqual([]);
  });
});

describe('checkKeepalived: arguments and values', () => {
  it.each([
    ['    priority 300', 'schema/value', '7:14', "'300' is outside 1–255"],
    ['    priority high', 'schema/value', '7:14', 'not a whole number'],
    ['    advert_int 0.0000001', 'schema/value', '7:16', 'more than 6 decimal places'],
    ['    garp_master_delay -1', 'schema/value', '7:23', 'negative'],
    ['    debug 5', 'schema/value', '7:11', 'outside 0–4'],
  ])('%s → %s', (line, code, at, text) => {
    const d = check(vrrp(line), { version: '2.2.7' });
    expect(d).toEqual([expect.objectContaining({ code, severity: 'error', at })]);
    expect(d[0].message).toContain(text);
  });

  it('checks words keepalived compares exactly (state is case-sensitive)', () => {
    const d = check(vrrp('').replace('state BACKUP', 'state master'), { version: '2.2.7' });
    expect(d).toEqual([expect.objectContaining({ code: 'schema/value', at: '2:11' })]);
    expect(d[0].message).toContain('MASTER, BACKUP');
  });

  it('vrrp_garp_interval 0 (CentOS 7 stock file) is out of range since 2.2.3 only', () => {
    const text = 'global_defs {\n    vrrp_garp_interval 0\n}\n';
    expect(check(text, { version: '2.2.7' })).toEqual([expect.objectContaining({ code: 'schema/value', at: '2:24' })]);
    expect(check(text, { version: '1.3.5' })).toEqual([]);
  });

  it('a missing required argument stops keepalived', () => {
    const d = check(vrrp('').replace('virtual_router_id 51', 'virtual_router_id'), { version: '2.2.7' });
    expect(d).toEqual([expect.objectContaining({ code: 'schema/arity', severity: 'error', at: '4:5' })]);
    expect(d[0].message).toContain('missing a parameter');
  });

  it('list blocks take their entries inside braces', () => {
    const d = check(vrrp('    track_interface eth1'), { version: '2.2.7' });
    expect(d).toEqual([expect.objectContaining({ code: 'schema/arity', at: '7:21' })]);
    expect(d[0].message).toContain('extra parameters');
  });

  it('braces that do not fit the keyword', () => {
    expect(check(vrrp('    authentication\n    auth_type PASS'), { version: '2.2.7' })[0]).toMatchObject({ code: 'schema/block-expected', at: '7:5' });
    expect(check(vrrp('    notify_master {\n        /bin/true\n    }'), { version: '2.2.7' })[0]).toMatchObject({ code: 'schema/unexpected-block', at: '7:5' });
  });

  it('virtual_server addresses: an invalid one makes keepalived skip the block', () => {
    const d = check(lvs('', '').replace('10.0.0.10 80', 'vip.example 80'), { version: '2.2.7' });
    expect(d).toEqual([expect.objectContaining({ code: 'schema/value', at: '1:16' })]);
    expect(d[0].message).toContain('ignores the whole block');
  });
});

describe('checkKeepalived: keepalived consistency checks', () => {
  it.each([
    ['an instance without addresses', vrrp('').replace(/ {4}virtual_ipaddress \{\n.*\n {4}\}\n/, ''), 'config/no-virtual-ipaddress', '1:15'],
    ['auth_pass longer than 8', vrrp('    authentication {\n        auth_type PASS\n        auth_pass 123456789\n    }'), 'config/auth-pass-length', '9:19'],
    ['nopreempt with state MASTER', vrrp('    nopreempt').replace('state BACKUP', 'state MASTER'), 'config/nopreempt-master', '7:5'],
    ['track_script naming no vrrp_script', vrrp('    track_script {\n        chk_missing\n    }'), 'config/track-script-undefined', '8:9'],
    ['virtual_routes without dev', vrrp('    virtual_routes {\n        10.9.0.0/16 via 10.0.0.1\n    }'), 'config/route-no-interface', '8:9'],
    ['a bad virtual address', vrrp('').replace('192.168.1.10/24', '192.168.1.300/24'), 'config/invalid-address', '9:9'],
  ])('%s', (_name, text, code, at) => {
    const d = check(text, { version: '2.2.7' });
    expect(d).toContainEqual(expect.objectContaining({ code, severity: 'error', at }));
  });

  it.each([
    ['no protocol', (t: string) => t.replace('    protocol TCP\n', ''), 'config/virtual-server-no-protocol'],
    ['no scheduler', (t: string) => t.replace('    lb_algo rr\n', ''), 'config/virtual-server-no-scheduler'],
    ['DR with a different real server port', (t: string) => t.replace('real_server 10.0.0.11 80', 'real_server 10.0.0.11 8080'), 'config/real-server-port'],
    ['quorum above the total weight', (t: string) => t.replace('    lb_algo rr\n', '    lb_algo rr\n    quorum 5\n'), 'config/virtual-server-quorum'],
  ])('virtual_server: %s', (_name, edit, code) => {
    const text = edit(lvs('', '        TCP_CHECK {\n            connect_timeout 3\n        }'));
    expect(check(text, { version: '2.2.7' }).map((d) => d.code)).toContain(code);
  });

  it('leaves the consistency checks out on request', () => {
    const text = vrrp('').replace(/ {4}virtual_ipaddress \{\n.*\n {4}\}\n/, '');
    expect(check(text, { version: '2.2.7', validate: false })).toEqual([]);
  });
});
