import { readFileSync } from 'node:fs';
import type { GroupEntryFact, InterfaceUse, KeepalivedFacts, RealServerFact, VirtualServerFact, VrrpInstanceFact } from './facts.js';
import { readBlocks, type Statement } from './interim-reader.js';

/**
 * The adapter between the config parser and cfgrun: the only module that knows how a
 * keepalived.conf is read. (Interim reader until the @cfglint/parser model lands.)
 */
export function keepalivedFactsFromText(file: string, text: string): KeepalivedFacts {
  const { statements, problems } = readBlocks(text);
  const facts: KeepalivedFacts = {
    virtualServers: [],
    groups: new Map(),
    vrrpInstances: [],
    interfaces: [],
    problems: problems.map((p) => ({ file, ...p })),
  };
  const at = (s: Statement) => ({ file, line: s.line });
  const useInterface = (name: string | undefined, s: Statement, context: string) => {
    if (name) facts.interfaces.push({ name, context, ...at(s) } satisfies InterfaceUse);
  };
  for (const s of statements) {
    if (s.keyword === 'virtual_server' && s.children) facts.virtualServers.push(virtualServer(s, file));
    else if (s.keyword === 'virtual_server_group' && s.children) {
      facts.groups.set(s.args[0] ?? '', s.children.map((e): GroupEntryFact => ({ words: [e.keyword, ...e.args], ...at(e) })));
    } else if (s.keyword === 'vrrp_instance' && s.children) {
      const instance: VrrpInstanceFact = { name: s.args[0] ?? '', virtualIps: [], ...at(s) };
      for (const c of s.children) {
        const v = c.args[0];
        if (c.keyword === 'state') instance.state = v;
        else if (c.keyword === 'interface') {
          instance.interface = v;
          useInterface(v, c, `vrrp_instance ${instance.name} interface`);
        } else if (c.keyword === 'virtual_router_id') instance.virtualRouterId = v;
        else if (c.keyword === 'priority') instance.priority = v;
        else if (c.keyword === 'track_interface' && c.children) {
          for (const t of c.children) useInterface(t.keyword, t, `vrrp_instance ${instance.name} track_interface`);
        } else if ((c.keyword === 'virtual_ipaddress' || c.keyword === 'virtual_ipaddress_excluded') && c.children) {
          for (const a of c.children) {
            const [address, prefix] = a.keyword.split('/');
            const devAt = a.args.indexOf('dev');
            const dev = devAt >= 0 ? a.args[devAt + 1] : undefined;
            instance.virtualIps.push({ address, ...(prefix ? { prefix } : {}), ...(dev ? { dev } : {}), ...at(a) });
            useInterface(dev, a, `vrrp_instance ${instance.name} virtual_ipaddress`);
          }
        } else if (c.keyword === 'unicast_src_ip' || c.keyword === 'mcast_src_ip') continue;
      }
      facts.vrrpInstances.push(instance);
    } else if (s.keyword === 'global_defs' && s.children) {
      for (const c of s.children) {
        if (c.keyword === 'lvs_sync_daemon' || c.keyword === 'lvs_sync_daemon_interface') useInterface(c.args[0], c, `global_defs ${c.keyword}`);
      }
    }
  }
  return facts;
}

export function loadKeepalivedFacts(file: string): KeepalivedFacts {
  return keepalivedFactsFromText(file, readFileSync(file, 'utf8'));
}

const SCHEDULER_FLAGS = new Set(['flag-1', 'flag-2', 'flag-3', 'sh-port', 'sh-fallback', 'mh-port', 'mh-fallback']);

function virtualServer(s: Statement, file: string): VirtualServerFact {
  const [first, second] = s.args;
  const target: VirtualServerFact['target'] =
    first === 'fwmark' ? { kind: 'fwmark', fwmark: second ?? '' } : first === 'group' ? { kind: 'group', name: second ?? '' } : { kind: 'address', address: first ?? '', ...(second !== undefined ? { port: second } : {}) };
  const vs: VirtualServerFact = { file, line: s.line, target, flags: [], realServers: [] };
  for (const c of s.children ?? []) {
    const v = c.args[0];
    switch (c.keyword) {
      case 'protocol':
        vs.protocol = v;
        break;
      case 'lvs_sched':
      case 'lb_algo':
        vs.scheduler = v;
        break;
      case 'lvs_method':
      case 'lb_kind':
        vs.method = c.args;
        break;
      case 'persistence_timeout':
        vs.persistenceTimeout = v ?? '';
        break;
      case 'persistence_granularity':
        vs.persistenceGranularity = v;
        break;
      case 'persistence_engine':
        vs.persistenceEngine = v;
        break;
      case 'ip_family':
        vs.ipFamily = v;
        break;
      case 'ops':
        vs.flags.push('ops');
        break;
      case 'real_server':
        vs.realServers.push(realServer(c, file));
        break;
      default:
        if (SCHEDULER_FLAGS.has(c.keyword)) vs.flags.push(c.keyword);
    }
  }
  return vs;
}

function realServer(s: Statement, file: string): RealServerFact {
  const rs: RealServerFact = { file, line: s.line, address: s.args[0] ?? '', ...(s.args[1] !== undefined ? { port: s.args[1] } : {}) };
  for (const c of s.children ?? []) {
    const v = c.args[0];
    if (c.keyword === 'weight') rs.weight = v;
    else if (c.keyword === 'lvs_method' || c.keyword === 'lb_kind') rs.method = c.args;
    else if (c.keyword === 'uthreshold') rs.uthreshold = v;
    else if (c.keyword === 'lthreshold') rs.lthreshold = v;
  }
  return rs;
}
