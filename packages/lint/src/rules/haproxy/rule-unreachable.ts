import type { HaCondition, HaProxy, HaProxyLike, HaRule, HaSetting } from '@cfglint/parser';
import { haproxyRule } from '../../engine/contexts.js';
import type { ReportDescriptor } from '../../engine/rule.js';
import { keywordSpan, settingSpan, wordSpan } from './locate.js';

/** Actions that end the evaluation of their rule list (HAProxy's final actions, plus those that drop or hand over the stream). */
const FINAL: Readonly<Record<string, ReadonlySet<string>>> = {
  'http-request': new Set(['allow', 'deny', 'tarpit', 'auth', 'redirect', 'return', 'reject', 'silent-drop', 'use-service']),
  'http-response': new Set(['allow', 'deny', 'redirect', 'return', 'silent-drop']),
  'http-after-response': new Set(['allow']),
  'tcp-request connection': new Set(['accept', 'reject', 'silent-drop']),
  'tcp-request session': new Set(['accept', 'reject', 'silent-drop']),
  'tcp-request content': new Set(['accept', 'reject', 'silent-drop', 'use-service']),
  'tcp-response content': new Set(['accept', 'reject', 'close', 'silent-drop']),
};

/** What each list is evaluated for. */
const UNIT: Readonly<Record<string, string>> = {
  'tcp-request connection': 'connection',
  'tcp-request session': 'session',
  'http-response': 'response',
  'http-after-response': 'response',
  'tcp-response content': 'response',
};

/** No condition, `if TRUE` or `unless FALSE`: the line applies to everything. */
function always(condition: HaCondition | undefined): boolean {
  if (!condition) return true;
  const words = condition.words;
  return words.length === 1 && words[0].value === (condition.kind === 'if' ? 'TRUE' : 'FALSE');
}

function isFinal(rule: HaRule): boolean {
  if (rule.keyword === 'redirect') return !rule.args.some((w) => w.value === 'ignore-empty');
  if (!FINAL[rule.keyword]?.has(rule.action)) return false;
  // A redirect with ignore-empty lets evaluation go on when its location is empty.
  return !(rule.action === 'redirect' && rule.args.some((w) => w.value === 'ignore-empty'));
}

const written = (rule: HaRule) => (rule.keyword === 'redirect' ? 'redirect' : `${rule.keyword} ${rule.action}`);

export default haproxyRule({
  id: 'haproxy/rule-unreachable',
  meta: {
    type: 'problem',
    severity: 'warning',
    description: 'A rule, use_backend or default_backend that never applies: an earlier unconditional one always decides first',
  },
  messages: {
    afterFinal:
      "this '{{keyword}}' rule never runs: the '{{final}}' rule before it has no condition and ends the '{{keyword}}' rules for every {{unit}}",
    afterStatsRule: "this 'stats http-request' rule never runs: the one before it has no condition, so it decides for every request to the stats page",
    afterUseBackend:
      "this use_backend never applies: the use_backend '{{backend}}' before it has no condition, so HAProxy stops at it for every request (a dynamic name that finds no backend falls back on default_backend, not on later lines)",
    defaultUnused: "default_backend '{{backend}}' never applies: the use_backend '{{chosen}}' has no condition and picks a backend for every request first",
    defaultOverridden: "this default_backend is replaced by the one on a later line: HAProxy keeps only the last default_backend of a section",
  },
  defaultOptions: {},
  check({ model, report }) {
    const sections: HaProxyLike[] = [...model.defaults, ...model.proxies];
    for (const section of sections) {
      if (section.undecided) continue;
      const enders = new Map<string, HaRule>();
      for (const rule of section.rules) {
        if (rule.setting.undecided) continue;
        const ender = enders.get(rule.keyword);
        if (ender) {
          report({
            messageId: 'afterFinal',
            data: { keyword: rule.keyword, final: written(ender), unit: UNIT[rule.keyword] ?? 'request' },
            at: keywordSpan(rule.setting),
            related: [{ at: settingSpan(ender.setting), message: 'the rule that always ends them' }],
          });
        } else if (isFinal(rule) && always(rule.condition)) enders.set(rule.keyword, rule);
      }
      let statsEnder: HaSetting | undefined;
      for (const rule of section.stats.httpRequests) {
        if (rule.setting.undecided) continue;
        if (statsEnder) {
          report({ messageId: 'afterStatsRule', at: keywordSpan(rule.setting), related: [{ at: settingSpan(statsEnder), message: 'the rule without a condition' }] });
        } else if (always(rule.condition)) statsEnder = rule.setting;
      }
      if (section.kind !== 'defaults') checkRouting(section as HaProxy, report);
    }
  },
});

type Report = (d: ReportDescriptor<'afterUseBackend' | 'defaultUnused' | 'defaultOverridden'>) => void;

function checkRouting(proxy: HaProxy, report: Report): void {
  // The first matching use_backend ends the list, even when its dynamic name finds no backend
  // (HAProxy then falls back on default_backend).
  let chosen: { backend: string; setting: HaSetting; dynamic: boolean } | undefined;
  for (const u of proxy.useBackends) {
    if (u.setting.undecided) continue;
    if (chosen) {
      report({
        messageId: 'afterUseBackend',
        data: { backend: chosen.backend },
        at: keywordSpan(u.setting),
        related: [{ at: settingSpan(chosen.setting), message: 'the use_backend without a condition' }],
      });
    } else if (always(u.condition)) chosen = { backend: u.backend, setting: u.setting, dynamic: u.dynamic };
  }
  const defaults = proxy.settings.filter((s) => s.keyword === 'default_backend' && !s.undecided && s.args.length > 0);
  for (const d of defaults.slice(0, -1)) {
    report({
      messageId: 'defaultOverridden',
      at: keywordSpan(d),
      related: [{ at: keywordSpan(defaults[defaults.length - 1]), message: 'the default_backend HAProxy keeps' }],
    });
  }
  const last = defaults[defaults.length - 1];
  if (chosen && !chosen.dynamic && last) {
    report({
      messageId: 'defaultUnused',
      data: { backend: last.values[0], chosen: chosen.backend },
      at: wordSpan(last.fileName, last.args[0]),
      related: [{ at: settingSpan(chosen.setting), message: 'the use_backend without a condition' }],
    });
  }
}
