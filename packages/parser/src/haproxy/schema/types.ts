import type { ArgSpec, KeywordSpec, ValueType, Version, VersionInfo } from '../../schema/types.js';

/** HAProxy build options (USE_* make flags) that some keywords need. */
export type HaFeature = 'openssl' | 'lua' | 'quic' | '51degrees' | 'deviceatlas' | 'wurfl' | 'ot' | 'promex' | 'zlib' | 'engine' | 'memory-profiling';

/** Proxy section kinds: they share one keyword list, told apart by `contexts`. */
export const PROXY_SECTION_KINDS = ['defaults', 'frontend', 'listen', 'backend'] as const;

/**
 * One HAProxy configuration keyword in one kind of section. The same name can have
 * several specs (`user` in global, userlist and program sections).
 */
export interface HaKeywordSpec extends KeywordSpec {
  /** 'proxy' for defaults/frontend/listen/backend keywords, otherwise the section kind. */
  group: string;
  /** When the allowed proxy sections changed: from `since` on, `contexts` apply. */
  contextsByVersion?: { since: Version; contexts: string[] }[];
  /** Argument shapes as documented for the newest version that has the keyword. */
  signature?: string[];
  /** Fewest argument words (after the keyword). */
  minArgs?: number;
  /** Most argument words; undefined means unbounded or not known. */
  maxArgs?: number;
  /** Takes a trailing `if|unless <condition>`. */
  condition?: boolean;
  /** Accepts the `no` prefix. */
  negatable?: boolean;
  /** In defaults sections, only named ones accept it. */
  namedDefaultsOnly?: boolean;
  /** Needs `expose-experimental-directives` in global. */
  experimental?: boolean;
  /** Only exists when HAProxy is built with this option. */
  requires?: HaFeature;
  /** Known from the sources only: the documentation does not list it. */
  undocumented?: boolean;
}

/** A bind, server/default-server or crt-store `load` option. */
export interface HaOptionSpec {
  name: string;
  /** Words the option takes after its name (from the sources' registration). */
  skip?: number;
  /** Server options: false when default-server refuses it. */
  defaultOk?: boolean;
  signature?: string[];
  value?: ValueType;
  versions?: VersionInfo;
  requires?: HaFeature;
  undocumented?: boolean;
  summary?: string;
  docUrl?: string;
}

/** A section keyword (`frontend`, `userlist`, …). */
export interface HaSectionSpec {
  name: string;
  versions?: VersionInfo;
  /** Argument shape of the opening line, as documented. */
  signature?: string;
  args?: ArgSpec[];
  summary?: string;
  docUrl?: string;
}

/** A plain name known over a range of versions (actions, fetches, converters, filters). */
export interface HaNamedEntry {
  name: string;
  versions?: VersionInfo;
  requires?: HaFeature;
}

export interface HaGeneratedSchema {
  /** Versions the tables cover, oldest first. */
  versions: Version[];
  sections: HaSectionSpec[];
  keywords: HaKeywordSpec[];
  bindOptions: HaOptionSpec[];
  serverOptions: HaOptionSpec[];
  crtLoadOptions: HaOptionSpec[];
  /** Rule actions by rule kind ('http-request', 'tcp-request content', …). */
  actions: Record<string, HaNamedEntry[]>;
  fetches: HaNamedEntry[];
  converters: HaNamedEntry[];
  aclKeywords: HaNamedEntry[];
  filters: HaNamedEntry[];
  /** ACL names HAProxy predefines (TRUE, FALSE, HTTP, LOCALHOST, …). */
  predefinedAcls: HaNamedEntry[];
  /** Address prefixes (`ipv4@`, `fd@`, `quic4@`, `mptcp@`, `stream+`, …). */
  addressPrefixes: HaNamedEntry[];
}
