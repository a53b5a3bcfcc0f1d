/**
 * Folds per-version facts (collect.ts) into version-aware tables: each keyword gets
 * the versions that add, deprecate and remove it, where it may appear (and when that
 * changed), and the argument shape of the newest version that has it.
 */
import type {
  HaFeature,
  HaGeneratedSchema,
  HaKeywordSpec,
  HaNamedEntry,
  HaOptionSpec,
  HaSectionSpec,
} from '../../../packages/parser/src/haproxy/schema/types.js';
import type { VersionInfo } from '../../../packages/parser/src/schema/types.js';
import { PROXY_SECTIONS, signatureFacts, type VersionFacts, type VersionKeyword, type VersionOption } from './collect.js';

export function docUrl(version: string, section: string | undefined, name: string): string | undefined {
  if (!section) return undefined;
  return `https://docs.haproxy.org/${version}/configuration.html#${section}-${encodeURIComponent(name)}`;
}

/** Versions where `present` holds, closed over gaps (a keyword missing from one release's docs). */
function span(versions: string[], present: (i: number) => boolean): { first: number; last: number } | undefined {
  let first = -1;
  let last = -1;
  for (let i = 0; i < versions.length; i++) {
    if (!present(i)) continue;
    if (first < 0) first = i;
    last = i;
  }
  return first < 0 ? undefined : { first, last };
}

function versionInfo(versions: string[], s: { first: number; last: number }, deprecatedAt?: number, extra?: Partial<VersionInfo>): VersionInfo | undefined {
  const info: VersionInfo = {};
  if (s.first > 0) info.added = versions[s.first];
  if (deprecatedAt !== undefined && deprecatedAt >= 0) info.deprecated = versions[deprecatedAt];
  if (s.last < versions.length - 1) info.removed = versions[s.last + 1];
  Object.assign(info, extra);
  return Object.keys(info).length ? info : undefined;
}

const sameList = (a: string[] | undefined, b: string[] | undefined) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function buildSchema(perVersion: VersionFacts[]): HaGeneratedSchema {
  const versions = perVersion.map((v) => v.version);

  // Sections.
  const sectionNames = new Set(perVersion.flatMap((v) => [...v.sections]));
  const sections: HaSectionSpec[] = [];
  for (const name of [...sectionNames].sort()) {
    const s = span(versions, (i) => perVersion[i].sections.has(name));
    if (!s) continue;
    const signature = perVersion[s.last].sectionSignatures.get(name) ?? [...perVersion].reverse().find((v) => v.sectionSignatures.has(name))?.sectionSignatures.get(name);
    const docAt = [...perVersion.keys()].filter((i) => i >= s.first && i <= s.last).reverse().find((i) => perVersion[i].sectionDocs.has(name));
    const spec: HaSectionSpec = { name, versions: versionInfo(versions, s), signature };
    if (docAt !== undefined) spec.docUrl = `https://docs.haproxy.org/${versions[docAt]}/configuration.html#${perVersion[docAt].sectionDocs.get(name)}`;
    sections.push(spec);
  }

  // Keywords.
  const keys = new Set(perVersion.flatMap((v) => [...v.keywords.keys()]));
  const keywords: HaKeywordSpec[] = [];
  for (const key of [...keys].sort()) {
    const at = (i: number): VersionKeyword | undefined => perVersion[i].keywords.get(key);
    const s = span(versions, (i) => at(i) !== undefined);
    if (!s) continue;
    // Filled gaps borrow the facts of the nearest earlier version.
    const facts: VersionKeyword[] = [];
    for (let i = s.first; i <= s.last; i++) facts[i] = at(i) ?? facts[i - 1];
    const newest = facts[s.last];
    const documented = [...facts].reverse().find((f) => f?.documented && f.signatures.length);
    const deprecatedAt = facts.findIndex((f) => f?.deprecated);
    const spec: HaKeywordSpec = {
      name: newest.name,
      group: newest.group,
      contexts: newest.group === 'proxy' ? [...PROXY_SECTIONS] : [newest.group],
    };
    if (newest.group === 'proxy') {
      // Where allowed, by version: only versions whose docs say so.
      const byVersion: { since: string; contexts: string[] }[] = [];
      for (let i = s.first; i <= s.last; i++) {
        const ctx = facts[i]?.proxySections;
        if (!ctx) continue;
        if (!byVersion.length || !sameList(byVersion[byVersion.length - 1].contexts, ctx)) byVersion.push({ since: versions[i], contexts: ctx });
      }
      if (byVersion.length) {
        spec.contexts = byVersion[byVersion.length - 1].contexts;
        if (byVersion.length > 1) spec.contextsByVersion = byVersion;
      }
    }
    const versionsInfo = versionInfo(versions, s, deprecatedAt);
    if (versionsInfo) spec.versions = versionsInfo;
    const sig = documented ? signatureFacts(documented.signatures) : undefined;
    if (documented) spec.signature = documented.signatures;
    if (sig) {
      spec.minArgs = sig.minArgs;
      if (sig.maxArgs !== undefined) spec.maxArgs = sig.maxArgs;
      if (sig.args.length) spec.args = sig.args;
      if (sig.condition) spec.condition = true;
    }
    // Argument shapes that changed over the versions (an enum that gained values).
    const byVersion: { since: string; args: NonNullable<HaKeywordSpec['args']> }[] = [];
    for (let i = s.first; i <= s.last; i++) {
      const f = facts[i];
      if (!f?.documented || !f.signatures.length) continue;
      const args = signatureFacts(f.signatures)?.args ?? [];
      if (!byVersion.length || JSON.stringify(byVersion[byVersion.length - 1].args) !== JSON.stringify(args)) byVersion.push({ since: versions[i], args });
    }
    if (byVersion.length > 1 && byVersion.some((b) => b.args.some((a) => a.value.type === 'enum'))) spec.argsByVersion = byVersion;
    if (facts.some((f) => f?.negatable)) spec.negatable = true;
    if (newest.namedDefaultsOnly) spec.namedDefaultsOnly = true;
    if (newest.experimental) spec.experimental = true;
    const feature = [...facts].reverse().find((f) => f?.feature)?.feature;
    if (feature) spec.requires = feature as HaFeature;
    if (!facts.some((f) => f?.documented)) spec.undocumented = true;
    const docAt = [...facts.keys()].reverse().find((i) => facts[i]?.documented && facts[i]?.docSection);
    if (docAt !== undefined) spec.docUrl = docUrl(versions[docAt], facts[docAt].docSection, spec.name);
    keywords.push(spec);
  }

  // Removed keywords that the sources still recognise to explain the removal.
  for (const v of perVersion) {
    for (const r of v.removed) {
      const group = r.context === 'proxy' ? 'proxy' : r.context;
      const spec = keywords.find((k) => k.group === group && k.name === r.keyword);
      if (!spec) continue;
      spec.versions ??= {};
      // The message names the release that dropped it; trust it over doc presence.
      if (r.since) spec.versions.removed = r.since;
      else spec.versions.removed ??= v.version;
      if (r.replacement && !r.replacement.includes('%')) spec.versions.replacement = r.replacement;
    }
  }

  const options = (pick: (v: VersionFacts) => Map<string, VersionOption>): HaOptionSpec[] => {
    const names = new Set(perVersion.flatMap((v) => [...pick(v).keys()]));
    const out: HaOptionSpec[] = [];
    for (const name of [...names].sort()) {
      const s = span(versions, (i) => pick(perVersion[i]).has(name));
      if (!s) continue;
      const newest = pick(perVersion[s.last]).get(name) as VersionOption;
      const documented = [...perVersion.slice(s.first, s.last + 1)].reverse().map((v) => pick(v).get(name)).find((o) => o?.documented);
      const spec: HaOptionSpec = { name };
      const info = versionInfo(versions, s);
      if (info) spec.versions = info;
      let skip = newest.skip ?? [...perVersion.slice(s.first, s.last + 1)].reverse().map((v) => pick(v).get(name)?.skip).find((x) => x !== undefined);
      // Some parsers read their values themselves and register no count (a server's
      // `source`, `set-proxy-v2-tlv-fmt(ID) [FMT]`): when the documented shape shows
      // words after the name, the count is left unknown so checks stop there.
      const docSig = documented ? signatureFacts(documented.signatures.map((sig) => sig.replace(/^\(\S*\)\s*/, ''))) : undefined;
      const docCount = docSig && docSig.maxArgs !== undefined && docSig.maxArgs === docSig.minArgs ? docSig.minArgs : undefined;
      if (skip === 0 && docSig && (docSig.maxArgs === undefined || docSig.maxArgs > 0)) skip = undefined;
      else if (skip === undefined && docCount !== undefined) skip = docCount;
      if (skip !== undefined) spec.skip = skip;
      if (newest.defaultOk === false) spec.defaultOk = false;
      if (documented) spec.signature = documented.signatures;
      else spec.undocumented = true;
      if (newest.feature) spec.requires = newest.feature as HaFeature;
      const docAt = [...perVersion.keys()].filter((i) => i >= s.first && i <= s.last).reverse().find((i) => pick(perVersion[i]).get(name)?.documented);
      if (docAt !== undefined) spec.docUrl = docUrl(versions[docAt], pick(perVersion[docAt]).get(name)?.docSection, name);
      out.push(spec);
    }
    return out;
  };

  const named = (pick: (v: VersionFacts) => Set<string>, table = ''): HaNamedEntry[] => {
    const names = new Set(perVersion.flatMap((v) => [...pick(v)]));
    const out: HaNamedEntry[] = [];
    for (const name of [...names].sort()) {
      const s = span(versions, (i) => pick(perVersion[i]).has(name));
      if (!s) continue;
      // Known only from the installed binary's dump: the sources register it through
      // macros the scan cannot read, so later releases are assumed to keep it.
      const dkOnly = perVersion.every((v) => !pick(v).has(name) || v.dkOnly.has(`${table}:${name}`));
      if (dkOnly) s.last = versions.length - 1;
      const e: HaNamedEntry = { name };
      const info = versionInfo(versions, s);
      if (info) e.versions = info;
      const f = perVersion[s.last].features.get(name);
      if (f) e.requires = f as HaFeature;
      out.push(e);
    }
    return out;
  };
  const actionKinds = new Set(perVersion.flatMap((v) => [...v.actions.keys()]));
  const actions: Record<string, HaNamedEntry[]> = {};
  for (const kind of [...actionKinds].sort()) actions[kind] = named((v) => v.actions.get(kind) ?? new Set(), `actions:${kind}`);

  return {
    versions,
    sections,
    keywords,
    bindOptions: options((v) => v.bindOptions),
    serverOptions: options((v) => v.serverOptions),
    crtLoadOptions: options((v) => v.crtLoadOptions),
    actions,
    fetches: named((v) => v.fetches, 'fetches'),
    converters: named((v) => v.converters, 'converters'),
    aclKeywords: named((v) => v.aclKeywords, 'aclKeywords'),
    filters: named((v) => v.filters, 'filters'),
    predefinedAcls: named((v) => v.predefinedAcls),
    addressPrefixes: named((v) => v.addressPrefixes),
  };
}
