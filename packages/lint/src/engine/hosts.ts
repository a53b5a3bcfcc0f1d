import * as path from 'node:path';
import type { CfglintConfig } from './config.js';

/** Directory names that sit between a host's directory and its config files. */
const CONFIG_SUBDIRECTORIES = new Set(['etc', 'keepalived', 'haproxy', 'conf.d', 'conf']);
/** Directories whose files a daemon loads together (`haproxy -f conf.d/`, `include conf.d/*.conf`). */
const FRAGMENT_DIRECTORIES = new Set(['conf.d', 'conf']);
const STANDARD_NAMES = new Set(['keepalived.conf', 'haproxy.cfg']);
const NAMED_FILE = /^(.+)\.(?:keepalived\.conf|haproxy\.cfg)$/i;

export interface HostKey {
  /** Stable identity: the host directory, `<dir>/<prefix>` for `<host>.keepalived.conf`, or the file itself. */
  id: string;
  /** Display name: the node name from the config file, else the directory, prefix or file name. */
  name: string;
  /** Whether the config file named it (explicit) or the layout implied it. */
  explicit: boolean;
}

function hostDirectory(dir: string): string {
  while (CONFIG_SUBDIRECTORIES.has(path.basename(dir).toLowerCase()) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

/**
 * Which host a config file belongs to. Without configuration, only layouts that say so
 * put two files on one host: `<host>/keepalived.conf` beside `<host>/haproxy.cfg` (also
 * below `etc/keepalived/`, `etc/haproxy/`), fragments in a `conf.d/` directory, and
 * `<host>.keepalived.conf` beside `<host>.haproxy.cfg`. Any other file is a host of its
 * own, so unrelated files kept side by side are never compared. A node listed in the
 * config file wins.
 */
export function hostOf(filePath: string, config: CfglintConfig): HostKey {
  const absolute = path.resolve(filePath);
  for (const [name, node] of Object.entries(config.nodes)) {
    if (node.files.includes(absolute)) return { id: `node:${name}`, name, explicit: true };
  }
  const base = path.basename(absolute);
  const dir = path.dirname(absolute);
  if (STANDARD_NAMES.has(base.toLowerCase()) || FRAGMENT_DIRECTORIES.has(path.basename(dir).toLowerCase())) {
    const hostDir = hostDirectory(dir);
    return { id: hostDir, name: path.basename(hostDir) || hostDir, explicit: false };
  }
  const named = NAMED_FILE.exec(base);
  if (named) return { id: `${dir}${path.sep}${named[1]}`, name: named[1], explicit: false };
  return { id: absolute, name: base, explicit: false };
}
