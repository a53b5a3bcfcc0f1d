export type { KaKeywordSpec } from './types.js';
export { KEEPALIVED_RELEASES } from './keywords.generated.js';
export type { KaBuildFeatures, KaFeatureName, KaBuild } from './build-features.js';
export { DEBIAN_BUILD, resolveBuild, evalBuildCondition, featuresIn, missingFeatures } from './build-features.js';
export type { KaSchema, KaAvailability } from './lookup.js';
export {
  DEFAULT_KEEPALIVED_VERSION,
  OLDEST_KEEPALIVED_VERSION,
  ROOT_CONTEXT,
  keepalivedSchema,
  keywordSpec,
  argsAt,
  availability,
  keywordsIn,
  normalizeVersion,
} from './lookup.js';
