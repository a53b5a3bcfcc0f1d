import type { ConfigLanguage, Diagnostic } from '@cfglint/parser';

export type Language = ConfigLanguage;
export const LANGUAGES: readonly Language[] = ['keepalived', 'haproxy'];

/** Target daemon versions; findings depend on them. Undefined means the schema's default. */
export interface TargetVersions {
  haproxy?: string;
  keepalived?: string;
}

/** One file to lint and the language it is written in. */
export interface LintTarget {
  filePath: string;
  language: Language;
  /** HAProxy: more files read after this one as one configuration (conf.d fragments). */
  alsoLoad?: string[];
}

/** A finding in ESLint's shape: 1-based lines and columns, severity 1 (warning) or 2 (error). */
export interface LintMessage {
  ruleId: string | null;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** A safe fix, as ESLint writes it: replace the character range [start, end) with text. */
  fix?: { range: [number, number]; text: string };
  /** Behaviour-changing remedies, offered but not applied by --fix. */
  suggestions?: { desc: string; fix: { range: [number, number]; text: string } }[];
  /** Other places that explain the finding (the peer's line in another host's file). */
  related?: RelatedLocation[];
}

/** A 1-based location in some file, with a message. */
export interface RelatedLocation {
  filePath: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

/** What output formats need to know about a rule. */
export interface RuleSummary {
  id: string;
  description: string;
  severity: 'error' | 'warning';
  type: 'problem' | 'suggestion';
  /** Path of the rule's documentation, relative to packages/lint. */
  docs: string;
}

/** ESLint-compatible per-file result. */
export interface LintResult {
  filePath: string;
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
}

/** Diagnostics grouped by the file they point into. */
export type DiagnosticsByFile = Map<string, Diagnostic[]>;
