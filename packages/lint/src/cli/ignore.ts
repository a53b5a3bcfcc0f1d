import * as path from 'node:path';
import picomatch from 'picomatch';
import type { CfglintConfig } from '../engine/config.js';
import type { LintTarget } from '../engine/types.js';

/**
 * Drops targets matching the config file's `ignore` patterns (relative to the config
 * file's directory). Files named explicitly on the command line are reported as ignored.
 */
export function filterIgnored(targets: LintTarget[], givenPaths: string[], config: CfglintConfig): { targets: LintTarget[]; ignoredExplicitly: string[] } {
  if (config.ignore.length === 0 || !config.configFile) return { targets, ignoredExplicitly: [] };
  const base = path.dirname(config.configFile);
  const matches = picomatch(config.ignore, { dot: true });
  const explicit = new Set(givenPaths.map((p) => path.resolve(p)));
  const kept: LintTarget[] = [];
  const ignoredExplicitly: string[] = [];
  for (const target of targets) {
    const relative = path.relative(base, path.resolve(target.filePath)).split(path.sep).join('/');
    if (!relative.startsWith('../') && matches(relative)) {
      if (explicit.has(path.resolve(target.filePath))) ignoredExplicitly.push(target.filePath);
    } else {
      kept.push(target);
    }
  }
  return { targets: kept, ignoredExplicitly };
}
