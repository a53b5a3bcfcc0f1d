/**
 * Argument checks: a keyword written without the argument it needs, and values
 * HAProxy parses strictly (durations, numbers, sizes, fixed words). Only keywords
 * whose strictness was measured are value-checked, so an argument HAProxy reads
 * loosely never becomes an error here.
 */
import { haproxyExtraArgument, haproxyMissingArgument, haproxyValueStrictness } from '../schema/placement.generated.js';
import type { HaKeywordSpec } from '../schema/types.js';
import { pickByVersion } from '../schema/versions.js';
import type { Line } from './check-keywords.js';
import { perEntry, type CheckContext } from './context.js';
import { didYouMean } from './suggest.js';
import { checkDuration, checkInteger, checkSize, type ValueVerdict } from './values.js';

const argsAt = perEntry((ctx, spec: HaKeywordSpec) => pickByVersion(spec.argsByVersion, ctx.version)?.args ?? spec.args ?? []);

/** What was measured for a keyword: alone, and with a bad first typed value. */
const measured = perEntry((_ctx, spec: HaKeywordSpec) => {
  const key = `${spec.group}:${spec.name}`;
  return { bare: haproxyMissingArgument[key], strictness: haproxyValueStrictness[key], extra: haproxyExtraArgument[key] };
});

export function checkArguments(ctx: CheckContext, line: Line): void {
  const { resolved, setting } = line;
  const spec = resolved.spec;
  if (!spec || ctx.schema.available(spec) !== 'available') return;
  const args = resolved.args;
  const { bare, strictness, extra } = measured(ctx, spec);
  const last = resolved.nameWords[resolved.nameWords.length - 1];
  // `no option x` and `default option x` take no argument of their own.
  if (resolved.modifier) return;
  // Measured: what HAProxy does with the keyword alone (unmeasured keywords are left alone).
  if ((spec.minArgs ?? 0) >= 1 && args.length === 0 && (bare === 'error' || bare === 'warning')) {
    // A keyword glued to its argument (`set-var(x)`) carries it in its own word.
    if (last.value.includes('(')) return;
    const effect = bare === 'error' ? `${ctx.haproxy} refuses to start` : 'HAProxy warns and ignores the line';
    ctx.report(
      'schema/missing-argument',
      bare,
      `'${spec.name}' needs ${spec.minArgs === 1 ? 'an argument' : `${spec.minArgs} arguments`} (${spec.signature?.[0] ?? ''}): ${effect}`,
      setting.fileName,
      { start: resolved.nameWords[0].start, end: last.end },
    );
    return;
  }
  // Measured: a keyword of fixed arity refuses a word more.
  if (extra === 'error' && spec.maxArgs !== undefined && args.length > spec.maxArgs && !spec.condition) {
    const word = args[spec.maxArgs];
    ctx.report(
      'schema/too-many-arguments',
      'error',
      `'${spec.name}' takes ${spec.maxArgs === 0 ? 'no argument' : spec.maxArgs === 1 ? 'one argument' : `${spec.maxArgs} arguments`}: ${ctx.haproxy} refuses the extra '${word.value}' and does not start`,
      setting.fileName,
      word,
    );
    return;
  }
  if (strictness !== 'error' && strictness !== 'warning') return;
  const specs = argsAt(ctx, spec);
  for (let i = 0; i < specs.length && i < args.length; i++) {
    const a = specs[i];
    if (a.optional || a.variadic) break;
    const word = args[i];
    if (word.hasVariable) continue;
    const v = a.value;
    let verdict: ValueVerdict | undefined;
    if (v.type === 'time') verdict = checkDuration(word.value);
    else if (v.type === 'int') verdict = checkInteger(word.value, v.min, v.max);
    else if (v.type === 'size') verdict = checkSize(word.value);
    else if (v.type === 'enum') {
      const ok = v.caseInsensitive ? v.values.some((x) => x.toLowerCase() === word.value.toLowerCase()) : v.values.includes(word.value);
      verdict = ok ? { ok: true } : { ok: false, severity: 'error', reason: `'${word.value}' is not one of ${v.values.map((x) => `'${x}'`).join(', ')}${didYouMean(word.value, v.values)}` };
    }
    if (!verdict || verdict.ok) continue;
    const severity = strictness === 'warning' ? 'warning' : verdict.severity;
    const effect = severity === 'error' ? `${ctx.haproxy} refuses to start` : 'HAProxy warns and reads it anyway';
    ctx.report('schema/invalid-value', severity, `${verdict.reason} for '${spec.name}': ${effect}`, setting.fileName, word);
    return;
  }
}
