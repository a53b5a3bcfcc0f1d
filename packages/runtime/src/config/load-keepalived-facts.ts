import { loadKeepalived, type KaElement, type KaSetting, type KeepalivedLoadResult } from '@cfglint/parser';
import type { GroupEntryFact, InterfaceUse, KeepalivedFacts, Located, RealServerFact, VirtualServerFact, VrrpInstanceFact } from './facts.js';

/**
 * The adapter between @cfglint/parser's keepalived model and cfgrun: the only module that
 * knows how a keepalived.conf is read (includes, $DEFINITIONS, @ids and ~SEQ applied by
 * loadKeepalived). Values stay the strings keepalived would see; cfgrun checks them itself
 * before they reach a command line.
 */
export function keepalivedFactsFromText(file: string, text: string): KeepalivedFacts {
  return factsFromLoad(loadKeepalived(file, { overlay: { [file]: text } }));
}

export function loadKeepalivedFacts(file: string): KeepalivedFacts {
  return factsFromLoad(loadKeepalived(file));
}

/** Diagnostics that make the structure itself unreliable; the rest is the lint gate's business. */
const STRUCTURAL = /^(parse|load|include)\//;

const SCHEDULER_FLAGS = ['flag-1', 'flag-2', 'flag-3', 'sh-port', 'sh-fallback', 'mh-port', 'mh-fallback', 'ops'];

function factsFromLoad(result: KeepalivedLoadResult): KeepalivedFacts {
  const at = (e: KaElement): Located => {
    const source = result.files.get(e.fileName)?.source;
    return { file: e.fileName, line: source ? source.positionAt(e.node.start).line + 1 : 1 };
  };
  const raw = (s: KaSetting<unknown> | undefined) => (s ? (s.args[0] ?? '') : undefined);
  const { model } = result;
  const interfaces: InterfaceUse[] = [];
  const useInterface = (name: string | undefined, e: KaElement, context: string) => {
    if (name) interfaces.push({ name, context, ...at(e) });
  };

  const vrrpInstances = model.vrrpInstances.map((vi): VrrpInstanceFact => {
    const name = vi.name;
    useInterface(raw(vi.interface), vi.interface!, `vrrp_instance ${name} interface`);
    for (const t of vi.trackInterfaces) useInterface(t.name, t, `vrrp_instance ${name} track_interface`);
    for (const a of [...vi.virtualIpAddresses, ...vi.virtualIpAddressesExcluded]) useInterface(a.dev, a, `vrrp_instance ${name} virtual_ipaddress`);
    return {
      name,
      ...at(vi),
      ...(vi.state ? { state: raw(vi.state) } : {}),
      ...(vi.interface ? { interface: raw(vi.interface) } : {}),
      ...(vi.virtualRouterId ? { virtualRouterId: raw(vi.virtualRouterId) } : {}),
      ...(vi.priority ? { priority: raw(vi.priority) } : {}),
      virtualIps: vi.virtualIpAddresses.map((a) => ({ address: a.address, ...(a.prefix !== undefined ? { prefix: String(a.prefix) } : {}), ...(a.dev ? { dev: a.dev } : {}), ...at(a) })),
    };
  });
  const sync = model.globalDefs?.lvsSyncDaemon;
  if (sync) useInterface(sync.args[0], sync, `global_defs ${sync.keyword}`);

  const groups = new Map<string, GroupEntryFact[]>();
  for (const g of model.virtualServerGroups) {
    groups.set(g.name, g.entries.map((e) => ({ words: [e.statement.keyword.value, ...e.statement.args.map((w) => w.value)], ...at(e) })));
  }

  const virtualServers = model.virtualServers.map((vs): VirtualServerFact => {
    const args = vs.statement.args.map((w) => w.value);
    const target: VirtualServerFact['target'] =
      args[0] === 'fwmark' ? { kind: 'fwmark', fwmark: args[1] ?? '' } : args[0] === 'group' ? { kind: 'group', name: args[1] ?? '' } : { kind: 'address', address: args[0] ?? '', ...(args[1] !== undefined ? { port: args[1] } : {}) };
    const realServers = vs.realServers.map((rs): RealServerFact => ({
      address: rs.address,
      ...(rs.portText !== undefined ? { port: rs.portText } : {}),
      ...(rs.weight ? { weight: raw(rs.weight) } : {}),
      ...(rs.lvsMethod ? { method: rs.lvsMethod.args } : {}),
      ...(rs.uthreshold ? { uthreshold: raw(rs.uthreshold) } : {}),
      ...(rs.lthreshold ? { lthreshold: raw(rs.lthreshold) } : {}),
      ...at(rs),
    }));
    return {
      target,
      ...at(vs),
      ...(vs.protocol ? { protocol: raw(vs.protocol) } : {}),
      ...(vs.lbAlgo ? { scheduler: raw(vs.lbAlgo) } : {}),
      ...(vs.lbKind ? { method: vs.lbKind.args } : {}),
      ...(vs.persistenceTimeout ? { persistenceTimeout: raw(vs.persistenceTimeout) } : {}),
      ...(vs.persistenceGranularity ? { persistenceGranularity: raw(vs.persistenceGranularity) } : {}),
      ...(vs.persistenceEngine ? { persistenceEngine: raw(vs.persistenceEngine) } : {}),
      ...(vs.ipFamily ? { ipFamily: raw(vs.ipFamily) } : {}),
      // Flag keywords (sh-port, ops…) read from the block's own statements.
      flags: SCHEDULER_FLAGS.filter((f) => (vs.statement.body ?? []).some((b) => b.keyword.value === f)),
      realServers,
    };
  });

  const problems = result.diagnostics
    .filter((d) => d.severity === 'error' && STRUCTURAL.test(d.code))
    .map((d) => ({ file: d.fileName, line: d.range.start.line + 1, message: d.message }));
  return { virtualServers, groups, vrrpInstances, interfaces, problems };
}
