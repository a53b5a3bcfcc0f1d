import { DEFAULT_KEEPALIVED_VERSION, HAPROXY_DEFAULT_VERSION } from '@cfglint/parser';
import type { TargetVersions } from './types.js';

/** Target versions with the schemas' defaults (the newest stable releases they cover) filled in. */
export function resolveVersions(versions: TargetVersions): Required<TargetVersions> {
  return {
    haproxy: versions.haproxy ?? HAPROXY_DEFAULT_VERSION,
    keepalived: versions.keepalived ?? DEFAULT_KEEPALIVED_VERSION,
  };
}
