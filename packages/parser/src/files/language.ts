import * as path from 'node:path';
/** The two configuration languages. */
export type ConfigLanguage = 'keepalived' | 'haproxy';

/**
 * The language a file name implies: keepalived.conf, haproxy.cfg, *.haproxy.cfg,
 * *.keepalived.conf, and *.conf / *.cfg files below a directory named keepalived or haproxy.
 * Other names imply nothing, so `*.conf` and `*.cfg` are never claimed wholesale.
 */
export function languageFromName(filePath: string): ConfigLanguage | undefined {
  const base = path.basename(filePath).toLowerCase();
  if (base === 'keepalived.conf' || base.endsWith('.keepalived.conf')) return 'keepalived';
  if (base === 'haproxy.cfg' || base.endsWith('.haproxy.cfg')) return 'haproxy';
  const dirs = path.dirname(path.resolve(filePath)).toLowerCase().split(path.sep);
  if (base.endsWith('.conf') && dirs.includes('keepalived')) return 'keepalived';
  if (base.endsWith('.cfg') && dirs.includes('haproxy')) return 'haproxy';
  return undefined;
}

const KEEPALIVED_MARKERS = /^[ \t]*(?:global_defs|vrrp_instance|vrrp_script|vrrp_sync_group|virtual_server|virtual_server_group|static_ipaddress|static_routes)\b[^\n]*\{/m;
const HAPROXY_MARKERS = /^(?:global|defaults|frontend|backend|listen|userlist|peers|resolvers)\b/m;

/** The language a text looks like, for explicitly named files whose name says nothing. */
export function languageFromContent(text: string): ConfigLanguage | undefined {
  const keepalived = KEEPALIVED_MARKERS.test(text);
  const haproxy = HAPROXY_MARKERS.test(text);
  if (keepalived && !haproxy) return 'keepalived';
  if (haproxy && !keepalived) return 'haproxy';
  return undefined;
}
