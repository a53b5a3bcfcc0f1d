import { family } from './define.js';

/** Problems found while splitting lines into words (both languages). */
export const LEX_CHECKS = family('lex', {
  'byte-order-mark': ['error', 'The file starts with a UTF-8 byte order mark, which the daemon reads as part of the first keyword'],
  'invalid-hex-escape': ['error', 'A \\x escape in an HAProxy word is not followed by two hexadecimal digits'],
  'invalid-variable-name': ['error', 'A $ in an HAProxy word starts no valid environment variable name'],
  'invalid-word-expansion': ['error', 'An HAProxy ${NAME[…]} reference uses a form other than ${NAME[*]}'],
  'line-continuation': ['warning', 'A keepalived line ends in a backslash, which continues only $NAME= definitions'],
  'line-too-long': ['warning', 'A keepalived line is longer than the 1023 bytes keepalived reads at once'],
  'missing-final-newline': ['error', 'The last line of an HAProxy file has no line feed, so HAProxy takes the file for truncated'],
  'nul-character': ['error', 'A NUL byte in an HAProxy file, where HAProxy stops reading'],
  'stray-carriage-return': ['warning', 'A carriage return inside an HAProxy line: HAProxy ignores the rest of the line'],
  'unmatched-brace': ['error', 'An HAProxy ${NAME reference without its closing brace'],
  'unterminated-quote': ['error', 'A quoted word that is never closed on its line'],
});
