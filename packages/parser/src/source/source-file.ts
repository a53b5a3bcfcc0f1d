/** A position in a text: 0-based line and UTF-16 character, as in the Language Server Protocol. */
export interface Position {
  line: number;
  character: number;
}

/** A half-open range [start, end). */
export interface Range {
  start: Position;
  end: Position;
}

/**
 * One file's text with a lazily built line table. Syntax nodes store only offsets
 * (`start`, `end`, end exclusive); this class turns them into line/character ranges.
 */
export class SourceFile {
  private lineStarts: number[] | undefined;

  constructor(
    readonly fileName: string,
    readonly text: string,
  ) {}

  /** Offsets at which each line begins (line 0 begins at 0). */
  getLineStarts(): number[] {
    if (this.lineStarts) return this.lineStarts;
    const starts = [0];
    const text = this.text;
    let i = text.indexOf('\n');
    while (i !== -1) {
      starts.push(i + 1);
      i = text.indexOf('\n', i + 1);
    }
    this.lineStarts = starts;
    return starts;
  }

  get lineCount(): number {
    return this.getLineStarts().length;
  }

  positionAt(offset: number): Position {
    const starts = this.getLineStarts();
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: clamped - starts[lo] };
  }

  offsetAt(position: Position): number {
    const starts = this.getLineStarts();
    if (position.line < 0) return 0;
    if (position.line >= starts.length) return this.text.length;
    const lineEnd = position.line + 1 < starts.length ? starts[position.line + 1] : this.text.length;
    return Math.min(starts[position.line] + Math.max(0, position.character), lineEnd);
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /** The text of line `line` without its line terminator. */
  lineText(line: number): string {
    const starts = this.getLineStarts();
    const start = starts[line] ?? this.text.length;
    let end = line + 1 < starts.length ? starts[line + 1] - 1 : this.text.length;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return this.text.slice(start, Math.max(start, end));
  }
}
