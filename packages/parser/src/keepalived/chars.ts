/** Character codes the keepalived scanners test; plain constants keep the loops branch-cheap. */
export const TAB = 9;
export const LF = 10;
export const VT = 11;
export const FF = 12;
export const CR = 13;
export const SPACE = 32;
export const BANG = 33;
export const QUOTE = 34;
export const HASH = 35;
export const DOLLAR = 36;
export const LPAREN = 40;
export const RPAREN = 41;
export const EQUALS = 61;
export const AT = 64;
export const BACKSLASH = 92;
export const UNDERSCORE = 95;
export const LBRACE = 123;
export const RBRACE = 125;
export const TILDE = 126;

/** Whitespace as keepalived's word splitter sees it (" \t\f\n\r\v"). */
export function isSpace(c: number): boolean {
  return c === SPACE || c === TAB || c === CR || c === FF || c === VT || c === LF;
}

export function isCommentStart(c: number): boolean {
  return c === HASH || c === BANG;
}

export function isNameStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === UNDERSCORE;
}

export function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57);
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
