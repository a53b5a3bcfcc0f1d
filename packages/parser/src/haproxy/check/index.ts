export { checkHaproxy } from './check-haproxy.js';
export { DEFAULT_FEATURES } from './context.js';
export type { CheckHaproxyOptions } from './context.js';
