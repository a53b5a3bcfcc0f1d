export { parseHaproxy } from './parse.js';
export type { HaproxyParseOptions, HaproxyParseResult } from './parse.js';
export { loadHaproxy, expandHaproxyPaths } from './load.js';
export type { HaproxyLoadOptions, HaproxyLoadResult } from './load.js';
export { reprintHaproxy, haproxyLeaves } from './reprint.js';
export type { HaLeaf } from './reprint.js';
export { printHaproxyTree } from './print-tree.js';
export { resolveKeyword, baseKeyword } from './keywords.js';
export type { KeywordResolver, ResolvedKeyword } from './keywords.js';
export { HAPROXY_SECTION_KEYWORDS, MAX_LINE_WORDS } from './scanner.js';
export { expandWord, expandWordValue } from './expand.js';
export type { PseudoVariables } from './expand.js';
export {
  CONDITION_PREDICATES,
  compareHaproxyVersions,
  evaluateCondition,
  parseCondition,
} from './condition.js';
export type { ConditionContext, ConditionNode, ConditionValue } from './condition.js';
export { MAX_CONDITION_DEPTH } from './to-ast.js';
