import { family } from './define.js';

/** Files a configuration pulls in that cannot be read as written. */
export const INCLUDE_CHECKS = family('include', {
  cycle: ['error', 'A keepalived include that reads a file already being read'],
  directory: ['warning', 'A keepalived include names a directory, which keepalived skips'],
  missing: ['warning', 'A keepalived include names a file that does not exist'],
  'no-match': ['warning', 'A keepalived include pattern matches no file'],
  'not-found': ['error', 'An HAProxy configuration file or directory entry that cannot be opened'],
  unreadable: ['warning', 'A keepalived included file exists but cannot be read'],
});
