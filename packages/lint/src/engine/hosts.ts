import * as path from 'node:path';
import type { CfglintConfig } from './config.js';

/** Directory names that sit between a host's directory and its config files. */
const CONFIG_SUBDIRECTORIES = new Set(['etc', 'keepalived', 'haproxy', 'conf.d', 'conf']);
const NAMED_FILE = /^(.+)\.(?:keepalived\.conf|haproxy\.cfg)$/i;

export interface HostKey {
  /** Stable identity: the host directory, plus the file-name prefix for `<host>.keepalived.conf`. */
  id: string;
  /** Display name: the node name from the config file, else the directory or prefix name. */
  name: string;
  /** Whether the config file named it (explicit) or the layout implied it. */
  explicit: boolean;
}

/**
 * Which host a config file belongs to. Without configuration, the usual layouts:
 * `<host>/keepalived.conf` + `<host>/haproxy.cfg`, `<host>/etc/keepalived/keepalived.conf`,
 * or `<host>.keepalived.conf` files side by side. A node listed in the config file wins.
 */
export function hostOf(filePath: string, config: CfglintConfig): HostKey {
  const absolute = path.resolve(filePath);
  for (const [name, node] of Object.entries(config.nodes)) {
    if (node.files.includes(absolute)) return { id: `node:${name}`, name, explicit: true };
  }
  const named = NAMED_FILE.exec(path.basename(absolute));
  let dir = path.dirname(absolute);
  if (named) return { id: `${dir}${path.sep}${named[1]}`, name: named[1], explicit: false };
  while (CONFIG_SUBDIRECTORIES.has(path.basename(dir).toLowerCase()) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return { id: dir, name: path.basename(dir) || dir, explicit: false };
}
