import { missingFeatures } from '../schema/build-features.js';
import { availability, keepalivedSchema, keywordsIn } from '../schema/lookup.js';
import type { KaKeywordSpec } from '../schema/types.js';
import type { KaEffectiveStatement } from '../preprocess/effective.js';
import { closestWords } from './did-you-mean.js';
import type { CheckContext } from './report.js';
import { q, testFails, where } from './report.js';

/** "keepalived 2.2.7 reports an unknown keyword and ignores the line (keepalived -t fails)" */
function ignored(ctx: CheckContext): string {
  return `keepalived ${ctx.target.version} reports an unknown keyword and ignores the line (${testFails(ctx)})`;
}

/** Contexts other than `context` where the target knows `name`. */
function otherHomes(name: string, context: string, ctx: CheckContext): string[] {
  const { version, build } = ctx.target;
  return (keepalivedSchema().contextsOf.get(name) ?? []).filter((c) => {
    if (c === context) return false;
    const spec = keepalivedSchema().byContext.get(c)?.get(name);
    return spec !== undefined && availability(spec, version, build).status === 'known';
  });
}

function homeText(homes: string[]): string {
  const names = homes.map((h) => (h === 'root' ? 'the top level' : h));
  return names.length > 3 ? `${names.slice(0, 3).join(', ')}…` : names.join(' or ');
}

/**
 * A keyword the schema does not list in this block: misplaced (known elsewhere),
 * misspelt, or unknown. Returns nothing; the caller skips the statement's block.
 */
export function reportUnknownKeyword(s: KaEffectiveStatement, context: string, ctx: CheckContext): void {
  const name = s.keyword.value;
  const v = ctx.target.version;
  if (name === '\\') {
    ctx.report('schema/unknown-keyword', 'error', `A line ending in '\\' continues only a $NAME= definition; here keepalived ${v} reads the next line on its own and reports '\\' as an unknown keyword`, s);
    return;
  }
  const homes = otherHomes(name, context, ctx);
  if (homes.length) {
    ctx.report(
      'schema/wrong-context',
      'error',
      `${q(name)} does not belong ${where(context)}; it is a ${homeText(homes)} keyword. Here ${ignored(ctx)}.`,
      s,
    );
    return;
  }
  const candidates = keywordsIn(context, v, ctx.target.build).map((k) => k.name);
  const near = closestWords(name, candidates);
  const hint = near.length ? ` Did you mean ${near.map(q).join(' or ')}?` : '';
  ctx.report('schema/unknown-keyword', 'error', `Unknown keyword ${q(name)} ${where(context)}: ${ignored(ctx)}.${hint}`, s);
}

/**
 * A keyword this block has in some release or build, but not in the target.
 * @returns whether the keyword is usable (the caller checks it further)
 */
export function checkAvailability(s: KaEffectiveStatement, spec: KaKeywordSpec, context: string, ctx: CheckContext): boolean {
  const { version, build } = ctx.target;
  const a = ctx.facts(spec).availability;
  if (a.status === 'known') return true;
  const name = q(spec.name);
  switch (a.status) {
    case 'not-yet':
      ctx.report('schema/version', 'error', `${name} ${where(context)} first appeared in keepalived ${a.added}: ${ignored(ctx)}.`, s);
      return false;
    case 'removed': {
      const instead = spec.versions?.replacement ? ` Use ${q(spec.versions.replacement)} instead.` : '';
      ctx.report('schema/removed', 'error', `${name} was removed in keepalived ${a.removed}: ${ignored(ctx)}.${instead}`, s);
      return false;
    }
    case 'not-built': {
      const features = missingFeatures(a.requires, build);
      const need = features.length ? features.join(' + ') : a.requires;
      ctx.report(
        'schema/build-feature',
        'error',
        `${name} exists only when keepalived is built with ${need}; the target build (${describeBuild(ctx)}) ${ignored(ctx).replace(/^keepalived \S+ /, '')}. Set the build features if your keepalived has it.`,
        s,
      );
      return false;
    }
  }
}

function describeBuild(ctx: CheckContext): string {
  const f = ctx.target.features;
  return Object.keys(f).length ? `Debian 12 defaults with ${JSON.stringify(f)}` : 'Debian 12 package defaults';
}

/** Deprecations, renames, and handlers that always reject the keyword on this build. */
export function checkDeprecation(s: KaEffectiveStatement, spec: KaKeywordSpec, ctx: CheckContext): void {
  const facts = ctx.facts(spec);
  if (!facts.deprecated && !facts.errors.length) return;
  const { version } = ctx.target;
  const name = q(spec.name);
  const dep = spec.versions;
  if (facts.deprecated && dep) {
    const instead = dep.replacement ? ` Use ${q(dep.replacement)} instead.` : '';
    if (facts.deprecated.reported) {
      ctx.report('schema/deprecated', 'error', `${name} is deprecated (since keepalived ${dep.deprecated}); keepalived ${version} reports it as a configuration error (${testFails(ctx)}).${instead}`, s);
    } else {
      ctx.report('schema/deprecated', 'warning', `${name} is deprecated since keepalived ${dep.deprecated}; keepalived ${version} still accepts it.${instead}`, s);
    }
    return;
  }
  for (const e of facts.errors) {
    const said = e.message.replace(/\(%s\)\s*/g, '').replace(/%s/g, '…');
    ctx.report('schema/rejected', 'error', `keepalived ${version} (target build) rejects ${name} whenever it is used: "${said}" (${testFails(ctx)}).`, s);
  }
}
