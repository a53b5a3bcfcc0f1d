import type { Plugin } from 'prettier';
import type { FormatAst } from './engine/parse.js';
import { languages } from './languages.js';
import { defaultOptions, options } from './options.js';
import { parsers } from './parser.js';
import { printers } from './printer.js';

/** The Prettier 3 plugin: `prettier --plugin @cfglint/prettier-plugin keepalived.conf`. */
const plugin = {
  languages,
  parsers,
  printers,
  options,
  defaultOptions,
} satisfies Plugin<FormatAst>;

export default plugin;
export { languages, parsers, printers, options, defaultOptions };

export { formatText, prepareText, finishText } from './engine/format.js';
export { formatRange } from './engine/range.js';
export type { RangeEdit } from './engine/range.js';
export { parseForFormat } from './engine/parse.js';
export { FormatSyntaxError } from './engine/syntax-error.js';
export type { EndOfLine, FormatOptions, Language } from './engine/options.js';
