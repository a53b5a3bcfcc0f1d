import type { KaEffectiveStatement, KaEffectiveWord } from '../preprocess/effective.js';
import { compareVersions } from '../../schema/types.js';
import type { CheckContext } from './report.js';
import { testFails } from './report.js';
import { isAddress } from './value-check.js';

interface RuleResult {
  word: KaEffectiveWord;
  problem: string;
  /** keepalived skips the whole block after this error. */
  skipsBlock?: boolean;
}

interface Rule {
  context: string;
  name: string;
  since: string;
  test: (s: KaEffectiveStatement) => RuleResult | undefined;
}

/** Value rules of single handlers that the generated ranges and word sets do not express. */
const RULES: Rule[] = [
  {
    context: 'url',
    name: 'digest',
    since: '2.0.6',
    test: (s) => {
      const w = s.args[0];
      return w && !/^[0-9a-fA-F]{32}$/.test(w.value) ? { word: w, problem: `'${w.value}' is not an MD5 digest (32 hex digits)` } : undefined;
    },
  },
  {
    // virtual_server IP [PORT] | fwmark N | group NAME
    context: 'root',
    name: 'virtual_server',
    since: '2.0.7',
    test: (s) => {
      const [first, second] = s.args;
      if (!first || first.value === 'group') return undefined;
      if (first.value === 'fwmark') {
        return second && !/^\d+$/.test(second.value) ? { word: second, problem: `firewall mark '${second.value}' is not a number`, skipsBlock: true } : undefined;
      }
      if (!isAddress(first.value)) return { word: first, problem: `'${first.value}' is not an IP address (nor 'fwmark' or 'group')`, skipsBlock: true };
      if (second && !(/^\d+$/.test(second.value) && Number(second.value) <= 65535)) return { word: second, problem: `'${second.value}' is not a port number`, skipsBlock: true };
      return undefined;
    },
  },
];

/** @returns false when keepalived skips the statement's block because of the error */
export function checkKeywordRules(s: KaEffectiveStatement, context: string, ctx: CheckContext): boolean {
  // Indexed: until V8 optimizes a function, for…of allocates an iterator result per element.
  for (let i = 0; i < RULES.length; i++) {
    const rule = RULES[i];
    if (rule.context !== context || rule.name !== s.keyword.value) continue;
    if (compareVersions(ctx.target.version, rule.since) < 0) continue;
    const result = rule.test(s);
    if (!result) continue;
    const then = result.skipsBlock ? 'ignores the whole block' : 'ignores the value';
    ctx.report('schema/value', 'error', `${rule.name}: ${result.problem}. keepalived ${ctx.target.version} ${then} (${testFails(ctx)}).`, s, result.word);
    if (result.skipsBlock) return false;
  }
  return true;
}
