/**
 * Names HAProxy restricts to letters, digits and `. : _ -` (its invalid_char()):
 * ACL names and server names. Section names are checked with the sections.
 */
import type { Line } from './check-keywords.js';
import type { CheckContext } from './context.js';

const VALID_NAME = /^[A-Za-z0-9._:-]*$/;

const NAMED: Record<string, string> = { 'proxy:acl': 'acl', 'fcgi-app:acl': 'acl', 'proxy:server': 'server', 'proxy:server-template': 'server' };

/** The keyword names NAMED holds: other lines skip building a lookup string. */
const NAMED_KEYWORDS = new Set(['acl', 'server', 'server-template']);

export function checkNames(ctx: CheckContext, line: Line): void {
  const spec = line.resolved.spec;
  if (!spec || !NAMED_KEYWORDS.has(spec.name)) return;
  const what = NAMED[`${spec.group}:${spec.name}`];
  const word = line.resolved.args[0];
  if (!what || !word || word.hasVariable) return;
  // Most names are fine: one pass of a compiled pattern, not a regular expression per character.
  if (VALID_NAME.test(word.value)) return;
  const bad = [...word.value].find((c) => !/[A-Za-z0-9._:-]/.test(c));
  if (bad === undefined) return;
  ctx.report('schema/invalid-name', 'error', `character '${bad}' is not allowed in ${what} name '${word.value}' (letters, digits, '.', ':', '_', '-'): ${ctx.haproxy} refuses to start`, line.setting.fileName, word);
}

const TRACKING_RULES = new Set(['http-request', 'http-response', 'tcp-request connection', 'tcp-request session', 'tcp-request content', 'tcp-response content']);

/** `track-scN` counts from 0 to the number of stick counters minus one (3 unless tune.stick-counters, 2.8+, says more). */
export function checkTrackCounter(ctx: CheckContext, line: Line): void {
  const spec = line.resolved.spec;
  if (!spec || !TRACKING_RULES.has(spec.name)) return;
  const action = line.resolved.args[0];
  const m = action ? /^track-sc(\d+)$/.exec(action.value) : null;
  if (!m || !action) return;
  let limit = 3;
  const tuned = ctx.atLeast('2.8') ? ctx.loaded.model.global.byKeyword.get('tune.stick-counters') : undefined;
  if (tuned && /^\d+$/.test(tuned.values[0] ?? '')) limit = Number(tuned.values[0]);
  if (Number(m[1]) < limit) return;
  ctx.report(
    'schema/invalid-value',
    'error',
    `'${action.value}' needs ${Number(m[1]) + 1} stick counters but ${ctx.haproxy} has ${limit} (track-sc0 … track-sc${limit - 1})${ctx.atLeast('2.8') ? "; raise them with 'tune.stick-counters' in global" : ''}: it refuses to start`,
    line.setting.fileName,
    action,
  );
}
