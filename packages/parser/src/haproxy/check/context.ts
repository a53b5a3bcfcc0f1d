import type { NodeBase } from '../../ast/common.js';
import type { Diagnostic, RelatedInformation, Severity } from '../../source/diagnostic.js';
import { compareVersions } from '../../schema/types.js';
import type { SourceFile } from '../../source/source-file.js';
import type { HaproxyLoadResult } from '../load.js';
import type { HaproxySchema } from '../schema/schema.js';
import type { HaFeature } from '../schema/types.js';

export interface CheckHaproxyOptions {
  /** Target HAProxy version ('2.6', '2.6.12', '3.2'); default: the newest the tables cover. */
  version?: string;
  /**
   * Build options of the target HAProxy. Default: what distribution packages build
   * (OpenSSL, Lua, Prometheus, OpenTracing); keywords needing others are reported as
   * warnings, since the verdict depends on the binary.
   */
  features?: readonly HaFeature[];
}

/** Build options of a typical distribution package (Debian 12's haproxy 2.6 has these). */
export const DEFAULT_FEATURES: readonly HaFeature[] = ['openssl', 'lua', 'promex', 'ot'];

/** What every check needs: the tables at the target version and a way to report. */
export class CheckContext {
  readonly diagnostics: Diagnostic[] = [];
  readonly features: ReadonlySet<HaFeature>;
  /** Whether the caller named the build options (then missing ones are errors). */
  readonly featuresGiven: boolean;
  private readonly sources = new Map<string, SourceFile>();

  constructor(
    readonly loaded: HaproxyLoadResult,
    readonly schema: HaproxySchema,
    options: CheckHaproxyOptions,
  ) {
    this.features = new Set(options.features ?? DEFAULT_FEATURES);
    this.featuresGiven = options.features !== undefined;
    for (const [name, r] of loaded.files) this.sources.set(name, r.source);
  }

  get version(): string {
    return this.schema.version;
  }

  /** Whether the target is `version` or later. */
  atLeast(version: string): boolean {
    let v = this.atLeastCache.get(version);
    if (v === undefined) this.atLeastCache.set(version, (v = compareVersions(this.schema.version, version) >= 0));
    return v;
  }
  private readonly atLeastCache = new Map<string, boolean>();


  /** "HAProxy 2.6" for messages. */
  get haproxy(): string {
    return `HAProxy ${this.schema.version}`;
  }

  report(code: string, severity: Severity, message: string, fileName: string, node: NodeBase | { start: number; end: number }, related?: RelatedInformation[]): void {
    const source = this.sources.get(fileName);
    const range = source ? source.rangeOf(node.start, node.end) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const d: Diagnostic = { code, severity, message, fileName, range };
    if (related?.length) d.related = related;
    this.diagnostics.push(d);
  }

  related(fileName: string, node: { start: number; end: number }, message: string): RelatedInformation {
    const source = this.sources.get(fileName);
    const range = source ? source.rangeOf(node.start, node.end) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return { location: { fileName, range }, message };
  }
}

/**
 * Wraps a computation that depends only on the target version and one table entry,
 * so it runs once per entry and version (schemas are cached per version, so the
 * answers survive across checks, as in an editor session).
 */
export function perEntry<K extends object, T>(compute: (ctx: CheckContext, key: K) => T): (ctx: CheckContext, key: K) => T {
  const bySchema = new WeakMap<object, WeakMap<K, { value: T }>>();
  return (ctx, key) => {
    let m = bySchema.get(ctx.schema);
    if (!m) bySchema.set(ctx.schema, (m = new WeakMap()));
    let hit = m.get(key);
    if (!hit) m.set(key, (hit = { value: compute(ctx, key) }));
    return hit.value;
  };
}
