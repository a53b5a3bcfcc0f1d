import { haproxyLeaves, keepalivedLeaves, type SourceFile } from '@cfglint/parser';
import type { LintDocument } from './documents.js';
import { parseDirective, type Directive } from './directives.js';

/** The suppression directives written in the comments of one file of a document. */
export function directivesOf(document: LintDocument, fileName: string, source: SourceFile): Directive[] {
  const leaves =
    document.language === 'keepalived'
      ? keepalivedLeaves(document.loaded.files.get(fileName)!.ast)
      : haproxyLeaves(document.loaded.files.get(fileName)!.ast);
  const out: Directive[] = [];
  for (const leaf of leaves) {
    if ((leaf as { kind?: string }).kind !== 'Comment') continue;
    const directive = parseDirective({ text: leaf.text, line: source.positionAt(leaf.start).line, start: leaf.start, end: leaf.end });
    if (directive) out.push(directive);
  }
  return out;
}
