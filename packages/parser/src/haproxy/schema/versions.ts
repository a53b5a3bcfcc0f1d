import { compareVersions, type Version, type VersionInfo } from '../../schema/types.js';
import { haproxyGenerated } from './keywords.generated.js';

/** Releases the tables cover, oldest first. */
export const HAPROXY_VERSIONS: readonly Version[] = haproxyGenerated.versions;

/**
 * The version checks target when none is given: the newest release the tables
 * cover (3.2, a long-term-support branch).
 */
export const HAPROXY_DEFAULT_VERSION: Version = HAPROXY_VERSIONS[HAPROXY_VERSIONS.length - 1];

/** '2.6.12' → '2.6'; 'v3.0' → '3.0'. Undefined when it is not a version. */
export function normalizeHaproxyVersion(version: string): Version | undefined {
  const m = /^v?(\d+)\.(\d+)/.exec(version.trim());
  return m ? `${Number(m[1])}.${Number(m[2])}` : undefined;
}

export type Availability = 'available' | 'not-yet' | 'removed';

/** Whether something with these version facts exists in `version` (major.minor). */
export function availability(info: VersionInfo | undefined, version: Version): Availability {
  if (info?.added && compareVersions(version, info.added) < 0) return 'not-yet';
  if (info?.removed && compareVersions(version, info.removed) >= 0) return 'removed';
  return 'available';
}

export function isDeprecatedIn(info: VersionInfo | undefined, version: Version): boolean {
  return !!info?.deprecated && compareVersions(version, info.deprecated) >= 0 && availability(info, version) === 'available';
}

/** The entry of a `{ since }` list in force at `version`. */
export function pickByVersion<T extends { since: Version }>(list: T[] | undefined, version: Version): T | undefined {
  if (!list) return undefined;
  let found: T | undefined;
  for (const item of list) if (compareVersions(version, item.since) >= 0) found = item;
  return found;
}
