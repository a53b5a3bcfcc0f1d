/**
 * Per-line keyword checks: unknown keywords (with a suggestion), keywords the target
 * version does not have yet or no longer has, keywords in a section kind they do not
 * belong to, build options, experimental and deprecated keywords.
 */
import type { HaServer, HaSetting } from '../../model/haproxy/types.js';
import { haproxyPlacement } from '../schema/placement.generated.js';
import type { HaKeywordSpec } from '../schema/types.js';
import { isDeprecatedIn, pickByVersion } from '../schema/versions.js';
import { perEntry, type CheckContext } from './context.js';
import { resolveDirective, type ResolvedDirective } from './resolve.js';
import { didYouMean } from './suggest.js';

/** A line together with the section it sits in. */
export interface Line {
  setting: HaSetting;
  sectionKind: string;
  /** The section's name ('' for global and anonymous defaults). */
  sectionName: string;
  resolved: ResolvedDirective;
  /** The model's server for a server line of a proxy (its address is parsed already). */
  server?: HaServer;
}

const FEATURE_FLAGS: Record<string, string> = {
  openssl: 'USE_OPENSSL',
  lua: 'USE_LUA',
  quic: 'USE_QUIC',
  '51degrees': 'USE_51DEGREES',
  deviceatlas: 'USE_DEVICEATLAS',
  wurfl: 'USE_WURFL',
  ot: 'USE_OT',
  promex: 'USE_PROMEX',
  zlib: 'USE_ZLIB',
  engine: 'USE_ENGINE',
  'memory-profiling': 'USE_MEMORY_PROFILING',
};

/** Where a keyword may appear at the target version. */
export function contextsAt(spec: HaKeywordSpec, version: string): string[] {
  return pickByVersion(spec.contextsByVersion, version)?.contexts ?? spec.contexts;
}

const allowedIn = perEntry((ctx, spec: HaKeywordSpec) => new Set(contextsAt(spec, ctx.version)));
const deprecatedAt = perEntry((ctx, spec: HaKeywordSpec) => isDeprecatedIn(spec.versions, ctx.version));

const sectionLabel = (kind: string) => `${kind} section`;

/** Names of the keywords of a section kind that exist at the target version. */
function availableNames(ctx: CheckContext, sectionKind: string, family?: string): string[] {
  const out: string[] = [];
  for (const k of ctx.schema.keywords(sectionKind)) {
    if (ctx.schema.available(k) !== 'available') continue;
    if (family) {
      if (k.name.startsWith(`${family} `)) out.push(k.name.slice(family.length + 1));
    } else out.push(k.name.split(' ')[0]);
  }
  return [...new Set(out)];
}

export function checkKeyword(ctx: CheckContext, line: Line): void {
  const { setting, sectionKind, resolved } = line;
  const { spec, nameWords } = resolved;
  const first = nameWords[0] ?? setting.node.words[0];
  const last = nameWords[nameWords.length - 1] ?? first;
  const where = { start: first.start, end: last.end };
  if (!spec) {
    reportUnknown(ctx, line, where);
    return;
  }
  const availability = ctx.schema.available(spec);
  if (availability === 'not-yet') {
    ctx.report(
      'schema/keyword-too-new',
      'error',
      `'${spec.name}' only exists from HAProxy ${spec.versions?.added} on: ${ctx.haproxy} reports an unknown keyword and refuses to start`,
      setting.fileName,
      where,
    );
    return;
  }
  if (availability === 'removed') {
    const use = spec.versions?.replacement ? `; use '${spec.versions.replacement}' instead` : '';
    ctx.report(
      'schema/removed-keyword',
      'error',
      `'${spec.name}' was removed in HAProxy ${spec.versions?.removed}: ${ctx.haproxy} refuses to start${use}`,
      setting.fileName,
      where,
    );
    return;
  }
  if (spec.requires && !ctx.features.has(spec.requires)) {
    ctx.report(
      'schema/missing-build-option',
      ctx.featuresGiven ? 'error' : 'warning',
      `'${spec.name}' only exists when HAProxy is built with ${FEATURE_FLAGS[spec.requires] ?? spec.requires}: a build without it reports an unknown keyword and refuses to start`,
      setting.fileName,
      where,
    );
  }
  if (spec.group === 'proxy') checkPlacement(ctx, line, spec, where);
  if (spec.experimental && !hasExperimentalSwitch(ctx, setting)) {
    ctx.report(
      'schema/experimental-keyword',
      'error',
      `'${spec.name}' is experimental: ${ctx.haproxy} refuses it unless 'expose-experimental-directives' comes first in the global section`,
      setting.fileName,
      where,
    );
  }
  if (deprecatedAt(ctx, spec)) {
    const use = spec.versions?.replacement ? `; use '${spec.versions.replacement}' instead` : '';
    ctx.report('schema/deprecated-keyword', 'warning', `'${spec.name}' is deprecated since HAProxy ${spec.versions?.deprecated} and may be removed${use}`, setting.fileName, where);
  }
  if (resolved.modifier?.value === 'no' && !spec.negatable && spec.group === 'proxy' && spec.name.startsWith('option ')) {
    ctx.report(
      'schema/not-negatable',
      'error',
      `'no ${spec.name}' is not supported: ${ctx.haproxy} refuses to start ('${spec.name}' cannot be turned off with 'no')`,
      setting.fileName,
      { start: resolved.modifier.start, end: last.end },
    );
  }
}

function reportUnknown(ctx: CheckContext, line: Line, where: { start: number; end: number }): void {
  const { setting, sectionKind, resolved } = line;
  const name = resolved.name;
  if (!sectionKind) {
    ctx.report('schema/unknown-keyword', 'error', `'${name}' is outside any section: HAProxy refuses to start (a section line such as 'global' or 'frontend NAME' must come first)`, setting.fileName, where);
    return;
  }
  // A keyword of another kind of section.
  const elsewhere = ctx.schema.keywordsNamed(name).filter((k) => ctx.schema.available(k) === 'available');
  if (elsewhere.length) {
    const kinds = [...new Set(elsewhere.flatMap((k) => (k.group === 'proxy' ? contextsAt(k, ctx.version) : [k.group])))];
    ctx.report(
      'schema/keyword-not-allowed',
      'error',
      `'${name}' belongs in ${kinds.map((k) => `a ${k}`).join(' or ')} section, not in a ${sectionKind} section: ${ctx.haproxy} reports an unknown keyword and refuses to start`,
      setting.fileName,
      where,
    );
    return;
  }
  if (resolved.family) {
    const sub = name.slice(resolved.family.length + 1);
    ctx.report(
      'schema/unknown-keyword',
      'error',
      `unknown '${resolved.family}' keyword '${sub}' in a ${sectionKind} section: ${ctx.haproxy} refuses to start${didYouMean(sub, availableNames(ctx, sectionKind, resolved.family))}`,
      setting.fileName,
      where,
    );
    return;
  }
  ctx.report(
    'schema/unknown-keyword',
    'error',
    `unknown keyword '${name}' in a ${sectionLabel(sectionKind)}: ${ctx.haproxy} refuses to start${didYouMean(name, availableNames(ctx, sectionKind))}`,
    setting.fileName,
    where,
  );
}

function checkPlacement(ctx: CheckContext, line: Line, spec: HaKeywordSpec, where: { start: number; end: number }): void {
  const { sectionKind, sectionName, setting } = line;
  if (!allowedIn(ctx, spec).has(sectionKind)) {
    const allowed = contextsAt(spec, ctx.version);
    // What 2.6 does, measured; other versions behave alike for the same keyword.
    const measured = haproxyPlacement[spec.name]?.[sectionKind as 'defaults'];
    const severity = measured ?? (sectionKind === 'defaults' ? 'error' : 'warning');
    if (severity === 'ignored') return;
    const effect = severity === 'error' ? `${ctx.haproxy} refuses to start` : 'HAProxy ignores the line';
    ctx.report(
      'schema/keyword-not-allowed',
      severity,
      `'${spec.name}' is not allowed in a ${sectionKind} section (only in ${allowed.join(', ')}): ${effect}`,
      setting.fileName,
      where,
    );
    return;
  }
  if (sectionKind === 'defaults' && spec.namedDefaultsOnly && !sectionName && ctx.atLeast('2.5')) {
    ctx.report(
      'schema/named-defaults-only',
      'error',
      `'${spec.name}' is only allowed in a named defaults section: ${ctx.haproxy} refuses it in an anonymous one`,
      setting.fileName,
      where,
    );
  }
}

function hasExperimentalSwitch(ctx: CheckContext, setting: HaSetting): boolean {
  const sw = ctx.loaded.model.global.byKeyword.get('expose-experimental-directives');
  if (!sw) return false;
  // It must come before the line it unlocks (same file: by offset; earlier files count).
  const files = ctx.loaded.model.files;
  const a = files.indexOf(sw.fileName);
  const b = files.indexOf(setting.fileName);
  return a < b || (a === b && sw.node.start < setting.node.start);
}

export function resolveLine(ctx: CheckContext, setting: HaSetting, sectionKind: string, sectionName: string): Line {
  // `server` is set later for server lines; present from the start, every Line has one shape.
  return { setting, sectionKind, sectionName, resolved: resolveDirective(ctx.schema, sectionKind, setting.node.words), server: undefined };
}
