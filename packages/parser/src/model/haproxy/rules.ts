import { splitCondition } from './acl.js';
import type { HaDefaultBackend, HaRule, HaSetting, HaUseBackend, HaUseServer } from './types.js';

/** Keywords whose lines are rules: an action, arguments, and an optional condition. */
export const RULE_KEYWORDS: ReadonlySet<string> = new Set([
  'http-request',
  'http-response',
  'http-after-response',
  'tcp-request connection',
  'tcp-request session',
  'tcp-request content',
  'tcp-response content',
  'redirect',
  'block',
]);

/** `KEYWORD ACTION args… [if|unless COND]` */
export function parseRule(setting: HaSetting, actionIndex = 0): HaRule {
  const { args, values } = setting;
  if (setting.keyword === 'block') {
    // 1.5-era `block if COND`: the keyword is the action.
    const { condition } = splitCondition(args, values, 0);
    const rule: HaRule = { keyword: 'block', action: 'block', args: [], setting };
    if (condition) rule.condition = condition;
    return rule;
  }
  const { end, condition } = splitCondition(args, values, actionIndex + 1);
  const rule: HaRule = {
    keyword: setting.keyword,
    action: values[actionIndex] ?? '',
    args: args.slice(actionIndex + 1, end),
    setting,
  };
  if (args[actionIndex]) rule.actionWord = args[actionIndex];
  if (condition) rule.condition = condition;
  return rule;
}

/** A backend name given as a log-format expression is only known at run time. */
function isDynamicName(name: string): boolean {
  return name.includes('%[') || name.includes('%{');
}

/** `use_backend NAME [if|unless COND]` */
export function parseUseBackend(setting: HaSetting): HaUseBackend | undefined {
  const { args, values } = setting;
  if (args.length === 0) return undefined;
  const { condition } = splitCondition(args, values, 1);
  const rule: HaUseBackend = { backend: values[0], backendWord: args[0], dynamic: isDynamicName(values[0]), setting };
  if (condition) rule.condition = condition;
  return rule;
}

/** `default_backend NAME` */
export function parseDefaultBackend(setting: HaSetting): HaDefaultBackend | undefined {
  if (setting.args.length === 0) return undefined;
  return { backend: setting.values[0], backendWord: setting.args[0], dynamic: isDynamicName(setting.values[0]), setting };
}

/** `use-server NAME [if|unless COND]` */
export function parseUseServer(setting: HaSetting): HaUseServer | undefined {
  const { args, values } = setting;
  if (args.length === 0) return undefined;
  const { condition } = splitCondition(args, values, 1);
  const rule: HaUseServer = { server: values[0], serverWord: args[0], setting };
  if (condition) rule.condition = condition;
  return rule;
}
