import type { LintResult, RuleSummary } from '../engine/types.js';

export interface FormatterContext {
  cwd: string;
  color: boolean;
  /** Metadata of every rule that can appear in the results. */
  rules: ReadonlyMap<string, RuleSummary>;
  /** cfglint's version, for tool metadata. */
  version: string;
}

/** Turns results into the text printed on standard output. */
export type Formatter = (results: LintResult[], context: FormatterContext) => string;
