export { lintTargets, type LintOptions, type LintOutcome } from './engine/lint-targets.js';
export { languageFromContent, languageFromName } from './engine/language.js';
export { formatters } from './formatters/index.js';
export type * from './engine/types.js';
