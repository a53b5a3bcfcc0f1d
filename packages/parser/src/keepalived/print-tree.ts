import type { Comment, Punct, Word } from '../ast/common.js';
import type { KaFile, KaStatement } from '../ast/keepalived.js';
import type { SourceFile } from '../source/source-file.js';
import { treePrinterParts } from '../ast/print-words.js';

/**
 * A readable, line-per-node dump of a keepalived.conf tree (tests' snapshots, debugging).
 * Positions are 1-based line:column of each node's start.
 */
export function printKeepalivedTree(file: KaFile, source: SourceFile): string {
  const out: string[] = [];
  const { at, word, words } = treePrinterParts(source);
  const comment = (label: string, c: Comment | undefined) => (c ? ` ${label}=${JSON.stringify(c.text)}` : '');
  const comments = (label: string, cs: readonly Comment[] | undefined) => (cs?.length ? ` ${label}=${JSON.stringify(cs.map((c) => c.text))}` : '');
  const puncts = (label: string, ps: readonly Punct[] | undefined) => (ps?.length ? ` ${label}=${ps.map(at).join(',')}` : '');
  const prefixes = (s: { condition?: Word; repeat?: Word[] }) =>
    (s.condition ? ` if=${word(s.condition)}` : '') + (s.repeat ? ` repeat=${words(s.repeat)}` : '');
  const blank = (n: number) => (n ? ` blank=${n}` : '');
  const body = (stmts: readonly KaStatement[], indent: string) => {
    for (const s of stmts) {
      switch (s.kind) {
        case 'KaDirective':
          out.push(`${indent}Directive ${at(s)}${prefixes(s)} ${word(s.keyword)} ${words(s.args)}${blank(s.blankLinesBefore)}${comment('comment', s.trailingComment)}`);
          break;
        case 'KaBlock':
          out.push(
            `${indent}Block ${at(s)}${prefixes(s)} ${word(s.keyword)} ${words(s.args)} open=${at(s.open)}${blank(s.blankLinesBefore)}${comments('head', s.headComments)}${comment('comment', s.trailingComment)}`,
          );
          body(s.body, indent + '  ');
          out.push(s.close ? `${indent}} ${at(s.close)}${blank(s.blankLinesBeforeClose)}${comment('comment', s.closeComment)}` : `${indent}(not closed)`);
          break;
        case 'KaDefinition':
          out.push(
            `${indent}Definition ${at(s)}${prefixes(s)} ${word(s.name)} = ${words(s.value)}${puncts('cont', s.continuations)}${blank(s.blankLinesBefore)}${comments('inner', s.innerComments)}${comment('comment', s.trailingComment)}`,
          );
          break;
        case 'CommentStatement':
          out.push(`${indent}Comment ${at(s)} ${JSON.stringify(s.comment.text)}${blank(s.blankLinesBefore)}`);
          break;
        case 'ErrorStatement':
          out.push(`${indent}Error ${at(s)} ${JSON.stringify(s.text)}${blank(s.blankLinesBefore)}${comment('comment', s.trailingComment)}`);
          break;
      }
    }
  };
  out.push(`File eol=${file.eol === '\n' ? 'LF' : 'CRLF'} finalNewline=${file.finalNewline} bom=${file.bom}`);
  body(file.body, '  ');
  return out.join('\n') + '\n';
}
