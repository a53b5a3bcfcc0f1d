import type { ErrorStatement, Word } from '../ast/common.js';
import type { HaBranch, HaConditional, HaFile, HaSection, HaStatement } from '../ast/haproxy.js';
import { checkConditionSyntax } from './condition.js';
import type { KeywordResolver } from './keywords.js';
import type { ConditionalItem, LineItem } from './parser.js';
import { LineKind, makeDirective } from './scanner.js';
import type { HeaderLine, RawDiagnostic, ScanResult, ScannedLine } from './scanner.js';

/** HAProxy's MAXNESTEDCONDS. */
export const MAX_CONDITION_DEPTH = 100;

// Demoted (too deeply nested) conditional lines already carry their own diagnostic.
const CONDITIONAL_WORDS: ReadonlySet<string> = new Set(['.if', '.elif', '.else', '.endif']);
const REPORT_DIRECTIVES: ReadonlySet<string> = new Set(['.diag', '.notice', '.warning', '.alert']);

/**
 * Groups lines into sections: a section line opens a section that takes every
 * following statement of the same body; a conditional block is a statement of the
 * current body and its branches start with no section open. Comment lines at
 * column 0 that end a section stay outside it (see closeSection).
 */
export class AstBuilder {
  private readonly lines: ScannedLine[];
  private readonly kinds: LineKind[];

  constructor(
    private readonly text: string,
    scan: ScanResult,
    private readonly resolve: KeywordResolver,
    private readonly diagnostics: RawDiagnostic[],
  ) {
    this.lines = scan.lines;
    this.kinds = scan.kinds;
  }

  build(scan: ScanResult, items: LineItem[]): HaFile {
    return {
      kind: 'HaFile',
      start: 0,
      end: this.text.length,
      body: this.body(items),
      eol: scan.eol,
      finalNewline: scan.finalNewline,
      bom: scan.bom,
    };
  }

  private body(items: LineItem[]): HaStatement[] {
    const out: HaStatement[] = [];
    let section: HaSection | undefined;
    let target = out;
    // Indexed, not for…of: until V8 optimizes a function, for…of allocates an iterator
    // result per element (27 MB of the 213 MB a 3.4 MB file's lint allocates).
    for (let k = 0; k < items.length; k++) {
      const item = items[k];
      if (typeof item !== 'number') {
        target.push(this.conditional(item));
        continue;
      }
      const line = this.lines[item];
      if (line.kind !== 'HeaderLine') {
        if (line.kind === 'HaDirective') this.checkDirective(line.words);
        target.push(line);
        continue;
      }
      switch (this.kinds[item]) {
        case LineKind.Section:
          if (section) this.closeSection(section, out);
          section = this.section(line);
          out.push(section);
          target = section.body;
          break;
        case LineKind.Elif:
        case LineKind.Else:
        case LineKind.Endif:
          target.push(this.stray(line));
          break;
        default:
          // A conditional line demoted by limitConditionDepth().
          target.push(makeDirective(line.words, line.comment, line.start, line.end, line.blankBefore, line.malformed, this.resolve, ''));
      }
    }
    if (section) this.closeSection(section, out);
    return out;
  }

  /**
   * Ends a section. Comment lines at column 0 that end its body (the banner before
   * the next section, by HAProxy convention) move to the enclosing body after it.
   */
  private closeSection(section: HaSection, parent: HaStatement[]) {
    const body = section.body;
    let k = body.length;
    while (k > 0) {
      const s = body[k - 1];
      if (s.kind !== 'CommentStatement' || !this.atLineStart(s.start)) break;
      k--;
    }
    const moved = k < body.length ? body.splice(k) : undefined;
    if (body.length > 0) section.end = Math.max(section.end, body[body.length - 1].end);
    if (moved) for (const s of moved) parent.push(s);
  }

  private atLineStart(offset: number): boolean {
    if (offset === 0) return true;
    const c = this.text.charCodeAt(offset - 1);
    return c === 10 || (offset === 1 && c === 0xfeff);
  }

  private section(line: HeaderLine): HaSection {
    this.checkEmptyWords(line.words);
    const node: HaSection = {
      kind: 'HaSection',
      start: line.start,
      end: line.end,
      blankLinesBefore: line.blankBefore,
      keyword: line.words[0],
      args: line.words.slice(1),
      body: [],
    };
    if (line.comment) node.trailingComment = line.comment;
    if (line.malformed) node.malformed = true;
    return node;
  }

  private conditional(item: ConditionalItem): HaConditional {
    const branches: HaBranch[] = [];
    let sawElse = false;
    for (const b of item.branches) {
      const line = this.lines[b.line] as HeaderLine;
      const kind = this.kinds[b.line];
      const keyword = line.words[0];
      if (kind === LineKind.Else) {
        if (sawElse) this.report('parse/duplicate-else', "a second '.else' in the same block: HAProxy stops here", keyword);
        sawElse = true;
        this.checkNoArgs(line);
      } else {
        if (kind === LineKind.Elif && sawElse) this.report('parse/elif-after-else', "'.elif' after '.else' is not permitted: HAProxy stops here", keyword);
        this.checkCondition(line);
      }
      const body = this.body(b.items);
      const branch: HaBranch = {
        kind: 'HaBranch',
        start: line.start,
        end: body.length > 0 ? Math.max(line.end, body[body.length - 1].end) : line.end,
        keyword,
        args: line.words.slice(1),
        body,
      };
      if (line.comment) branch.trailingComment = line.comment;
      if (branches.length > 0) branch.blankLinesBefore = line.blankBefore;
      if (line.malformed) branch.malformed = true;
      branches.push(branch);
    }
    const open = this.lines[item.branches[0].line] as HeaderLine;
    const node: HaConditional = {
      kind: 'HaConditional',
      start: open.start,
      end: branches[branches.length - 1].end,
      blankLinesBefore: open.blankBefore,
      branches,
      blankLinesBeforeEndif: 0,
    };
    if (item.endif >= 0) {
      const line = this.lines[item.endif] as HeaderLine;
      node.endif = line.words[0];
      if (line.words.length > 1) node.endifArgs = line.words.slice(1);
      if (line.comment) node.endifComment = line.comment;
      node.blankLinesBeforeEndif = line.blankBefore;
      node.end = line.end;
      this.checkNoArgs(line);
    } else {
      this.report('parse/unterminated-if', "'.if' block is never closed by '.endif' before the end of the file", open.words[0]);
    }
    return node;
  }

  private stray(line: HeaderLine): ErrorStatement {
    const keyword = line.words[0];
    this.report('parse/stray-conditional', `'${keyword.value}' without a matching '.if'`, keyword);
    const wordsEnd = line.words[line.words.length - 1].end;
    const node: ErrorStatement = {
      kind: 'ErrorStatement',
      start: line.start,
      end: line.end,
      blankLinesBefore: line.blankBefore,
      text: this.text.slice(line.start, wordsEnd),
    };
    if (line.comment) node.trailingComment = line.comment;
    return node;
  }

  private checkNoArgs(line: HeaderLine) {
    if (line.words.length > 1) {
      const w = line.words[1];
      this.diagnostics.push({
        code: 'parse/unexpected-argument',
        severity: 'error',
        message: `'${line.words[0].value}' takes no argument: HAProxy stops at '${w.value}'`,
        start: w.start,
        end: line.words[line.words.length - 1].end,
      });
    }
  }

  private checkCondition(line: HeaderLine) {
    const problem = checkConditionSyntax(line.words.slice(1));
    if (problem) {
      this.diagnostics.push({
        code: 'parse/invalid-condition',
        severity: 'error',
        message: `${problem.message} in '${line.words[0].value}'`,
        start: problem.start,
        end: problem.end,
      });
    }
  }

  private checkDirective(words: readonly Word[]) {
    const first = words[0].value;
    if (first.charCodeAt(0) === 46 && !CONDITIONAL_WORDS.has(first)) {
      if (!REPORT_DIRECTIVES.has(first)) {
        this.report('parse/unknown-directive', `unknown directive '${first}' (HAProxy knows .if, .elif, .else, .endif, .diag, .notice, .warning and .alert)`, words[0]);
      } else if (words.length > 2) {
        this.diagnostics.push({
          code: 'parse/unexpected-argument',
          severity: 'error',
          message: `'${first}' takes one message: put it in quotes if it holds spaces`,
          start: words[2].start,
          end: words[words.length - 1].end,
        });
      }
    }
    this.checkEmptyWords(words);
  }

  private checkEmptyWords(words: readonly Word[]) {
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      if (w.value.length !== 0 || !w.quoted) continue;
      this.report(
        'parse/empty-argument',
        i + 1 < words.length
          ? 'empty word: HAProxy before 3.2 ignores every word after it, 3.2 and later reject the line'
          : 'empty word: HAProxy 3.2 and later reject the line',
        w,
        'warning',
      );
      return;
    }
  }

  private report(code: string, message: string, at: { start: number; end: number }, severity: RawDiagnostic['severity'] = 'error') {
    this.diagnostics.push({ code, severity, message, start: at.start, end: at.end });
  }
}

/**
 * HAProxy refuses to nest MAX_CONDITION_DEPTH levels. Deeper `.if` lines (and their
 * `.elif`/`.else`/`.endif`) are demoted to plain directives with a diagnostic, which
 * also keeps the recursive builders' depth bounded.
 */
export function limitConditionDepth(scan: ScanResult, diagnostics: RawDiagnostic[]): void {
  const { kinds, lines } = scan;
  let depth = 0;
  const demoted: boolean[] = [];
  for (let i = 0; i < kinds.length; i++) {
    switch (kinds[i]) {
      case LineKind.If:
        if (depth >= MAX_CONDITION_DEPTH - 1) {
          demoted.push(true);
          kinds[i] = LineKind.Directive;
          const w = (lines[i] as HeaderLine).words[0];
          diagnostics.push({
            code: 'parse/too-deeply-nested',
            severity: 'error',
            message: `too many nested '.if' blocks: HAProxy allows at most ${MAX_CONDITION_DEPTH - 1} levels`,
            start: w.start,
            end: w.end,
          });
        } else {
          demoted.push(false);
          depth++;
        }
        break;
      case LineKind.Elif:
      case LineKind.Else:
        if (demoted.length > 0 && demoted[demoted.length - 1]) kinds[i] = LineKind.Directive;
        break;
      case LineKind.Endif:
        if (demoted.length > 0) {
          if (demoted.pop()) kinds[i] = LineKind.Directive;
          else depth--;
        }
        break;
    }
  }
}
