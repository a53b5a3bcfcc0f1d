/** A stretch of one file, by offsets (end exclusive): where a finding points or an edit applies. */
export interface Span {
  fileName: string;
  start: number;
  end: number;
}

/** A text replacement in one file. */
export interface Edit extends Span {
  text: string;
}

/** The span of a syntax node (anything with offsets) in a file. */
export function spanOf(fileName: string, node: { start: number; end: number }, last?: { end: number }): Span {
  return { fileName, start: node.start, end: (last ?? node).end };
}
