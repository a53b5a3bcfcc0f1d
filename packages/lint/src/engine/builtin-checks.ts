import type { RuleSummary } from './types.js';

const check = (id: string, severity: RuleSummary['severity'], description: string): RuleSummary => ({
  id,
  severity,
  type: 'problem',
  description,
  docs: `docs/rules/${id}.md`,
});

/**
 * Findings of the parsers, loaders and schema checkers. They are configurable and
 * suppressible like rules (except lex/, parse/ and load/ ones, which always show).
 */
export const BUILTIN_CHECKS: RuleSummary[] = [
  check('cfglint/unused-disable-directive', 'warning', 'A cfglint-disable comment that suppresses nothing'),
];
