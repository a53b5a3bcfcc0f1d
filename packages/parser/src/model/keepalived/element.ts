import type { KaStatement } from '../../ast/keepalived.js';
import type { KaEffectiveStatement } from '../../keepalived/preprocess/effective.js';

/**
 * What every model element carries: the effective statement it was read from (keyword,
 * argument words with their ranges, body), the file it is written in and its syntax node.
 * For text produced by expansion, `node` is the line that was expanded and the words'
 * ranges point at the definition text the user wrote.
 */
export interface KaElement {
  statement: KaEffectiveStatement;
  fileName: string;
  node: KaStatement;
}

/**
 * One setting as written: its parsed value (undefined when keepalived would reject the
 * text), the raw argument values, and where it is. When a keyword is repeated the model
 * keeps the last one, as keepalived does.
 */
export interface KaSetting<T> extends KaElement {
  keyword: string;
  value: T | undefined;
  args: string[];
}

/** Every statement of a block by keyword, in order: nothing a typed field leaves out is lost. */
export type KaSettings = ReadonlyMap<string, readonly KaEffectiveStatement[]>;

export interface ModelContext {
  /** A file's text (script command lines are re-read from the source, as keepalived does). */
  textOf(fileName: string): string | undefined;
}

export function elementOf(statement: KaEffectiveStatement): KaElement {
  return { statement, fileName: statement.fileName, node: statement.node };
}

export function argValues(statement: KaEffectiveStatement): string[] {
  const out: string[] = new Array(statement.args.length);
  for (let i = 0; i < statement.args.length; i++) out[i] = statement.args[i].value;
  return out;
}
