import * as path from 'node:path';
import type { CfglintConfig } from './config.js';
import { hostOf } from './hosts.js';
import type { LintTarget } from './types.js';
import { byCodeUnits } from './compare.js';

const FRAGMENT_DIRECTORIES = new Set(['conf.d', 'conf']);

/**
 * HAProxy reads a host's haproxy.cfg and its conf.d/*.cfg as one configuration
 * (`haproxy -f haproxy.cfg -f conf.d/`): a backend defined in one file serves a frontend in
 * another. Such files of one host become one target, the main file first, then the
 * fragments in name order, as HAProxy loads a directory.
 */
export function groupHaproxyFragments(targets: LintTarget[], config: CfglintConfig): LintTarget[] {
  const fragmentsByHost = new Map<string, LintTarget[]>();
  const mainByHost = new Map<string, number>();
  const out: LintTarget[] = [];
  for (const target of targets) {
    if (target.language !== 'haproxy') {
      out.push(target);
      continue;
    }
    const file = path.resolve(target.filePath);
    const host = hostOf(file, config).id;
    if (FRAGMENT_DIRECTORIES.has(path.basename(path.dirname(file)).toLowerCase())) {
      fragmentsByHost.set(host, [...(fragmentsByHost.get(host) ?? []), target]);
    } else if (path.basename(file).toLowerCase() === 'haproxy.cfg' && !mainByHost.has(host)) {
      mainByHost.set(host, out.length);
      out.push(target);
    } else {
      out.push(target);
    }
  }
  for (const [host, fragments] of fragmentsByHost) {
    const sorted = [...fragments].sort((a, b) => byCodeUnits(a.filePath, b.filePath));
    const main = mainByHost.get(host);
    if (main !== undefined) {
      out[main] = { ...out[main], alsoLoad: sorted.map((t) => t.filePath) };
    } else {
      const [first, ...rest] = sorted;
      out.push({ ...first, alsoLoad: rest.map((t) => t.filePath) });
    }
  }
  return out;
}
