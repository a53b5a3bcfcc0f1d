export * from './source/index.js';
export type * from './ast/index.js';
export * from './keepalived/index.js';
