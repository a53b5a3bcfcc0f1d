import { wordRange, type KaVrrpInstance } from '@cfglint/parser';
import type { Cluster, VrrpMember } from '../../engine/clusters.js';
import type { Related } from '../../engine/rule.js';
import type { Span } from '../../engine/span.js';
import { keywordSpan } from './locate.js';

/**
 * One virtual router seen from several hosts: the members of a VIP group that use one
 * virtual_router_id. Members with another VRID are keepalived/vrid-mismatch's business,
 * so the other cluster rules compare only members of one peer set.
 */
export interface PeerSet {
  vrid: number;
  members: VrrpMember[];
}

export function peerSets(cluster: Cluster): PeerSet[] {
  const out: PeerSet[] = [];
  for (const group of cluster.vrrpGroups) {
    const byVrid = new Map<number, VrrpMember[]>();
    for (const member of group.members) {
      const vrid = member.instance.virtualRouterId?.value;
      if (vrid === undefined) continue;
      const list = byVrid.get(vrid);
      if (list) list.push(member);
      else byVrid.set(vrid, [member]);
    }
    for (const [vrid, members] of byVrid) {
      if (new Set(members.map((m) => m.host)).size > 1) out.push({ vrid, members });
    }
  }
  return out;
}

/** `vrrp_instance NAME`: where a finding about the instance as a whole points. */
export function instanceSpan(instance: KaVrrpInstance): Span {
  const name = instance.statement.args[0];
  return name ? wordRange(instance.statement, name) : keywordSpan(instance);
}

/** The VRRP version the instance speaks: its own `version`, else global `vrrp_version`, else 2. */
export function vrrpVersion(member: VrrpMember): { value: number; from?: 'version' | 'vrrp_version' } {
  const own = member.instance.version?.value;
  if (own !== undefined) return { value: own, from: 'version' };
  const global = member.document.model.globalDefs?.vrrpVersion?.value;
  if (global !== undefined) return { value: global, from: 'vrrp_version' };
  return { value: 2 };
}

export function strictMode(member: VrrpMember): boolean {
  return member.instance.strictMode?.value ?? member.document.model.globalDefs?.vrrpStrict?.value ?? false;
}

/** keepalived's base priority: as written, else 255 for initial state MASTER, else 100. */
export function basePriority(instance: KaVrrpInstance): number {
  return instance.priority?.value ?? (instance.state?.value === 'MASTER' ? 255 : 100);
}

/** Whether the instance tracks anything that can move its priority at run time. */
export function tracksAnything(instance: KaVrrpInstance): boolean {
  return (
    instance.trackScripts.length + instance.trackInterfaces.length + instance.trackProcesses.length + instance.trackFiles.length + instance.trackBfds.length >
    0
  );
}

/** The first VIP both members list, for messages. */
export function sharedVip(a: VrrpMember, b: VrrpMember): string {
  return a.vips.find((v) => b.vips.includes(v)) ?? a.vips[0] ?? '';
}

export const who = (m: VrrpMember) => `${m.host.key.name}'s ${m.instance.name}`;

/** Most related locations one finding lists (a large group would otherwise list every peer). */
export const MAX_RELATED = 3;

export interface Difference<T> {
  member: VrrpMember;
  value: T;
  /** One member for each other value (up to MAX_RELATED), the first being the one to name. */
  others: { member: VrrpMember; value: T }[];
}

/**
 * Members whose value differs from their peers'. Members are bucketed by `key`; when one
 * bucket holds a strict majority only the others are reported (the odd ones out), else
 * every member is. Linear in the members (times the few distinct values).
 */
export function differences<T>(members: VrrpMember[], valueOf: (m: VrrpMember) => T, key: (v: T) => string): Difference<T>[] {
  const buckets = new Map<string, { member: VrrpMember; value: T }[]>();
  for (const member of members) {
    const value = valueOf(member);
    const k = key(value);
    const list = buckets.get(k);
    if (list) list.push({ member, value });
    else buckets.set(k, [{ member, value }]);
  }
  if (buckets.size < 2) return [];
  const all = [...buckets.values()].sort((a, b) => b.length - a.length);
  const majority = all[0].length * 2 > members.length ? all[0] : undefined;
  const samples = all.slice(0, MAX_RELATED + 1).map((b) => onOtherHosts(b.map((o) => ({ ...o, host: o.member.host }))));
  const out: Difference<T>[] = [];
  all.forEach((bucket, i) => {
    if (bucket === majority) return;
    for (const { member, value } of bucket) {
      const others: { member: VrrpMember; value: T }[] = [];
      samples.forEach((sample, j) => {
        const other = j !== i && others.length < MAX_RELATED ? sample(member.host)[0] : undefined;
        if (other) others.push({ member: other.member, value: other.value });
      });
      if (others.length) out.push({ member, value, others });
    }
  });
  return out;
}

/** Related entries pointing at each other member's setting (or instance name). */
export function relatedTo<T>(others: { member: VrrpMember; value: T }[], at: (m: VrrpMember) => Span, text: (o: { member: VrrpMember; value: T }) => string): Related[] {
  return others.map((o) => ({ at: at(o.member), message: text(o) }));
}

/**
 * For items spread over hosts: a function giving, for any host, up to MAX_RELATED items
 * on other hosts. Keeps only the first few items of distinct hosts, so asking for every
 * item stays linear however many hosts share the value.
 */
export function onOtherHosts<T extends { host: unknown }>(items: readonly T[]): (host: unknown) => T[] {
  const sample: T[] = [];
  const hosts = new Set<unknown>();
  for (const item of items) {
    if (hosts.has(item.host)) continue;
    hosts.add(item.host);
    sample.push(item);
    if (sample.length > MAX_RELATED) break;
  }
  return (host) => sample.filter((i) => i.host !== host).slice(0, MAX_RELATED);
}
