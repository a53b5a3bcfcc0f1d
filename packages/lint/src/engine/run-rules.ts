import type { Cluster, Host } from './clusters.js';
import type { CfglintConfig } from './config.js';
import type { ClusterContext, HaproxyFileContext, HostContext, KeepalivedFileContext } from './contexts.js';
import type { LintDocument } from './documents.js';
import { fillMessage, type ReportDescriptor, type Related, type Rule, type RuleSeverity, type Suggestion } from './rule.js';
import type { Edit, Span } from './span.js';
import type { TargetVersions } from './types.js';

/** A rule's report, resolved: message text and effective severity. */
export interface Finding {
  ruleId: string;
  /** The rule's message id (undefined for parser and schema findings). */
  messageId?: string;
  data?: Record<string, string | number>;
  severity: RuleSeverity;
  message: string;
  at: Span;
  related: Related[];
  fix?: Edit[];
  suggestions?: Suggestion[];
}

export interface RuleRunOptions {
  rules: readonly Rule<any, any, any>[];
  config: CfglintConfig;
  versions: Required<TargetVersions>;
  nftables: boolean;
}

export interface LintWorld {
  documents: LintDocument[];
  hosts: Host[];
  clusters: Cluster[];
}

/** Runs every enabled rule over the documents, hosts and clusters it applies to. */
export function runRules(world: LintWorld, options: RuleRunOptions): Finding[] {
  const findings: Finding[] = [];
  for (const rule of options.rules) {
    const setting = options.config.rules[rule.id];
    const severity = setting?.severity ?? rule.meta.severity;
    if (severity === 'off') continue;
    const base = {
      ruleId: rule.id,
      options: { ...rule.defaultOptions, ...setting?.options },
      versions: options.versions,
      messages: rule.messages,
      report(d: ReportDescriptor<string>) {
        findings.push({
          ruleId: rule.id,
          messageId: d.messageId,
          data: d.data,
          severity: d.certainty === 'likely' ? 'warning' : severity,
          message: fillMessage(rule.messages[d.messageId], d.data),
          at: d.at,
          related: d.related ?? [],
          fix: d.fix,
          suggestions: d.suggestions,
        });
      },
    };
    const guarded = (fileName: string, run: () => void) => {
      try {
        run();
      } catch (error) {
        findings.push({
          ruleId: rule.id,
          severity: 'warning',
          message: `internal error in rule ${rule.id}: ${(error as Error).message} (please report this with the file)`,
          at: { fileName, start: 0, end: 0 },
          related: [],
        });
      }
    };
    const { scope, language } = rule.meta;
    if (scope === 'file') {
      for (const document of world.documents) {
        if (document.language !== language) continue;
        const context =
          document.language === 'keepalived'
            ? ({ ...base, document, model: document.model, nftables: options.nftables } satisfies Omit<KeepalivedFileContext, never> & typeof base)
            : ({ ...base, document, model: document.model } satisfies HaproxyFileContext & typeof base);
        guarded(document.filePath, () => rule.check(context));
      }
    } else if (scope === 'host') {
      for (const host of world.hosts) {
        const first = host.keepalived[0] ?? host.haproxy[0];
        guarded(first.filePath, () => rule.check({ ...base, host } satisfies HostContext & typeof base));
      }
    } else {
      for (const cluster of world.clusters) {
        const first = cluster.hosts[0].keepalived[0] ?? cluster.hosts[0].haproxy[0];
        guarded(first.filePath, () => rule.check({ ...base, cluster } satisfies ClusterContext & typeof base));
      }
    }
  }
  return findings;
}
