import type { HaFile, KaFile } from '@cfglint/parser';
import { emitUnits } from '../layout/emit.js';
import type { Emitted } from '../layout/emit.js';
import type { Unit } from '../layout/unit.js';
import { alignServerColumns, haproxyUnits } from '../printer-haproxy.js';
import { keepalivedUnits } from '../printer-keepalived.js';
import { indentUnit } from './options.js';
import type { FormatOptions } from './options.js';

export interface Layout extends Emitted {
  units: Unit[];
}

/** Lays out a parsed file. `text` is the text it was parsed from (LF line ends, no BOM). */
export function layoutAst(ast: KaFile | HaFile, text: string, options: FormatOptions): Layout {
  let units: Unit[];
  if (ast.kind === 'KaFile') units = keepalivedUnits(ast, text);
  else {
    units = haproxyUnits(ast, text);
    if (options.haproxyAlignServers) alignServerColumns(units, text);
  }
  return { units, ...emitUnits(units, text, indentUnit(options)) };
}

/**
 * The formatted text with `\n` line ends and exactly one final newline; an empty
 * (or whitespace-only) file stays empty, as Prettier leaves it.
 */
export function printAst(ast: KaFile | HaFile, text: string, options: FormatOptions): string {
  const { lines } = layoutAst(ast, text, options);
  if (lines.length === 0) return '';
  return lines.join('\n') + '\n';
}
