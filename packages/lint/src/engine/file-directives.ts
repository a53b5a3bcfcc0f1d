import { haproxyLeaves, keepalivedLeaves, type SourceFile } from '@cfglint/parser';
import type { LintDocument } from './documents.js';
import { parseDirective, type Directive } from './directives.js';

/** Every directive names `cfglint-…`; text without it holds none. */
const MARK = 'cfglint-';

/** The suppression directives written in the comments of one file of a document. */
export function directivesOf(document: LintDocument, fileName: string, source: SourceFile): Directive[] {
  // Comments are slices of the parsed text: without the mark anywhere, no comment can hold a
  // directive, and the walk over every leaf of a large file (half a million words) is skipped.
  if (!document.loaded.files.get(fileName)!.source.text.includes(MARK)) return [];
  const leaves =
    document.language === 'keepalived'
      ? keepalivedLeaves(document.loaded.files.get(fileName)!.ast)
      : haproxyLeaves(document.loaded.files.get(fileName)!.ast);
  const out: Directive[] = [];
  for (const leaf of leaves) {
    if ((leaf as { kind?: string }).kind !== 'Comment' || !leaf.text.includes(MARK)) continue;
    const directive = parseDirective({ text: leaf.text, line: source.positionAt(leaf.start).line, start: leaf.start, end: leaf.end });
    if (directive) out.push(directive);
  }
  return out;
}
