import type { KaEffectiveStatement } from '../../keepalived/preprocess/effective.js';
import { argValues } from './element.js';
import type { KaElement } from './element.js';
import { parseInteger, parseIpPrefix } from './values.js';
import type { IpPrefix } from './values.js';

/**
 * One address line of virtual_ipaddress, virtual_ipaddress_excluded or static_ipaddress:
 * `ADDR[/LEN] [brd ADDR] [dev IF] [scope S] [label L] [peer ADDR] [home] [-nodad]
 * [mngtmpaddr] [noprefixroute] [autojoin] [no_track] [preferred_lft N|forever]
 * [track_group G] [use_vmac [NAME]]`.
 */
export interface KaIpAddress extends KaElement, IpPrefix {
  /** The whole first word as written (`10.0.0.1/24`). */
  text: string;
  brd?: string;
  dev?: string;
  scope?: string;
  label?: string;
  peer?: string;
  preferredLft?: number | 'forever';
  trackGroup?: string;
  useVmac?: string | true;
  /** Flag words present: home, -nodad, mngtmpaddr, noprefixroute, autojoin, no_track. */
  flags: string[];
  /** Words not understood, in order. */
  unknown: string[];
}

const FLAGS = new Set(['home', '-nodad', 'mngtmpaddr', 'noprefixroute', 'autojoin', 'no_track']);

export function readIpAddress(entry: KaEffectiveStatement): KaIpAddress {
  const text = entry.keyword.value;
  const address: KaIpAddress = { statement: entry, fileName: entry.fileName, node: entry.node, ...parseIpPrefix(text), text, flags: [], unknown: [] };
  const args = argValues(entry);
  for (let i = 0; i < args.length; i++) {
    const word = args[i];
    const next = args[i + 1];
    switch (word) {
      case 'dev':
      case 'scope':
      case 'label':
      case 'peer':
      case 'track_group':
        if (next === undefined) {
          address.unknown.push(word);
          break;
        }
        i++;
        if (word === 'dev') address.dev = next;
        else if (word === 'scope') address.scope = next;
        else if (word === 'label') address.label = next;
        else if (word === 'peer') address.peer = next;
        else address.trackGroup = next;
        break;
      case 'brd':
      case 'broadcast':
        if (next === undefined) address.unknown.push(word);
        else {
          address.brd = next;
          i++;
        }
        break;
      case 'preferred_lft':
        if (next === 'forever') address.preferredLft = 'forever';
        else if (parseInteger(next) !== undefined) address.preferredLft = parseInteger(next);
        else {
          address.unknown.push(word);
          break;
        }
        i++;
        break;
      case 'use_vmac':
        if (next !== undefined && !FLAGS.has(next) && !['dev', 'scope', 'label', 'peer', 'brd', 'broadcast', 'preferred_lft'].includes(next)) {
          address.useVmac = next;
          i++;
        } else address.useVmac = true;
        break;
      default:
        if (FLAGS.has(word)) address.flags.push(word);
        else address.unknown.push(word);
    }
  }
  return address;
}

export function readIpAddressList(block: KaEffectiveStatement | undefined): KaIpAddress[] {
  return block?.body ? block.body.map(readIpAddress) : [];
}
