import { family } from './define.js';

/** Problems of structure: blocks, conditional blocks, scopes and the shape of a line. */
export const PARSE_CHECKS = family('parse', {
  'duplicate-else': ['error', "A second '.else' in one HAProxy '.if' block"],
  'elif-after-else': ['error', "An HAProxy '.elif' after the block's '.else'"],
  'empty-argument': ['warning', 'An empty quoted word ("") on an HAProxy line: older HAProxy drops it and the rest of the line, 3.2 refuses it'],
  internal: ['error', "cfglint's keepalived grammar failed on this input (a cfglint bug; please report it)"],
  'invalid-condition': ['error', "An HAProxy '.if' or '.elif' condition that does not parse"],
  'invalid-repeat': ['error', "A keepalived ~SEQ or ~LST line whose '(' is never closed"],
  'invalid-scope': ['error', 'An HAProxy [scope] line without its closing bracket or with an empty name'],
  'stray-conditional': ['error', "An HAProxy '.elif', '.else' or '.endif' without an open '.if'"],
  'text-after-scope': ['error', 'Text after an HAProxy [scope] declaration on the same line'],
  'too-deep': ['error', 'keepalived blocks nested more than 100 levels deep'],
  'too-deeply-nested': ['error', "More nested HAProxy '.if' blocks than HAProxy allows"],
  'too-many-words': ['error', 'An HAProxy line with more than 64 words'],
  'unclosed-block': ['error', "A keepalived block whose '}' never comes, so everything after it belongs to it"],
  'unexpected-argument': ['error', 'Words after an HAProxy conditional or report directive that takes none (or only one message)'],
  'unexpected-close-brace': ['error', "A keepalived '}' that closes no block"],
  'unexpected-open-brace': ['error', "A keepalived '{' that follows no keyword"],
  'unknown-directive': ['error', "An HAProxy line starting with '.' that is not a directive HAProxy knows"],
  'unterminated-if': ['error', "An HAProxy '.if' block still open at the end of the file"],
});
