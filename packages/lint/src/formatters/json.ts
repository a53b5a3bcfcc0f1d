import type { Formatter } from './types.js';

/** ESLint's JSON shape, so existing ESLint tooling can read our output. */
export const formatJson: Formatter = (results) => `${JSON.stringify(results)}\n`;
