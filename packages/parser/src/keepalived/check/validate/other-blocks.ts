import type { KaEffectiveStatement } from '../../preprocess/effective.js';
import type { CheckContext } from '../report.js';
import { q } from '../report.js';
import { isAddress } from '../value-check.js';
import { child, entryWords, fails, listEntries, since } from './statements.js';

/** vrrp_script without a script: keepalived removes it. */
export function validateVrrpScript(s: KaEffectiveStatement, ctx: CheckContext): void {
  if (since(ctx, '1.3.6') && !child(s, 'script')) {
    ctx.report('config/vrrp-script-no-script', 'error', `vrrp_script ${s.args[0]?.value ?? ''} has no 'script': keepalived removes it (and every track_script naming it), and ${fails(ctx)}.`, s, s.args[0] ?? s.keyword);
  }
}

/** track_file / vrrp_track_file without a file. */
export function validateTrackFile(s: KaEffectiveStatement, ctx: CheckContext): void {
  if (since(ctx, '2.0.0') && !child(s, 'file')) {
    ctx.report('config/track-file-no-file', 'error', `${s.keyword.value} ${s.args[0]?.value ?? ''} has no 'file': keepalived ignores it, and ${fails(ctx)}.`, s, s.args[0] ?? s.keyword);
  }
}

/** bfd_instance without a neighbour. */
export function validateBfdInstance(s: KaEffectiveStatement, ctx: CheckContext): void {
  if (since(ctx, '2.0.0') && !child(s, 'neighbor_ip') && !child(s, 'neighbour_ip')) {
    ctx.report('config/bfd-no-neighbor', 'error', `bfd_instance ${s.args[0]?.value ?? ''} has no neighbor_ip: keepalived disables it, and ${fails(ctx)}.`, s, s.args[0] ?? s.keyword);
  }
}

/** vrrp_sync_group with fewer than two instances. */
export function validateSyncGroup(s: KaEffectiveStatement, ctx: CheckContext): void {
  const members = listEntries(s, 'group').flatMap(entryWords);
  if (since(ctx, '2.1.0') && members.length === 1) {
    ctx.report('config/sync-group-single', 'error', `vrrp_sync_group ${s.args[0]?.value ?? ''} has only one instance, so it synchronises nothing: ${fails(ctx)}.`, s, s.args[0] ?? s.keyword);
  }
}

/**
 * virtual_routes (vrrp_instance) and static_routes entries: keepalived tracks each
 * route's interface unless `no_track`, so a route without `dev` is an error.
 */
export function validateRoutes(block: KaEffectiveStatement, listName: string, ctx: CheckContext): void {
  for (const entry of listEntries(block, listName)) {
    const words = entryWords(entry);
    const hasInterface = words.includes('dev') || words.includes('oif');
    // Multipath routes carry their interfaces per hop; not judged here.
    if (since(ctx, '2.0.1') && !hasInterface && !words.includes('no_track') && !words.includes('nexthop')) {
      ctx.report('config/route-no-interface', 'error', `This route names no interface ('dev'): keepalived cannot track it, and ${fails(ctx)}. Add 'dev IFACE', or 'no_track'.`, entry);
    }
    for (const old of ['or', 'gw']) {
      const at = entry.args.find((a) => a.value === old);
      if (at && since(ctx, '2.0.0')) {
        ctx.report('config/route-deprecated-word', 'error', `${q(old)} in routes is deprecated (use ${old === 'or' ? "'nexthop'" : "'via'"}): ${fails(ctx)}.`, entry, at);
      }
    }
  }
}

/** virtual_rules / static_rules entries: a rule without a preference gets an arbitrary one. */
export function validateRules(block: KaEffectiveStatement, listName: string, ctx: CheckContext): void {
  for (const entry of listEntries(block, listName)) {
    const words = entryWords(entry);
    if (since(ctx, '2.0.16') && !words.some((w) => w === 'preference' || w === 'prio' || w === 'priority' || w === 'order')) {
      ctx.report('config/rule-no-preference', 'error', `This rule has no 'preference': keepalived picks one, which may not order it as intended, and ${fails(ctx)}.`, entry);
    }
    for (const key of ['from', 'to']) {
      const i = words.indexOf(key);
      const value = i >= 0 ? words[i + 1] : undefined;
      if (value !== undefined && value !== 'all' && !isAddress(value.split('/')[0])) {
        ctx.report('config/invalid-address', 'error', `${q(value)} is not an address: keepalived drops this rule, and ${fails(ctx)}.`, entry);
      }
    }
  }
}

/** global_defs facts keepalived checks while reading. */
export function validateGlobalDefs(g: KaEffectiveStatement, ctx: CheckContext): void {
  for (const list of g.body?.filter((c) => c.keyword.value === 'notification_email') ?? []) {
    if (since(ctx, '1.4.4') && list.body && list.body.length === 0) {
      ctx.report('config/empty-notification-email', 'error', `notification_email is empty: ${fails(ctx)}.`, list);
    }
  }
}
