import type { CommentStatement, ErrorStatement, Word } from '../ast/common.js';
import type { HaBranch, HaConditional, HaDirective, HaFile, HaSection, HaStatement } from '../ast/haproxy.js';
import { checkConditionSyntax } from './condition.js';
import type { KeywordResolver } from './keywords.js';
import type { ConditionalItem, LineItem } from './parser.js';
import { LineKind } from './scanner.js';
import type { RawDiagnostic, ScanResult, ScannedLine } from './scanner.js';

/** HAProxy's MAXNESTEDCONDS. */
export const MAX_CONDITION_DEPTH = 100;

// Demoted (too deeply nested) conditional lines already carry their own diagnostic.
const CONDITIONAL_WORDS: ReadonlySet<string> = new Set(['.if', '.elif', '.else', '.endif']);
const REPORT_DIRECTIVES: ReadonlySet<string> = new Set(['.diag', '.notice', '.warning', '.alert']);

/**
 * Groups lines into sections: a section line opens a section that takes every
 * following statement of the same body; a conditional block is a statement of the
 * current body and its branches start with no section open.
 */
export class AstBuilder {
  private sectionKind = '';

  constructor(
    private readonly text: string,
    private readonly lines: readonly ScannedLine[],
    private readonly resolve: KeywordResolver,
    private readonly diagnostics: RawDiagnostic[],
  ) {}

  build(scan: ScanResult, items: LineItem[]): HaFile {
    const body = this.body(items);
    return {
      kind: 'HaFile',
      start: 0,
      end: this.text.length,
      body,
      eol: scan.eol,
      finalNewline: scan.finalNewline,
      bom: scan.bom,
    };
  }

  private body(items: LineItem[]): HaStatement[] {
    const out: HaStatement[] = [];
    let section: HaSection | undefined;
    for (const item of items) {
      const target = section ? section.body : out;
      if (typeof item !== 'number') {
        target.push(this.conditional(item));
        continue;
      }
      const line = this.lines[item];
      switch (line.kind) {
        case LineKind.Section:
          if (section) closeSection(section);
          section = this.section(line);
          out.push(section);
          break;
        case LineKind.Comment:
          target.push(commentStatement(line));
          break;
        case LineKind.Elif:
        case LineKind.Else:
        case LineKind.Endif:
          target.push(this.stray(line));
          break;
        default:
          target.push(this.directive(line));
      }
    }
    if (section) closeSection(section);
    return out;
  }

  private section(line: ScannedLine): HaSection {
    this.sectionKind = line.words[0].value;
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

  private directive(line: ScannedLine): HaDirective {
    const words = line.words;
    let keyword: string;
    let keywordLength: number;
    if (line.kind === LineKind.Scope) {
      keyword = '[scope]';
      keywordLength = 1;
    } else {
      const resolved = this.resolve(words, this.sectionKind);
      keyword = resolved.keyword;
      keywordLength = resolved.length;
      this.checkDotDirective(words);
      this.checkEmptyWords(words);
    }
    const node: HaDirective = {
      kind: 'HaDirective',
      start: line.start,
      end: line.end,
      blankLinesBefore: line.blankBefore,
      words,
      keyword,
      keywordLength,
    };
    if (line.comment) node.trailingComment = line.comment;
    if (line.malformed) node.malformed = true;
    return node;
  }

  private conditional(item: ConditionalItem): HaConditional {
    const branches: HaBranch[] = [];
    let sawElse = false;
    for (const b of item.branches) {
      const line = this.lines[b.line];
      const keyword = line.words[0];
      if (line.kind === LineKind.Else) {
        if (sawElse) this.report('parse/duplicate-else', "a second '.else' in the same block: HAProxy stops here", keyword);
        sawElse = true;
      } else if (line.kind === LineKind.Elif && sawElse) {
        this.report('parse/elif-after-else', "'.elif' after '.else' is not permitted: HAProxy stops here", keyword);
      }
      if (line.kind === LineKind.Else) this.checkNoArgs(line);
      else this.checkCondition(line);
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
    const open = this.lines[item.branches[0].line];
    const node: HaConditional = {
      kind: 'HaConditional',
      start: open.start,
      end: branches[branches.length - 1].end,
      blankLinesBefore: open.blankBefore,
      branches,
      blankLinesBeforeEndif: 0,
    };
    if (item.endif >= 0) {
      const line = this.lines[item.endif];
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

  private stray(line: ScannedLine): ErrorStatement {
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

  private checkNoArgs(line: ScannedLine) {
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

  private checkCondition(line: ScannedLine) {
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

  private checkDotDirective(words: readonly Word[]) {
    const first = words[0].value;
    if (first.charCodeAt(0) !== 46 || CONDITIONAL_WORDS.has(first)) return;
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

function closeSection(section: HaSection) {
  const body = section.body;
  if (body.length > 0) section.end = Math.max(section.end, body[body.length - 1].end);
}

function commentStatement(line: ScannedLine): CommentStatement {
  const comment = line.comment!;
  return { kind: 'CommentStatement', start: comment.start, end: comment.end, blankLinesBefore: line.blankBefore, comment };
}

/**
 * HAProxy refuses to nest more than MAX_CONDITION_DEPTH levels. Deeper `.if` lines
 * (and their `.elif`/`.else`/`.endif`) are demoted to plain directives with a
 * diagnostic, which also keeps the recursive builders' depth bounded.
 */
export function limitConditionDepth(lines: ScannedLine[], diagnostics: RawDiagnostic[]): void {
  let depth = 0;
  const demoted: boolean[] = [];
  for (const line of lines) {
    switch (line.kind) {
      case LineKind.If:
        if (depth >= MAX_CONDITION_DEPTH - 1) {
          demoted.push(true);
          line.kind = LineKind.Directive;
          const w = line.words[0];
          diagnostics.push({
            code: 'parse/too-deeply-nested',
            severity: 'error',
            message: `too many nested '.if' blocks: HAProxy allows fewer than ${MAX_CONDITION_DEPTH}`,
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
        if (demoted.length > 0 && demoted[demoted.length - 1]) line.kind = LineKind.Directive;
        break;
      case LineKind.Endif:
        if (demoted.length > 0) {
          if (demoted.pop()) line.kind = LineKind.Directive;
          else depth--;
        }
        break;
    }
  }
}
