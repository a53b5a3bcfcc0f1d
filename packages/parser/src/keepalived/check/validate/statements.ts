import { compareVersions } from '../../../schema/types.js';
import type { KaEffectiveStatement } from '../../preprocess/effective.js';
import type { CheckContext } from '../report.js';
import { testFails } from '../report.js';

/** Statements of a block with this keyword, in order. */
export function children(s: KaEffectiveStatement | undefined, name: string): KaEffectiveStatement[] {
  return s?.body?.filter((c) => c.keyword.value === name) ?? [];
}

/** The last statement with this keyword (keepalived keeps the last value). */
export function child(s: KaEffectiveStatement | undefined, name: string): KaEffectiveStatement | undefined {
  // A backwards scan, not children(): validation asks a dozen times per block.
  const body = s?.body;
  if (!body) return undefined;
  for (let i = body.length - 1; i >= 0; i--) if (body[i].keyword.value === name) return body[i];
  return undefined;
}

/** The value of a keyword's first argument, if the keyword is present with one. */
export function argOf(s: KaEffectiveStatement | undefined, name: string, index = 0): string | undefined {
  return child(s, name)?.args[index]?.value;
}

/** Entries of every list block with this keyword, each as its words. */
export function listEntries(s: KaEffectiveStatement | undefined, name: string): KaEffectiveStatement[] {
  return children(s, name).flatMap((list) => list.body ?? []);
}

/** All words of an entry statement. */
export function entryWords(entry: KaEffectiveStatement): string[] {
  return [entry.keyword.value, ...entry.args.map((a) => a.value)];
}

/** Whether the target release has the check (the release that added keepalived's message). */
export function since(ctx: CheckContext, version: string): boolean {
  let answers = sinceCache.get(ctx.target);
  if (!answers) sinceCache.set(ctx.target, (answers = new Map()));
  let known = answers.get(version);
  if (known === undefined) answers.set(version, (known = compareVersions(ctx.target.version, version) >= 0));
  return known;
}

const sinceCache = new WeakMap<object, Map<string, boolean>>();

/** keepalived's wording for "-t fails" in messages. */
export function fails(ctx: CheckContext): string {
  return `keepalived ${ctx.target.version} reports it as a configuration error (${testFails(ctx)})`;
}
