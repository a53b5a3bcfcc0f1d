export type Language = 'keepalived' | 'haproxy';

export const LANGUAGES: readonly Language[] = ['keepalived', 'haproxy'];

export type EndOfLine = 'auto' | 'lf' | 'crlf' | 'cr';

/** Layout options; the names and meanings are Prettier's where Prettier has them. */
export interface FormatOptions {
  /** Spaces per indentation level (default 4). */
  tabWidth?: number;
  /** Indent with tabs instead of spaces (default false). */
  useTabs?: boolean;
  /** Line ending of the output; `auto` keeps the file's own (default). */
  endOfLine?: EndOfLine;
  /** HAProxy: pad the keyword, name and address columns of consecutive `server` lines. */
  haproxyAlignServers?: boolean;
}

export const DEFAULT_TAB_WIDTH = 4;
export const DEFAULT_END_OF_LINE: EndOfLine = 'auto';

export function indentUnit(options: FormatOptions): string {
  return options.useTabs ? '\t' : ' '.repeat(options.tabWidth ?? DEFAULT_TAB_WIDTH);
}
