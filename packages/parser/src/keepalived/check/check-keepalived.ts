import type { Diagnostic } from '../../source/diagnostic.js';
import type { KeepalivedLoadResult } from '../load.js';
import type { KaEffectiveStatement } from '../preprocess/effective.js';
import { keywordSpec, ROOT_CONTEXT } from '../schema/lookup.js';
import { checkArguments } from './arguments.js';
import { checkBlockStructure } from './block-structure.js';
import { checkCommentContinuations } from './comment-continuation.js';
import { checkKeywordRules } from './keyword-rules.js';
import { checkReaderLimits } from './reader-limits.js';
import { checkAvailability, checkDeprecation, reportUnknownKeyword } from './keyword-availability.js';
import { checkListEntries } from './list-entries.js';
import type { KaCheckOptions } from './options.js';
import { resolveTarget } from './options.js';
import { createCheckContext } from './report.js';
import { validateConfiguration } from './validate/index.js';
import type { CheckContext } from './report.js';

/**
 * Checks a loaded keepalived configuration against the keyword schema of the target
 * release and build: unknown or misplaced keywords, keywords the release does not have
 * (added later, removed, not built in), deprecated ones, missing arguments, values
 * keepalived rejects, and braces that do not fit the keyword; then the consistency
 * checks keepalived makes after reading (`config/…`). Severity is `error` where
 * `keepalived -t` fails, `warning` where keepalived accepts the configuration.
 * Unbalanced braces are reported by the parser and loader, not here.
 */
export function checkKeepalived(loaded: Pick<KeepalivedLoadResult, 'files' | 'statements'>, options: KaCheckOptions = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  const ctx = createCheckContext(loaded, resolveTarget(options), out);
  checkReaderLimits(loaded, ctx.target, out);
  checkCommentContinuations(loaded, ctx.target, out);
  checkBody(loaded.statements, ROOT_CONTEXT, ctx);
  if (options.validate !== false) validateConfiguration(loaded.statements, ctx);
  return out;
}

function checkBody(statements: readonly KaEffectiveStatement[], context: string, ctx: CheckContext): void {
  // Indexed: until V8 optimizes a function, for…of allocates an iterator result per element.
  for (let i = 0; i < statements.length; i++) checkStatement(statements[i], context, ctx);
}

function checkStatement(s: KaEffectiveStatement, context: string, ctx: CheckContext): void {
  const spec = keywordSpec(context, s.keyword.value);
  if (!spec) {
    // keepalived would read an unknown block's lines as keywords of this block; we
    // report the keyword once and do not guess at its content.
    reportUnknownKeyword(s, context, ctx);
    return;
  }
  if (!checkAvailability(s, spec, context, ctx)) return;
  checkDeprecation(s, spec, ctx);
  const facts = ctx.facts(spec);
  if (!checkBlockStructure(s, spec, context, facts.args?.length, ctx)) return;
  checkArguments(s, spec, facts.args, ctx, facts.required);
  if (!checkKeywordRules(s, context, ctx)) {
    ctx.skipped.add(s);
    return;
  }
  if (!s.body) return;
  if (spec.block === 'block') checkBody(s.body, spec.name, ctx);
  else if (spec.block === 'list') checkListEntries(s, spec, ctx);
}
