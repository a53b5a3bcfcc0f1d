import { family } from './define.js';

/** The keepalived loader could not produce the configuration at all. */
export const LOAD_CHECKS = family('load', {
  internal: ['error', "cfglint's keepalived loader failed on this input (a cfglint bug; please report it)"],
  unreadable: ['error', 'The keepalived configuration file itself cannot be read'],
});
