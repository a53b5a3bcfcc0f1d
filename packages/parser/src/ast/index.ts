export type * from './common.js';
export type * from './keepalived.js';
export type * from './haproxy.js';
