/**
 * A unit is one line of formatted output: a statement, a block opener, a closing
 * brace, a comment. The language printers turn the syntax tree into units (in
 * source order); the emitters decide indentation and blank lines. Keeping the
 * tree walk and the layout apart lets both languages share the blank-line and
 * line-splitting rules, and keeps the hot path to one array of small objects.
 */
export interface Unit {
  /** Source offset of the unit's first leaf. */
  start: number;
  /** Source offset just after the unit's last leaf (a trailing comment included). */
  end: number;
  /** Indentation level. */
  depth: number;
  /**
   * The formatted text, without indentation (may hold newlines when kept verbatim).
   * Empty when `canonical`: the text is then the source slice [start, end).
   */
  text: string;
  /** The source between `start` and `end` is already exactly the formatted text. */
  canonical: boolean;
  /** Opens a body: blank lines right after it (into the body) are dropped. */
  open: boolean;
  /** Closes a body: blank lines right before it are dropped. */
  close: boolean;
  /**
   * The unit must not be split from other units on its source line: if the
   * formatter would put them on separate lines, the whole source line is kept
   * as written instead (a keepalived `@host` prefix or `~SEQ` applies to the
   * physical line, and a `$NAME` reference may expand to several lines).
   */
  keepLine: boolean;
  /** Words for column alignment (HAProxy `server` lines). */
  columns?: string[];
  /** Trailing comment text kept apart from `columns`. */
  comment?: string;
}

export function makeUnit(start: number, end: number, depth: number, text: string, open = false, close = false, keepLine = false): Unit {
  return { start, end, depth, text, canonical: false, open, close, keepLine };
}

/** A unit whose source slice is already its formatted text. */
export function canonicalUnit(start: number, end: number, depth: number, open = false, close = false, keepLine = false): Unit {
  return { start, end, depth, text: '', canonical: true, open, close, keepLine };
}

export function unitText(u: Unit, source: string): string {
  return u.canonical ? source.slice(u.start, u.end) : u.text;
}

/**
 * Whether the words [from, to) of a list are each separated by exactly one space, or
 * by nothing, in the source (so the printers' join reproduces the source).
 */
export function singleSpaced(source: string, words: readonly { start: number; end: number }[], from = 0, to = words.length): boolean {
  for (let i = from + 1; i < to; i++) if (!wordGapIsCanonical(source, words[i - 1], words[i])) return false;
  return true;
}

/** Between two words: one space, or none (words written together stay together). */
export function wordGapIsCanonical(source: string, a: { end: number }, b: { start: number }): boolean {
  return b.start === a.end || (b.start === a.end + 1 && source.charCodeAt(a.end) === 32);
}

/** Whether `b` follows `a` after exactly one space. */
export function oneSpaceBetween(source: string, a: { end: number }, b: { start: number }): boolean {
  return b.start === a.end + 1 && source.charCodeAt(a.end) === 32;
}
