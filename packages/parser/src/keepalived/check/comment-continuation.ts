import type { KaStatement } from '../../ast/keepalived.js';
import type { Diagnostic } from '../../source/diagnostic.js';
import type { KeepalivedLoadResult } from '../load.js';
import type { KaCheckTarget } from './options.js';

/** Ends in an odd number of backslashes: `\` continues the line, `\\` is a literal. */
const CONTINUED = /(?:^|[^\\])(?:\\\\)*\\$/;

/**
 * A comment line ending in `\`: keepalived (measured with 2.2.7) strips the comment but
 * keeps the `\`, which it then reads as a keyword and reports as unknown.
 */
export function checkCommentContinuations(loaded: Pick<KeepalivedLoadResult, 'files'>, target: KaCheckTarget, out: Diagnostic[]): void {
  for (const { ast, source } of loaded.files.values()) {
    const visit = (body: readonly KaStatement[]) => {
      // Indexed: until V8 optimizes a function, for…of allocates an iterator result per element.
      for (let i = 0; i < body.length; i++) {
        const s = body[i];
        if (s.kind === 'CommentStatement' && s.comment.text.endsWith('\\') && CONTINUED.test(s.comment.text)) {
          const end = s.comment.end;
          out.push({
            code: 'schema/unknown-keyword',
            severity: 'error',
            message: `This comment line ends in '\\': keepalived ${target.version} drops the comment but reads the '\\' as a keyword and reports it as unknown (keepalived -t fails). Remove the backslash or add a space after it.`,
            fileName: source.fileName,
            range: source.rangeOf(end - 1, end),
          });
        } else if (s.kind === 'KaBlock') visit(s.body);
      }
    };
    visit(ast.body);
  }
}
