import { unitText } from './unit.js';
import type { Unit } from './unit.js';

const LF = 10;

/** Number of line feeds in text[from, to), counted up to 2 (none, one, or a blank line). */
function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  let i = text.indexOf('\n', from);
  while (i !== -1 && i < to) {
    if (++n >= 2) return n;
    i = text.indexOf('\n', i + 1);
  }
  return n;
}

/**
 * Walks units in output order, one call per output line. A unit that shares its
 * source line with others is emitted alone, unless one of them asks to keep the line
 * (`keepLine`): then the group [i, end) is emitted as the source line.
 */
function forEachLine(units: Unit[], text: string, visit: (i: number, end: number, blank: boolean) => void): void {
  const n = units.length;
  // Line feeds between each unit and the one before it (0, 1, or 2 for "a blank line").
  const gaps = new Uint8Array(n);
  for (let k = 1; k < n; k++) gaps[k] = countNewlines(text, units[k - 1].end, units[k].start);
  let prev: Unit | undefined;
  let i = 0;
  while (i < n) {
    const u = units[i];
    let end = i + 1;
    if (end < n && gaps[end] === 0) {
      let j = i + 1;
      let keep = u.keepLine;
      while (j < n && gaps[j] === 0) {
        if (units[j].keepLine) keep = true;
        j++;
      }
      if (keep) end = j;
    }
    let blank = false;
    if (prev && gaps[i] >= 2) {
      const drop = (prev.open && (u.depth > prev.depth || u.close)) || (u.close && (prev.depth > u.depth || prev.open));
      blank = !drop;
    }
    visit(i, end, blank);
    // A kept group behaves like its last unit for what follows (it may open a body).
    prev = units[end - 1];
    i = end;
  }
}

class Indents {
  private readonly cache: string[] = [''];
  constructor(readonly unit: string) {}
  get(depth: number): string {
    const cache = this.cache;
    while (cache.length <= depth) cache.push(cache[cache.length - 1] + this.unit);
    return cache[depth];
  }
}

function lineStartOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text.charCodeAt(i - 1) !== LF) i--;
  return i;
}

export interface Emitted {
  /** Output lines without terminators (a unit kept verbatim over several lines is one entry). */
  lines: string[];
  /** For each unit, the index in `lines` it is printed in (units kept on one line share it). */
  unitLine: Int32Array;
}

/**
 * Lays units out as lines. Rules: one unit per line, indented `depth` levels; at most
 * one blank line where the source had one or more between two units, none right inside
 * a body; units that shared a source line are split onto their own lines unless one of
 * them asks to keep the line, in which case the physical line is kept as written
 * (re-indented only). Used for range formatting; `emitText` is the fast whole-file path.
 */
export function emitUnits(units: Unit[], text: string, indentUnit: string): Emitted {
  const lines: string[] = [];
  const unitLine = new Int32Array(units.length);
  const indents = new Indents(indentUnit);
  forEachLine(units, text, (i, end, blank) => {
    if (blank) lines.push('');
    const u = units[i];
    const body = end - i === 1 ? unitText(u, text) : text.slice(u.start, units[end - 1].end);
    for (let k = i; k < end; k++) unitLine[k] = lines.length;
    lines.push(indents.get(u.depth) + body);
  });
  return { lines, unitLine };
}

/**
 * The same layout as `emitUnits`, as one string with a final newline. Runs of lines
 * that are already formatted in the source (right indentation, canonical text, the
 * right line breaks before them) are copied as one slice, so formatting a formatted
 * file costs little more than checking it.
 */
export function emitText(units: Unit[], text: string, indentUnit: string): string {
  if (units.length === 0) return '';
  const pieces: string[] = [];
  const indents = new Indents(indentUnit);
  const indentChar = indentUnit.charCodeAt(0);
  const indentLength = indentUnit.length;
  let runStart = -1;
  let runEnd = -1;
  let prevEnd = -1;
  forEachLine(units, text, (i, end, blank) => {
    const u = units[i];
    const sepLength = prevEnd < 0 ? 0 : blank ? 2 : 1;
    if (end - i === 1 && u.canonical) {
      const lineStart = lineStartOf(text, u.start);
      let ok = u.start - lineStart === u.depth * indentLength;
      for (let k = lineStart; ok && k < u.start; k++) ok = text.charCodeAt(k) === indentChar;
      if (ok && prevEnd >= 0) {
        ok = lineStart - prevEnd === sepLength && text.charCodeAt(prevEnd) === LF && (sepLength === 1 || text.charCodeAt(prevEnd + 1) === LF);
      }
      if (ok) {
        if (runStart < 0) runStart = prevEnd >= 0 ? prevEnd : lineStart;
        runEnd = u.end;
        prevEnd = u.end;
        return;
      }
    }
    if (runStart >= 0) {
      pieces.push(text.slice(runStart, runEnd));
      runStart = -1;
    }
    const body = end - i === 1 ? unitText(u, text) : text.slice(u.start, units[end - 1].end);
    // Separate pieces, joined once at the end: no intermediate strings per line.
    if (sepLength > 0) pieces.push(sepLength === 1 ? '\n' : '\n\n');
    if (u.depth > 0) pieces.push(indents.get(u.depth));
    pieces.push(body);
    prevEnd = units[end - 1].end;
  });
  if (runStart >= 0) {
    // Already formatted from the first line to the last: the source is the output.
    if (pieces.length === 0 && runStart === 0 && runEnd === text.length - 1 && text.charCodeAt(runEnd) === LF) return text;
    pieces.push(text.slice(runStart, runEnd));
  }
  pieces.push('\n');
  return pieces.join('');
}

/** Whether the source text has no line feed between two offsets (used by printers). */
export function sameLine(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === LF) return false;
  return true;
}
