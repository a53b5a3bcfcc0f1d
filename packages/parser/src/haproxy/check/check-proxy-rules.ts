/**
 * Rules HAProxy checks across the lines of one proxy: health-check sequences that
 * open a connection must start with it, and counters tracked with `track-scN` need a
 * stick table. Plus `filter` lines naming filters the target version has.
 */
import type { HaSectionBase } from '../../model/haproxy/types.js';
import type { Line } from './check-keywords.js';
import type { CheckContext } from './context.js';
import { didYouMean } from './suggest.js';

/** Steps allowed before the first `connect` of a tcp-check/http-check sequence. */
const BEFORE_CONNECT = new Set(['comment', 'set-var', 'unset-var']);

function checkStepWord(line: Line): string {
  const words = line.resolved.spec?.name.split(' ') ?? [];
  return words[1] ?? '';
}

/** `tcp-check connect` / `http-check connect` anywhere makes the first step a connect. */
export function checkCheckSequences(ctx: CheckContext, lines: Line[]): void {
  // Most proxies have no check steps: one pass to see, before any filtering.
  let any = false;
  for (let i = 0; i < lines.length && !any; i++) {
    const name = lines[i].resolved.spec?.name;
    any = name !== undefined && (name.startsWith('tcp-check ') || name.startsWith('http-check '));
  }
  if (!any) return;
  for (const family of ['tcp-check', 'http-check']) {
    const prefix = `${family} `;
    const steps = lines.filter((l) => l.resolved.spec?.name.startsWith(prefix) && !l.resolved.modifier);
    // http-check send-state / disable-on-404 are settings, not steps.
    const real = steps.filter((l) => !['send-state', 'disable-on-404'].includes(checkStepWord(l)));
    if (!real.some((l) => checkStepWord(l) === 'connect')) continue;
    const first = real.find((l) => !BEFORE_CONNECT.has(checkStepWord(l)));
    if (!first || checkStepWord(first) === 'connect') continue;
    const connect = real.find((l) => checkStepWord(l) === 'connect') as Line;
    ctx.report(
      'schema/check-sequence',
      'error',
      `this ${family} sequence has a 'connect' step, so it must start with it (only comment, set-var and unset-var may come first), but it starts with '${checkStepWord(first)}': ${ctx.haproxy} refuses to start`,
      connect.setting.fileName,
      { start: connect.resolved.nameWords[0].start, end: connect.resolved.nameWords[connect.resolved.nameWords.length - 1].end },
      [ctx.related(first.setting.fileName, first.resolved.nameWords[0], 'the first step')],
    );
  }
}

const TRACK_RULES = new Set(['http-request', 'http-response', 'tcp-request connection', 'tcp-request session', 'tcp-request content', 'tcp-response content']);

/** `track-scN KEY [table T]`: T (default: this proxy) must hold a stick-table. */
export function checkTrackTables(ctx: CheckContext, section: HaSectionBase, lines: Line[], tables: Set<string>): void {
  // Indexed: until V8 optimizes a function, for…of allocates an iterator result per element.
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const spec = line.resolved.spec;
    if (!spec || !TRACK_RULES.has(spec.name)) continue;
    const args = line.resolved.args;
    if (!args[0] || !/^track-sc\d+$/.test(args[0].value)) continue;
    const t = args.findIndex((w, i) => i >= 2 && w.value === 'table');
    const named = t > 0 ? args[t + 1] : undefined;
    if (named?.hasVariable) continue;
    const table = named?.value ?? section.name ?? '';
    if (named && table.includes('/')) continue;
    if (tables.has(table)) continue;
    const message = named
      ? `'${args[0].value}' tracks into table '${table}', but no section of that name has a stick-table: ${ctx.haproxy} refuses to start${didYouMean(table, tables)}`
      : `'${args[0].value}' without 'table' tracks into this ${section.kind}'s own table, and it has no stick-table: ${ctx.haproxy} refuses to start`;
    ctx.report('reference/undefined-table', 'error', message, line.setting.fileName, named ?? args[0]);
  }
}

/** `filter NAME [args]`: a filter the target has; spoe needs its configuration file. */
export function checkFilter(ctx: CheckContext, line: Line): void {
  const spec = line.resolved.spec;
  if (spec?.name !== 'filter' || spec.group !== 'proxy') return;
  const word = line.resolved.args[0];
  if (!word || word.hasVariable) return;
  const entry = ctx.schema.filter(word.value);
  if (!entry || ctx.schema.available(entry) !== 'available') {
    const why = entry && ctx.schema.available(entry) === 'not-yet' ? `only exists from HAProxy ${entry.versions?.added} on` : 'is unknown';
    ctx.report('schema/unknown-filter', 'error', `the filter '${word.value}' ${why}: ${ctx.haproxy} refuses to start`, line.setting.fileName, word);
    return;
  }
  if (word.value === 'spoe' && !line.resolved.args.some((w) => w.value === 'config')) {
    ctx.report('schema/missing-argument', 'error', `'filter spoe' needs 'config FILE' (the SPOE configuration): ${ctx.haproxy} refuses to start`, line.setting.fileName, word);
  }
}
