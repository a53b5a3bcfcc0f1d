import type { KaEffectiveStatement } from '../../keepalived/preprocess/effective.js';
import { BlockReader } from './block-reader.js';
import type { KaElement, KaSetting, ModelContext } from './element.js';
import { parseForwarding, readRealServer } from './real-server.js';
import type { KaForwarding, KaRealServer } from './real-server.js';
import { readScript } from './script.js';
import type { KaScript } from './script.js';
import { ipFamily, parseInteger, parsePort, intArg, secondsArg } from './values.js';

/** What a virtual_server line names: `ADDR [PORT]`, `fwmark N` or `group NAME`. */
export type KaVirtualServerTarget =
  | { kind: 'address'; address: string; family?: 4 | 6; port?: number; portText?: string }
  | { kind: 'fwmark'; mark?: number; markText?: string }
  | { kind: 'group'; group: string }
  | { kind: 'invalid' };

export interface KaSorryServer extends KaElement {
  address: string;
  port?: number;
}

/** `virtual_server … { … }`: one IPVS service and its real servers. */
export interface KaVirtualServer extends KaElement {
  target: KaVirtualServerTarget;
  /** `lb_algo` or `lvs_sched` (rr, wrr, lc, wlc, sh, mh, …). */
  lbAlgo?: KaSetting<string>;
  /** `lb_kind` or `lvs_method` (NAT, DR, TUN …). */
  lbKind?: KaSetting<KaForwarding>;
  /** Seconds; a bare `persistence_timeout` means keepalived's default of 360. */
  persistenceTimeout?: KaSetting<number>;
  persistenceGranularity?: KaSetting<string>;
  persistenceEngine?: KaSetting<string>;
  protocol?: KaSetting<'TCP' | 'UDP' | 'SCTP'>;
  delayLoop?: KaSetting<number>;
  sorryServer?: KaSorryServer;
  sorryServerInhibit?: KaSetting<boolean>;
  quorum?: KaSetting<number>;
  hysteresis?: KaSetting<number>;
  quorumUp?: KaScript;
  quorumDown?: KaScript;
  alpha?: KaSetting<boolean>;
  omega?: KaSetting<boolean>;
  haSuspend?: KaSetting<boolean>;
  virtualhost?: KaSetting<string>;
  connectTimeout?: KaSetting<number>;
  retry?: KaSetting<number>;
  delayBeforeRetry?: KaSetting<number>;
  warmup?: KaSetting<number>;
  inhibitOnFailure?: KaSetting<boolean>;
  ipFamily?: KaSetting<string>;
  realServers: KaRealServer[];
}

export function readVirtualServerTarget(args: readonly string[]): KaVirtualServerTarget {
  if (args[0] === 'fwmark') {
    const mark = parseInteger(args[1]);
    return { kind: 'fwmark', ...(mark !== undefined ? { mark } : {}), ...(args[1] !== undefined ? { markText: args[1] } : {}) };
  }
  if (args[0] === 'group') return args[1] !== undefined ? { kind: 'group', group: args[1] } : { kind: 'invalid' };
  if (args[0] === undefined) return { kind: 'invalid' };
  const target: KaVirtualServerTarget = { kind: 'address', address: args[0] };
  const family = ipFamily(args[0]);
  if (family) target.family = family;
  if (args[1] !== undefined) {
    target.portText = args[1];
    const port = parsePort(args[1]);
    if (port !== undefined) target.port = port;
  }
  return target;
}

export function readVirtualServer(block: KaEffectiveStatement, ctx: ModelContext): KaVirtualServer {
  const r = new BlockReader(block.body ?? []);
  const sorry = r.last('sorry_server');
  const up = r.last('quorum_up');
  const down = r.last('quorum_down');
  return {
    statement: block, fileName: block.fileName, node: block.node,
    target: readVirtualServerTarget(block.args.map((a) => a.value)),
    lbAlgo: r.string('lb_algo', 'lvs_sched'),
    lbKind: r.setting(parseForwarding, 'lb_kind', 'lvs_method'),
    persistenceTimeout: r.setting((a) => (a.length ? parseInteger(a[0]) : 360), 'persistence_timeout'),
    persistenceGranularity: r.string('persistence_granularity'),
    persistenceEngine: r.string('persistence_engine'),
    protocol: r.setting((a) => (a[0] === 'TCP' || a[0] === 'UDP' || a[0] === 'SCTP' ? a[0] : undefined), 'protocol'),
    delayLoop: r.setting(secondsArg, 'delay_loop'),
    sorryServer: sorry
      ? { statement: sorry, fileName: sorry.fileName, node: sorry.node, address: sorry.args[0]?.value ?? '', ...(parsePort(sorry.args[1]?.value) !== undefined ? { port: parsePort(sorry.args[1]?.value) } : {}) }
      : undefined,
    sorryServerInhibit: r.flag('sorry_server_inhibit'),
    quorum: r.setting(intArg, 'quorum'),
    hysteresis: r.setting(intArg, 'hysteresis'),
    quorumUp: up ? readScript(up, ctx) : undefined,
    quorumDown: down ? readScript(down, ctx) : undefined,
    alpha: r.flag('alpha'),
    omega: r.flag('omega'),
    haSuspend: r.flag('ha_suspend'),
    virtualhost: r.string('virtualhost'),
    connectTimeout: r.setting(secondsArg, 'connect_timeout'),
    retry: r.setting(intArg, 'retry'),
    delayBeforeRetry: r.setting(secondsArg, 'delay_before_retry'),
    warmup: r.setting(secondsArg, 'warmup'),
    inhibitOnFailure: r.flag('inhibit_on_failure'),
    ipFamily: r.string('ip_family'),
    realServers: r.all('real_server').map((s) => readRealServer(s, ctx)),
  };
}
