import * as path from 'node:path';

export type Language = 'keepalived' | 'haproxy';

/** The language an editor's language id names, if it is one of ours. */
export function languageFromId(languageId: string): Language | undefined {
  const id = languageId.toLowerCase();
  if (id === 'keepalived' || id === 'keepalived-conf') return 'keepalived';
  if (id === 'haproxy' || id === 'haproxy-cfg' || id === 'haproxy-config') return 'haproxy';
  return undefined;
}

/**
 * The language a file name implies, by the cfglint CLI's rules: keepalived.conf,
 * haproxy.cfg, *.keepalived.conf, *.haproxy.cfg, and *.conf / *.cfg below a directory
 * named keepalived / haproxy. Other *.conf / *.cfg files are never claimed.
 */
export function languageFromPath(filePath: string): Language | undefined {
  const base = path.basename(filePath).toLowerCase();
  if (base === 'keepalived.conf' || base.endsWith('.keepalived.conf')) return 'keepalived';
  if (base === 'haproxy.cfg' || base.endsWith('.haproxy.cfg')) return 'haproxy';
  const dirs = path.dirname(path.resolve(filePath)).toLowerCase().split(path.sep);
  if (base.endsWith('.conf') && dirs.includes('keepalived')) return 'keepalived';
  if (base.endsWith('.cfg') && dirs.includes('haproxy')) return 'haproxy';
  return undefined;
}
