import type { Diagnostic } from '@cfglint/parser';
import type { LintMessage, LintResult } from './types.js';

/** Converts 0-based diagnostics into an ESLint-compatible result with 1-based positions. */
export function toLintResult(filePath: string, diagnostics: Diagnostic[]): LintResult {
  const messages: LintMessage[] = diagnostics.map((d) => ({
    ruleId: d.code,
    severity: d.severity === 'error' ? 2 : 1,
    message: d.message,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
  }));
  messages.sort((a, b) => a.line - b.line || a.column - b.column);
  const errorCount = messages.filter((m) => m.severity === 2).length;
  return {
    filePath,
    messages,
    errorCount,
    warningCount: messages.length - errorCount,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
  };
}
