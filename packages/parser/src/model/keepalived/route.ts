import type { KaEffectiveStatement } from '../../keepalived/preprocess/effective.js';
import { argValues } from './element.js';
import type { KaElement } from './element.js';
import { parseIpPrefix } from './values.js';
import type { IpPrefix } from './values.js';

/** One line of virtual_routes / static_routes: `[src ADDR] [to] DEST [via|gw ADDR] [dev IF] [table T] …`. */
export interface KaRoute extends KaElement {
  /** All words of the line as keepalived sees them. */
  words: string[];
  /** `blackhole`, `unreachable`, `prohibit`, `throw` when written before the destination. */
  type?: string;
  destination?: IpPrefix;
  src?: string;
  via?: string;
  dev?: string;
  table?: string;
  noTrack: boolean;
}

/** One line of virtual_rules / static_rules: `[from P] [to P] [table T] …`. */
export interface KaRule extends KaElement {
  words: string[];
  from?: string;
  to?: string;
  table?: string;
  noTrack: boolean;
}

const ROUTE_TYPES = new Set(['blackhole', 'unreachable', 'prohibit', 'throw', 'local', 'broadcast', 'anycast', 'multicast', 'nat']);
const ROUTE_VALUE_KEYS = new Set(['src', 'via', 'gw', 'or', 'dev', 'table', 'tos', 'dsfield', 'protocol', 'scope', 'priority', 'metric', 'mtu', 'hoplimit', 'advmss', 'rtt', 'rttvar', 'reordering', 'window', 'cwnd', 'ssthresh', 'realms', 'rto_min', 'initcwnd', 'initrwnd', 'features', 'congctl', 'pref', 'track_group', 'vrf', 'fastopen_no_cookie', 'quickack', 'encap', 'nexthop', 'weight', 'expires']);

export function readRoute(entry: KaEffectiveStatement): KaRoute {
  const words = [entry.keyword.value, ...argValues(entry)];
  const route: KaRoute = { statement: entry, fileName: entry.fileName, node: entry.node, words, noTrack: false };
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const next = words[i + 1];
    if (w === 'no_track') route.noTrack = true;
    else if (w === 'inet' || w === 'inet6' || w === 'onlink' || w === 'append' || w === 'lock') continue;
    else if (w === 'to' && next !== undefined && !route.destination) {
      route.destination = parseIpPrefix(next);
      i++;
    } else if (ROUTE_VALUE_KEYS.has(w) && next !== undefined) {
      if (w === 'src') route.src = next;
      else if (w === 'via' || w === 'gw') route.via ??= next;
      else if (w === 'dev') route.dev ??= next;
      else if (w === 'table') route.table = next;
      i++;
    } else if (!route.destination && ROUTE_TYPES.has(w)) route.type = w;
    else if (!route.destination) route.destination = parseIpPrefix(w);
  }
  return route;
}

export function readRule(entry: KaEffectiveStatement): KaRule {
  const words = [entry.keyword.value, ...argValues(entry)];
  const rule: KaRule = { statement: entry, fileName: entry.fileName, node: entry.node, words, noTrack: false };
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const next = words[i + 1];
    if (w === 'no_track') rule.noTrack = true;
    else if ((w === 'from' || w === 'to' || w === 'table') && next !== undefined) {
      rule[w] = next;
      i++;
    }
  }
  return rule;
}

export function readRoutes(block: KaEffectiveStatement | undefined): KaRoute[] {
  return block?.body ? block.body.map(readRoute) : [];
}

export function readRules(block: KaEffectiveStatement | undefined): KaRule[] {
  return block?.body ? block.body.map(readRule) : [];
}
