import * as path from 'node:path';
import { byCodeUnits } from '../engine/compare.js';
import type { CfglintConfig } from '../engine/config.js';
import { hostOf } from '../engine/hosts.js';
import type { RuleSummary, TargetVersions } from '../engine/types.js';
import { resolveVersions } from '../engine/versions.js';

/** The effective configuration for one file, as JSON: what cfglint will apply to it. */
export function printConfig(file: string, config: CfglintConfig, cliVersions: TargetVersions, summaries: ReadonlyMap<string, RuleSummary>): string {
  const versions = resolveVersions({
    ...config.versions,
    ...Object.fromEntries(Object.entries(cliVersions).filter(([, v]) => v !== undefined)),
  });
  const rules = Object.fromEntries(
    [...summaries.values()]
      .sort((a, b) => byCodeUnits(a.id, b.id))
      .map((r) => {
        const setting = config.rules[r.id];
        const severity = setting?.severity ?? r.severity;
        return [r.id, setting?.options ? [severity, setting.options] : severity];
      }),
  );
  const host = hostOf(path.resolve(file), config);
  const cluster = Object.entries(config.clusters).find(([, nodes]) => host.explicit && nodes.includes(host.name))?.[0];
  const effective = {
    file: path.resolve(file),
    configFile: config.configFile ?? null,
    versions,
    keepalivedFirewall: config.keepalivedFirewall ?? 'nftables',
    host: { name: host.name, explicit: host.explicit, cluster: cluster ?? null },
    ignore: config.ignore,
    rules,
  };
  return `${JSON.stringify(effective, null, 2)}\n`;
}
