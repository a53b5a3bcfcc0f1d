import type { KaKeywordSpec } from '../schema/types.js';
import type { KaEffectiveStatement } from '../preprocess/effective.js';
import type { CheckContext } from './report.js';
import { q, where } from './report.js';

/**
 * Braces that do not fit the keyword: a block keyword without `{`, a plain keyword with
 * one, a list block with words on its own line.
 * @returns whether the statement's body (if any) should be checked as the keyword's block
 */
export function checkBlockStructure(s: KaEffectiveStatement, spec: KaKeywordSpec, context: string, argCount: number | undefined, ctx: CheckContext): boolean {
  // The common case first: no message text is built for a statement that is fine.
  if (spec.block === 'block' ? !!s.body : spec.block === 'list' ? s.args.length <= (argCount ?? 0) && !!s.body : !s.body) return true;
  const name = q(spec.name);
  const v = ctx.target.version;
  if (spec.block === 'block' && !s.body) {
    ctx.report('schema/block-expected', 'error', `${name} opens a block but no '{' follows: keepalived ${v} reports "Missing '{'" and reads the following lines as the block's content up to the next '}'.`, s);
    return false;
  }
  if (!spec.block && s.body) {
    ctx.report(
      'schema/unexpected-block',
      'error',
      `${name} does not take a block: keepalived ${v} reads the lines inside the braces as keywords ${where(context)}, and the '}' then closes ${context === 'root' ? 'nothing' : context} early.`,
      s,
    );
    return false;
  }
  if (spec.block === 'list') {
    const allowed = argCount ?? 0;
    if (s.args.length > allowed) {
      ctx.report(
        'schema/arity',
        'error',
        `${name} takes its entries inside braces, one per line, not on its own line: keepalived ${v} reports "Block ${spec.name} has extra parameters" and reads the following lines as entries up to the next '}'.`,
        s,
        s.args[allowed],
      );
      return false;
    }
    if (!s.body) {
      ctx.report('schema/block-expected', 'warning', `${name} expects its entries inside braces: without '{' keepalived ${v} reads the following lines as entries up to the next '}'.`, s);
      return false;
    }
  }
  return true;
}
