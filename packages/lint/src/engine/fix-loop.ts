import { applyEditGroups } from './apply-edits.js';
import type { Finding } from './run-rules.js';

export const MAX_FIX_PASSES = 10;

/**
 * Applies the safe fixes of one lint pass to the texts of the files they touch.
 * Returns the new texts of the files that changed (absolute path → text).
 */
export function applyFixes(findings: Finding[], textOf: (fileName: string) => string | undefined): Map<string, string> {
  const groupsByFile = new Map<string, { fileName: string; start: number; end: number; text: string }[][]>();
  for (const finding of findings) {
    if (!finding.fix?.length) continue;
    const file = finding.fix[0].fileName;
    if (!finding.fix.every((e) => e.fileName === file)) continue;
    const groups = groupsByFile.get(file) ?? [];
    groups.push(finding.fix);
    groupsByFile.set(file, groups);
  }
  const changed = new Map<string, string>();
  for (const [file, groups] of groupsByFile) {
    const text = textOf(file);
    if (text === undefined) continue;
    const result = applyEditGroups(text, groups);
    if (result.applied > 0 && result.text !== text) changed.set(file, result.text);
  }
  return changed;
}
