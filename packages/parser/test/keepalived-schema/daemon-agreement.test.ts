import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { keepalivedCheck, keepalivedUnavailableReason } from '../../../../test-support/daemons.js';
import { argsAt, availability, keepalivedSchema, resolveBuild } from '../../src/keepalived/schema/index.js';
import type { KaKeywordSpec } from '../../src/keepalived/schema/index.js';
import { buildProbeConfig, messagesByLine, sampleArgs, unknownKeywordLines } from './probe-config.js';
import type { Probe } from './probe-config.js';

// The installed daemon is Debian 12's keepalived 2.2.7; the schema's default build is that package.
const VERSION = '2.2.7';
const build = resolveBuild();
const unavailable = keepalivedUnavailableReason();
// Root keywords that switch keepalived into another network namespace: not probed here,
// because the namespace they name would outlive the test.
const NOT_PROBED = new Set(['net_namespace', 'net_namespace_ipvs']);

const dir = mkdtempSync(join(tmpdir(), 'cfglint-ka-schema-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function probesWhere(test: (spec: KaKeywordSpec) => boolean): Probe[] {
  const probes: Probe[] = [];
  for (const [context, names] of keepalivedSchema().byContext) {
    for (const spec of names.values()) {
      if (NOT_PROBED.has(spec.name) || !test(spec)) continue;
      probes.push({ context, name: spec.name, args: sampleArgs(spec.name, argsAt(spec, VERSION)) });
    }
  }
  return probes;
}

async function check(name: string, probes: Probe[]) {
  const file = join(dir, name);
  writeFileSync(file, buildProbeConfig(probes));
  return keepalivedCheck(file, { interfaces: ['eth0', 'eth1'] });
}

describe.skipIf(unavailable)(`schema tables against the installed keepalived ${VERSION} (${unavailable ?? 'real daemon'})`, () => {
  it('knows every keyword the schema says 2.2.7 knows, each in its own block', async () => {
    const probes = probesWhere((s) => availability(s, VERSION, build).status === 'known');
    expect(probes.length).toBeGreaterThan(450);
    const result = await check('known.conf', probes);
    expect(result.output).not.toMatch(/missing a parameter/);
    const unknown = unknownKeywordLines(result.output);
    const rejected = probes.filter((p) => unknown.has(p.line!)).map((p) => `${p.context} ${p.name}`);
    expect(rejected).toEqual([]);
  });

  it('reports as unknown every keyword the schema says 2.2.7 lacks (added later, removed, or not built)', async () => {
    const probes = probesWhere((s) => availability(s, VERSION, build).status !== 'known');
    // json_version (2.2.8), lvs_id (gone since 1.1.8), vrrp_ipsets (no libipset in this build) …
    expect(probes.map((p) => p.name)).toEqual(expect.arrayContaining(['json_version', 'lvs_id', 'nat_mask', 'vrrp_ipsets']));
    const result = await check('unknown.conf', probes);
    const unknown = unknownKeywordLines(result.output);
    const accepted = probes.filter((p) => unknown.get(p.line!) !== p.name).map((p) => `${p.context} ${p.name}`);
    expect(accepted).toEqual([]);
  });

  it('complains on the line of every out-of-range or unknown-word argument the schema rejects', async () => {
    const probes: Probe[] = [];
    for (const probe of probesWhere((s) => availability(s, VERSION, build).status === 'known')) {
      const spec = keepalivedSchema().byContext.get(probe.context)!.get(probe.name)!;
      const args = argsAt(spec, VERSION) ?? [];
      args.forEach((arg, i) => {
        const v = arg.value;
        const bad: string[] = [];
        if (v.type === 'int' || v.type === 'float') {
          if (v.max !== undefined && v.max < 1e12) bad.push(String(v.max + 1));
          if (v.min !== undefined && v.min > -1e12) bad.push(String(v.type === 'float' && v.min > 0 && v.min < 1 ? 0 : v.min - 1));
          bad.push('abc');
        }
        if (v.type === 'enum') bad.push('bogusword');
        for (const word of bad) {
          const words = [...probe.args];
          while (words.length < i) words.push('1');
          words[i] = word;
          probes.push({ ...probe, args: words });
        }
      });
    }
    expect(probes.length).toBeGreaterThan(300);
    const result = await check('range.conf', probes);
    const messages = messagesByLine(result.output);
    const silent = probes.filter((p) => !messages.has(p.line!)).map((p) => `${p.context} ${p.name} ${p.args.join(' ')}`);
    expect(silent).toEqual([]);
  });

  // A required first argument: keepalived stops at the first keyword missing one, so
  // each keyword gets its own file.
  const required = probesWhere((s) => {
    if (availability(s, VERSION, build).status !== 'known' || s.block) return false;
    return (argsAt(s, VERSION) ?? []).some((a) => !a.optional);
  });
  it.each(required.map((p) => [`${p.context} ${p.name}`, p] as const))('%s without its argument stops keepalived ("missing a parameter")', async (label, probe) => {
    const bare: Probe = { ...probe, args: [] };
    const result = await check(`required-${label.replace(/\W+/g, '-')}.conf`, [bare]);
    expect(result.code).not.toBe(0);
    // Usually keepalived's own message; bfd neighbor_ip reads the missing word unchecked and crashes instead.
    const stopped = new RegExp(`Line ${bare.line}\\) \\*\\*\\* Configuration line starting \`${probe.name}\` is missing a parameter`).test(result.output);
    const crashed = result.output.trim() === '' && ![0, 5, 6].includes(result.code);
    expect(stopped || crashed, result.output).toBe(true);
  });

  it('rejects vrrp_iptables on this nftables build, as the schema records', async () => {
    const spec = keepalivedSchema().byContext.get('global_defs')!.get('vrrp_iptables')!;
    expect(spec.errorWhen?.[0].message).toMatch(/iptables not supported/);
    const result = await check('iptables.conf', [{ context: 'global_defs', name: 'vrrp_iptables', args: [] }]);
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/iptables not supported, using nftables instead/);
  });
});
