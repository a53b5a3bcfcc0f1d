/**
 * Text that remembers where each character came from, so words produced by `$NAME`
 * expansion, `~SEQ` repetition or multi-line definitions still point at what the user
 * wrote. A run maps `text[at…]` either 1:1 onto a file range (`synthetic: false`) or, for
 * generated text (a `~SEQ` number, `${_PWD}`), as a whole onto the reference that produced it.
 */
export interface Run {
  at: number;
  fileName: string;
  start: number;
  end: number;
  synthetic: boolean;
}

export interface TextRange {
  fileName: string;
  start: number;
  end: number;
}

export class TrackedText {
  private constructor(
    readonly text: string,
    readonly runs: readonly Run[],
  ) {}

  static fromSource(fileName: string, source: string, start: number, end: number): TrackedText {
    return new TrackedText(source.slice(start, end), [{ at: 0, fileName, start, end, synthetic: false }]);
  }

  /** Generated text, located as a whole at `origin`. */
  static synthetic(text: string, origin: TextRange): TrackedText {
    return new TrackedText(text, text.length ? [{ at: 0, fileName: origin.fileName, start: origin.start, end: origin.end, synthetic: true }] : []);
  }

  static empty(): TrackedText {
    return new TrackedText('', []);
  }

  get length(): number {
    return this.text.length;
  }

  charCodeAt(i: number): number {
    return this.text.charCodeAt(i);
  }

  slice(from: number, to = this.text.length): TrackedText {
    if (from <= 0 && to >= this.text.length) return this;
    from = Math.max(0, from);
    to = Math.min(this.text.length, to);
    if (to <= from) return TrackedText.empty();
    const runs: Run[] = [];
    for (let i = 0; i < this.runs.length; i++) {
      const run = this.runs[i];
      const runEnd = i + 1 < this.runs.length ? this.runs[i + 1].at : this.text.length;
      if (runEnd <= from || run.at >= to) continue;
      const a = Math.max(run.at, from);
      runs.push(
        run.synthetic
          ? { at: a - from, fileName: run.fileName, start: run.start, end: run.end, synthetic: true }
          : { at: a - from, fileName: run.fileName, start: run.start + (a - run.at), end: run.end, synthetic: false },
      );
    }
    return new TrackedText(this.text.slice(from, to), runs);
  }

  concat(other: TrackedText): TrackedText {
    if (!other.text.length) return this;
    if (!this.text.length) return other;
    const shift = this.text.length;
    const runs = this.runs.slice();
    for (const run of other.runs) runs.push({ ...run, at: run.at + shift });
    return new TrackedText(this.text + other.text, runs);
  }

  /** `text[from, to)` replaced by `replacement`. */
  replace(from: number, to: number, replacement: TrackedText): TrackedText {
    return this.slice(0, from).concat(replacement).concat(this.slice(to));
  }

  /** Where `text[from, to)` came from: the range of its first character's file. */
  locate(from: number, to: number): TextRange | undefined {
    if (!this.runs.length) return undefined;
    const first = this.runAt(from);
    const last = this.runAt(Math.max(from, to - 1));
    const a = this.runs[first];
    const b = this.runs[last];
    const start = a.synthetic ? a.start : a.start + (from - a.at);
    let end: number;
    if (b.fileName !== a.fileName) end = a.synthetic ? a.end : a.start + ((first + 1 < this.runs.length ? this.runs[first + 1].at : this.text.length) - a.at);
    else end = b.synthetic ? b.end : b.start + (to - b.at);
    return { fileName: a.fileName, start, end: Math.max(start, end) };
  }

  /** Whether every character of `text[from, to)` maps 1:1 onto one file range. */
  isVerbatim(from: number, to: number): boolean {
    const first = this.runAt(from);
    const last = this.runAt(Math.max(from, to - 1));
    return first === last && this.runs.length > 0 && !this.runs[first].synthetic;
  }

  private runAt(i: number): number {
    let lo = 0;
    let hi = this.runs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.runs[mid].at <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
