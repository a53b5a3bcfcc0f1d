import type { Edit, Span } from './span.js';
import type { Language, TargetVersions } from './types.js';

export type RuleSeverity = 'error' | 'warning';
export type ConfiguredSeverity = RuleSeverity | 'off';

export interface RuleMeta {
  /** `problem`: the config misbehaves; `suggestion`: it works but could be better. */
  type: 'problem' | 'suggestion';
  /** Default severity: error only when the config is certainly wrong. */
  severity: RuleSeverity;
  /** One line, shown by --list-rules and in SARIF. */
  description: string;
  /** Which files the rule reads; `any` for cross-language rules. */
  language: Language | 'any';
  /** `file`: one document; `host`: every config of one host; `cluster`: the hosts of a cluster together. */
  scope: 'file' | 'host' | 'cluster';
  /** Whether --fix can apply some of its reports without changing behaviour. */
  fixable?: boolean;
  /** Whether it offers behaviour-changing remedies as suggestions. */
  hasSuggestions?: boolean;
  /**
   * Checker finding codes (`schema/…`) this rule reports itself, with a fix: where the
   * rule reports (same file and start offset), the checker's finding is dropped so each
   * problem shows once.
   */
  supersedes?: readonly string[];
}

export interface Related {
  at: Span;
  message: string;
}

export interface Suggestion {
  description: string;
  edits: Edit[];
}

/** What a rule reports: a message by id with placeholders filled from `data`. */
export interface ReportDescriptor<M extends string> {
  messageId: M;
  data?: Record<string, string | number>;
  at: Span;
  related?: Related[];
  /** Safe edits that --fix applies. */
  fix?: Edit[];
  /** Behaviour-changing remedies, offered but never applied by --fix. */
  suggestions?: Suggestion[];
  /** `likely`: probably wrong but not certainly; reported as a warning even by an error rule. */
  certainty?: 'certain' | 'likely';
}

export interface RuleContextBase<M extends string, O> {
  readonly ruleId: string;
  readonly options: O;
  readonly versions: Required<TargetVersions>;
  /** The rule's message texts (suggestion descriptions come from here too). */
  readonly messages: Record<M, string>;
  report(descriptor: ReportDescriptor<M>): void;
}

/**
 * A rule: metadata, messages with {{placeholders}}, default options and a check.
 * `C` is the context it receives (a file context for one language, or a cluster context).
 */
export interface Rule<C = unknown, M extends string = string, O = Record<string, unknown>> {
  id: string;
  meta: RuleMeta;
  messages: Record<M, string>;
  defaultOptions: O;
  check(context: C & RuleContextBase<M, O>): void;
}

/** Fills `{{name}}` placeholders; a missing value is a bug in the rule, so it throws. */
export function fillMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => {
    if (!(key in data)) throw new Error(`message placeholder {{${key}}} has no value`);
    return String(data[key]);
  });
}
