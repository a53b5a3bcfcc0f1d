/**
 * Reads the keyword dump of an installed HAProxy (`haproxy -dKall -q -c -f /dev/null`,
 * available since 2.6): registered configuration keywords, bind and server options
 * with the number of words they take, `option` names with their proxy side, rule
 * actions, sample fetches, converters, ACL keywords and filters. It only lists what
 * is registered in tables (not the keywords a section parser compares by hand),
 * and only what that build compiled in.
 */
import type { SourceFacts } from './sources.js';

const CONTEXTS: Record<string, string> = { global: 'global', listen: 'proxy', userlist: 'userlist', peers: 'peers', 'crt-list': 'crt-list' };

const RULES = ['http-request', 'http-response', 'http-after-response', 'tcp-request connection', 'tcp-request session', 'tcp-request content', 'tcp-response content'];

export function parseDkDump(text: string, tag: string): SourceFacts {
  const facts: SourceFacts = {
    tag,
    sections: new Set(),
    keywords: new Map(),
    proxyOptions: new Map(),
    bindOptions: new Map(),
    serverOptions: new Map(),
    actions: new Map(),
    fetches: new Map(),
    converters: new Map(),
    aclKeywords: new Map(),
    filters: new Map(),
    predefinedAcls: new Set(),
    addressPrefixes: new Set(),
    removed: [],
  };
  const file = '-dKall';
  let part = '';
  let ctx = '';
  for (const raw of text.split('\n')) {
    if (raw.startsWith('# List of registered ')) {
      part = raw.slice('# List of registered '.length).replace(/:$/, '');
      continue;
    }
    if (raw.startsWith('#') || raw.trim() === '') continue;
    if (part === 'configuration keywords') {
      if (!/^\s/.test(raw)) {
        ctx = CONTEXTS[raw.trim()] ?? raw.trim();
        continue;
      }
      const line = raw.trim();
      let m: RegExpExecArray | null;
      if ((m = /^bind <addr> (\S+)(?: \+(\d+))?/.exec(line))) {
        facts.bindOptions.set(m[1], { name: m[1], file, skip: Number(m[2] ?? 0) });
      } else if ((m = /^server <name> <addr> (\S+)(?: \+(\d+))?/.exec(line))) {
        facts.serverOptions.set(m[1], { name: m[1], file, skip: Number(m[2] ?? 0) });
      } else if ((m = /^option (\S+)(?: \[ ?(FE|BE|FE\+BE|FE BE)? ?\])?/.exec(line)) && ctx === 'proxy') {
        const side = m[2] ?? 'FE BE';
        facts.proxyOptions.set(m[1], { fe: /FE/.test(side), be: /BE/.test(side) });
      } else {
        const rule = RULES.find((r) => line.startsWith(`${r} `));
        if (rule && ctx === 'proxy') {
          // "set-var*" marks an action written with a parenthesised argument.
          const name = line.slice(rule.length + 1).replace(/\*$/, '');
          let m2 = facts.actions.get(rule);
          if (!m2) facts.actions.set(rule, (m2 = new Map()));
          m2.set(name, { name, file });
        } else {
          let m2 = facts.keywords.get(ctx);
          if (!m2) facts.keywords.set(ctx, (m2 = new Map()));
          m2.set(line, { name: line, file });
        }
      }
    } else if (part === 'sample converter functions') {
      const name = /^([^\s(:]+)/.exec(raw)?.[1];
      if (name) facts.converters.set(name, { name, file });
    } else if (part === 'sample fetch functions') {
      const name = /^\[[ .A-Z]*\]\s*([^\s(:]+)/.exec(raw)?.[1];
      if (name) facts.fetches.set(name, { name, file });
    } else if (part === 'ACL keywords') {
      const name = /^(\S+) =/.exec(raw)?.[1];
      if (name) facts.aclKeywords.set(name, { name, file });
    } else if (part === 'filter names') {
      const name = /^(\S+)/.exec(raw)?.[1];
      if (name) facts.filters.set(name, { name, file });
    }
  }
  return facts;
}

/** Adds what `extra` knows to `base` (presence only; `base` keeps its details). */
export function mergeSourceFacts(base: SourceFacts, extra: SourceFacts): SourceFacts {
  for (const s of extra.sections) base.sections.add(s);
  for (const [ctx, m] of extra.keywords) {
    let b = base.keywords.get(ctx);
    if (!b) base.keywords.set(ctx, (b = new Map()));
    for (const [k, v] of m) if (!b.has(k)) b.set(k, v);
  }
  for (const [k, v] of extra.proxyOptions) if (!base.proxyOptions.has(k)) base.proxyOptions.set(k, v);
  for (const [table, more] of [
    [base.bindOptions, extra.bindOptions],
    [base.serverOptions, extra.serverOptions],
  ] as const) {
    for (const [k, v] of more) if (!table.has(k)) table.set(k, v);
  }
  for (const [rule, m] of extra.actions) {
    let b = base.actions.get(rule);
    if (!b) base.actions.set(rule, (b = new Map()));
    for (const [k, v] of m) if (!b.has(k)) b.set(k, v);
  }
  for (const [table, more] of [
    [base.fetches, extra.fetches],
    [base.converters, extra.converters],
    [base.aclKeywords, extra.aclKeywords],
    [base.filters, extra.filters],
  ] as const) {
    for (const [k, v] of more) if (!table.has(k)) table.set(k, v);
  }
  return base;
}
