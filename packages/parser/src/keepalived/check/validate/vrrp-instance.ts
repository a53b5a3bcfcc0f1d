import type { KaEffectiveStatement } from '../../preprocess/effective.js';
import type { CheckContext } from '../report.js';
import { q } from '../report.js';
import { isAddress } from '../value-check.js';
import { argOf, child, children, entryWords, fails, listEntries, since } from './statements.js';

/** What keepalived 2.x checks when it completes a vrrp_instance (vrrp_complete_instance). */
export function validateVrrpInstance(vi: KaEffectiveStatement, ctx: CheckContext, names: { scripts: Set<string>; trackFiles: Set<string> }): void {
  const name = vi.args[0]?.value ?? '';
  const state = argOf(vi, 'state');
  // Without a priority keepalived derives one from the initial state.
  const priority = Number(argOf(vi, 'priority') ?? (state === 'MASTER' ? 255 : 100));
  const nopreempt = children(vi, 'nopreempt').length > 0 && !children(vi, 'preempt').some((p) => vi.body!.indexOf(p) > vi.body!.indexOf(child(vi, 'nopreempt')!));
  const auth = child(vi, 'authentication');
  const authType = argOf(auth, 'auth_type');

  // virtual_ipaddress entries: keepalived parses the address strictly and skips bad ones.
  let vips = 0;
  for (const entry of listEntries(vi, 'virtual_ipaddress')) {
    if (checkAddressEntry(entry, ctx)) vips++;
  }
  for (const entry of listEntries(vi, 'virtual_ipaddress_excluded')) checkAddressEntry(entry, ctx);
  if (vips === 0) {
    ctx.report('config/no-virtual-ipaddress', 'error', `vrrp_instance ${name} has no virtual_ipaddress: the instance manages no address, and ${fails(ctx)} ("No VIP specified").`, vi, vi.args[0] ?? vi.keyword);
  }

  const pass = child(auth, 'auth_pass');
  if (pass?.args[0] && pass.args[0].value.length > 8) {
    ctx.report('config/auth-pass-length', 'error', `auth_pass is longer than 8 characters: keepalived uses only the first 8 ("Truncating auth_pass"), and ${fails(ctx)}.`, pass, pass.args[0]);
  }

  if (since(ctx, '2.0.0') && authType === 'AH' && state === 'MASTER' && priority !== 255) {
    ctx.report('config/ah-initial-master', 'error', `Initial state MASTER cannot be used with AH authentication (keepalived needs an advert first): keepalived starts it as BACKUP, and ${fails(ctx)}.`, child(vi, 'state')!);
  }
  if (since(ctx, '1.3.5') && nopreempt && priority === 255) {
    ctx.report('config/nopreempt-owner', 'error', `nopreempt cannot apply to the address owner (priority 255): keepalived clears it, and ${fails(ctx)}.`, child(vi, 'nopreempt')!);
  } else if (nopreempt && state === 'MASTER') {
    ctx.report('config/nopreempt-master', 'error', `nopreempt does not work with initial state MASTER: keepalived clears nopreempt, and ${fails(ctx)}. Use state BACKUP on every node.`, child(vi, 'nopreempt')!);
  }

  // track_interface naming the instance's own interface.
  const own = argOf(vi, 'interface');
  if (since(ctx, '2.0.0') && own) {
    for (const entry of listEntries(vi, 'track_interface')) {
      if (entry.keyword.value === own) {
        ctx.report('config/track-own-interface', 'error', `track_interface lists ${q(own)}, the instance's own interface, which keepalived always tracks: it ignores the entry, and ${fails(ctx)}.`, entry);
      }
    }
  }

  // References to vrrp_script and track_file blocks.
  if (since(ctx, '1.3.6')) {
    for (const entry of listEntries(vi, 'track_script')) {
      if (!names.scripts.has(entry.keyword.value)) {
        ctx.report('config/track-script-undefined', 'error', `No usable vrrp_script ${q(entry.keyword.value)} is defined: keepalived ignores this track_script entry, and ${fails(ctx)}.`, entry);
      }
    }
  }
  if (since(ctx, '2.0.0')) {
    for (const entry of listEntries(vi, 'track_file')) {
      if (!names.trackFiles.has(entry.keyword.value)) {
        ctx.report('config/track-file-undefined', 'error', `No usable track_file ${q(entry.keyword.value)} is defined: keepalived ignores this entry, and ${fails(ctx)}.`, entry);
      }
    }
  }

  // A unicast keyword without peers (deprecated behaviour since 2.2.5).
  if (since(ctx, '2.2.5') && !child(vi, 'unicast_fault_no_peer')) {
    const unicastKeyword = ['unicast_src_ip', 'check_unicast_src', 'old_unicast_checksum', 'unicast_peer'].map((k) => child(vi, k)).find(Boolean);
    if (unicastKeyword && listEntries(vi, 'unicast_peer').length === 0) {
      ctx.report('config/unicast-without-peers', 'error', `${q(unicastKeyword.keyword.value)} is given but there are no unicast peers: keepalived falls back to multicast, and ${fails(ctx)}.`, unicastKeyword);
    }
  }
}

/**
 * One virtual_ipaddress entry: ADDRESS[/PREFIX] [options]. Returns whether keepalived
 * keeps it.
 */
function checkAddressEntry(entry: KaEffectiveStatement, ctx: CheckContext): boolean {
  const words = entryWords(entry);
  const [addr, prefix] = words[0].split('/');
  const family = isAddress(addr) ? (addr.includes(':') ? 6 : 4) : 0;
  const prefixOk = prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= (family === 6 ? 128 : 32));
  if (!family || !prefixOk) {
    ctx.report('config/invalid-address', 'error', `${q(words[0])} is not an address (ADDRESS[/PREFIX]): keepalived skips this entry ("VRRP parsed invalid IP"), and ${fails(ctx)}.`, entry);
    return false;
  }
  if (family === 6 && words.includes('scope')) {
    const at = entry.args.find((a) => a.value === 'scope')!;
    ctx.report('config/ipv6-scope', 'error', `IPv6 addresses take no scope: keepalived ignores it, and ${fails(ctx)}.`, entry, at);
  }
  return true;
}
