/**
 * Sample fetches and converters named in ACL criteria, anonymous ACLs, `%[…]`
 * log-format expressions and rule expressions (`set-var(…) EXPR`, `track-scN KEY`,
 * `stick on EXPR`) must exist in the target version. Names Lua scripts register at
 * load time (`lua.NAME`) cannot be known here and are left alone.
 */
import type { Word } from '../../ast/common.js';
import type { HaNamedEntry } from '../schema/types.js';
import type { Line } from './check-keywords.js';
import { conditionParts } from './condition-words.js';
import type { CheckContext } from './context.js';
import { logFormatExprs, parseSampleExpr, type ExprName, type ParsedExpr } from './sample-expr.js';
import { didYouMean } from './suggest.js';

const RULES = new Set(['http-request', 'http-response', 'http-after-response', 'tcp-request connection', 'tcp-request session', 'tcp-request content', 'tcp-response content']);

/** Rule actions whose next word is a sample expression. */
function takesExpression(action: string): boolean {
  return /^(set-var\(|track-sc\d$|capture$|set-src$|set-dst$|set-src-port$|set-dst-port$)/.test(action);
}

export function checkSamples(ctx: CheckContext, line: Line): void {
  const spec = line.resolved.spec;
  if (!spec || ctx.schema.available(spec) !== 'available') return;
  const args = line.resolved.args;
  // Log-format expressions, wherever they are written. Indexed: until V8 optimizes a function, for…of allocates an iterator result per element.
  for (let i = 0; i < args.length; i++) {
    const w = args[i];
    if (!w.hasVariable && w.value.includes('%[')) for (const e of logFormatExprs(w.value)) checkExpr(ctx, line, w, e, 'fetch');
  }
  if (spec.name === 'acl' && args[1]) checkCriterion(ctx, line, args[1]);
  if (spec.name === 'set-var' && spec.group === 'global' && args[1]) checkExprWord(ctx, line, args[1]);
  if (spec.name.startsWith('stick ') && spec.name !== 'stick-table' && args[0]) checkExprWord(ctx, line, args[0]);
  if (RULES.has(spec.name) && args[0] && takesExpression(args[0].value) && args[1]) checkExprWord(ctx, line, args[1]);
  // Anonymous ACLs in a condition: `if { req.hdr(x) -m found }`.
  for (let i = 0; i < args.length; i++) {
    const v = args[i].value;
    if ((v !== 'if' && v !== 'unless') || args[i].quoted) continue;
    for (const anon of conditionParts(args.slice(i + 1)).anonymous) if (anon[0]) checkCriterion(ctx, line, anon[0]);
    break;
  }
}

function checkExprWord(ctx: CheckContext, line: Line, word: Word): void {
  if (word.hasVariable || word.value.startsWith('%[')) return;
  checkExpr(ctx, line, word, parseSampleExpr(word.value), 'fetch');
}

function checkCriterion(ctx: CheckContext, line: Line, word: Word): void {
  if (word.hasVariable) return;
  checkExpr(ctx, line, word, parseSampleExpr(word.value), 'acl');
}

function checkExpr(ctx: CheckContext, line: Line, word: Word, expr: ParsedExpr, kind: 'fetch' | 'acl'): void {
  if (expr.fetch) {
    const f = expr.fetch;
    const entry = ctx.schema.fetch(f.name) ?? (kind === 'acl' ? ctx.schema.aclKeyword(f.name) : undefined);
    if (!report(ctx, line, word, f, entry, 'sample fetch', kind === 'acl' ? 'ACL criterion' : 'expression')) return;
  }
  for (const c of expr.converters) {
    if (!report(ctx, line, word, c, ctx.schema.converter(c.name), 'converter', 'expression')) return;
  }
}

function candidates(ctx: CheckContext, what: string): string[] {
  const list = what === 'converter' ? ctx.schema.converters() : ctx.schema.fetches();
  return list.filter((e) => ctx.schema.available(e) === 'available').map((e) => e.name);
}

/** Reports a missing or unavailable name; returns whether checking may go on. */
function report(ctx: CheckContext, line: Line, word: Word, name: ExprName, entry: HaNamedEntry | undefined, what: string, where: string): boolean {
  if (name.name.startsWith('lua.')) return true;
  if (/^\d/.test(name.name)) return true;
  const range = word.text === word.value ? { start: word.start + name.at, end: word.start + name.at + name.name.length } : word;
  if (!entry) {
    ctx.report('schema/unknown-sample', 'error', `unknown ${what} '${name.name}' in this ${where}: ${ctx.haproxy} refuses to start${didYouMean(name.name, candidates(ctx, what))}`, line.setting.fileName, range);
    return false;
  }
  const availability = ctx.schema.available(entry);
  if (availability !== 'available') {
    const why = availability === 'not-yet' ? `only exists from HAProxy ${entry.versions?.added} on` : `was removed in HAProxy ${entry.versions?.removed}`;
    ctx.report('schema/unknown-sample', 'error', `the ${what} '${name.name}' ${why}: ${ctx.haproxy} refuses to start`, line.setting.fileName, range);
    return false;
  }
  if (entry.requires && !ctx.features.has(entry.requires)) {
    ctx.report(
      'schema/missing-build-option',
      ctx.featuresGiven ? 'error' : 'warning',
      `the ${what} '${name.name}' only exists when HAProxy is built with ${entry.requires}`,
      line.setting.fileName,
      range,
    );
    return false;
  }
  return true;
}
