/**
 * Shape of the generated keyword tables. Keywords are data, not grammar: the parsers
 * stay generic and the schema checker, the linter, completion and hover read these tables.
 * Each language's generator (scripts/schema/<language>/) writes `<language>/schema/*.generated.ts`
 * from upstream facts; hand-written overrides live beside them.
 */

/** A version such as '2.6', '3.2', '2.2.7'. Compare with `compareVersions`. */
export type Version = string;

/** What one argument may hold. Ranges are inclusive. */
export type ValueType =
  | { type: 'int'; min?: number; max?: number }
  /** `decimals`: most digits allowed after the point (keepalived rejects more). */
  | { type: 'float'; min?: number; max?: number; decimals?: number }
  | { type: 'enum'; values: string[]; caseInsensitive?: boolean }
  /** A duration; a bare number is in `defaultUnit` (HAProxy: ms, keepalived: s). */
  | { type: 'time'; defaultUnit: 'us' | 'ms' | 's'; min?: number; max?: number }
  | { type: 'size' }
  | { type: 'bool' }
  | { type: 'ip' }
  | { type: 'ipv4' }
  | { type: 'ipv6' }
  /** An address with optional prefix length (`10.0.0.1/24`). */
  | { type: 'ip-prefix' }
  /** An HAProxy-style address: `[family@]host[:port[-port]]`. */
  | { type: 'address' }
  | { type: 'port' }
  | { type: 'port-range' }
  | { type: 'interface' }
  | { type: 'name' }
  | { type: 'path' }
  | { type: 'email' }
  | { type: 'string' }
  | { type: 'any' };

export interface ArgSpec {
  name: string;
  value: ValueType;
  optional?: boolean;
  /** Takes all remaining words. */
  variadic?: boolean;
}

/** When a keyword appeared, was deprecated, or was removed, and what replaces it. */
export interface VersionInfo {
  added?: Version;
  deprecated?: Version;
  removed?: Version;
  /** The keyword to use instead (a rename such as nb_get_retry → retry). */
  replacement?: string;
  /** One sentence, our words, on what changed. */
  note?: string;
}

export interface KeywordSpec {
  /** The keyword; multi-word for HAProxy (`timeout connect`, `option httpchk`). */
  name: string;
  /** Where it may appear: keepalived parent block keywords (or 'root'); HAProxy section kinds. */
  contexts: string[];
  /** keepalived: the keyword opens a block (`block`) or a list block (`list`: one entry per line). */
  block?: 'block' | 'list';
  /** Arguments; undefined means the checker does not look at them. */
  args?: ArgSpec[];
  /** Argument-shape changes over versions, oldest first: from `since` on, `args` apply. */
  argsByVersion?: { since: Version; args: ArgSpec[] }[];
  versions?: VersionInfo;
  /** One line in our own words (hover, --list-keywords). */
  summary?: string;
  /** Link to the upstream documentation section. */
  docUrl?: string;
}

/** Numeric comparison of dotted versions: '2.10' > '2.9', '2.2.7' > '2.2'. */
export function compareVersions(a: Version, b: Version): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
