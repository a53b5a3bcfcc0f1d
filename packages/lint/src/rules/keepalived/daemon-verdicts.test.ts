import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryFileSystem } from '@cfglint/parser';
import { afterAll, describe, expect, it } from 'vitest';
import { keepalivedCheck, keepalivedUnavailableReason } from '../../../../../test-support/daemons.js';
import { applyEditGroups } from '../../engine/apply-edits.js';
import { EMPTY_CONFIG } from '../../engine/config.js';
import { lint } from '../../engine/lint.js';
import type { Rule } from '../../engine/rule.js';
import renamedKeyword from './renamed-keyword.js';
import scriptSecurityMissing from './script-security-missing.js';
import stockSampleLeftover from './stock-sample-leftover.js';
import vridCollision from './vrid-collision.js';

/*
 * The real keepalived -t (2.2.7 here) agrees with the rules: what they report, keepalived
 * reports; after their fix or suggestion, keepalived no longer does.
 */

const dir = mkdtempSync(join(tmpdir(), 'cfglint-ka-rules-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

async function check(text: string) {
  const file = join(dir, `case-${++n}.conf`);
  writeFileSync(file, text);
  return keepalivedCheck(file, { interfaces: ['eth0'] });
}

/** The rule's findings on one file, at keepalived 2.2.7. */
function findings(rule: Rule<any, any, any>, text: string) {
  const filePath = '/rules/lb/keepalived.conf';
  const config = { ...EMPTY_CONFIG, rules: { [rule.id]: { severity: rule.meta.severity } } };
  return lint([{ filePath, language: 'keepalived' }], { fs: createMemoryFileSystem({ [filePath]: text }), config, versions: { keepalived: '2.2.7' }, rules: [rule] }).findings.filter(
    (f) => f.ruleId === rule.id,
  );
}

const service = (checker: string, retry: string) => `virtual_server 10.0.0.1 80 {
    lb_algo rr
    lb_kind NAT
    protocol TCP
    real_server 10.0.1.1 80 {
        ${checker} {
${checker === 'HTTP_GET' ? '            url {\n                path /\n                status_code 200\n            }\n' : ''}            connect_timeout 3
            ${retry} 3
        }
    }
}
`;

const instance = (name: string, vip: string, extra = '') => `vrrp_instance ${name} {
    state BACKUP
    interface eth0
    virtual_router_id 51
    priority 100
${extra}    virtual_ipaddress {
        ${vip}
    }
}
`;

describe.skipIf(keepalivedUnavailableReason())('keepalived rules against the real keepalived -t', () => {
  it('renamed-keyword: nb_get_retry in HTTP_GET fails -t; after --fix it passes', async () => {
    const text = service('HTTP_GET', 'nb_get_retry');
    const before = await check(text);
    expect(before.output).toContain("nb_get_retry is deprecated - please use 'retry'");
    const [finding] = findings(renamedKeyword, text);
    expect(finding.fix).toBeDefined();
    const fixed = applyEditGroups(text, [finding.fix!]).text;
    expect(await check(fixed)).toEqual({ code: 0, output: '' });
  });

  it("renamed-keyword: the lab's nb_get_retry in TCP_CHECK is unknown; the suggestion makes -t pass", async () => {
    const text = service('TCP_CHECK', 'nb_get_retry');
    expect((await check(text)).output).toContain("Unknown keyword 'nb_get_retry'");
    const [finding] = findings(renamedKeyword, text);
    expect(finding.fix).toBeUndefined();
    const suggested = applyEditGroups(text, [finding.suggestions![0].edits]).text;
    expect(await check(suggested)).toEqual({ code: 0, output: '' });
  });

  it('script-security-missing: keepalived exits 6 with a security violation; the suggestion silences it', async () => {
    const text = `global_defs {\n    script_user root\n}\nvrrp_script chk {\n    script "/bin/true"\n}\n${instance('VI_1', '10.0.0.80', '    track_script {\n        chk\n    }\n')}`;
    const before = await check(text);
    expect(before).toEqual({ code: 6, output: expect.stringContaining('SECURITY VIOLATION - scripts are being executed but script_security not enabled') });
    const [finding] = findings(scriptSecurityMissing, text);
    expect(finding.message).toContain('SECURITY VIOLATION - scripts are being executed but script_security not enabled');
    const suggested = applyEditGroups(text, [finding.suggestions![0].edits]).text;
    expect(suggested).toContain('global_defs {\n    enable_script_security\n    script_user root\n}');
    expect(await check(suggested)).toEqual({ code: 0, output: '' });
  });

  it("vrid-collision: two multicast instances with one VRID on eth0 fail -t with keepalived's own words", async () => {
    const text = instance('VI_1', '10.0.0.80') + instance('VI_2', '10.0.0.81');
    const result = await check(text);
    const line = 'VI_1 and VI_2 both use VRID 51 with IPv4 on interface eth0';
    expect(result.code).not.toBe(0);
    expect(result.output).toContain(line);
    const reported = findings(vridCollision, text);
    expect(reported).toHaveLength(2);
    for (const f of reported) expect(f.message).toContain(`"${line}"`);
    // Unicast instances with one VRID pass -t, and the rule stays silent.
    const unicast = (peer: string) => `    unicast_peer {\n        ${peer}\n    }\n`;
    const apart = instance('VI_1', '10.0.0.80', unicast('10.0.0.2')) + instance('VI_2', '10.0.0.81', unicast('10.0.0.3'));
    expect(await check(apart)).toEqual({ code: 0, output: '' });
    expect(findings(vridCollision, apart)).toEqual([]);
  });

  it('stock-sample-leftover: removing the sample mail settings leaves a configuration -t accepts', async () => {
    const text = `global_defs {\n   notification_email {\n     acassen@firewall.loc\n     failover@firewall.loc\n   }\n   notification_email_from Alexandre.Cassen@firewall.loc\n   smtp_server 192.168.200.1\n   smtp_connect_timeout 30\n}\n${instance('VI_1', '10.0.0.80')}`;
    expect(await check(text)).toEqual({ code: 0, output: '' });
    const [finding] = findings(stockSampleLeftover, text);
    const suggested = applyEditGroups(text, [finding.suggestions![0].edits]).text;
    expect(suggested).not.toContain('firewall.loc');
    expect(await check(suggested)).toEqual({ code: 0, output: '' });
  });
});
