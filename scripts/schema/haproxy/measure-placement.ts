/**
 * Measures, with the installed `haproxy -c`, (1) what happens when a proxy keyword is
 * written in a kind of proxy section the tables say it does not belong to, and (2)
 * whether HAProxy checks the value of a keyword's first typed argument (a duration,
 * a number, a size or one of a list of words): a fatal alert, a warning, or nothing.
 * Writes the findings to packages/parser/src/haproxy/schema/placement.generated.ts.
 *
 *   node --import tsx scripts/schema/haproxy/measure-placement.ts
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getHaproxySchema } from '../../../packages/parser/src/haproxy/schema/schema.js';
import { PROXY_SECTION_KINDS } from '../../../packages/parser/src/haproxy/schema/types.js';
import { makeSampleFiles, probe, type ProbeEntry } from '../../../packages/parser/test/haproxy-schema/daemon-probe.js';
import { keywordSample } from '../../../packages/parser/test/haproxy-schema/samples.js';

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(here, '../../../packages/parser/src/haproxy/schema/placement.generated.ts');

async function main(): Promise<void> {
  const version = /HAProxy version (\d+\.\d+\.\d+)/.exec(execFileSync('haproxy', ['-v'], { encoding: 'utf8' }))?.[1] ?? 'unknown';
  const schema = getHaproxySchema(version);
  const entries: ProbeEntry[] = [];
  let i = 0;
  for (const spec of schema.keywords('listen')) {
    if (schema.available(spec) !== 'available') continue;
    const sample = keywordSample(spec);
    if (typeof sample !== 'string') continue;
    for (const kind of PROXY_SECTION_KINDS) {
      if (spec.contexts.includes(kind)) continue;
      // Named defaults, so "(!)" keywords meet the same rules as the others.
      entries.push({ key: `${spec.name}\u0000${kind}`, header: `${kind} p${i++}`, lines: sample.split('\n') });
    }
  }
  const files = makeSampleFiles();
  const results = await probe(entries, files, 1);
  const table: Record<string, Record<string, 'error' | 'warning' | 'ignored'>> = {};
  for (const r of results) {
    const [name, kind] = r.key.split('\u0000');
    const verdict = r.messages.some((m) => m.startsWith('ALERT')) ? 'error' : r.messages.some((m) => m.startsWith('WARNING')) ? 'warning' : 'ignored';
    (table[name] ??= {})[kind] = verdict;
  }
  const lines = Object.keys(table)
    .sort()
    .map((name) => `  ${JSON.stringify(name)}: ${JSON.stringify(table[name])},`);

  // (2) A bad value in the first typed argument of each keyword.
  const valueEntries: ProbeEntry[] = [];
  const BAD: Record<string, string> = { time: 'abc', int: 'abc', size: 'abc', enum: 'bogus' };
  for (const kind of ['global', 'listen', 'peers', 'mailers', 'ring', 'log-forward', 'resolvers', 'cache', 'fcgi-app', 'userlist', 'program']) {
    for (const spec of schema.keywords(kind)) {
      if (schema.available(spec) !== 'available') continue;
      // Keywords of options this build lacks are refused whatever their value.
      if (spec.requires && !['openssl', 'lua', 'ot', 'promex'].includes(spec.requires)) continue;
      const sample = keywordSample(spec);
      if (typeof sample !== 'string' || sample.includes('\n')) continue;
      const words = sample.split(' ');
      const nameLength = spec.name.split(' ').length;
      const args = spec.args ?? [];
      const at = args.findIndex((a) => BAD[a.value.type] !== undefined);
      if (at < 0 || args.slice(0, at).some((a) => a.optional || a.variadic)) continue;
      if (words.length <= nameLength + at) continue;
      words[nameLength + at] = BAD[args[at].value.type];
      const header = spec.group === 'global' ? 'global' : spec.group === 'proxy' ? `${spec.contexts.includes('listen') ? 'listen' : spec.contexts[0]} v${i++}` : `${spec.group} v${i++}`;
      valueEntries.push({ key: `${spec.group}:${spec.name}`, header, lines: [words.join(' ')] });
    }
  }
  const valueResults = await probe(valueEntries, files, 1);
  const values: Record<string, 'error' | 'warning' | 'ignored'> = {};
  for (const r of valueResults) {
    values[r.key] = r.messages.some((m) => m.startsWith('ALERT')) ? 'error' : r.messages.some((m) => m.startsWith('WARNING')) ? 'warning' : 'ignored';
  }
  // (3) Each keyword alone, without the arguments its documentation requires.
  const bareEntries: ProbeEntry[] = [];
  for (const kind of ['global', 'listen', 'peers', 'mailers', 'ring', 'log-forward', 'resolvers', 'cache', 'fcgi-app', 'userlist', 'program', 'http-errors']) {
    for (const spec of schema.keywords(kind)) {
      if (schema.available(spec) !== 'available' || !(spec.minArgs ?? 0)) continue;
      if (spec.requires && !['openssl', 'lua', 'ot', 'promex'].includes(spec.requires)) continue;
      const header = spec.group === 'global' ? 'global' : spec.group === 'proxy' ? `${spec.contexts.includes('listen') ? 'listen' : spec.contexts[0]} a${i++}` : `${spec.group} a${i++}`;
      bareEntries.push({ key: `${spec.group}:${spec.name}`, header, lines: [spec.name] });
    }
  }
  const bareResults = await probe(bareEntries, files, 1);
  const bare: Record<string, 'error' | 'warning' | 'ignored'> = {};
  for (const r of bareResults) {
    bare[r.key] = r.messages.some((m) => m.startsWith('ALERT')) ? 'error' : r.messages.some((m) => m.startsWith('WARNING')) ? 'warning' : 'ignored';
  }
  const bareLines = Object.keys(bare)
    .sort()
    .map((k) => `  ${JSON.stringify(k)}: ${JSON.stringify(bare[k])},`);
  // (4) Keywords of a fixed number of arguments, given one word more.
  const extraEntries: ProbeEntry[] = [];
  for (const kind of ['global', 'listen', 'peers', 'mailers', 'ring', 'log-forward', 'resolvers', 'cache', 'fcgi-app', 'userlist', 'program', 'http-errors']) {
    for (const spec of schema.keywords(kind)) {
      if (schema.available(spec) !== 'available' || spec.condition || spec.maxArgs === undefined || spec.maxArgs !== spec.minArgs) continue;
      if (spec.requires && !['openssl', 'lua', 'ot', 'promex'].includes(spec.requires)) continue;
      const sample = keywordSample(spec);
      if (typeof sample !== 'string' || sample.includes('\n')) continue;
      if (sample.split(' ').length !== spec.name.split(' ').length + spec.maxArgs) continue;
      const header = spec.group === 'global' ? 'global' : spec.group === 'proxy' ? `${spec.contexts.includes('listen') ? 'listen' : spec.contexts[0]} x${i++}` : `${spec.group} x${i++}`;
      extraEntries.push({ key: `${spec.group}:${spec.name}`, header, lines: [`${sample} extra`] });
    }
  }
  const extraResults = await probe(extraEntries, files, 1);
  const extra: Record<string, 'error' | 'warning' | 'ignored'> = {};
  for (const r of extraResults) {
    extra[r.key] = r.messages.some((m) => m.startsWith('ALERT')) ? 'error' : r.messages.some((m) => m.startsWith('WARNING')) ? 'warning' : 'ignored';
  }
  const extraLines = Object.keys(extra)
    .sort()
    .map((k) => `  ${JSON.stringify(k)}: ${JSON.stringify(extra[k])},`);
  const valueLines = Object.keys(values)
    .sort()
    .map((k) => `  ${JSON.stringify(k)}: ${JSON.stringify(values[k])},`);
  writeFileSync(
    out,
    `// Generated by scripts/schema/haproxy/measure-placement.ts with haproxy ${version}. Do not edit.
/**
 * What \`haproxy -c\` does with a proxy keyword in a section kind it does not belong to:
 * 'error' (fatal alert), 'warning' (the line is ignored), 'ignored' (silently accepted).
 */
export const HAPROXY_PLACEMENT_VERSION = ${JSON.stringify(version)};

export const haproxyPlacement: Record<string, Partial<Record<'defaults' | 'frontend' | 'listen' | 'backend', 'error' | 'warning' | 'ignored'>>> = {
${lines.join('\n')}
};

/**
 * What \`haproxy -c\` does with an invalid value (\`5sec\`, \`abc\`, an unknown word) in the
 * first typed argument of a keyword, by 'group:name'. Keywords not listed were not measured.
 */
export const haproxyValueStrictness: Record<string, 'error' | 'warning' | 'ignored'> = {
${valueLines.join('\n')}
};

/**
 * What \`haproxy -c\` does with a keyword written alone although its documentation
 * shows a required argument, by 'group:name'.
 */
export const haproxyMissingArgument: Record<string, 'error' | 'warning' | 'ignored'> = {
${bareLines.join('\n')}
};

/**
 * What \`haproxy -c\` does with one word more than a keyword of fixed arity takes,
 * by 'group:name'.
 */
export const haproxyExtraArgument: Record<string, 'error' | 'warning' | 'ignored'> = {
${extraLines.join('\n')}
};
`,
  );
  process.stderr.write(`wrote ${out}: ${Object.keys(table).length} keywords, ${results.length} placements, ${valueResults.length} value checks, ${bareResults.length} bare keywords, ${extraResults.length} extra arguments\n`);
}

await main();
