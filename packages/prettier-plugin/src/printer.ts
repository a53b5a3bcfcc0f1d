import type { AstPath, Printer } from 'prettier';
import type { FormatAst } from './engine/parse.js';
import { printAst } from './engine/print.js';

/**
 * One printer serves both languages. It prints the whole file at the root as a single
 * string: the direct printer cfgfmt uses, so both produce the same bytes (Prettier
 * turns the `\n`s into the chosen line ending). Nothing below the root is visited.
 */
function print(path: AstPath<FormatAst>, options: { originalText: string; tabWidth: number; useTabs: boolean; haproxyAlignServers?: boolean }): string {
  return printAst(path.node, options.originalText, {
    tabWidth: options.tabWidth,
    useTabs: options.useTabs,
    haproxyAlignServers: options.haproxyAlignServers === true,
  });
}

const printer = {
  print,
  getVisitorKeys: () => [],
} as unknown as Printer<FormatAst>;

export const printers = {
  keepalived: printer,
  haproxy: printer,
};
