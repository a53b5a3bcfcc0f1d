/**
 * Lookups over the generated HAProxy tables merged with the hand-written overrides,
 * viewed at one target version.
 */
import type { Version } from '../../schema/types.js';
import { haproxyGenerated } from './keywords.generated.js';
import { bindOptionOverrides, keywordOverrides, sectionOverrides, serverOptionOverrides } from './overrides.js';
import { bindOptionSummaries, keywordSummaries, sectionDocUrls, sectionSummaries, serverOptionSummaries } from './summaries.js';
import type { HaKeywordSpec, HaNamedEntry, HaOptionSpec, HaSectionSpec } from './types.js';
import { availability, HAPROXY_DEFAULT_VERSION, normalizeHaproxyVersion, type Availability } from './versions.js';

const PROXY_KINDS = new Set(['defaults', 'frontend', 'listen', 'backend', 'ruleset']);

/** The keyword list a section kind uses: proxies share 'proxy'. */
export function keywordGroupOf(sectionKind: string): string {
  return PROXY_KINDS.has(sectionKind) ? 'proxy' : sectionKind;
}

interface Tables {
  sections: Map<string, HaSectionSpec>;
  /** group → keyword name → spec. */
  keywords: Map<string, Map<string, HaKeywordSpec>>;
  /** group → first words of multi-word keywords. */
  prefixes: Map<string, Set<string>>;
  byName: Map<string, HaKeywordSpec[]>;
  bindOptions: Map<string, HaOptionSpec>;
  serverOptions: Map<string, HaOptionSpec>;
  crtLoadOptions: Map<string, HaOptionSpec>;
  actions: Map<string, Map<string, HaNamedEntry>>;
  fetches: Map<string, HaNamedEntry>;
  converters: Map<string, HaNamedEntry>;
  aclKeywords: Map<string, HaNamedEntry>;
  filters: Map<string, HaNamedEntry>;
  predefinedAcls: Map<string, HaNamedEntry>;
  addressPrefixes: Map<string, HaNamedEntry>;
}

let tables: Tables | undefined;

function byName<T extends { name: string }>(list: T[]): Map<string, T> {
  return new Map(list.map((e) => [e.name, e]));
}

function mergeOptions(list: HaOptionSpec[], overrides: Record<string, Partial<HaOptionSpec>>, summaries: Record<string, string>): Map<string, HaOptionSpec> {
  const map = new Map<string, HaOptionSpec>();
  for (const o of list) map.set(o.name, { ...o, ...overrides[o.name] });
  for (const [name, o] of Object.entries(overrides)) if (!map.has(name)) map.set(name, { name, ...o });
  for (const [name, summary] of Object.entries(summaries)) {
    const o = map.get(name);
    if (o) o.summary ??= summary;
  }
  return map;
}

function build(): Tables {
  const g = haproxyGenerated;
  const keywords = new Map<string, Map<string, HaKeywordSpec>>();
  const all: HaKeywordSpec[] = [];
  const add = (spec: HaKeywordSpec) => {
    let m = keywords.get(spec.group);
    if (!m) keywords.set(spec.group, (m = new Map()));
    m.set(spec.name, spec);
    all.push(spec);
  };
  const seen = new Set<string>();
  for (const k of g.keywords) {
    const key = `${k.group}:${k.name}`;
    seen.add(key);
    const summary = keywordSummaries[key];
    add({ ...k, ...keywordOverrides[key], ...(summary ? { summary } : {}) });
  }
  for (const [key, o] of Object.entries(keywordOverrides)) {
    if (seen.has(key)) continue;
    const [group, name] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
    add({ name, group, contexts: group === 'proxy' ? ['defaults', 'frontend', 'listen', 'backend'] : [group], ...o } as HaKeywordSpec);
  }
  const prefixes = new Map<string, Set<string>>();
  const names = new Map<string, HaKeywordSpec[]>();
  for (const k of all) {
    const words = k.name.split(' ');
    if (words.length > 1) {
      let s = prefixes.get(k.group);
      if (!s) prefixes.set(k.group, (s = new Set()));
      for (let i = 1; i < words.length; i++) s.add(words.slice(0, i).join(' '));
    }
    names.set(k.name, [...(names.get(k.name) ?? []), k]);
  }
  const sections = new Map<string, HaSectionSpec>();
  for (const s of g.sections) {
    const spec: HaSectionSpec = { ...s, ...sectionOverrides[s.name] };
    spec.summary ??= sectionSummaries[s.name];
    spec.docUrl ??= sectionDocUrls[s.name];
    sections.set(s.name, spec);
  }
  return {
    sections,
    keywords,
    prefixes,
    byName: names,
    bindOptions: mergeOptions(g.bindOptions, bindOptionOverrides, bindOptionSummaries),
    serverOptions: mergeOptions(g.serverOptions, serverOptionOverrides, serverOptionSummaries),
    crtLoadOptions: mergeOptions(g.crtLoadOptions, {}, {}),
    actions: new Map(Object.entries(g.actions).map(([k, v]) => [k, byName(v)])),
    fetches: byName(g.fetches),
    converters: byName(g.converters),
    aclKeywords: byName(g.aclKeywords),
    filters: byName(g.filters),
    predefinedAcls: byName(g.predefinedAcls),
    addressPrefixes: byName(g.addressPrefixes),
  };
}

function getTables(): Tables {
  return (tables ??= build());
}

/** The HAProxy keyword tables seen from one target version. */
export class HaproxySchema {
  readonly version: Version;
  private readonly t = getTables();
  /** Answers per entry: checks ask for the same few hundred entries again and again. */
  private readonly availabilityCache = new WeakMap<object, Availability>();

  constructor(version?: string) {
    this.version = (version && normalizeHaproxyVersion(version)) || HAPROXY_DEFAULT_VERSION;
  }

  available(spec: { versions?: HaKeywordSpec['versions'] } | undefined): Availability {
    if (!spec) return 'available';
    let a = this.availabilityCache.get(spec);
    if (a === undefined) this.availabilityCache.set(spec, (a = availability(spec.versions, this.version)));
    return a;
  }

  /** A section keyword's spec, whatever the version (check `available`). */
  section(name: string): HaSectionSpec | undefined {
    return this.t.sections.get(name);
  }

  sectionNames(): string[] {
    return [...this.t.sections.keys()];
  }

  /** The spec of keyword `name` in a section of kind `sectionKind`, whatever the version. */
  keyword(sectionKind: string, name: string): HaKeywordSpec | undefined {
    return this.t.keywords.get(keywordGroupOf(sectionKind))?.get(name);
  }

  /** All keyword specs of a section kind, whatever the version. */
  keywords(sectionKind: string): HaKeywordSpec[] {
    return [...(this.t.keywords.get(keywordGroupOf(sectionKind))?.values() ?? [])];
  }

  /** Specs named `name` in any kind of section. */
  keywordsNamed(name: string): HaKeywordSpec[] {
    return this.t.byName.get(name) ?? [];
  }

  /** Whether `words` (joined by spaces) begins a longer keyword of this section kind. */
  isKeywordPrefix(sectionKind: string, words: string): boolean {
    return this.t.prefixes.get(keywordGroupOf(sectionKind))?.has(words) ?? false;
  }

  bindOption(name: string): HaOptionSpec | undefined {
    return this.t.bindOptions.get(name);
  }

  bindOptions(): HaOptionSpec[] {
    return [...this.t.bindOptions.values()];
  }

  serverOption(name: string): HaOptionSpec | undefined {
    return this.t.serverOptions.get(name);
  }

  serverOptions(): HaOptionSpec[] {
    return [...this.t.serverOptions.values()];
  }

  crtLoadOption(name: string): HaOptionSpec | undefined {
    return this.t.crtLoadOptions.get(name);
  }

  /** An action of a rule kind ('http-request', 'tcp-request content', …). */
  action(ruleKind: string, name: string): HaNamedEntry | undefined {
    return this.t.actions.get(ruleKind)?.get(name);
  }

  actions(ruleKind: string): HaNamedEntry[] {
    return [...(this.t.actions.get(ruleKind)?.values() ?? [])];
  }

  fetch(name: string): HaNamedEntry | undefined {
    return this.t.fetches.get(name);
  }

  converter(name: string): HaNamedEntry | undefined {
    return this.t.converters.get(name);
  }

  fetches(): HaNamedEntry[] {
    return [...this.t.fetches.values()];
  }

  converters(): HaNamedEntry[] {
    return [...this.t.converters.values()];
  }

  aclKeyword(name: string): HaNamedEntry | undefined {
    return this.t.aclKeywords.get(name);
  }

  filter(name: string): HaNamedEntry | undefined {
    return this.t.filters.get(name);
  }

  /** An address prefix (`ipv4@`, `stream+`), whatever the version. */
  addressPrefix(prefix: string): HaNamedEntry | undefined {
    return this.t.addressPrefixes.get(prefix);
  }

  /** A predefined ACL (TRUE, LOCALHOST, …), whatever the version. */
  predefinedAcl(name: string): HaNamedEntry | undefined {
    return this.t.predefinedAcls.get(name);
  }
}

const cache = new Map<string, HaproxySchema>();

/** The schema at `version` (default: the newest covered release), cached. */
export function getHaproxySchema(version?: string): HaproxySchema {
  const key = (version && normalizeHaproxyVersion(version)) || HAPROXY_DEFAULT_VERSION;
  let s = cache.get(key);
  if (!s) cache.set(key, (s = new HaproxySchema(key)));
  return s;
}
