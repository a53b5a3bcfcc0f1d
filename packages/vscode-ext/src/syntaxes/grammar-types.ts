/** The parts of the TextMate grammar format our grammars use. */
export type Captures = Record<string, { name?: string; patterns?: TmRule[] }>;

export interface TmRule {
  name?: string;
  match?: string;
  begin?: string;
  end?: string;
  captures?: Captures;
  beginCaptures?: Captures;
  endCaptures?: Captures;
  contentName?: string;
  include?: string;
  patterns?: TmRule[];
}

export interface TmGrammar {
  name: string;
  scopeName: string;
  fileTypes?: string[];
  patterns: TmRule[];
  repository: Record<string, TmRule>;
}

/** Joins words into a regex alternation, longest first so a prefix never wins. */
export function words(list: readonly string[]): string {
  const escaped = [...list].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&'));
  return `(?:${escaped.join('|')})`;
}
