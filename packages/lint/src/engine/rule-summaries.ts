import { rules } from '../rules/index.js';
import { BUILTIN_CHECKS } from './builtin-checks.js';
import type { RuleSummary } from './types.js';

/** Metadata of every rule and built-in check, for --list-rules, SARIF and config validation. */
export function ruleSummaries(): Map<string, RuleSummary> {
  const out = new Map<string, RuleSummary>();
  for (const rule of rules) {
    out.set(rule.id, {
      id: rule.id,
      description: rule.meta.description,
      severity: rule.meta.severity,
      type: rule.meta.type,
      docs: `docs/rules/${rule.id}.md`,
    });
  }
  for (const check of BUILTIN_CHECKS) out.set(check.id, check);
  return out;
}
