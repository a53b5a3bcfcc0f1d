export * from './source/index.js';
export type * from './ast/index.js';
