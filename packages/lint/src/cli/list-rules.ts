import { byCodeUnits } from '../engine/compare.js';
import type { RuleSummary } from '../engine/types.js';

/** One line per rule and built-in check: id, default severity, description. */
export function listRules(summaries: ReadonlyMap<string, RuleSummary>): string {
  const all = [...summaries.values()].sort((a, b) => byCodeUnits(a.id, b.id));
  const width = Math.max(...all.map((r) => r.id.length));
  return `${all.map((r) => `${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  ${r.description}`).join('\n')}\n`;
}
