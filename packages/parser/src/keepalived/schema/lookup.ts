import type { ArgSpec, Version } from '../../schema/types.js';
import { compareVersions } from '../../schema/types.js';
import { evalBuildCondition } from './build-features.js';
import type { KaBuild } from './build-features.js';
import { KEEPALIVED_RELEASES, generatedKeywords } from './keywords.generated.js';
import { keywordOverrides } from './keywords.overrides.js';
import type { KaOverride } from './keywords.overrides.js';
import type { KaKeywordSpec } from './types.js';

/** The newest release the tables cover: the default target version. */
export const DEFAULT_KEEPALIVED_VERSION: Version = KEEPALIVED_RELEASES[KEEPALIVED_RELEASES.length - 1];
/** The oldest release whose keyword set the tables describe completely. */
export const OLDEST_KEEPALIVED_VERSION: Version = KEEPALIVED_RELEASES[0];

/** Context name of the top level of a file. */
export const ROOT_CONTEXT = 'root';

export interface KaSchema {
  /** context (a block keyword, or 'root') → keyword → spec */
  readonly byContext: ReadonlyMap<string, ReadonlyMap<string, KaKeywordSpec>>;
  /** keyword → every context it is known in (any release) */
  readonly contextsOf: ReadonlyMap<string, readonly string[]>;
  readonly all: readonly KaKeywordSpec[];
}

let schema: KaSchema | undefined;

function applyOverride(spec: KaKeywordSpec, context: string, override: KaOverride | KaOverride[] | undefined): KaKeywordSpec {
  const list = override === undefined ? [] : Array.isArray(override) ? override : [override];
  const mine = list.filter((o) => !o.contexts || o.contexts.includes(context));
  if (!mine.length) return spec;
  const out: KaKeywordSpec = { ...spec, contexts: [context] };
  for (const o of mine) {
    if (o.summary) out.summary = o.summary;
    if (o.versions) out.versions = { ...out.versions, ...o.versions };
    if (o.args) {
      const patches = o.args;
      const last = Math.max(...Object.keys(patches).map(Number));
      // Patches positions the extraction found, and adds the ones it did not (optional
      // unless the override says otherwise).
      const patch = (args: readonly ArgSpec[]) => {
        const outArgs: ArgSpec[] = [];
        for (let i = 0; i <= Math.max(last, args.length - 1); i++) {
          const a: ArgSpec = args[i] ?? { name: `arg${i + 1}`, value: { type: 'any' }, optional: true };
          const p = patches[i];
          outArgs.push(p ? { ...a, ...(p.name ? { name: p.name } : {}), value: p.value ?? a.value, ...(p.optional !== undefined ? { optional: p.optional } : {}) } : a);
        }
        return outArgs;
      };
      if (out.argsByVersion) out.argsByVersion = out.argsByVersion.map((s) => ({ since: s.since, args: patch(s.args) }));
      else out.args = patch(out.args ?? []);
    }
    if (o.argsIfMissing && !out.args && !out.argsByVersion) out.args = o.argsIfMissing;
  }
  return out;
}

/** The merged keyword tables (generated facts plus hand-written overrides), built once. */
export function keepalivedSchema(): KaSchema {
  if (schema) return schema;
  const byContext = new Map<string, Map<string, KaKeywordSpec>>();
  const contextsOf = new Map<string, string[]>();
  const all: KaKeywordSpec[] = [];
  for (const generated of generatedKeywords) {
    for (const context of generated.contexts) {
      const spec = applyOverride(generated, context, keywordOverrides[generated.name]);
      let names = byContext.get(context);
      if (!names) byContext.set(context, (names = new Map()));
      names.set(generated.name, spec);
      const ctxs = contextsOf.get(generated.name) ?? [];
      ctxs.push(context);
      contextsOf.set(generated.name, ctxs);
      if (!all.includes(spec)) all.push(spec);
    }
  }
  schema = { byContext, contextsOf, all };
  return schema;
}

/** The spec of `name` in `context`, whatever the release. */
export function keywordSpec(context: string, name: string): KaKeywordSpec | undefined {
  return keepalivedSchema().byContext.get(context)?.get(name);
}

/** The argument specs that apply in `version` (undefined: not checked). */
export function argsAt(spec: KaKeywordSpec, version: Version): readonly ArgSpec[] | undefined {
  if (!spec.argsByVersion) return spec.args;
  let found: ArgSpec[] | undefined;
  for (const seg of spec.argsByVersion) if (compareVersions(version, seg.since) >= 0) found = seg.args;
  return found ?? spec.argsByVersion[0]?.args;
}

export type KaAvailability =
  | { status: 'known'; deprecated: boolean }
  | { status: 'not-yet'; added: Version }
  | { status: 'removed'; removed: Version }
  | { status: 'not-built'; requires: string };

/** Whether `version` built as `build` knows the keyword. */
export function availability(spec: KaKeywordSpec, version: Version, build: KaBuild): KaAvailability {
  const v = spec.versions;
  if (v?.added && compareVersions(version, v.added) < 0) return { status: 'not-yet', added: v.added };
  if (v?.removed && compareVersions(version, v.removed) >= 0) return { status: 'removed', removed: v.removed };
  if (spec.requires && !evalBuildCondition(spec.requires, build)) return { status: 'not-built', requires: spec.requires };
  return { status: 'known', deprecated: !!v?.deprecated && compareVersions(version, v.deprecated) >= 0 };
}

/** Keywords `version` built as `build` accepts in `context`. */
export function keywordsIn(context: string, version: Version, build: KaBuild): KaKeywordSpec[] {
  const names = keepalivedSchema().byContext.get(context);
  if (!names) return [];
  return [...names.values()].filter((s) => availability(s, version, build).status === 'known');
}

/** A user-given version (`2.2.7`, `v2.2`, `2`) as a full release number; undefined or unreadable gives the default. */
export function normalizeVersion(version: string | undefined): Version {
  if (!version) return DEFAULT_KEEPALIVED_VERSION;
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(version.trim());
  if (!m) return DEFAULT_KEEPALIVED_VERSION;
  // '2.2' means the newest 2.2.x release the tables know.
  if (m[3] === undefined) {
    const prefix = m[2] === undefined ? `${m[1]}.` : `${m[1]}.${m[2]}.`;
    const series = KEEPALIVED_RELEASES.filter((r) => r.startsWith(prefix));
    if (series.length) return series[series.length - 1];
    return m[2] === undefined ? `${m[1]}.0.0` : `${m[1]}.${m[2]}.0`;
  }
  return `${m[1]}.${m[2]}.${m[3]}`;
}
