/**
 * `log TARGET [len N] [format F] [sample R:S] [profile P] FACILITY [LEVEL [MINLEVEL]]`:
 * the facility and levels must be syslog's (HAProxy refuses the line otherwise).
 */
import type { Line } from './check-keywords.js';
import type { CheckContext } from './context.js';
import { didYouMean } from './suggest.js';

const FACILITIES = [
  'kern', 'user', 'mail', 'daemon', 'auth', 'syslog', 'lpr', 'news', 'uucp', 'cron', 'auth2', 'ftp', 'ntp', 'audit', 'alert', 'cron2',
  'local0', 'local1', 'local2', 'local3', 'local4', 'local5', 'local6', 'local7',
];
const LEVELS = ['emerg', 'alert', 'crit', 'err', 'warning', 'notice', 'info', 'debug'];

/** Sections whose `log` line has this shape. */
const LOG_GROUPS = new Set(['global', 'proxy', 'peers', 'log-forward']);

export function checkLogLine(ctx: CheckContext, line: Line): void {
  const spec = line.resolved.spec;
  if (!spec || spec.name !== 'log' || !LOG_GROUPS.has(spec.group) || line.resolved.modifier) return;
  const args = line.resolved.args;
  if (args.length === 0 || args[0].value === 'global') return;
  if (args.some((w) => w.hasVariable)) return;
  const options = new Set(['len', 'format', 'sample']);
  if (ctx.atLeast('3.1')) options.add('profile');
  let i = 1;
  while (i < args.length && options.has(args[i].value)) i += 2;
  const facility = args[i];
  if (!facility) {
    ctx.report('schema/missing-argument', 'error', `'log ${args[0].value}' needs a syslog facility (local0 … local7, daemon, …): ${ctx.haproxy} refuses to start`, line.setting.fileName, args[0]);
    return;
  }
  if (!FACILITIES.includes(facility.value)) {
    ctx.report(
      'schema/invalid-value',
      'error',
      `'${facility.value}' is not a syslog facility (${FACILITIES.slice(0, 4).join(', ')}, …, local0 … local7): ${ctx.haproxy} refuses to start${didYouMean(facility.value, FACILITIES)}`,
      line.setting.fileName,
      facility,
    );
    return;
  }
  for (const level of args.slice(i + 1, i + 3)) {
    if (LEVELS.includes(level.value)) continue;
    ctx.report(
      'schema/invalid-value',
      'error',
      `'${level.value}' is not a log level (${LEVELS.join(', ')}): ${ctx.haproxy} refuses to start${didYouMean(level.value, LEVELS)}`,
      line.setting.fileName,
      level,
    );
    return;
  }
}
