import type { KaEffectiveStatement } from '../../keepalived/preprocess/effective.js';
import { splitCommandLine } from '../../keepalived/words.js';
import { toSetting } from './block-reader.js';
import type { KaSetting, ModelContext } from './element.js';

/**
 * A script keepalived runs (notify*, vrrp_script `script`, `misc_path`, quorum_up…).
 * `value` is the command as an argument vector, split the way keepalived splits it
 * (quotes, escapes); undefined when keepalived could not split it.
 */
export interface KaScript extends KaSetting<string[]> {
  /** `username` after the command (notify scripts); the global script_user applies otherwise. */
  user?: string;
  group?: string;
}

/**
 * keepalived re-reads a script line with its quote-and-escape splitter: the first word
 * after the keyword is the command line (itself split again into argv), then user, group.
 */
export function readScript(statement: KaEffectiveStatement, ctx: ModelContext): KaScript {
  const script: KaScript = toSetting(statement, () => undefined);
  if (!statement.args.length) return script;
  let words: string[] | undefined;
  const first = statement.args[0];
  const last = statement.args[statement.args.length - 1];
  const text = !statement.expansion && !first.fileName ? ctx.textOf(statement.fileName) : undefined;
  if (text !== undefined) words = splitCommandLine(text.slice(first.start, last.end));
  else words = script.args;
  if (!words?.length) return script;
  script.value = splitCommandLine(words[0]);
  if (words[1] !== undefined) script.user = words[1];
  if (words[2] !== undefined) script.group = words[2];
  return script;
}
