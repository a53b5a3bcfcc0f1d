import { splitCondition } from './acl.js';
import { parseRule } from './rules.js';
import type { HaRule, HaSetting, HaStats } from './types.js';

export function emptyStats(): HaStats {
  return { enabled: false, auth: [], admin: [], scopes: [], httpRequests: [], settings: [] };
}

export function cloneStats(s: HaStats): HaStats {
  return { ...s, auth: [...s.auth], admin: [...s.admin], scopes: [...s.scopes], httpRequests: [...s.httpRequests], settings: [...s.settings] };
}

/** Process-level `stats` keywords of the global section, which do not enable a page. */
const NOT_PAGE: ReadonlySet<string> = new Set(['stats socket', 'stats timeout', 'stats maxconn', 'stats bind-process']);

/** Applies one `stats …` line of a proxy or defaults section. Returns false for other keywords. */
export function applyStats(stats: HaStats, setting: HaSetting): boolean {
  const { keyword, values, args } = setting;
  if (!keyword.startsWith('stats ') || NOT_PAGE.has(keyword)) return false;
  stats.settings.push(setting);
  stats.enabled = true;
  switch (keyword) {
    case 'stats enable':
      stats.enable = setting;
      break;
    case 'stats uri':
      if (values.length > 0) stats.uri = { value: values[0], setting };
      break;
    case 'stats realm':
      if (values.length > 0) stats.realm = { value: values[0], setting };
      break;
    case 'stats refresh':
      if (values.length > 0) stats.refresh = { value: values[0], setting };
      break;
    case 'stats auth': {
      const v = values[0];
      if (v !== undefined) {
        const colon = v.indexOf(':');
        stats.auth.push({
          user: colon < 0 ? v : v.slice(0, colon),
          password: colon < 0 ? '' : v.slice(colon + 1),
          word: args[0],
          setting,
        });
      }
      break;
    }
    case 'stats admin': {
      const { condition } = splitCondition(args, values, 0);
      const rule: HaRule = { keyword: 'stats admin', action: 'admin', args: [], setting };
      if (condition) rule.condition = condition;
      stats.admin.push(rule);
      break;
    }
    case 'stats hide-version':
      stats.hideVersion = setting;
      break;
    case 'stats show-legends':
      stats.showLegends = setting;
      break;
    case 'stats show-node':
      stats.showNode = setting;
      break;
    case 'stats show-desc':
      stats.showDesc = setting;
      break;
    case 'stats scope':
      if (values.length > 0) stats.scopes.push({ value: values[0], setting });
      break;
    case 'stats http-request':
      stats.httpRequests.push(parseRule(setting));
      break;
  }
  return true;
}
