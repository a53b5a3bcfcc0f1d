/**
 * The parts of a keepalived.conf that cfgrun acts on, as plain strings exactly as written
 * (values are checked when they are turned into commands). Filled by `load-keepalived-facts.ts`,
 * the only module that knows how the config is parsed.
 */
export interface Located {
  file: string;
  /** 1-based line. */
  line: number;
}

export interface RealServerFact extends Located {
  address: string;
  port?: string;
  weight?: string;
  /** `lvs_method` words, e.g. ['TUN', 'type', 'gue', 'port', '6080']. */
  method?: string[];
  uthreshold?: string;
  lthreshold?: string;
}

export interface VirtualServerFact extends Located {
  /** `virtual_server IP [PORT]`, `virtual_server fwmark N`, `virtual_server group NAME`. */
  target: { kind: 'address'; address: string; port?: string } | { kind: 'fwmark'; fwmark: string } | { kind: 'group'; name: string };
  protocol?: string;
  /** lvs_sched / lb_algo. */
  scheduler?: string;
  /** lvs_method / lb_kind words. */
  method?: string[];
  /** persistence_timeout; '' when written without a value. */
  persistenceTimeout?: string;
  persistenceGranularity?: string;
  persistenceEngine?: string;
  ipFamily?: string;
  flags: string[];
  realServers: RealServerFact[];
}

export interface GroupEntryFact extends Located {
  /** An address, a range (a.b.c.d-e, a.b.c.d-w.x.y.z, a.b.c.d/nn), or `fwmark`. */
  words: string[];
}

export interface VirtualIpFact extends Located {
  address: string;
  prefix?: string;
  dev?: string;
}

export interface VrrpInstanceFact extends Located {
  name: string;
  state?: string;
  interface?: string;
  virtualRouterId?: string;
  priority?: string;
  virtualIps: VirtualIpFact[];
}

export interface InterfaceUse extends Located {
  name: string;
  /** e.g. `vrrp_instance VI_1 interface`. */
  context: string;
}

export interface KeepalivedFacts {
  virtualServers: VirtualServerFact[];
  groups: Map<string, GroupEntryFact[]>;
  vrrpInstances: VrrpInstanceFact[];
  interfaces: InterfaceUse[];
  /** Problems reading the file (syntax), located. */
  problems: Array<Located & { message: string }>;
}
