import type { Comment } from '../ast/common.js';
import type { HaFile, HaStatement } from '../ast/haproxy.js';
import type { SourceFile } from '../source/source-file.js';
import { treePrinterParts } from '../ast/print-words.js';

/**
 * A readable, line-per-node dump of a haproxy.cfg tree (tests' snapshots, debugging).
 * Positions are 1-based line:column of each node's start.
 */
export function printHaproxyTree(file: HaFile, source: SourceFile): string {
  const out: string[] = [];
  const { at, word, words } = treePrinterParts(source);
  const extra = (blank: number | undefined, comment: Comment | undefined, malformed?: boolean) =>
    (blank ? ` blank=${blank}` : '') + (comment ? ` comment=${JSON.stringify(comment.text)}` : '') + (malformed ? ' MALFORMED' : '');
  const body = (stmts: readonly HaStatement[], indent: string) => {
    for (const s of stmts) {
      switch (s.kind) {
        case 'HaSection':
          out.push(`${indent}Section ${at(s)} ${word(s.keyword)} args=${words(s.args)}${extra(s.blankLinesBefore, s.trailingComment, s.malformed)}`);
          body(s.body, indent + '  ');
          break;
        case 'HaDirective':
          out.push(
            `${indent}Directive ${at(s)} ${JSON.stringify(s.keyword)}/${s.keywordLength} ${words(s.words)}${extra(s.blankLinesBefore, s.trailingComment, s.malformed)}`,
          );
          break;
        case 'CommentStatement':
          out.push(`${indent}Comment ${at(s)} ${JSON.stringify(s.comment.text)}${extra(s.blankLinesBefore, undefined)}`);
          break;
        case 'ErrorStatement':
          out.push(`${indent}Error ${at(s)} ${JSON.stringify(s.text)}${extra(s.blankLinesBefore, s.trailingComment)}`);
          break;
        case 'HaConditional':
          out.push(`${indent}Conditional ${at(s)}${extra(s.blankLinesBefore, undefined)}`);
          for (const b of s.branches) {
            out.push(`${indent}  Branch ${at(b)} ${word(b.keyword)} args=${words(b.args)}${extra(b.blankLinesBefore, b.trailingComment, b.malformed)}`);
            body(b.body, indent + '    ');
          }
          if (s.endif) {
            out.push(`${indent}  Endif ${at(s.endif)}${s.endifArgs ? ` args=${words(s.endifArgs)}` : ''}${extra(s.blankLinesBeforeEndif, s.endifComment)}`);
          } else out.push(`${indent}  (no .endif)`);
          break;
      }
    }
  };
  out.push(`File eol=${file.eol === '\n' ? 'LF' : 'CRLF'} finalNewline=${file.finalNewline} bom=${file.bom}`);
  body(file.body, '  ');
  return out.join('\n') + '\n';
}
