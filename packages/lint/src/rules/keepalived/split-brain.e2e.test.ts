import { createMemoryFileSystem } from '@cfglint/parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VrrpLab, vrrpLabUnavailableReason } from '../../../../runtime/test/harness/vrrp-lab.js';
import { EMPTY_CONFIG } from '../../engine/config.js';
import { lint } from '../../engine/lint.js';
import advertIntMismatch from './advert-int-mismatch.js';
import authMismatch from './auth-mismatch.js';
import versionMismatch from './version-mismatch.js';
import vipMismatch from './vip-mismatch.js';

/*
 * The cluster rules' run-time claim, with real VRRP: two keepalived daemons in network
 * namespaces joined by a veth pair (the seed lab's web1 and web2). Where a rule reports a
 * pair, both nodes end up holding the VIP (split brain); the same pair without the
 * difference keeps the VIP on the MASTER only, and no rule reports it.
 */

const VIP = '192.168.4.80';
const rules = [advertIntMismatch, authMismatch, versionMismatch, vipMismatch];

const node = (state: 'MASTER' | 'BACKUP', { advertInt = 1, extra = '', vips = [VIP] }: { advertInt?: number; extra?: string; vips?: string[] } = {}) => `global_defs {
    router_id ${state === 'MASTER' ? 'web1' : 'web2'}
}
vrrp_instance VI_1 {
    state ${state}
    interface eth0
    virtual_router_id 51
    priority ${state === 'MASTER' ? 100 : 50}
    advert_int ${advertInt}
${extra}    virtual_ipaddress {
${vips.map((v) => `        ${v}/24\n`).join('')}    }
}
`;
const auth = (pass: string) => `    authentication {\n        auth_type PASS\n        auth_pass ${pass}\n    }\n`;

/** The rule ids cfglint reports for the pair. */
function reported(web1: string, web2: string): string[] {
  const files = { '/lab/web1/keepalived.conf': web1, '/lab/web2/keepalived.conf': web2 };
  const config = { ...EMPTY_CONFIG, rules: Object.fromEntries(rules.map((r) => [r.id, { severity: r.meta.severity }])) };
  const outcome = lint(
    Object.keys(files).map((filePath) => ({ filePath, language: 'keepalived' as const })),
    { fs: createMemoryFileSystem(files), config, rules },
  );
  return [...new Set(outcome.findings.map((f) => f.ruleId))].sort();
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(vrrpLabUnavailableReason())('cluster rules against real VRRP (two network namespaces)', () => {
  let lab: VrrpLab;

  beforeAll(() => {
    lab = VrrpLab.create([
      { name: 'web1', address: '192.168.4.100' },
      { name: 'web2', address: '192.168.4.200' },
    ]);
  }, 30_000);

  afterAll(async () => {
    await lab?.destroyAsync();
  }, 30_000);

  /**
   * Starts web1 (MASTER) and waits until it holds the VIP, then starts web2 (BACKUP) and
   * watches the VIP for up to `ms`; stops both. Returns every holder set seen after web2 started.
   */
  async function run(web1: string, web2: string, ms: number, stopWhenBoth = true): Promise<string[][]> {
    const seen: string[][] = [];
    try {
      await lab.startKeepalived('web1', web1);
      await lab.waitForHolder(VIP, 'web1', 15_000);
      await lab.startKeepalived('web2', web2);
      const deadline = performance.now() + ms;
      while (performance.now() < deadline) {
        const holders = lab.holders(VIP).sort();
        if (!seen.some((s) => s.join() === holders.join())) seen.push(holders);
        if (stopWhenBoth && holders.length === 2) break;
        await sleep(100);
      }
    } finally {
      await lab.stopKeepalived('web1');
      await lab.stopKeepalived('web2');
    }
    return seen;
  }

  it('a consistent pair: no finding, and only the MASTER ever holds the VIP', async () => {
    const web1 = node('MASTER', { extra: auth('1111') });
    const web2 = node('BACKUP', { extra: auth('1111') });
    expect(reported(web1, web2)).toEqual([]);
    // Longer than the BACKUP's master-down interval (3 × 1 s + skew).
    const seen = await run(web1, web2, 6000, false);
    expect(seen).toEqual([['web1']]);
  }, 40_000);

  it.each([
    ['keepalived/auth-mismatch', node('MASTER', { extra: auth('1111') }), node('BACKUP', { extra: auth('2222') })],
    ['keepalived/vip-mismatch', node('MASTER'), node('BACKUP', { vips: [VIP, '192.168.4.81'] })],
    ['keepalived/version-mismatch', node('MASTER'), node('BACKUP', { extra: '    version 3\n' })],
    ['keepalived/advert-int-mismatch', node('MASTER', { advertInt: 3 }), node('BACKUP', { advertInt: 1 })],
  ])('%s: reported, and both nodes hold the VIP', async (ruleId, web1, web2) => {
    expect(reported(web1, web2)).toEqual([ruleId]);
    // The BACKUP never accepts the MASTER's adverts, so it takes the VIP after its master-down interval.
    const seen = await run(web1, web2, 12_000);
    expect(seen).toContainEqual(['web1', 'web2']);
  }, 60_000);
});
