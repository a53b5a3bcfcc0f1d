import type { KaEffectiveStatement } from '../../preprocess/effective.js';
import type { CheckContext } from '../report.js';
import { validateBfdInstance, validateGlobalDefs, validateRoutes, validateRules, validateSyncGroup, validateTrackFile, validateVrrpScript } from './other-blocks.js';
import { child } from './statements.js';
import { groupsByName, validateVirtualServer } from './virtual-server.js';
import { validateVrrpInstance } from './vrrp-instance.js';

/**
 * The consistency checks keepalived itself makes after reading the configuration
 * (missing addresses, undefined references, mismatched ports…), for the blocks the
 * schema check found well-formed. Each reports `config/…` errors: keepalived -t fails.
 */
export function validateConfiguration(statements: readonly KaEffectiveStatement[], ctx: CheckContext): void {
  const scripts = new Set<string>();
  const trackFiles = new Set<string>();
  for (const s of statements) {
    if (!s.body || !s.args[0]) continue;
    if (s.keyword.value === 'vrrp_script' && child(s, 'script')) scripts.add(s.args[0].value);
    if ((s.keyword.value === 'track_file' || s.keyword.value === 'vrrp_track_file') && child(s, 'file')) trackFiles.add(s.args[0].value);
  }
  const groups = groupsByName(statements);
  for (const s of statements) {
    if (!s.body || ctx.skipped.has(s)) continue;
    switch (s.keyword.value) {
      case 'vrrp_instance':
        validateVrrpInstance(s, ctx, { scripts, trackFiles });
        validateRoutes(s, 'virtual_routes', ctx);
        validateRules(s, 'virtual_rules', ctx);
        break;
      case 'virtual_server':
        validateVirtualServer(s, ctx, groups);
        break;
      case 'vrrp_script':
        validateVrrpScript(s, ctx);
        break;
      case 'track_file':
      case 'vrrp_track_file':
        validateTrackFile(s, ctx);
        break;
      case 'bfd_instance':
        validateBfdInstance(s, ctx);
        break;
      case 'vrrp_sync_group':
        validateSyncGroup(s, ctx);
        break;
      case 'global_defs':
        validateGlobalDefs(s, ctx);
        break;
    }
  }
  const staticRoutes = statements.filter((s) => s.keyword.value === 'static_routes' && s.body);
  for (const s of staticRoutes) validateRoutes({ ...s, body: [s] } as KaEffectiveStatement, 'static_routes', ctx);
  for (const s of statements.filter((x) => x.keyword.value === 'static_rules' && x.body)) validateRules({ ...s, body: [s] } as KaEffectiveStatement, 'static_rules', ctx);
}
