export { startServer, SERVER_NAME, SERVER_VERSION } from './server.js';
export type { ServerOptions } from './server.js';
export { ConfigDocument } from './document/config-document.js';
export { runFullCheck } from './analysis/full-check.js';
export type { CheckRequest, CheckResult, Finding } from './analysis/full-check.js';
