import { CONFIG_CHECKS } from './builtin-checks/config.js';
import { INCLUDE_CHECKS } from './builtin-checks/include.js';
import { LEX_CHECKS } from './builtin-checks/lex.js';
import { LOAD_CHECKS } from './builtin-checks/load.js';
import { MODEL_CHECKS } from './builtin-checks/model.js';
import { PARSE_CHECKS } from './builtin-checks/parse.js';
import { PREPROCESS_CHECKS } from './builtin-checks/preprocess.js';
import { REFERENCE_CHECKS } from './builtin-checks/reference.js';
import { SCHEMA_CHECKS } from './builtin-checks/schema.js';
import type { RuleSummary } from './types.js';

export { CHECK_FAMILIES, UNSUPPRESSIBLE_FAMILIES, checkDocsPath, headingAnchor, isUnsuppressible, type CheckFamily } from './builtin-checks/define.js';

/**
 * Findings of the parsers, loaders and schema checkers, one entry per code they emit
 * (documented per family in docs/checks/). They are configurable and suppressible like
 * rules, except lex/, parse/ and load/ ones, which always show.
 */
export const BUILTIN_CHECKS: RuleSummary[] = [
  {
    id: 'cfglint/unused-disable-directive',
    severity: 'warning',
    type: 'problem',
    description: 'A cfglint-disable comment that suppresses nothing',
    docs: 'docs/rules/cfglint/unused-disable-directive.md',
  },
  ...LEX_CHECKS,
  ...PARSE_CHECKS,
  ...INCLUDE_CHECKS,
  ...PREPROCESS_CHECKS,
  ...LOAD_CHECKS,
  ...MODEL_CHECKS,
  ...SCHEMA_CHECKS,
  ...REFERENCE_CHECKS,
  ...CONFIG_CHECKS,
];
