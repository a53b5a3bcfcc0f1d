/**
 * A unit is one line of formatted output: a statement, a block opener, a closing
 * brace, a comment. The language printers turn the syntax tree into units (in
 * source order); `emitUnits` decides indentation and blank lines. Keeping the
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
  /** The formatted text, without indentation. May hold newlines when kept verbatim. */
  text: string;
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
  /** Words for column alignment (HAProxy `server` lines); `text` is rebuilt from them. */
  columns?: string[];
  /** Trailing comment text kept apart from `columns`. */
  comment?: string;
}

export function makeUnit(start: number, end: number, depth: number, text: string, open = false, close = false, keepLine = false): Unit {
  return { start, end, depth, text, open, close, keepLine };
}
