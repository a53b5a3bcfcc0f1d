import type { HaFile, KaFile } from '@cfglint/parser';
import { emitText, emitUnits } from '../layout/emit.js';
import type { Emitted } from '../layout/emit.js';
import type { Unit } from '../layout/unit.js';
import { haproxyUnits } from '../printer-haproxy.js';
import { keepalivedUnits } from '../printer-keepalived.js';
import { indentUnit } from './options.js';
import type { FormatOptions } from './options.js';

export interface Layout extends Emitted {
  units: Unit[];
}

function unitsOf(ast: KaFile | HaFile, text: string, options: FormatOptions): Unit[] {
  return ast.kind === 'KaFile' ? keepalivedUnits(ast, text) : haproxyUnits(ast, text, options.haproxyAlignServers === true);
}

/** Lays out a parsed file line by line (for range formatting). `text` is the text it was parsed from (LF line ends, no BOM). */
export function layoutAst(ast: KaFile | HaFile, text: string, options: FormatOptions): Layout {
  const units = unitsOf(ast, text, options);
  return { units, ...emitUnits(units, text, indentUnit(options)) };
}

/**
 * The formatted text with `\n` line ends and exactly one final newline; an empty
 * (or whitespace-only) file stays empty, as Prettier leaves it.
 */
export function printAst(ast: KaFile | HaFile, text: string, options: FormatOptions): string {
  return emitText(unitsOf(ast, text, options), text, indentUnit(options));
}
