/**
 * The generated tables against the installed HAProxy: every keyword and option the
 * tables say the installed release knows is written, with valid arguments, into the
 * sections the tables allow, and `haproxy -c` must not call any of them unknown;
 * keywords the tables say the release lacks must be refused.
 */
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { haproxyUnavailableReason } from '../../../../test-support/daemons.js';
import { getHaproxySchema } from '../../src/haproxy/schema/schema.js';
import type { HaFeature, HaKeywordSpec } from '../../src/haproxy/schema/types.js';
import { makeSampleFiles, probe, UNKNOWN_RE, type ProbeEntry } from './daemon-probe.js';
import { keywordSample, optionSample } from './samples.js';

const FEATURE_FLAGS: Record<HaFeature, string> = {
  openssl: 'OPENSSL',
  lua: 'LUA',
  quic: 'QUIC',
  '51degrees': '51DEGREES',
  deviceatlas: 'DEVICEATLAS',
  wurfl: 'WURFL',
  ot: 'OT',
  promex: 'PROMEX',
  zlib: 'ZLIB',
  engine: 'ENGINE',
  'memory-profiling': 'MEMORY_PROFILING',
};

function installed(): { version: string; features: Set<HaFeature> } {
  const out = execFileSync('haproxy', ['-vv'], { encoding: 'utf8' });
  const version = /HAProxy version (\d+\.\d+)/.exec(out)?.[1] ?? '0.0';
  const flags = new Set((/Feature list : (.*)/.exec(out)?.[1] ?? '').split(/\s+/));
  const features = new Set<HaFeature>();
  for (const [f, flag] of Object.entries(FEATURE_FLAGS)) if (flags.has(`+${flag}`)) features.add(f as HaFeature);
  // Prometheus is a service, not in the feature list.
  if (/Prometheus exporter/.test(out)) features.add('promex');
  return { version, features };
}

const SECTION_KINDS = ['global', 'proxy', 'userlist', 'peers', 'mailers', 'program', 'http-errors', 'ring', 'log-forward', 'resolvers', 'cache', 'fcgi-app'];

function headerFor(spec: HaKeywordSpec, i: number): string {
  if (spec.group === 'global') return 'global';
  if (spec.group !== 'proxy') return `${spec.group} ${spec.group.replace(/-/g, '')}${i}`;
  const c = spec.contexts;
  if (c.includes('listen')) return `listen l${i}`;
  if (c.includes('backend')) return `backend b${i}`;
  if (c.includes('frontend')) return `frontend f${i}`;
  return `defaults d${i}`;
}

/** Whether one of HAProxy's messages says this line's keyword or option does not exist. */
function calledUnknown(messages: string[], name: string): boolean {
  const last = name.split(' ').pop() as string;
  return messages.some((m) => UNKNOWN_RE.test(m) && (m.includes(`'${name}'`) || m.includes(`'${last}'`) || /\(got '/.test(m)));
}

describe.skipIf(haproxyUnavailableReason())('HAProxy tables against the installed haproxy -c', () => {
  const { version, features } = installed();
  const schema = getHaproxySchema(version);
  let files = '';
  beforeAll(() => {
    files = makeSampleFiles();
  });

  const usable = (spec: { requires?: HaFeature }) => !spec.requires || features.has(spec.requires);

  it(`knows every keyword the tables list for ${version}`, { timeout: 120_000 }, async () => {
    const entries: ProbeEntry[] = [];
    const excluded: string[] = [];
    let i = 0;
    for (const kind of SECTION_KINDS) {
      for (const spec of schema.keywords(kind === 'proxy' ? 'listen' : kind)) {
        if (schema.available(spec) !== 'available') continue;
        const key = `${spec.group}:${spec.name}`;
        if (!usable(spec)) {
          excluded.push(`${key} (needs ${spec.requires})`);
          continue;
        }
        const sample = keywordSample(spec);
        if (typeof sample !== 'string') {
          excluded.push(`${key} (${sample.exclude})`);
          continue;
        }
        entries.push({ key, header: headerFor(spec, i++), lines: sample.split('\n') });
      }
    }
    const results = await probe(entries, files);
    const unknown = results.filter((r) => calledUnknown(r.messages, r.key.slice(r.key.indexOf(':') + 1)));
    expect(unknown.map((r) => `${r.key}: ${r.messages.join(' | ')}`)).toEqual([]);
    // The samples are valid: HAProxy has nothing fatal to say about nearly all of them.
    const alerts = results.filter((r) => r.messages.some((m) => m.startsWith('ALERT')));
    expect(alerts.length / results.length).toBeLessThan(0.03);
    expect(entries.length).toBeGreaterThan(350);
    // Exclusions are few and each has a reason.
    expect(excluded.length).toBeLessThan(60);
  });

  it(`refuses keywords the tables say ${version} does not have`, { timeout: 60_000 }, async () => {
    const entries: ProbeEntry[] = [];
    let i = 0;
    for (const kind of SECTION_KINDS) {
      for (const spec of schema.keywords(kind === 'proxy' ? 'listen' : kind)) {
        const a = schema.available(spec);
        if (a === 'available' || !usable(spec)) continue;
        const sample = keywordSample(spec);
        if (typeof sample !== 'string') continue;
        // Section kinds the release lacks would be refused for another reason.
        if (spec.group !== 'proxy' && schema.available(schema.section(spec.group)) !== 'available') continue;
        entries.push({ key: `${spec.group}:${spec.name}`, header: headerFor(spec, i++), lines: sample.split('\n') });
      }
    }
    expect(entries.length).toBeGreaterThan(50);
    const results = await probe(entries, files);
    const accepted = results.filter((r) => !r.messages.some((m) => m.startsWith('ALERT')));
    expect(accepted.map((r) => `${r.key}: ${r.line} → ${r.messages.join(' | ') || 'accepted'}`)).toEqual([]);
  });

  for (const kind of ['bind', 'server'] as const) {
    it(`knows every ${kind} option the tables list for ${version}`, { timeout: 60_000 }, async () => {
      const specs = kind === 'bind' ? schema.bindOptions() : schema.serverOptions();
      const entries: ProbeEntry[] = [];
      const excluded: string[] = [];
      let i = 0;
      for (const spec of specs) {
        if (schema.available(spec) !== 'available') continue;
        if (!usable(spec)) {
          excluded.push(`${spec.name} (needs ${spec.requires})`);
          continue;
        }
        const sample = optionSample(kind, spec);
        if (typeof sample !== 'string') {
          excluded.push(`${spec.name} (${sample.exclude})`);
          continue;
        }
        const opt = `${spec.name}${sample ? ` ${sample}` : ''}`;
        const line = kind === 'bind' ? `bind 127.0.0.1:${20000 + i} ${opt}` : `server s${i} 127.0.0.1:80 ${opt}`;
        entries.push({ key: `${kind}:${spec.name}`, header: kind === 'bind' ? `frontend f${i}` : `backend b${i}`, lines: [line] });
        i++;
      }
      const results = await probe(entries, files);
      const unknown = results.filter((r) => calledUnknown(r.messages, r.key.slice(r.key.indexOf(':') + 1)));
      expect(unknown.map((r) => `${r.key}: ${r.messages.join(' | ')}`)).toEqual([]);
      expect(entries.length).toBeGreaterThan(kind === 'bind' ? 40 : 70);
      expect(excluded.length).toBeLessThan(20);
    });
  }
});
