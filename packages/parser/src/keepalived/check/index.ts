export { checkKeepalived } from './check-keepalived.js';
export type { KaCheckOptions, KaCheckTarget } from './options.js';
export { resolveTarget } from './options.js';
export { closestWords, editDistance } from './did-you-mean.js';
