/**
 * Per-version keyword facts: what one HAProxy release's documentation and sources
 * say exists, where, and with which argument shape. build.ts folds the versions.
 */
import { contextOf, type DocContext } from './contexts.js';
import type { DocHeading, ParsedDoc } from './doc-text.js';
import { parseMayBeUsed } from './doc-text.js';
import { DOC_ERRATA } from './errata.js';
import { parseSignature, type SignatureFacts } from './signature.js';
import type { Feature, SourceFacts } from './sources.js';

export const PROXY_SECTIONS = ['defaults', 'frontend', 'listen', 'backend'] as const;

/** Section kinds whose keyword list the generator records (proxies share one list). */
export type Group = 'proxy' | Exclude<DocContext, 'proxy' | 'bind' | 'server' | 'crt-store-load'>;

/** Words after which the next word is still part of the keyword, outside proxies. */
const PREFIXES: Partial<Record<Group, string[]>> = {
  global: ['stats'],
  mailers: ['timeout'],
  ring: ['timeout'],
  'log-forward': ['timeout', 'option'],
  program: ['option'],
  'fcgi-app': ['option'],
  peers: [],
};

/** Proxy keywords whose second word the sources let us trust as a sub-keyword. */
const PROXY_SOURCE_PREFIXES = new Set(['option', 'timeout', 'stats']);

export interface VersionKeyword {
  group: Group;
  name: string;
  /** Proxy section kinds where allowed (proxy group only). */
  proxySections?: string[];
  signatures: string[];
  deprecated: boolean;
  negatable: boolean;
  namedDefaultsOnly: boolean;
  experimental: boolean;
  documented: boolean;
  /** Seen in the sources' parser for this section. */
  inSources: boolean;
  feature?: Feature;
  docSection?: string;
}

export interface VersionOption {
  name: string;
  signatures: string[];
  skip?: number;
  defaultOk?: boolean;
  feature?: Feature;
  documented: boolean;
  docSection?: string;
}

export interface VersionFacts {
  version: string;
  sections: Set<string>;
  sectionSignatures: Map<string, string>;
  /** Documentation section describing each section kind. */
  sectionDocs: Map<string, string>;
  keywords: Map<string, VersionKeyword>;
  bindOptions: Map<string, VersionOption>;
  serverOptions: Map<string, VersionOption>;
  crtLoadOptions: Map<string, VersionOption>;
  removed: SourceFacts['removed'];
  actions: Map<string, Set<string>>;
  fetches: Set<string>;
  converters: Set<string>;
  aclKeywords: Set<string>;
  filters: Set<string>;
  predefinedAcls: Set<string>;
  addressPrefixes: Set<string>;
  features: Map<string, Feature>;
  /** 'table:name' of entries only the installed binary's -dKall dump knows (registered through macros). */
  dkOnly: Set<string>;
}

const keyOf = (group: string, name: string) => `${group}\u0000${name}`;

const LITERAL = /^[a-z0-9][a-z0-9._-]*$/;

interface HeadingParts {
  name: string;
  signature: string;
  negated: boolean;
  deprecated: boolean;
  experimental: boolean;
}

/** Splits a heading into keyword words and the signature that follows. */
export function splitHeading(text: string, group: Group | 'bind' | 'server' | 'crt-store-load', known: Set<string>): HeadingParts | undefined {
  let t = text;
  const deprecated = /\(deprecated\)/i.test(t);
  const experimental = /\bEXPERIMENTAL\b/.test(t);
  t = t.replace(/\(deprecated\)/gi, '').replace(/\[\s*EXPERIMENTAL\s*\]/g, '').trim();
  let words = t.split(/\s+/);
  let negated = false;
  if (words[0] === 'no' && words.length > 1) {
    negated = true;
    words = words.slice(1);
  }
  // "set-var(<name>)" style words compare by their bare name.
  const bare = words.map((w) => w.replace(/\(.*$/, ''));
  if (!LITERAL.test(bare[0])) return undefined;
  let n = 0;
  if (group === 'proxy') {
    for (let k = Math.min(4, words.length); k >= 1; k--) {
      if (known.has(bare.slice(0, k).join(' '))) {
        n = k;
        break;
      }
    }
    if (n === 0) return undefined;
  } else {
    n = 1;
    const prefixes = PREFIXES[group as Group] ?? [];
    if (prefixes.includes(bare[0]) && bare[1] && LITERAL.test(bare[1])) n = 2;
  }
  // Arguments glued to the keyword ("persist rdp-cookie(<name>)") stay in the signature.
  const nameWords = bare.slice(0, n);
  const rest = words.slice(n);
  const glued = words[n - 1].slice(bare[n - 1].length);
  const signature = (glued ? [glued, ...rest] : rest).join(' ');
  return { name: nameWords.join(' '), signature, negated, deprecated, experimental };
}

function bodyDeprecated(h: DocHeading): boolean {
  return h.body.slice(0, 12).some((l) => /\b(is|are) (now )?deprecated\b/i.test(l) || /^\s*This (keyword|directive|option) is deprecated/i.test(l));
}

const isErratum = (group: string, name: string) => DOC_ERRATA.some((e) => e.group === group && e.name === name);

export function collectVersion(version: string, docs: ParsedDoc[], src: SourceFacts): VersionFacts {
  const facts: VersionFacts = {
    version,
    sections: new Set(src.sections),
    sectionSignatures: new Map(),
    sectionDocs: new Map([
      ['global', '3'],
      ['defaults', '4'],
      ['frontend', '4'],
      ['backend', '4'],
      ['listen', '4'],
    ]),
    keywords: new Map(),
    bindOptions: new Map(),
    serverOptions: new Map(),
    crtLoadOptions: new Map(),
    removed: src.removed,
    actions: new Map([...src.actions].map(([k, m]) => [k, new Set(m.keys())])),
    fetches: new Set(src.fetches.keys()),
    converters: new Set(src.converters.keys()),
    aclKeywords: new Set(src.aclKeywords.keys()),
    filters: new Set([...src.filters.keys()].filter((f) => /^[a-z]/.test(f))),
    predefinedAcls: new Set([...docs[0].predefinedAcls, ...src.predefinedAcls]),
    addressPrefixes: new Set(src.addressPrefixes),
    dkOnly: new Set(),
    features: new Map(),
  };
  for (const m of [src.fetches, src.converters, src.aclKeywords]) {
    for (const k of m.values()) if (k.feature) facts.features.set(k.name, k.feature);
  }
  for (const p of src.addressPrefixes) if (/^quic/.test(p)) facts.features.set(p, 'quic');
  const markDk = (table: string, m: Map<string, { file: string }>) => {
    for (const [name, e] of m) if (e.file === '-dKall') facts.dkOnly.add(`${table}:${name}`);
  };
  markDk('fetches', src.fetches);
  markDk('converters', src.converters);
  markDk('aclKeywords', src.aclKeywords);
  markDk('filters', src.filters);
  for (const [kind, m] of src.actions) markDk(`actions:${kind}`, m);
  const sectionNames = new Set([...src.sections, 'listen', 'frontend', 'backend', 'defaults', 'global']);

  const kw = (group: Group, name: string): VersionKeyword => {
    const key = keyOf(group, name);
    let k = facts.keywords.get(key);
    if (!k) {
      k = { group, name, signatures: [], deprecated: false, negatable: false, namedDefaultsOnly: false, experimental: false, documented: false, inSources: false };
      facts.keywords.set(key, k);
    }
    return k;
  };

  // 1. The proxy matrix (from the first doc that has one; the HTML twin adds nothing new).
  const matrix = docs.find((d) => d.matrix.length)?.matrix ?? [];
  const matrixNames = new Set(matrix.map((r) => r.keyword));
  for (const row of matrix) {
    // A row with no section left is how the docs mark a keyword gone.
    if (!row.allowed.some(Boolean)) continue;
    const k = kw('proxy', row.keyword);
    k.documented = true;
    k.proxySections = PROXY_SECTIONS.filter((_, i) => row.allowed[i]);
    k.deprecated ||= row.deprecated;
    k.negatable ||= row.negatable;
    k.namedDefaultsOnly ||= row.namedDefaultsOnly;
    k.docSection = '4.2';
  }

  // 2. Headings, by documentation section.
  for (const doc of docs) {
    const primary = doc === docs[0];
    for (const h of doc.headings) {
      const ctx = contextOf(h.section);
      if (!ctx) continue;
      if (ctx === 'bind' || ctx === 'server' || ctx === 'crt-store-load') {
        const parts = splitHeading(h.text, ctx, new Set());
        if (!parts || isErratum(ctx, parts.name)) continue;
        const table = ctx === 'bind' ? facts.bindOptions : ctx === 'server' ? facts.serverOptions : facts.crtLoadOptions;
        if (!primary && table.has(parts.name)) continue;
        let o = table.get(parts.name);
        if (!o) table.set(parts.name, (o = { name: parts.name, signatures: [], documented: true, docSection: h.section.number }));
        if (!o.signatures.includes(parts.signature)) o.signatures.push(parts.signature);
        continue;
      }
      const group = ctx as Group;
      const parts = splitHeading(h.text, group, matrixNames);
      if (!parts || isErratum(group, parts.name)) continue;
      if (group !== 'proxy' && parts.name === group) {
        // The section's own opening line ("userlist <listname>").
        if (!facts.sectionSignatures.has(group)) facts.sectionSignatures.set(group, parts.signature);
        if (!facts.sectionDocs.has(group)) facts.sectionDocs.set(group, h.section.number);
        continue;
      }
      if (group === 'proxy' && sectionNames.has(parts.name)) continue;
      const key = keyOf(group, parts.name);
      // The packaged HTML only adds keywords its branch's .0 text lacks anywhere
      // (dconv misfiles some sections, so a known name in another group is skipped).
      if (!primary && (sectionNames.has(parts.name) || [...facts.keywords.values()].some((k) => k.name === parts.name && k.documented))) continue;
      const k = kw(group, parts.name);
      k.documented = true;
      k.docSection ??= h.section.number;
      if (!k.signatures.includes(parts.signature)) k.signatures.push(parts.signature);
      k.deprecated ||= parts.deprecated || bodyDeprecated(h);
      k.negatable ||= parts.negated;
      k.experimental ||= parts.experimental;
      if (group === 'proxy' && !k.proxySections) {
        const may = parseMayBeUsed(h.body);
        if (may) k.proxySections = PROXY_SECTIONS.filter((_, i) => may[i]);
      }
    }
  }

  // 3. Source registrations and parser comparisons.
  for (const [ctx, names] of src.keywords) {
    const group = (ctx === 'proxy' ? 'proxy' : ctx) as Group;
    if (!['proxy', 'global', 'userlist', 'peers', 'mailers', 'program', 'http-errors', 'ring', 'log-forward', 'resolvers', 'cache', 'fcgi-app', 'crt-store', 'traces', 'acme', 'log-profile'].includes(group)) continue;
    for (const s of names.values()) {
      const words = s.name.split(' ');
      if (sectionNames.has(words[0]) && (group === 'proxy' || words[0] === group || words[0] === 'global')) continue;
      if (words.length > 1) {
        const ok = group === 'proxy' ? PROXY_SOURCE_PREFIXES.has(words[0]) : (PREFIXES[group] ?? []).includes(words[0]);
        if (!ok) continue;
        // "stats http-request" style names are documented; do not invent shorter ones.
        if (group === 'proxy' && [...matrixNames].some((m) => m.startsWith(`${s.name} `))) continue;
      }
      const key = keyOf(group, s.name);
      const documentedFamily = [...facts.keywords.values()].some((k) => k.group === group && k.documented && k.name.startsWith(`${s.name} `));
      if (!facts.keywords.has(key) && words.length === 1 && documentedFamily) {
        // A documented multi-word family ("capture", "http-check"): the bare word is not a keyword of its own.
        continue;
      }
      const k = kw(group, s.name);
      k.inSources = true;
      if (s.feature && !k.feature) k.feature = s.feature;
    }
  }
  for (const o of src.proxyOptions.keys()) {
    const k = kw('proxy', `option ${o}`);
    k.inSources = true;
  }
  for (const [table, srcTable] of [
    [facts.bindOptions, src.bindOptions],
    [facts.serverOptions, src.serverOptions],
  ] as const) {
    for (const s of srcTable.values()) {
      let o = table.get(s.name);
      if (!o) table.set(s.name, (o = { name: s.name, signatures: [], documented: false }));
      o.skip = s.skip;
      if (s.defaultOk !== undefined) o.defaultOk = s.defaultOk;
      if (s.feature) o.feature = s.feature;
    }
  }
  return facts;
}

export function signatureFacts(signatures: string[]): SignatureFacts | undefined {
  if (!signatures.length) return undefined;
  const all = signatures.map(parseSignature);
  const min = Math.min(...all.map((s) => s.minArgs));
  const max = all.some((s) => s.maxArgs === undefined || s.condition) ? undefined : Math.max(...all.map((s) => s.maxArgs as number));
  let args = all.length === 1 ? all[0].args : [];
  // Several forms that each start with a fixed word ("compression algo …", "compression
  // type …", "compression offload"): the first argument is one of those words.
  const firsts = signatures.map((sig) => sig.trim().split(/\s+/)[0] ?? '');
  if (signatures.length > 1 && firsts.every((w) => /^[a-z][a-z0-9_-]*$/.test(w))) {
    const values = [...new Set(firsts)];
    args = [{ name: values.join('|'), value: { type: 'enum', values } }];
  }
  return { minArgs: min, maxArgs: max, args, condition: all.some((s) => s.condition) };
}
