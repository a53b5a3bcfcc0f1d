import { compareVersions } from '@cfglint/parser';
import { normalizeVersion } from './schema-lookup.js';

/** Whether the target keepalived release is `since` or newer. */
export function targetAtLeast(target: string, since: string): boolean {
  return compareVersions(normalizeVersion(target), since) >= 0;
}

/** keepalived counts configuration errors, and `keepalived -t` fails on them, since 2.0.7. */
export const CONFIG_TEST_SINCE = '2.0.7';

/**
 * Releases from which keepalived's own post-read checks (the schema checker's `config/…`
 * findings, packages/parser/src/keepalived/check/validate/) report a problem. Rules that
 * see the same problem report it only for older targets, so nothing is reported twice.
 */
export const CHECKER_REPORTS_SINCE = {
  /** config/virtual-server-no-real-server */
  emptyVirtualServer: '2.0.0',
  /** config/real-server-port (DR/TUN real server on another port) */
  realServerPort: '2.0.15',
  /** config/real-server-duplicate */
  duplicateRealServer: '2.0.20',
} as const;
