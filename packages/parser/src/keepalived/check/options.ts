import type { Version } from '../../schema/types.js';
import { compareVersions } from '../../schema/types.js';
import { resolveBuild } from '../schema/build-features.js';
import type { KaBuild, KaBuildFeatures } from '../schema/build-features.js';
import { normalizeVersion } from '../schema/lookup.js';

export interface KaCheckOptions {
  /**
   * Target keepalived release (`2.2.7`, `2.2` = newest 2.2.x known). Default: the newest
   * release the schema covers (`DEFAULT_KEEPALIVED_VERSION`, 2.3.4).
   */
  version?: string;
  /**
   * Build options of the target keepalived, over the default build (Debian 12's package:
   * nftables without iptables or libipset, everything else on; see `DEBIAN_BUILD`).
   * Example: `{ iptables: true, nftables: false }` for an iptables build such as CentOS 7's.
   */
  features?: KaBuildFeatures;
  /** Run keepalived's post-read consistency checks (`config/…`) too. Default true. */
  validate?: boolean;
}

/** Options resolved once per check. */
export interface KaCheckTarget {
  version: Version;
  build: KaBuild;
  features: KaBuildFeatures;
  /** Whether keepalived -t fails on configuration errors in this release (2.0.7 and later). */
  hasConfigTest: boolean;
}

export function resolveTarget(options: KaCheckOptions = {}): KaCheckTarget {
  const version = normalizeVersion(options.version);
  return { version, build: resolveBuild(options.features ?? {}), features: options.features ?? {}, hasConfigTest: compareVersions(version, '2.0.7') >= 0 };
}
