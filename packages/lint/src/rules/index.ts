import type { Rule } from '../engine/rule.js';
import keepalivedLeftoverPersistenceTimeout from './keepalived/leftover-persistence-timeout.js';
import keepalivedMissingVrrpIptables from './keepalived/missing-vrrp-iptables.js';
import keepalivedVridMismatch from './keepalived/vrid-mismatch.js';
import haproxyLegacyListenAddress from './haproxy/legacy-listen-address.js';
import portConflict from './port-conflict.js';

/** Every rule, sorted by id. */
export const rules: readonly Rule<any, any, any>[] = [
  keepalivedLeftoverPersistenceTimeout,
  keepalivedMissingVrrpIptables,
  keepalivedVridMismatch,
  haproxyLegacyListenAddress,
  portConflict,
].sort((a, b) => a.id.localeCompare(b.id));

export const rulesById: ReadonlyMap<string, Rule<any, any, any>> = new Map(rules.map((r) => [r.id, r]));
