import type { Diagnostic, HaFile, KaFile, Position, Range } from '@cfglint/parser';
import { parseHaproxy, parseKeepalived, SourceFile } from '@cfglint/parser';
import { splitHaproxy, splitKeepalived } from './chunks.js';
import type { Language } from './language.js';

export type ChunkParse =
  | { language: 'keepalived'; ast: KaFile; source: SourceFile; diagnostics: Diagnostic[] }
  | { language: 'haproxy'; ast: HaFile; source: SourceFile; diagnostics: Diagnostic[] };

/**
 * Syntax trees are the bulk of a document's memory (~1 kB a line), so only the most recently
 * used chunks keep theirs; the others keep their syntax findings, their source (line table)
 * and what features computed from the tree (names, tokens, outline, folds), and re-parse
 * when a tree is asked for again. Small files never lose their trees.
 */
const TREE_CAPACITY = 512;
const withTrees = new Map<Chunk, true>();

/** Runs right after a chunk is parsed (while its tree is there): features fill their caches. */
const afterParse: ((chunk: Chunk) => void)[] = [];
export function onChunkParsed(fn: (chunk: Chunk) => void): void {
  afterParse.push(fn);
}

/** A stretch of the document parsed on its own; node offsets inside are chunk-relative. */
export class Chunk {
  private parse: ChunkParse | undefined;
  private syntax: Diagnostic[] | undefined;
  private src: SourceFile | undefined;
  /** What features computed from the tree, chunk-relative (shared with identical chunks of other versions). */
  private readonly memos: Map<string, unknown>;

  constructor(
    readonly language: Language,
    readonly fileName: string,
    /** Offset of the chunk in the document. */
    public start: number,
    /** Line of the chunk's first character in the document. */
    public line: number,
    readonly text: string,
    /** What an identical chunk of the previous version had (its tree, if it still has one). */
    previous?: Chunk,
  ) {
    this.memos = previous?.memos ?? new Map();
    if (previous) {
      this.syntax = previous.syntax;
      this.src = previous.src;
      if (previous.parse) this.keep(previous.parse);
    }
  }

  get end(): number {
    return this.start + this.text.length;
  }

  /** Number of line breaks inside the chunk. */
  get breaks(): number {
    return this.source.lineCount - 1;
  }

  /** The chunk's syntax tree, parsed again if it was let go. */
  get parsed(): ChunkParse {
    if (this.parse) {
      withTrees.delete(this);
      withTrees.set(this, true);
      return this.parse;
    }
    const fresh: ChunkParse =
      this.language === 'haproxy'
        ? { language: 'haproxy', ...parseHaproxy(this.text, this.fileName) }
        : { language: 'keepalived', ...parseKeepalived(this.text, this.fileName) };
    const first = this.syntax === undefined;
    this.keep(fresh);
    if (first) for (const fn of afterParse) fn(this);
    return fresh;
  }

  private keep(parse: ChunkParse): void {
    this.parse = parse;
    this.syntax = parse.diagnostics;
    this.src = parse.source;
    withTrees.set(this, true);
    if (withTrees.size > TREE_CAPACITY) {
      const oldest = withTrees.keys().next().value!;
      oldest.release();
    }
  }

  /** A value computed once from this chunk's text (its tree, usually) and kept with the chunk. */
  memo<T>(key: string, compute: () => T): T {
    if (this.memos.has(key)) return this.memos.get(key) as T;
    const value = compute();
    this.memos.set(key, value);
    return value;
  }

  /** Lets the syntax tree go (the findings, the source and the features' caches stay). */
  release(): void {
    this.parse = undefined;
    withTrees.delete(this);
  }

  /** Syntax findings of the chunk (chunk-relative lines). */
  get diagnostics(): Diagnostic[] {
    return this.syntax ?? this.parsed.diagnostics;
  }

  get isParsed(): boolean {
    return this.syntax !== undefined;
  }

  get source(): SourceFile {
    return (this.src ??= new SourceFile(this.fileName, this.text));
  }

  /** Document range of chunk-relative offsets. */
  rangeOf(start: number, end: number): Range {
    const r = this.source.rangeOf(start, end);
    return { start: { line: r.start.line + this.line, character: r.start.character }, end: { line: r.end.line + this.line, character: r.end.character } };
  }
}

/** A string that shares no storage with the one it came from. */
function detach(s: string): string {
  return s.length < 16 ? s : Buffer.from(s, 'utf8').toString('utf8');
}

export interface ContentChange {
  range?: Range;
  text: string;
}

/**
 * An open (or peer) configuration file: its text split into chunks that are re-parsed
 * only when an edit touches them or their neighbours.
 */
export class ConfigDocument {
  chunks: Chunk[] = [];
  private joined: string | undefined;

  constructor(
    readonly uri: string,
    readonly fileName: string,
    readonly language: Language,
    public version: number,
    text: string,
  ) {
    this.resplit(text, 0, 0, 0, new Map());
    this.joined = text;
  }

  /**
   * The whole text. The document keeps only its chunks (an edit never copies the whole
   * file); the joined text is built on demand and cached until the next edit.
   */
  get text(): string {
    return (this.joined ??= this.chunks.map((c) => c.text).join(''));
  }

  /** Lets every chunk's tree go (the document closed). */
  dispose(): void {
    for (const c of this.chunks) c.release();
  }

  /** The chunk texts in order: the whole text without joining it. */
  get pieces(): string[] {
    return this.chunks.map((c) => c.text);
  }

  get lineCount(): number {
    const last = this.chunks[this.chunks.length - 1];
    return last ? last.line + last.breaks + 1 : 1;
  }

  /** Index of the chunk holding `offset` (the last chunk for the text's end). */
  chunkIndexAtOffset(offset: number): number {
    let lo = 0;
    let hi = this.chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.chunks[mid].start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  chunkIndexAtLine(line: number): number {
    let lo = 0;
    let hi = this.chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.chunks[mid].line <= line) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    const chunk = this.chunks[this.chunkIndexAtLine(position.line)];
    if (!chunk) return 0;
    return chunk.start + chunk.source.offsetAt({ line: position.line - chunk.line, character: position.character });
  }

  positionAt(offset: number): Position {
    const chunk = this.chunks[this.chunkIndexAtOffset(offset)];
    if (!chunk) return { line: 0, character: 0 };
    const p = chunk.source.positionAt(offset - chunk.start);
    return { line: p.line + chunk.line, character: p.character };
  }

  /** The text of one line without its terminator. */
  lineText(line: number): string {
    const chunk = this.chunks[this.chunkIndexAtLine(line)];
    return chunk ? chunk.source.lineText(line - chunk.line) : '';
  }

  /** Applies LSP content changes in order; re-splits and re-parses only around each edit. */
  update(changes: readonly ContentChange[], version: number): void {
    for (const change of changes) {
      if (!change.range) {
        this.resplit(change.text, 0, 0, this.chunks.length, new Map(this.chunks.map((c) => [c.text, c])));
        this.joined = change.text;
        continue;
      }
      const s = this.offsetAt(change.range.start);
      const e = Math.max(s, this.offsetAt(change.range.end));
      // Re-split from the chunk before the edit to the chunk after it: deleting or adding a
      // section header changes where its neighbours begin and end.
      const first = Math.max(0, this.chunkIndexAtOffset(s) - 1);
      const last = Math.min(this.chunks.length - 1, this.chunkIndexAtOffset(e) + 1);
      const from = this.chunks[first].start;
      const old = this.chunks.slice(first, last + 1);
      const oldText = old.map((c) => c.text).join('');
      const region = oldText.slice(0, s - from) + change.text + oldText.slice(e - from);
      const reusable = new Map(old.map((c) => [c.text, c]));
      this.joined = undefined;
      if (!this.resplit(region, from, first, last + 1, reusable)) {
        // The region leaves `.if` blocks or braces open: split the whole file again.
        const whole = this.pieces.map((t, i) => (i === first ? region : i > first && i <= last ? '' : t)).join('');
        for (const c of this.chunks) reusable.set(c.text, c);
        this.resplit(whole, 0, 0, this.chunks.length, reusable, true);
      }
    }
    this.version = version;
  }

  /**
   * Replaces chunks [firstIndex, endIndex) with a split of `text`, which starts at offset
   * `base` of the document, and moves the following chunks along. Returns false (changing
   * nothing) when `text` leaves `.if` blocks or braces open and is not the whole file.
   */
  private resplit(text: string, base: number, firstIndex: number, endIndex: number, reusable: Map<string, Chunk>, whole = firstIndex === 0 && endIndex === this.chunks.length): boolean {
    const split = this.language === 'haproxy' ? splitHaproxy : splitKeepalived;
    const found = split(text, 0, text.length);
    if (!found && !whole) return false;
    // Unbalanced to the end: the whole file is one chunk (parsed as one, as the daemon would).
    const starts = found ?? [0];
    const fresh: Chunk[] = [];
    let line = firstIndex > 0 ? this.chunks[firstIndex - 1].line + this.chunks[firstIndex - 1].breaks : 0;
    for (let i = 0; i < starts.length; i++) {
      const end = i + 1 < starts.length ? starts[i + 1] : text.length;
      // A copy, not a slice: a slice would keep the text it came from alive as long as the chunk lives.
      const piece = detach(text.slice(starts[i], end));
      const chunk = new Chunk(this.language, this.fileName, base + starts[i], line, piece, reusable.get(piece));
      fresh.push(chunk);
      line += chunk.breaks;
    }
    const tail = this.chunks.slice(endIndex);
    let offset = base + text.length;
    for (const c of tail) {
      c.start = offset;
      c.line = line;
      offset += c.text.length;
      line += c.breaks;
    }
    this.chunks = [...this.chunks.slice(0, firstIndex), ...fresh, ...tail];
    return true;
  }
}
