import type { Diagnostic, Severity } from '../../source/diagnostic.js';
import type { Range } from '../../source/source-file.js';
import type { KeepalivedLoadResult } from '../load.js';
import type { KaEffectiveStatement, KaEffectiveWord } from '../preprocess/effective.js';
import type { KaKeywordSpec } from '../schema/types.js';
import type { KaCheckTarget } from './options.js';
import { createSpecFacts } from './spec-facts.js';
import type { SpecFacts } from './spec-facts.js';

/** What every check function gets: the target, and a way to report at a word. */
export interface CheckContext {
  readonly target: KaCheckTarget;
  /** Per-keyword facts for the target, cached for the run. */
  readonly facts: (spec: KaKeywordSpec) => SpecFacts;
  /** Blocks keepalived skips entirely (after an error in their header): not validated further. */
  readonly skipped: Set<KaEffectiveStatement>;
  report(code: string, severity: Severity, message: string, statement: KaEffectiveStatement, word?: KaEffectiveWord): void;
}

export function createCheckContext(loaded: Pick<KeepalivedLoadResult, 'files'>, target: KaCheckTarget, out: Diagnostic[]): CheckContext {
  const empty: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return {
    target,
    skipped: new Set(),
    facts: createSpecFacts(target),
    report(code, severity, message, statement, word = statement.keyword) {
      const fileName = word.fileName ?? statement.fileName;
      const source = loaded.files.get(fileName)?.source;
      out.push({ code, severity, message, fileName, range: source ? source.rangeOf(word.start, word.end) : empty });
    },
  };
}

/** keepalived counts configuration errors (and `keepalived -t` fails on them) since 2.0.7. */
export const CONFIG_TEST_SINCE = '2.0.7';

/** How the target reacts to a configuration error, for messages. */
export function testFails(ctx: CheckContext): string {
  return ctx.target.hasConfigTest ? 'keepalived -t fails' : `keepalived ${ctx.target.version} only logs it: before ${CONFIG_TEST_SINCE} no configuration test fails on it`;
}

/** `'name'` for messages. */
export const q = (s: string) => `'${s}'`;

/** Where a keyword stands, for messages: "at the top level" or "in vrrp_instance". */
export function where(context: string): string {
  return context === 'root' ? 'at the top level' : `in ${context}`;
}
