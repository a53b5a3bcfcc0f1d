import type { Edit } from './span.js';

export interface AppliedEdits {
  text: string;
  applied: number;
  /** Edits left out because they overlap an earlier one; a later pass may apply them. */
  skipped: number;
}

/**
 * Applies non-overlapping edits to one file's text. Each group (one report's edits)
 * is applied whole or not at all, so a fix never lands half-done.
 */
export function applyEditGroups(text: string, groups: Edit[][]): AppliedEdits {
  const sorted = groups
    .filter((g) => g.length > 0)
    .map((g) => [...g].sort((a, b) => a.start - b.start))
    .sort((a, b) => a[0].start - b[0].start);
  const chosen: Edit[] = [];
  let skipped = 0;
  let lastEnd = -1;
  for (const group of sorted) {
    const overlapsItself = group.some((e, i) => i > 0 && e.start < group[i - 1].end);
    if (group[0].start < lastEnd || overlapsItself) {
      skipped++;
      continue;
    }
    for (const edit of group) chosen.push(edit);
    lastEnd = group[group.length - 1].end;
  }
  let out = '';
  let cursor = 0;
  for (const edit of chosen) {
    out += text.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  out += text.slice(cursor);
  return { text: out, applied: sorted.length - skipped, skipped };
}
