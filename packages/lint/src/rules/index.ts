import { byCodeUnits } from '../engine/compare.js';
import type { Rule } from '../engine/rule.js';
import keepalivedLeftoverPersistenceTimeout from './keepalived/leftover-persistence-timeout.js';
import keepalivedMissingVrrpIptables from './keepalived/missing-vrrp-iptables.js';
import keepalivedVridMismatch from './keepalived/vrid-mismatch.js';
import keepalivedAdvertIntMismatch from './keepalived/advert-int-mismatch.js';
import keepalivedAuthMismatch from './keepalived/auth-mismatch.js';
import keepalivedBackupOutranksMaster from './keepalived/backup-outranks-master.js';
import keepalivedMasterPriorityTie from './keepalived/master-priority-tie.js';
import keepalivedNopreemptIneffective from './keepalived/nopreempt-ineffective.js';
import keepalivedRealServerDuplicate from './keepalived/real-server-duplicate.js';
import keepalivedRealServerPortMismatch from './keepalived/real-server-port-mismatch.js';
import keepalivedRenamedKeyword from './keepalived/renamed-keyword.js';
import keepalivedRouterIdDuplicate from './keepalived/router-id-duplicate.js';
import keepalivedScriptSecurityMissing from './keepalived/script-security-missing.js';
import keepalivedStockSampleLeftover from './keepalived/stock-sample-leftover.js';
import keepalivedVersionMismatch from './keepalived/version-mismatch.js';
import keepalivedVipAddressConflict from './keepalived/vip-address-conflict.js';
import keepalivedVipMismatch from './keepalived/vip-mismatch.js';
import keepalivedVirtualServerEmpty from './keepalived/virtual-server-empty.js';
import keepalivedVridCollision from './keepalived/vrid-collision.js';
import haproxyLegacyListenAddress from './haproxy/legacy-listen-address.js';
import haproxyServerNameDuplicate from './haproxy/server-name-duplicate.js';
import haproxyTimeoutMissing from './haproxy/timeout-missing.js';
import haproxyFrontendBindMissing from './haproxy/frontend-bind-missing.js';
import haproxyRuleMisplaced from './haproxy/rule-misplaced.js';
import haproxyRuleUnreachable from './haproxy/rule-unreachable.js';
import haproxyBackendUnused from './haproxy/backend-unused.js';
import haproxyDynamicBackendUnmatched from './haproxy/dynamic-backend-unmatched.js';
import haproxyAclUnused from './haproxy/acl-unused.js';
import haproxyStatsAuthWeak from './haproxy/stats-auth-weak.js';
import haproxyStatsAuthMissing from './haproxy/stats-auth-missing.js';
import haproxyStatsSocketExposed from './haproxy/stats-socket-exposed.js';
import haproxyGlobalRunsAsRoot from './haproxy/global-runs-as-root.js';
import haproxyGlobalChrootMissing from './haproxy/global-chroot-missing.js';
import haproxyTlsWeak from './haproxy/tls-weak.js';
import haproxyServerCheckMissing from './haproxy/server-check-missing.js';
import haproxyFrontendBackendMissing from './haproxy/frontend-backend-missing.js';
import portConflict from './port-conflict.js';

const byId = (a: Rule<any, any, any>, b: Rule<any, any, any>) => byCodeUnits(a.id, b.id);

/** Every rule, sorted by id. */
export const rules: readonly Rule<any, any, any>[] = [
  keepalivedLeftoverPersistenceTimeout,
  keepalivedMissingVrrpIptables,
  keepalivedVridMismatch,
  keepalivedAdvertIntMismatch,
  keepalivedAuthMismatch,
  keepalivedBackupOutranksMaster,
  keepalivedMasterPriorityTie,
  keepalivedNopreemptIneffective,
  keepalivedRealServerDuplicate,
  keepalivedRealServerPortMismatch,
  keepalivedRenamedKeyword,
  keepalivedRouterIdDuplicate,
  keepalivedScriptSecurityMissing,
  keepalivedStockSampleLeftover,
  keepalivedVersionMismatch,
  keepalivedVipAddressConflict,
  keepalivedVipMismatch,
  keepalivedVirtualServerEmpty,
  keepalivedVridCollision,
  haproxyLegacyListenAddress,
  haproxyServerNameDuplicate,
  haproxyTimeoutMissing,
  haproxyFrontendBindMissing,
  haproxyRuleMisplaced,
  haproxyRuleUnreachable,
  haproxyBackendUnused,
  haproxyDynamicBackendUnmatched,
  haproxyAclUnused,
  haproxyStatsAuthWeak,
  haproxyStatsAuthMissing,
  haproxyStatsSocketExposed,
  haproxyGlobalRunsAsRoot,
  haproxyGlobalChrootMissing,
  haproxyTlsWeak,
  haproxyServerCheckMissing,
  haproxyFrontendBackendMissing,
  portConflict,
].sort(byId);

export const rulesById: ReadonlyMap<string, Rule<any, any, any>> = new Map(rules.map((r) => [r.id, r]));
