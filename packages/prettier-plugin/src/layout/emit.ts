import type { Unit } from './unit.js';

const LF = 10;

/** Number of line feeds in text[from, to). */
function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  let i = text.indexOf('\n', from);
  while (i !== -1 && i < to) {
    n++;
    if (n >= 2) return n; // only "none", "one" and "a blank line" matter
    i = text.indexOf('\n', i + 1);
  }
  return n;
}

export interface Emitted {
  /** Output lines, without terminators. */
  lines: string[];
  /** For each unit, the index of the output line it starts on (units kept on one line share it). */
  unitLine: Int32Array;
}

/**
 * Lays units out as lines. Rules: one unit per line, indented `depth` levels; at
 * most one blank line where the source had one or more between two units, none
 * right inside a body; units that shared a source line are split onto their own
 * lines unless one of them asks to keep the line, in which case the physical line
 * is kept as written (re-indented only).
 */
export function emitUnits(units: Unit[], text: string, indentUnit: string): Emitted {
  const lines: string[] = [];
  const unitLine = new Int32Array(units.length);
  const indents: string[] = [''];
  const indent = (depth: number) => {
    while (indents.length <= depth) indents.push(indents[indents.length - 1] + indentUnit);
    return indents[depth];
  };

  let prev: Unit | undefined;
  let i = 0;
  const n = units.length;
  while (i < n) {
    const u = units[i];
    // Gather the units that share u's source line (a group), when any asks to keep it.
    let j = i + 1;
    let keep = u.keepLine;
    while (j < n && countNewlines(text, units[j - 1].end, units[j].start) === 0) {
      if (units[j].keepLine) keep = true;
      j++;
    }
    const groupEnd = keep ? j : i + 1;
    const last = units[groupEnd - 1];

    if (prev) {
      const newlines = countNewlines(text, prev.end, u.start);
      if (newlines >= 2) {
        const drop = (prev.open && (u.depth > prev.depth || u.close)) || (u.close && (prev.depth > u.depth || prev.open));
        if (!drop) lines.push('');
      }
    }
    const line = lines.length;
    if (groupEnd - i === 1) {
      lines.push(u.text.length === 0 ? '' : indent(u.depth) + u.text);
      unitLine[i] = line;
      prev = u;
    } else {
      lines.push(indent(u.depth) + text.slice(u.start, last.end));
      for (let k = i; k < groupEnd; k++) unitLine[k] = line;
      // The group behaves like its last unit for what follows (it may open a body).
      prev = last;
    }
    i = groupEnd;
  }
  return { lines, unitLine };
}

/** Whether the source text has a line feed between two offsets (used by printers). */
export function sameLine(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === LF) return false;
  return true;
}
