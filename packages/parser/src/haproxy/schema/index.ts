export { getHaproxySchema, HaproxySchema, keywordGroupOf } from './schema.js';
export { haproxyKeywordLength, schemaKeywordResolver } from './resolve-keyword.js';
export {
  availability,
  HAPROXY_DEFAULT_VERSION,
  HAPROXY_VERSIONS,
  isDeprecatedIn,
  normalizeHaproxyVersion,
  pickByVersion,
} from './versions.js';
export type { Availability } from './versions.js';
export { PROXY_SECTION_KINDS } from './types.js';
export type { HaFeature, HaGeneratedSchema, HaKeywordSpec, HaNamedEntry, HaOptionSpec, HaSectionSpec } from './types.js';
