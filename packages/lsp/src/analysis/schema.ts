import type { ArgSpec, HaKeywordSpec, KaKeywordSpec, VersionInfo } from '@cfglint/parser';
import {
  DEFAULT_KEEPALIVED_VERSION,
  getHaproxySchema,
  HAPROXY_DEFAULT_VERSION,
  keepalivedArgsAt,
  keepalivedKeywordsIn,
  keepalivedSchema,
  normalizeKeepalivedVersion,
  resolveKeepalivedBuild,
} from '@cfglint/parser';
import type { Language } from '../document/language.js';

/*
 * One view of both languages' keyword schemas (from @cfglint/parser) for completion and
 * hover: name, summary, arguments, versions, upstream documentation link.
 */

export interface KeywordInfo {
  name: string;
  contexts?: readonly string[];
  summary?: string;
  docUrl?: string;
  versions?: VersionInfo;
  args?: readonly ArgSpec[];
  /** Documented argument shapes (HAProxy), e.g. ['<name>', '[param*]']. */
  signature?: readonly string[];
  /** keepalived: opens a block. */
  block?: boolean;
}

/** The keepalived build completion assumes: Debian's (every feature a distribution package has). */
const KEEPALIVED_BUILD = resolveKeepalivedBuild();

function fromKeepalived(spec: KaKeywordSpec, version: string): KeywordInfo {
  return {
    name: spec.name,
    contexts: spec.contexts,
    summary: spec.summary,
    docUrl: spec.docUrl,
    versions: spec.versions,
    args: keepalivedArgsAt(spec, version),
    block: spec.block !== undefined,
  };
}

function haproxy(version: string | undefined) {
  return getHaproxySchema(version);
}

function fromHaproxy(spec: HaKeywordSpec): KeywordInfo {
  return { name: spec.name, contexts: spec.contexts, summary: spec.summary, docUrl: spec.docUrl, versions: spec.versions, args: spec.args, signature: spec.signature };
}

/** Keywords valid in `context` (a HAProxy section kind, a keepalived block keyword or 'root') for the target version. */
export function keywordsIn(language: Language, context: string, version: string | undefined): KeywordInfo[] {
  if (language === 'haproxy') {
    if (context === '') return [];
    const s = haproxy(version);
    // Proxy sections share one keyword list; `contexts` says which of them accept each keyword.
    return s
      .keywords(context)
      .filter((k) => s.available(k) === 'available' && (!k.contexts?.length || k.contexts.includes(context)))
      .map(fromHaproxy);
  }
  const v = normalizeKeepalivedVersion(version);
  return keepalivedKeywordsIn(context, v, KEEPALIVED_BUILD).map((k) => fromKeepalived(k, v));
}

/** HAProxy section keywords the target version has. */
export function haproxySections(version: string | undefined): KeywordInfo[] {
  const s = haproxy(version);
  return s.sectionNames().flatMap((n) => {
    const spec = s.section(n);
    if (!spec || s.available(spec) !== 'available') return [];
    return [{ ...spec, signature: spec.signature ? [spec.signature] : undefined }];
  });
}

/** One keyword's spec in a context, whatever the version (hover says which versions have it). */
export function keywordInfo(language: Language, context: string, name: string, version: string | undefined): KeywordInfo | undefined {
  if (language === 'haproxy') {
    const s = haproxy(version);
    const section = s.section(name);
    if (section && (context === '' || !s.keyword(context, name))) return { ...section, signature: section.signature ? [section.signature] : undefined };
    const spec = context ? s.keyword(context, name) : undefined;
    return spec && fromHaproxy(spec);
  }
  const spec = keepalivedSchema().byContext.get(context)?.get(name);
  return spec ? fromKeepalived(spec, normalizeKeepalivedVersion(version)) : undefined;
}

/** Server or bind options of the target version. */
export function haproxyOptions(kind: 'server' | 'bind', version: string | undefined): KeywordInfo[] {
  const s = haproxy(version);
  const list = kind === 'server' ? s.serverOptions() : s.bindOptions();
  return list.filter((o) => s.available(o) === 'available').map((o) => ({ ...o, args: undefined }));
}

/** The schema's default target version of a language. */
export function defaultVersion(language: Language): string {
  return language === 'haproxy' ? HAPROXY_DEFAULT_VERSION : DEFAULT_KEEPALIVED_VERSION;
}
