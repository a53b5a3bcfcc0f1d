import type { HaproxyModel, KeepalivedModel } from '@cfglint/parser';
import type { Cluster, Host } from './clusters.js';
import type { HaproxyDocument, KeepalivedDocument } from './documents.js';
import type { Rule } from './rule.js';

/** What a keepalived file rule sees: one entry file with its includes, as keepalived reads it. */
export interface KeepalivedFileContext {
  document: KeepalivedDocument;
  model: KeepalivedModel;
  /** Whether the target keepalived is built with nftables (refuses vrrp_iptables). */
  nftables: boolean;
}

export interface HaproxyFileContext {
  document: HaproxyDocument;
  model: HaproxyModel;
}

/** Every config of one host (HAProxy and keepalived side by side). */
export interface HostContext {
  host: Host;
}

/** The hosts of one cluster and their VRRP groups. */
export interface ClusterContext {
  cluster: Cluster;
}

type Messages<M extends string> = Record<M, string>;
type RuleInput<C, M extends string, O> = Omit<Rule<C, M, O>, 'meta'> & { meta: Omit<Rule['meta'], 'language' | 'scope'> };

// One factory per scope, so each rule's check is typed with the context it receives.
export const keepalivedRule = <M extends string, O = Record<string, never>>(r: RuleInput<KeepalivedFileContext, M, O> & { messages: Messages<M> }) =>
  ({ ...r, meta: { ...r.meta, language: 'keepalived', scope: 'file' } }) as Rule<KeepalivedFileContext, M, O>;

export const haproxyRule = <M extends string, O = Record<string, never>>(r: RuleInput<HaproxyFileContext, M, O> & { messages: Messages<M> }) =>
  ({ ...r, meta: { ...r.meta, language: 'haproxy', scope: 'file' } }) as Rule<HaproxyFileContext, M, O>;

export const hostRule = <M extends string, O = Record<string, never>>(r: RuleInput<HostContext, M, O> & { messages: Messages<M> }) =>
  ({ ...r, meta: { ...r.meta, language: 'any', scope: 'host' } }) as Rule<HostContext, M, O>;

export const clusterRule = <M extends string, O = Record<string, never>>(r: RuleInput<ClusterContext, M, O> & { messages: Messages<M> }) =>
  ({ ...r, meta: { ...r.meta, language: 'keepalived', scope: 'cluster' } }) as Rule<ClusterContext, M, O>;
