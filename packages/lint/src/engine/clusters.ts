import type { KaVrrpInstance } from '@cfglint/parser';
import type { CfglintConfig } from './config.js';
import type { HaproxyDocument, KeepalivedDocument, LintDocument } from './documents.js';
import type { HostKey } from './hosts.js';
import { canonicalIp, segmentOf } from './ip.js';
import { UnionFind } from './union-find.js';

/** One machine: the configs that run on it. */
export interface Host {
  key: HostKey;
  keepalived: KeepalivedDocument[];
  haproxy: HaproxyDocument[];
  /** The host's own addresses, when the config file names them. */
  addresses: string[];
}

/** A VRRP instance and where it runs. */
export interface VrrpMember {
  host: Host;
  document: KeepalivedDocument;
  instance: KaVrrpInstance;
  /** Canonical VIP addresses (no prefix). */
  vips: string[];
}

/** Instances on different hosts that share a VIP: one virtual router, seen from each host. */
export interface VrrpGroup {
  vips: string[];
  members: VrrpMember[];
}

/**
 * Hosts whose configs are checked against each other. Findings that span files are
 * only ever reported between hosts of one cluster.
 */
export interface Cluster {
  name: string;
  /** Declared in the config file rather than inferred. */
  explicit: boolean;
  hosts: Host[];
  /** Every VRRP instance of the cluster's hosts. */
  members: VrrpMember[];
  /** Members grouped by shared VIPs (groups with members on at least two hosts only). */
  vrrpGroups: VrrpGroup[];
}

export function vipsOf(instance: KaVrrpInstance): string[] {
  const out: string[] = [];
  for (const ip of instance.virtualIpAddresses) {
    const canonical = canonicalIp(ip.address);
    if (canonical && !out.includes(canonical)) out.push(canonical);
  }
  return out;
}

export function buildHosts(documents: LintDocument[], config: CfglintConfig): Host[] {
  const hosts = new Map<string, Host>();
  for (const doc of documents) {
    let host = hosts.get(doc.host.id);
    if (!host) {
      const addresses = doc.host.explicit ? (config.nodes[doc.host.name]?.addresses ?? []) : [];
      host = { key: doc.host, keepalived: [], haproxy: [], addresses };
      hosts.set(doc.host.id, host);
    }
    if (doc.language === 'keepalived') host.keepalived.push(doc);
    else host.haproxy.push(doc);
  }
  return [...hosts.values()];
}

function membersOf(hosts: Host[]): VrrpMember[] {
  return hosts.flatMap((host) =>
    host.keepalived.flatMap((document) => document.model.vrrpInstances.map((instance) => ({ host, document, instance, vips: vipsOf(instance) }))),
  );
}

function groupByVip(members: VrrpMember[]): VrrpGroup[] {
  const sets = new UnionFind(members.length);
  const firstWithVip = new Map<string, number>();
  members.forEach((m, i) => {
    for (const vip of m.vips) {
      const first = firstWithVip.get(vip);
      if (first === undefined) firstWithVip.set(vip, i);
      else sets.union(first, i);
    }
  });
  return sets
    .groups()
    .map((ids) => ids.map((i) => members[i]))
    .filter((group) => new Set(group.map((m) => m.host)).size > 1)
    .map((group) => ({ vips: [...new Set(group.flatMap((m) => m.vips))], members: group }));
}

/**
 * Groups hosts into clusters. Declared clusters (config `clusters`) are taken as written.
 * Other hosts are linked when their VRRP instances share a VIP or have VIPs on one
 * network segment (the written prefix, else /24 or /64); a host linked to nothing is a
 * cluster of its own. Hosts in different clusters are never compared.
 */
export function buildClusters(hosts: Host[], config: CfglintConfig): Cluster[] {
  const clusters: Cluster[] = [];
  const claimed = new Set<Host>();
  for (const [name, nodeNames] of Object.entries(config.clusters)) {
    const members = hosts.filter((h) => h.key.explicit && nodeNames.includes(h.key.name));
    members.forEach((h) => claimed.add(h));
    if (members.length) clusters.push(makeCluster(name, true, members));
  }

  const free = hosts.filter((h) => !claimed.has(h));
  const sets = new UnionFind(free.length);
  const firstBySegment = new Map<string, number>();
  free.forEach((host, i) => {
    for (const doc of host.keepalived) {
      for (const instance of doc.model.vrrpInstances) {
        for (const ip of instance.virtualIpAddresses) {
          const segment = segmentOf(ip.address, ip.prefix);
          if (!segment) continue;
          const first = firstBySegment.get(segment);
          if (first === undefined) firstBySegment.set(segment, i);
          else sets.union(first, i);
        }
      }
    }
  });
  for (const ids of sets.groups()) {
    const members = ids.map((i) => free[i]);
    clusters.push(makeCluster(members.map((h) => h.key.name).join('+'), false, members));
  }
  return clusters;
}

function makeCluster(name: string, explicit: boolean, hosts: Host[]): Cluster {
  const members = membersOf(hosts);
  return { name, explicit, hosts, members, vrrpGroups: groupByVip(members) };
}
