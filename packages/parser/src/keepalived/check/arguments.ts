import type { ArgSpec } from '../../schema/types.js';
import type { KaKeywordSpec } from '../schema/types.js';
import type { KaEffectiveStatement } from '../preprocess/effective.js';
import type { CheckContext } from './report.js';
import { q, testFails } from './report.js';
import { valueProblem } from './value-check.js';

/**
 * Missing required arguments and values keepalived rejects. `required` counts the
 * non-optional `args` (worked out once per keyword, not per statement).
 */
export function checkArguments(
  s: KaEffectiveStatement,
  spec: KaKeywordSpec,
  args: readonly ArgSpec[] | undefined,
  ctx: CheckContext,
  required = args ? args.filter((a) => !a.optional).length : 0,
): void {
  if (!args) return;
  const v = ctx.target.version;
  if (s.args.length < required) {
    const missing = args.slice(s.args.length, required).map((a) => a.name);
    ctx.report(
      'schema/arity',
      'error',
      `${q(spec.name)} needs ${required === 1 ? 'a value' : `${required} arguments`} (${missing.join(', ')} missing): keepalived ${v} stops reading the configuration here ("missing a parameter") and does not start.`,
      s,
    );
    return;
  }
  const n = Math.min(s.args.length, args.length);
  for (let i = 0; i < n; i++) {
    const spec_ = args[i];
    if (spec_.value.type === 'any') continue;
    const word = s.args[i];
    const problem = valueProblem(word.value, spec_.value);
    if (problem) {
      ctx.report('schema/value', 'error', `${q(spec.name)}: ${problem}. keepalived ${v} reports the value as invalid and ignores it (${testFails(ctx)}).`, s, word);
    }
  }
}
