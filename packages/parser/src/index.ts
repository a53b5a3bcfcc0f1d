export * from './source/index.js';
export type * from './ast/index.js';
export * from './keepalived/index.js';
export * from './haproxy/index.js';
export * from './model/haproxy/index.js';
export { haproxyVisitorKeys, traverseHaproxy } from './ast/traverse.js';
export type { HaproxyVisitor } from './ast/traverse.js';
export { DEFAULT_KEEPALIVED_VERSION } from './keepalived/schema/lookup.js';
export { HAPROXY_DEFAULT_VERSION } from './haproxy/schema/versions.js';
export { KEEPALIVED_RELEASES } from './keepalived/schema/keywords.generated.js';
export { HAPROXY_VERSIONS } from './haproxy/schema/versions.js';
export { compareVersions } from './schema/types.js';
export type { ArgSpec, KeywordSpec, ValueType, Version, VersionInfo } from './schema/types.js';
export * from './haproxy/schema/index.js';
export * from './haproxy/check/index.js';
export { checkKeepalived } from './keepalived/check/index.js';
export type { KaCheckOptions } from './keepalived/check/index.js';
export {
  keepalivedSchema,
  keywordSpec as keepalivedKeywordSpec,
  argsAt as keepalivedArgsAt,
  availability as keepalivedAvailability,
  keywordsIn as keepalivedKeywordsIn,
  normalizeVersion as normalizeKeepalivedVersion,
  OLDEST_KEEPALIVED_VERSION,
  DEBIAN_BUILD as KEEPALIVED_DEBIAN_BUILD,
  resolveBuild as resolveKeepalivedBuild,
} from './keepalived/schema/index.js';
export type { KaKeywordSpec, KaBuildFeatures, KaFeatureName, KaSchema, KaAvailability } from './keepalived/schema/index.js';
export * from './files/index.js';
export { isDottedQuad } from './model/dotted-quad.js';
