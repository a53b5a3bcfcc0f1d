import * as parser from '@cfglint/parser';
import type { ArgSpec, VersionInfo } from '@cfglint/parser';
import { compareVersions } from '@cfglint/parser';
import type { Language } from '../document/language.js';

/*
 * One view of both languages' keyword schemas for completion and hover. The schemas live
 * in @cfglint/parser; this adapter reads them through the functions the parser exports
 * and stays empty (never failing) for a language whose tables it cannot reach.
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

interface HaSchemaLike {
  version: string;
  sectionNames(): string[];
  section(name: string): (KeywordInfo & { signature?: string | string[] }) | undefined;
  keyword(sectionKind: string, name: string): KeywordInfo | undefined;
  keywords(sectionKind: string): KeywordInfo[];
  available(spec: { versions?: VersionInfo } | undefined): string;
  serverOptions?(): KeywordInfo[];
  bindOptions?(): KeywordInfo[];
}

interface KaSchemaLike {
  byContext: ReadonlyMap<string, ReadonlyMap<string, KeywordInfo & { block?: 'block' | 'list'; argsByVersion?: { since: string; args: ArgSpec[] }[] }>>;
}

const api = parser as unknown as Record<string, unknown>;

function haSchema(version: string | undefined): HaSchemaLike | undefined {
  const get = api.getHaproxySchema as ((v?: string) => HaSchemaLike) | undefined;
  try {
    return get?.(version);
  } catch {
    return undefined;
  }
}

function kaSchema(): KaSchemaLike | undefined {
  const get = api.keepalivedSchema as (() => KaSchemaLike) | undefined;
  try {
    return get?.();
  } catch {
    return undefined;
  }
}

const DEFAULT_KEEPALIVED = (api.DEFAULT_KEEPALIVED_VERSION as string | undefined) ?? '2.3.4';

/** Whether `version` has a keyword with this version history. */
export function availableIn(info: VersionInfo | undefined, version: string): boolean {
  if (info?.added && compareVersions(version, info.added) < 0) return false;
  if (info?.removed && compareVersions(version, info.removed) >= 0) return false;
  return true;
}

/** keepalived's version string as the tables know it ('2.2' → the newest 2.2.x). */
function kaVersion(version: string | undefined): string {
  const normalize = api.normalizeKeepalivedVersion as ((v?: string) => string) | undefined;
  return normalize ? normalize(version) : (version ?? DEFAULT_KEEPALIVED);
}

/** Keywords valid in `context` (a HAProxy section kind, a keepalived block keyword or 'root') for the target version. */
export function keywordsIn(language: Language, context: string, version: string | undefined): KeywordInfo[] {
  if (language === 'haproxy') {
    const s = haSchema(version);
    if (!s) return [];
    if (context === '') return [];
    // Proxy sections share one keyword list; `contexts` says which of them accept each keyword.
    return s.keywords(context).filter((k) => s.available(k) === 'available' && (!k.contexts?.length || k.contexts.includes(context)));
  }
  const v = kaVersion(version);
  const names = kaSchema()?.byContext.get(context);
  if (!names) return [];
  return [...names.values()].filter((k) => availableIn(k.versions, v)).map((k) => ({ ...k, block: k.block !== undefined, args: argsOf(k, v) }));
}

function argsOf(k: { args?: readonly ArgSpec[]; argsByVersion?: { since: string; args: ArgSpec[] }[] }, version: string): readonly ArgSpec[] | undefined {
  if (!k.argsByVersion) return k.args;
  let found: ArgSpec[] | undefined;
  for (const seg of k.argsByVersion) if (compareVersions(version, seg.since) >= 0) found = seg.args;
  return found ?? k.argsByVersion[0]?.args;
}

/** HAProxy section keywords the target version has. */
export function haproxySections(version: string | undefined): KeywordInfo[] {
  const s = haSchema(version);
  if (!s) return [];
  return s.sectionNames().flatMap((n) => {
    const spec = s.section(n);
    if (!spec || s.available(spec) !== 'available') return [];
    return [{ ...spec, signature: typeof spec.signature === 'string' ? [spec.signature] : spec.signature }];
  });
}

/** One keyword's spec in a context, whatever the version (hover says which versions have it). */
export function keywordInfo(language: Language, context: string, name: string, version: string | undefined): KeywordInfo | undefined {
  if (language === 'haproxy') {
    const s = haSchema(version);
    if (!s) return undefined;
    if (context === '' || s.section(name)) {
      const sec = s.section(name);
      if (sec) return { ...sec, signature: typeof sec.signature === 'string' ? [sec.signature] : sec.signature };
    }
    return s.keyword(context, name);
  }
  const k = kaSchema()?.byContext.get(context)?.get(name);
  return k ? { ...k, block: k.block !== undefined, args: argsOf(k, kaVersion(version)) } : undefined;
}

/** Server or bind options of the target version. */
export function haproxyOptions(kind: 'server' | 'bind', version: string | undefined): KeywordInfo[] {
  const s = haSchema(version);
  const list = kind === 'server' ? s?.serverOptions?.() : s?.bindOptions?.();
  return (list ?? []).filter((o) => availableIn(o.versions, s!.version));
}

/** The schema's default target version of a language. */
export function defaultVersion(language: Language): string {
  return language === 'haproxy' ? ((api.HAPROXY_DEFAULT_VERSION as string | undefined) ?? '3.2') : DEFAULT_KEEPALIVED;
}
