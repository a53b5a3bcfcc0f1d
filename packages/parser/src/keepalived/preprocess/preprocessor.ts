import * as path from 'node:path';
import type { Word } from '../../ast/common.js';
import type { KaBlock, KaDefinition, KaDirective, KaStatement } from '../../ast/keepalived.js';
import type { Severity } from '../../source/diagnostic.js';
import type { FileSystem } from '../../source/file-system.js';
import type { KeepalivedParseResult } from '../parse.js';
import { builtinDefinitions, expandReferences } from './definitions.js';
import type { Definition } from './definitions.js';
import { EffectiveBuilder } from './effective.js';
import type { KaEffectiveStatement, KaEffectiveWord } from './effective.js';
import { resolveInclude } from './include.js';
import { decomment, definitionEquals, findBrace, includePatternStart, includeVariant, skipBlanks, splitWords, trimBlanksEnd } from './line-text.js';
import { parseLst, parseSeq } from './repeat.js';
import { TrackedText } from './tracked-text.js';
import type { TextRange } from './tracked-text.js';

/** A finding located in some file by offsets. */
export interface LocatedProblem {
  code: string;
  severity: Severity;
  message: string;
  at: TextRange;
}

export interface PreprocessOptions {
  fs: FileSystem;
  /** keepalived's config id (`-i`); see loadKeepalived for the default. */
  configId?: string;
  /** Bound on statements made by expansion (default MAX_EXPANDED_STATEMENTS); lines processed may be twice that. */
  maxExpandedStatements?: number;
  /** Parses (and caches) a file; undefined when it cannot be read. */
  parse(fileName: string): KeepalivedParseResult | undefined;
}

/** Statements made by expansion beyond this are dropped (with a finding) to bound memory. */
export const MAX_EXPANDED_STATEMENTS = 500_000;
/** Lines processed by the text path (repetitions multiply): the bound on work per load. */
export const MAX_PROCESSED_LINES = 1_000_000;
const MAX_DEPTH = 40;

interface LineContext {
  fileName: string;
  node: KaStatement;
  /** The source line being processed (for `expansion`). */
  site: TextRange;
  /** Whether text on this path was produced by expansion or repetition. */
  expanded: boolean;
}

/**
 * Applies keepalived 2.x's preprocessing to a tree of files and feeds the result to an
 * EffectiveBuilder. Lines without preprocessing take a fast path straight from the
 * syntax tree; the others are replayed as text the way keepalived's read_line() does
 * (conditions, definitions, repetition, expansion, include, brace split), keeping origins.
 */
export class Preprocessor {
  readonly builder = new EffectiveBuilder();
  readonly problems: LocatedProblem[] = [];
  /** Every config id named by `@id` / `@^id`, in order of appearance. */
  readonly conditionIds = new Set<string>();
  /** Files read, in order (the entry first). */
  readonly filesRead: string[] = [];
  readonly definitions: Map<string, Definition>;
  private readonly includeStack: string[] = [];
  private fileName = '';
  private text = '';
  private skipUntil = -1;
  private expandedCount = 0;
  private processed = 0;
  private overBudget = false;

  private readonly maxExpanded: number;
  private readonly maxProcessed: number;

  constructor(private readonly options: PreprocessOptions) {
    this.maxExpanded = options.maxExpandedStatements ?? MAX_EXPANDED_STATEMENTS;
    this.maxProcessed = options.maxExpandedStatements !== undefined ? 2 * options.maxExpandedStatements : MAX_PROCESSED_LINES;
    this.definitions = builtinDefinitions(options.configId, () => path.dirname(this.fileName));
  }

  run(entry: string): KaEffectiveStatement[] {
    this.processFile(entry);
    return this.builder.finish();
  }

  private readonly reported = new Set<string>();

  /** Records a finding once per place (expansion repeats the same definition text many times). */
  private report(code: string, severity: Severity, message: string, at: TextRange): void {
    const key = `${code}|${at.fileName}|${at.start}|${at.end}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.problems.push({ code, severity, message, at });
  }

  /** Reads one file's statements into the stream. False when the file cannot be read. */
  processFile(fileName: string): boolean {
    const parsed = this.options.parse(fileName);
    if (!parsed) return false;
    const saved = { fileName: this.fileName, text: this.text, skipUntil: this.skipUntil };
    this.fileName = fileName;
    this.text = parsed.source.text;
    this.skipUntil = -1;
    this.filesRead.push(fileName);
    this.includeStack.push(fileName);
    this.visitBody(parsed.ast.body);
    this.includeStack.pop();
    this.fileName = saved.fileName;
    this.text = saved.text;
    this.skipUntil = saved.skipUntil;
    return true;
  }

  private range(start: number, end: number): TextRange {
    return { fileName: this.fileName, start, end };
  }

  private lineEnd(offset: number): number {
    const i = this.text.indexOf('\n', offset);
    return i < 0 ? this.text.length : i;
  }

  private visitBody(body: readonly KaStatement[]): void {
    for (let i = 0; i < body.length; i++) {
      const s = body[i];
      switch (s.kind) {
        case 'KaDirective':
          this.entry(s);
          break;
        case 'KaBlock':
          this.entry(s);
          if (s.open.start >= this.skipUntil) this.builder.open(this.range(s.open.start, s.open.end));
          this.visitBody(s.body);
          if (s.close && s.close.start >= this.skipUntil) this.builder.close(this.range(s.close.start, s.close.end));
          break;
        case 'KaDefinition':
          this.definitionEntry(s);
          break;
        case 'ErrorStatement':
          if (s.start < this.skipUntil) break;
          if (s.text === '{') this.builder.open(this.range(s.start, s.start + 1));
          else if (s.text === '}') this.builder.close(this.range(s.start, s.start + 1));
          break;
        default:
          break;
      }
    }
  }

  /** `@id` / `@^id`: whether the line is kept for the configured id. */
  private conditionHolds(text: string): boolean {
    const reverse = text.charCodeAt(1) === 94; // '^'
    const id = text.slice(reverse ? 2 : 1);
    this.conditionIds.add(id);
    const match = this.options.configId !== undefined && id === this.options.configId;
    return match !== reverse;
  }

  private entry(s: KaDirective | KaBlock): void {
    if (s.start < this.skipUntil) return;
    if (s.condition && !this.conditionHolds(s.condition.text)) {
      this.skipUntil = this.lineEnd(s.start);
      return;
    }
    const keyword = s.keyword;
    const first = keyword.text.charCodeAt(0);
    if (first === 64 /* @ */ && !keyword.quoted) {
      // A lone `@id` line: keepalived drops it (there is nothing after the id).
      if (keyword.text.length > 1) this.conditionIds.add(keyword.text.slice(keyword.text.charCodeAt(1) === 94 ? 2 : 1));
      this.skipUntil = this.lineEnd(s.start);
      return;
    }
    if (s.repeat || first === 126 /* ~ */ || keyword.hasVariable || needsExpansion(s.args) || (s.args.length > 0 && isIncludeKeyword(keyword.text))) {
      this.slowPath(s, s.repeat ? s.repeat[0].start : keyword.start);
      return;
    }
    let args: readonly KaEffectiveWord[] = s.args;
    const last = args.length ? args[args.length - 1] : keyword;
    if (isUnterminated(last)) {
      if (last === keyword) return;
      args = args.slice(0, -1);
    }
    this.builder.statement({ keyword, args, fileName: this.fileName, node: s });
  }

  private slowPath(s: KaStatement, from: number): void {
    const end = this.lineEnd(from);
    this.skipUntil = end;
    const line = decomment(TrackedText.fromSource(this.fileName, this.text, from, end));
    const ctx: LineContext = { fileName: this.fileName, node: s, site: this.range(s.start, trimBlanksEnd(this.text, end, s.start)), expanded: false };
    this.processLine(line, ctx, 0);
  }

  private definitionEntry(s: KaDefinition): void {
    if (s.start < this.skipUntil) return;
    if (s.condition && !this.conditionHolds(s.condition.text)) {
      this.skipUntil = this.lineEnd(s.start);
      if (s.continuations?.length) {
        this.report(
          'preprocess/conditional-multiline-definition',
          'warning',
          `This multi-line definition is skipped for this config id, and keepalived then reads its continuation lines as ordinary lines`,
          this.range(s.start, s.end),
        );
        this.skipUntil = this.lineEnd(s.end);
      }
      return;
    }
    this.skipUntil = this.lineEnd(s.end);
    if (s.repeat) {
      this.slowPath(s, s.repeat[0].start);
      return;
    }
    // Value lines: the `\` marks end lines; blank lines are not part of the value.
    const lines: TrackedText[] = [];
    const marks = s.continuations ?? [];
    let group: Word[] = [];
    let mark = 0;
    const flush = () => {
      if (!group.length) return;
      const raw = TrackedText.fromSource(this.fileName, this.text, group[0].start, group[group.length - 1].end);
      lines.push(decomment(raw));
      group = [];
    };
    for (const word of s.value) {
      while (mark < marks.length && word.start > marks[mark].start) {
        flush();
        mark++;
      }
      group.push(word);
    }
    flush();
    const name = s.name.text.slice(1);
    this.define({ name, lines, multiline: marks.length > 0 && lines.length > 0, origin: this.range(s.start, s.end) });
  }

  private define(def: Definition): void {
    const existing = this.definitions.get(def.name);
    if (existing && existing.origin && !existing.used && def.origin) {
      this.report('preprocess/redefined-unused', 'info', `'$${def.name}' is redefined before its earlier value was ever used`, existing.origin);
    }
    this.definitions.set(def.name, def);
  }

  /**
   * keepalived's per-line processing, iterative over the residue after each brace and
   * over the further lines of multi-line definitions.
   */
  private processLine(line: TrackedText, ctx: LineContext, depth: number): void {
    if (depth > MAX_DEPTH) {
      this.report('preprocess/too-deep', 'error', 'Definitions or repetitions nest too deeply (a definition that refers to itself?)', ctx.site);
      return;
    }
    const queue: { line: TrackedText; expanded: boolean }[] = [{ line, expanded: ctx.expanded }];
    while (queue.length) {
      const item = queue.shift()!;
      const result = this.processOne(item.line, { ...ctx, expanded: item.expanded }, depth);
      if (!result) continue;
      const next: { line: TrackedText; expanded: boolean }[] = [];
      if (result.residue) next.push({ line: result.residue, expanded: result.expanded });
      for (const more of result.more) next.push({ line: more, expanded: true });
      if (next.length) queue.unshift(...next);
    }
  }

  private processOne(buf: TrackedText, ctx: LineContext, depth: number): { residue?: TrackedText; more: TrackedText[]; expanded: boolean } | undefined {
    if (this.overBudget) return undefined;
    if (++this.processed > this.maxProcessed) {
      this.overBudget = true;
      this.report('preprocess/too-large', 'error', `Expansion needs more than ${this.maxProcessed} lines; the rest is not analysed`, ctx.site);
      return undefined;
    }
    let expanded = ctx.expanded;
    let more: TrackedText[] = [];
    for (let round = 0; ; round++) {
      if (round > 50) {
        this.report('preprocess/too-deep', 'error', 'Expanding this line never settles (a definition that refers to itself?)', ctx.site);
        break;
      }
      const text = buf.text;
      if (!text.length) return more.length ? { more, expanded } : undefined;
      if (text.charCodeAt(0) === 64 /* @ */) {
        const reverse = text.charCodeAt(1) === 94;
        let sp = reverse ? 2 : 1;
        while (sp < text.length && text[sp] !== ' ' && text[sp] !== '\t') sp++;
        if (sp >= text.length) return more.length ? { more, expanded } : undefined;
        if (!this.conditionHolds(text.slice(0, sp))) return more.length ? { more, expanded } : undefined;
        buf = buf.slice(skipBlanks(text, sp));
        continue;
      }
      const eq = definitionEquals(text);
      if (eq > 0) {
        let valueStart = skipBlanks(text, eq + 1);
        let value = buf.slice(valueStart);
        if (value.text.endsWith('\\')) {
          // Continuation inside expanded text: keepalived would swallow the following lines here.
          this.report('preprocess/expanded-multiline-definition', 'warning', 'A multi-line definition made by expansion is read as one line here', buf.locate(0, text.length) ?? ctx.site);
          value = value.slice(0, trimBlanksEnd(value.text, value.length - 1));
          valueStart = 0;
        }
        this.define({ name: text.slice(1, eq), lines: value.length ? [value] : [], multiline: false, origin: buf.locate(0, text.length) ?? ctx.site });
        return more.length ? { more, expanded } : undefined;
      }
      if (text.startsWith('~SEQ') || text.startsWith('~LST')) {
        this.repeat(buf, ctx, depth);
        return more.length ? { more, expanded } : undefined;
      }
      if (text.charCodeAt(0) === 126 /* ~ */) break;
      if (text.indexOf('$') < 0) break;
      const expansion = expandReferences(buf, this.definitions);
      if (expansion?.tooLong) {
        this.report('preprocess/line-too-long', 'warning', `Expanding definitions here would exceed keepalived's ${1023}-byte line: keepalived stops substituting`, buf.locate(0, text.length) ?? ctx.site);
      }
      if (!expansion) {
        for (const u of undefinedReferences(text)) this.unresolvedReference(buf, u);
        break;
      }
      expanded = true;
      more = expansion.more.concat(more);
      buf = decomment(expansion.line);
      if (buf.text.charCodeAt(0) === 64 || buf.text.indexOf('$') >= 0) continue;
      break;
    }
    const text = buf.text;
    if (!text.length) return more.length ? { more, expanded } : undefined;
    const variant = includeVariant(text);
    if (variant !== undefined) {
      this.include(buf, variant, ctx);
      return more.length ? { more, expanded } : undefined;
    }
    const brace = findBrace(text);
    if (brace < 0) {
      this.emitWords(buf, ctx, expanded);
      return more.length ? { more, expanded } : undefined;
    }
    let residue: TrackedText | undefined;
    if (brace === 0) {
      const at = buf.locate(0, 1) ?? ctx.site;
      if (text.charCodeAt(0) === 123) this.builder.open(at);
      else this.builder.close(at);
      const rest = skipBlanks(text, 1);
      if (rest < text.length) residue = buf.slice(rest);
    } else {
      this.emitWords(buf.slice(0, trimBlanksEnd(text, brace)), ctx, expanded);
      residue = buf.slice(brace);
    }
    return { residue, more, expanded };
  }

  /** A `$NAME` left in the text after expansion: undefined, or written where keepalived does not substitute. */
  private unresolvedReference(buf: TrackedText, u: { name: string; from: number; to: number; braced: boolean }): void {
    const at = buf.locate(u.from, u.to) ?? { fileName: this.fileName, start: 0, end: 0 };
    const def = this.definitions.get(u.name);
    if (!def && u.braced) {
      this.report(
        'preprocess/undefined-variable',
        'warning',
        `'\${${u.name}}' is not defined (yet): keepalived leaves it as written and then splits it at its braces, reading '{' and '}' as block braces`,
        at,
      );
    } else if (!def) {
      this.report('preprocess/undefined-variable', 'info', `'$${u.name}' is not defined (yet): keepalived leaves the text as written`, at);
    } else if (def.multiline) {
      this.report('preprocess/unexpanded-variable', 'warning', `'$${u.name}' is a multi-line definition: keepalived only substitutes it at the end of a line`, at);
    } else if (!u.braced) {
      this.report('preprocess/unexpanded-variable', 'warning', `'$${u.name}' is followed by other text, so keepalived does not substitute it: write '\${${u.name}}'`, at);
    }
  }

  private emitWords(buf: TrackedText, ctx: LineContext, expanded: boolean): void {
    const words = splitWords(buf.text);
    let count = words.length;
    for (let i = 0; i < words.length; i++) if (words[i].unterminated) count = i;
    if (!count) return;
    if (expanded) {
      if (this.overBudget) return;
      if (++this.expandedCount > this.maxExpanded) {
        this.overBudget = true;
        this.report('preprocess/too-large', 'error', `Expansion makes more than ${this.maxExpanded} statements; the rest is not analysed`, ctx.site);
        return;
      }
    }
    const out: KaEffectiveWord[] = [];
    for (let i = 0; i < count; i++) {
      const w = words[i];
      const at = buf.locate(w.from, w.to) ?? ctx.site;
      const word: KaEffectiveWord = { value: w.value, start: at.start, end: at.end };
      if (at.fileName !== ctx.fileName) word.fileName = at.fileName;
      out.push(word);
    }
    const statement: KaEffectiveStatement = { keyword: out[0], args: out.slice(1), fileName: ctx.fileName, node: ctx.node };
    if (expanded) statement.expansion = ctx.site;
    this.builder.statement(statement);
  }

  private repeat(buf: TrackedText, ctx: LineContext, depth: number): void {
    const text = buf.text;
    const close = text.indexOf(')');
    const specRange = buf.locate(0, close < 0 ? text.length : close + 1) ?? ctx.site;
    const spec = text.startsWith('~SEQ')
      ? parseSeq(text, (params) => {
          const expanded = expandReferences(TrackedText.synthetic(params, specRange), this.definitions);
          return expanded ? expanded.line.text : params;
        })
      : parseLst(text);
    if ('error' in spec) {
      this.report('preprocess/invalid-repeat', 'error', `Invalid ${text.slice(0, 4)} specification: ${spec.error}; keepalived skips this line`, specRange);
      return;
    }
    const body = buf.slice(spec.textStart);
    if (!body.length) return;
    for (const values of spec.iterations) {
      for (const [name, value] of values) {
        this.definitions.set(name, { name, lines: value.length ? [TrackedText.synthetic(value, specRange)] : [], multiline: false, origin: specRange, used: true });
      }
      this.processLine(body, { ...ctx, expanded: true }, depth + 1);
      if (this.overBudget) return;
    }
  }

  private include(buf: TrackedText, variant: string, ctx: LineContext): void {
    const text = buf.text;
    const start = includePatternStart(text, variant);
    const pattern = text.slice(start);
    const at = buf.locate(start, text.length) ?? ctx.site;
    if (!pattern) return;
    const baseDir = path.dirname(this.fileName);
    const shown = (file: string) => {
      const relative = path.relative(baseDir, file);
      return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
    };
    const resolved = resolveInclude(pattern, baseDir, this.options.fs);
    // `include` never fails the config; includem/includew/includea make a miss an error (keepalived's include_check).
    const strictMissing = variant === 'm' || variant === 'w' || variant === 'a';
    const strictWildcard = variant === 'w' || variant === 'a';
    const quoted = pattern.includes('"') ? ' (keepalived does not remove quotes from include patterns)' : '';
    for (const missing of resolved.missing) {
      this.report('include/missing', strictMissing ? 'error' : 'warning', `Included file not found: ${shown(missing)}${quoted}`, at);
    }
    for (const none of resolved.unmatched) {
      this.report('include/no-match', strictWildcard ? 'error' : 'info', `No file matches ${shown(none)}`, at);
    }
    for (const dir of resolved.directories) {
      this.report('include/directory', variant === 'r' || variant === 'a' || variant === 'w' || variant === 'm' ? 'error' : 'warning', `${shown(dir)} is a directory: keepalived skips it`, at);
    }
    for (const file of resolved.files) {
      if (this.includeStack.includes(file)) {
        this.report('include/cycle', 'error', `${shown(file)} is already being read (${this.includeStack.map((f) => path.basename(f)).join(' → ')} → ${path.basename(file)}): keepalived would include it again and again`, at);
        continue;
      }
      if (!this.processFile(file)) {
        this.report('include/unreadable', strictMissing || variant === 'r' ? 'error' : 'warning', `Cannot read included file ${shown(file)}`, at);
      }
    }
  }
}

function isIncludeKeyword(text: string): boolean {
  return text.length >= 7 && text.length <= 8 && text.startsWith('include') && (text.length === 7 || 'rmwba'.includes(text[7]));
}

function needsExpansion(words: readonly Word[]): boolean {
  for (let i = 0; i < words.length; i++) if (words[i].hasVariable) return true;
  return false;
}

function isUnterminated(word: KaEffectiveWord): boolean {
  const w = word as Word;
  return w.quoted === true && (w.text.length < 2 || w.text.charCodeAt(w.text.length - 1) !== 34);
}

function undefinedReferences(text: string): { name: string; from: number; to: number; braced: boolean }[] {
  const out: { name: string; from: number; to: number; braced: boolean }[] = [];
  const re = /\$(\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ name: m[2] ?? m[3], from: m.index, to: m.index + m[0].length, braced: m[2] !== undefined });
  return out;
}
