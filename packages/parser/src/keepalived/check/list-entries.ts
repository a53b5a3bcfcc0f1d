import type { KaKeywordSpec } from '../schema/types.js';
import type { KaEffectiveStatement } from '../preprocess/effective.js';
import type { CheckContext } from './report.js';
import { q, testFails } from './report.js';
import { isAddress } from './value-check.js';

/** List blocks whose entries start with an address keepalived parses strictly. */
const ADDRESS_LISTS = new Set(['unicast_peer']);

/**
 * Entries of list blocks. Only checks keepalived itself makes at parse time are
 * repeated here: a nested block inside a list, and unicast peers that are not addresses.
 */
export function checkListEntries(s: KaEffectiveStatement, spec: KaKeywordSpec, ctx: CheckContext): void {
  const v = ctx.target.version;
  for (const entry of s.body ?? []) {
    if (entry.body) {
      ctx.report('schema/unexpected-block', 'error', `${q(spec.name)} holds one entry per line; keepalived ${v} does not accept a block inside it.`, entry);
      continue;
    }
    if (ADDRESS_LISTS.has(spec.name) && !isAddress(entry.keyword.value)) {
      ctx.report('schema/value', 'error', `${q(entry.keyword.value)} is not an IP address: keepalived ${v} reports it and leaves this peer out (${testFails(ctx)}).`, entry);
    }
  }
}
