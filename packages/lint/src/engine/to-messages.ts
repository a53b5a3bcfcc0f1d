import type { SourceFile } from '@cfglint/parser';
import type { Finding } from './run-rules.js';
import type { Edit } from './span.js';
import type { LintMessage } from './types.js';

type SourceLookup = (fileName: string) => SourceFile | undefined;

/** Several edits of one fix as ESLint's single range: the covering range and its new text. */
function mergeEdits(edits: Edit[], source: SourceFile): { range: [number, number]; text: string } {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const start = sorted[0].start;
  const end = sorted[sorted.length - 1].end;
  let text = '';
  let cursor = start;
  for (const e of sorted) {
    text += source.text.slice(cursor, e.start) + e.text;
    cursor = e.end;
  }
  return { range: [start, end], text };
}

/** One finding as an ESLint-style message (1-based positions). */
export function toMessage(finding: Finding, source: SourceFile, sourceOf: SourceLookup): LintMessage {
  const range = source.rangeOf(finding.at.start, finding.at.end);
  const message: LintMessage = {
    ruleId: finding.ruleId,
    severity: finding.severity === 'error' ? 2 : 1,
    message: finding.message,
    line: range.start.line + 1,
    column: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
  const sameFile = (edits: Edit[]) => edits.length > 0 && edits.every((e) => e.fileName === finding.at.fileName);
  if (finding.fix && sameFile(finding.fix)) message.fix = mergeEdits(finding.fix, source);
  const suggestions = finding.suggestions?.filter((s) => sameFile(s.edits));
  if (suggestions?.length) message.suggestions = suggestions.map((s) => ({ desc: s.description, fix: mergeEdits(s.edits, source) }));
  const related = finding.related.flatMap((r) => {
    const other = sourceOf(r.at.fileName);
    if (!other) return [];
    const rr = other.rangeOf(r.at.start, r.at.end);
    return [{ filePath: r.at.fileName, line: rr.start.line + 1, column: rr.start.character + 1, endLine: rr.end.line + 1, endColumn: rr.end.character + 1, message: r.message }];
  });
  if (related.length) message.related = related;
  return message;
}
