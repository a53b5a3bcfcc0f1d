export * from './source/index.js';
export type * from './ast/index.js';
export * from './keepalived/index.js';
export * from './haproxy/index.js';
export * from './model/haproxy/index.js';
export { haproxyVisitorKeys, traverseHaproxy } from './ast/traverse.js';
export type { HaproxyVisitor } from './ast/traverse.js';
