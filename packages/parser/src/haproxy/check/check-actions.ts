/**
 * The action word of http-request/http-response/http-after-response and
 * tcp-request/tcp-response rules must be one the target version registers
 * (checked from 2.2 on, where every action is in the registration tables).
 */
import type { Line } from './check-keywords.js';
import type { CheckContext } from './context.js';
import { bareWord } from './resolve.js';
import { didYouMean } from './suggest.js';

/** Actions some versions parse outside the tables (track-sc0..2 share 'track-sc'). */
function tableName(action: string): string {
  if (/^track-sc\d+$/.test(action)) return 'track-sc';
  if (/^sc-(inc|set|add|clr)-gp[ct]\d*$/.test(action)) return action.replace(/\d+$/, '');
  return action;
}

/** Actions valid in every rule kind, handled before the tables (e.g. `do-log` is registered, these are not). */
const BUILT_IN: Record<string, string[]> = {
  'tcp-request connection': ['accept', 'reject', 'expect-proxy', 'expect-netscaler-cip', 'capture', 'track-sc'],
  'tcp-request session': ['accept', 'reject', 'track-sc'],
  'tcp-request content': ['accept', 'reject', 'capture', 'track-sc', 'set-dst', 'switch-mode'],
  'tcp-response content': ['accept', 'reject', 'close'],
  'http-request': ['track-sc'],
  'http-response': ['track-sc'],
  'http-after-response': [],
};

export function checkAction(ctx: CheckContext, line: Line): void {
  const spec = line.resolved.spec;
  if (!spec || !ctx.atLeast('2.2')) return;
  const kind = spec.name === 'stats http-request' ? undefined : spec.name;
  if (!kind || !(kind in BUILT_IN)) return;
  const word = line.resolved.args[0];
  if (!word || word.hasVariable) return;
  const bare = bareWord(word.value);
  const name = tableName(bare);
  if (BUILT_IN[kind].includes(name) || BUILT_IN[kind].includes(bare)) return;
  // Actions that Lua scripts register at load time (`lua.NAME`) cannot be known here.
  if (name.startsWith('lua.')) return;
  // The exact name first (sc-inc-gpc0), then its numbered family (track-sc0 → track-sc).
  const exact = ctx.schema.action(kind, bare);
  const entry = exact && ctx.schema.available(exact) === 'available' ? exact : (ctx.schema.action(kind, name) ?? exact);
  if (entry && ctx.schema.available(entry) === 'available') {
    if (entry.requires && !ctx.features.has(entry.requires)) {
      ctx.report('schema/missing-build-option', ctx.featuresGiven ? 'error' : 'warning', `the '${kind}' action '${name}' needs HAProxy built with ${entry.requires}`, line.setting.fileName, word);
    }
    return;
  }
  const known = ctx.schema.actions(kind).filter((a) => ctx.schema.available(a) === 'available').map((a) => a.name);
  if (known.length === 0) return;
  const why = entry
    ? ctx.schema.available(entry) === 'not-yet'
      ? `only exists from HAProxy ${entry.versions?.added} on`
      : `was removed in HAProxy ${entry.versions?.removed}`
    : 'is unknown';
  ctx.report(
    'schema/unknown-action',
    'error',
    `the '${kind}' action '${word.value}' ${why}: ${ctx.haproxy} refuses to start${entry ? '' : didYouMean(name, [...known, ...BUILT_IN[kind]])}`,
    line.setting.fileName,
    word,
  );
}
