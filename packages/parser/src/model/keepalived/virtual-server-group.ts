import type { KaEffectiveStatement } from '../../keepalived/preprocess/effective.js';
import { argValues } from './element.js';
import { element } from './block-reader.js';
import type { KaElement } from './element.js';
import { ipFamily, parseInteger, parseIpPrefix, parsePort } from './values.js';

/**
 * One line of a virtual_server_group: `ADDR [PORT]`, a range `A.B.C.D-E [PORT]` /
 * `ADDR-ADDR [PORT]`, `ADDR/LEN [PORT]`, or `fwmark N [inet|inet6]`.
 */
export type KaVsgEntry =
  | (KaElement & { kind: 'address'; text: string; address: string; family?: 4 | 6; prefix?: number; rangeEnd?: string; port?: number; portText?: string })
  | (KaElement & { kind: 'fwmark'; mark?: number; family?: 'inet' | 'inet6' });

export interface KaVirtualServerGroup extends KaElement {
  name: string;
  entries: KaVsgEntry[];
}

export function readVsgEntry(entry: KaEffectiveStatement): KaVsgEntry {
  const base = element(entry);
  const args = argValues(entry);
  if (entry.keyword.value === 'fwmark') {
    const family = args[1] === 'inet' || args[1] === 'inet6' ? args[1] : undefined;
    return { ...base, kind: 'fwmark', mark: parseInteger(args[0]), ...(family ? { family } : {}) };
  }
  const text = entry.keyword.value;
  const out: KaVsgEntry = { ...base, kind: 'address', text, address: text };
  const dash = text.indexOf('-');
  if (dash > 0) {
    out.address = text.slice(0, dash);
    out.rangeEnd = text.slice(dash + 1);
  } else if (text.includes('/')) {
    const p = parseIpPrefix(text);
    out.address = p.address;
    if (p.prefix !== undefined) out.prefix = p.prefix;
  }
  const family = ipFamily(out.address);
  if (family) out.family = family;
  if (args[0] !== undefined) {
    out.portText = args[0];
    const port = parsePort(args[0]);
    if (port !== undefined) out.port = port;
  }
  return out;
}

export function readVirtualServerGroup(block: KaEffectiveStatement): KaVirtualServerGroup {
  return { statement: block, fileName: block.fileName, node: block.node, name: block.args[0]?.value ?? '', entries: (block.body ?? []).map(readVsgEntry) };
}
