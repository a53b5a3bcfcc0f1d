export type * from './types.js';
export { buildHaproxyModel } from './build-model.js';
export type { HaproxyModelInput, HaproxyModelOptions } from './build-model.js';
export { parseHaproxyAddress, addressesOverlap } from './address.js';
export { PREDEFINED_ACLS } from './acl.js';
export { BIND_OPTIONS, SERVER_OPTIONS } from './options.js';
export { parseDuration } from './values.js';
