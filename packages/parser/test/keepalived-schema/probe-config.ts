/**
 * Builds keepalived.conf files that use chosen keywords in their own blocks, one keyword
 * per line, so the real `keepalived -t` can say which it knows (test only).
 */
import type { ArgSpec, ValueType } from '../../src/schema/types.js';
import { keepalivedSchema, keywordSpec } from '../../src/keepalived/schema/index.js';

export interface Probe {
  context: string;
  name: string;
  /** Argument words; for list blocks, the one entry line. */
  args: string[];
  /** Line (1-based) where the keyword stands in the generated text. */
  line?: number;
}

/**
 * Header words of container blocks, and statements a container needs to be valid (left
 * out when the statement's keyword is itself probed there: keepalived mishandles some
 * repeated list blocks).
 */
const CONTAINERS: Record<string, { header: string; needs?: string[] }> = {
  global_defs: { header: '' },
  vrrp_instance: { header: 'VI_PROBE', needs: ['interface eth0', 'virtual_router_id 51', 'priority 100', 'virtual_ipaddress {\n  10.1.1.1/24\n}'] },
  vrrp_sync_group: { header: 'G_PROBE', needs: ['group {\n  VI_PROBE\n}'] },
  vrrp_script: { header: 'chk_probe', needs: ['script "/bin/true"'] },
  vrrp_track_process: { header: 'tp_probe', needs: ['process init'] },
  track_file: { header: 'tf_probe', needs: ['file "/tmp/cfglint-probe-track"'] },
  vrrp_track_file: { header: 'vtf_probe', needs: ['file "/tmp/cfglint-probe-track"'] },
  track_group: { header: 'tg_probe', needs: ['group {\n  VI_PROBE\n}'] },
  garp_group: { header: '' },
  bfd_instance: { header: 'bfd_probe', needs: ['neighbor_ip 10.0.0.7'] },
  virtual_server: { header: '10.0.0.1 80', needs: ['protocol TCP', 'lb_algo rr', 'lb_kind DR'] },
  real_server: { header: '10.0.0.2 80' },
  authentication: { header: '', needs: ['auth_type PASS', 'auth_pass secret'] },
  SSL: { header: '' },
  url: { header: '', needs: ['path /'] },
  host: { header: '' },
};

/** Sample arguments for keywords whose shape the tables leave open. */
const SAMPLES: Record<string, string[]> = {
  interface: ['eth0'],
  default_interface: ['eth0'],
  bind_if: ['eth0'],
  lvs_sync_daemon: ['eth0', 'VI_PROBE'],
  lvs_sync_daemon_interface: ['eth0'],
  lvs_timeouts: ['tcp', '900'],
  smtp_server: ['127.0.0.1'],
  notification_email_from: ['probe@example.com'],
  router_id: ['probe'],
  script_user: ['root'],
  user: ['root'],
  startup_script: ['/bin/true'],
  shutdown_script: ['/bin/true'],
  script: ['"/bin/true"'],
  misc_path: ['"/bin/true"'],
  quorum_up: ['/bin/true'],
  quorum_down: ['/bin/true'],
  notify_up: ['/bin/true'],
  notify_down: ['/bin/true'],
  notify: ['/bin/true'],
  notify_master: ['/bin/true'],
  notify_backup: ['/bin/true'],
  notify_fault: ['/bin/true'],
  notify_stop: ['/bin/true'],
  notify_deleted: ['/bin/true'],
  notify_master_rx_lower_pri: ['/bin/true'],
  notify_fifo: ['/tmp/cfglint-probe-fifo'],
  notify_fifo_script: ['/bin/true'],
  vrrp_notify_fifo: ['/tmp/cfglint-probe-vfifo'],
  vrrp_notify_fifo_script: ['/bin/true'],
  lvs_notify_fifo: ['/tmp/cfglint-probe-lfifo'],
  lvs_notify_fifo_script: ['/bin/true'],
  unicast_src_ip: ['10.0.0.3'],
  mcast_src_ip: ['10.0.0.3'],
  mcast_dst_ip: ['224.0.0.19'],
  track_src_ip: [],
  sorry_server: ['10.0.0.9', '80'],
  connect_ip: ['10.0.0.2'],
  bindto: ['10.0.0.3'],
  source_ip: ['10.0.0.3'],
  neighbor_ip: ['10.0.0.7'],
  neighbour_ip: ['10.0.0.7'],
  persistence_engine: ['sip'],
  ip_family: ['inet'],
  snmp_socket: ['udp:127.0.0.1:705'],
  dbus_service_name: ['org.keepalived.Vrrp1'],
  virtualhost: ['www.example.com'],
  path: ['/'],
  status_code: ['200'],
  digest: ['0123456789abcdef0123456789abcdef'],
  regex: ['"ok"'],
  regex_options: ['caseless'],
  file: ['"/tmp/cfglint-probe-track"'],
  init_file: [],
  process: ['init'],
  param_match: ['initial'],
  payload: ['00'],
  helo_name: ['probe'],
  ca: ['/nonexistent/ca.pem'],
  certificate: ['/nonexistent/cert.pem'],
  key: ['/nonexistent/key.pem'],
  password: ['secret'],
  config_save_dir: ['/tmp/cfglint-probe-save'],
  tmp_config_directory: ['/tmp/cfglint-probe-tmp'],
  reload_check_config: ['/tmp/cfglint-probe-reload-check'],
  reload_time_file: ['/tmp/cfglint-probe-reload-time'],
  reload_file: ['/tmp/cfglint-probe-reload'],
  include_check: ['readable'],
  vmac_prefix: ['vrrp'],
  vmac_addr_prefix: ['vrrp'],
  vrrp_iptables: [],
  nftables: ['keepalived'],
  nftables_ipvs: ['keepalived_ipvs'],
  process_name: ['keepalived'],
  vrrp_process_name: ['keepalived_vrrp'],
  checker_process_name: ['keepalived_check'],
  lvs_process_name: ['keepalived_check'],
  bfd_process_name: ['keepalived_bfd'],
  smtp_helo_name: ['probe'],
  name: ['probe'],
  type: ['A'],
  vrf: ['vrf0'],
  use_vmac: [],
  garp_extra_if: ['5'],
  vmac_garp_intvl: ['5'],
  vrrp_garp_extra_if: ['5'],
  vrrp_vmac_garp_intvl: ['5'],
  dynamic_interfaces: [],
  instance: ['probe'],
  use_pid_dir: [],
  umask: ['0022'],
  vrrp: ['VI_PROBE'],
  checker: ['probe'],
  timer_expired_backup: [],
  weight: ['10'],
  json_dump_file: ['/tmp/cfglint-probe.json'],
  state_dump_file: ['/tmp/cfglint-probe.data'],
  stats_dump_file: ['/tmp/cfglint-probe.stats'],
  iproute_usr_dir: ['/usr/share/iproute2'],
  iproute_etc_dir: ['/etc/iproute2'],
};

/** One entry for each list block. */
const LIST_ENTRIES: Record<string, string> = {
  virtual_ipaddress: '10.1.1.2/24',
  virtual_ipaddress_excluded: '10.1.1.3/24',
  unicast_peer: '10.0.0.4',
  track_interface: 'eth1',
  track_script: 'chk_probe',
  track_file: 'tf_probe',
  track_process: 'tp_probe',
  track_bfd: 'bfd_probe',
  static_ipaddress: '10.9.9.9/24 dev eth0',
  static_routes: '10.8.0.0/16 dev eth0',
  static_rules: 'from 10.0.0.1 table 100',
  virtual_routes: '10.7.0.0/16 dev eth0',
  virtual_rules: 'from 10.1.1.1 table 101',
  notification_email: 'probe@example.com',
  group: 'VI_PROBE',
  interfaces: 'eth1',
  linkbeat_interfaces: 'eth0',
  interface_up_down_delays: 'eth0 1 1',
  virtual_server_group: '10.0.0.1 80',
};

/** A valid word for a value type. */
function sampleValue(value: ValueType): string | undefined {
  switch (value.type) {
    case 'int': {
      const lo = value.min ?? 1;
      const hi = value.max ?? lo + 10;
      return String(Math.max(lo, Math.min(hi, 1)));
    }
    case 'float': {
      const lo = value.min ?? 1;
      const hi = value.max ?? lo + 10;
      return String(Math.max(lo, Math.min(hi, 1)));
    }
    case 'enum':
      return value.values[0];
    case 'bool':
      return 'true';
    case 'ip':
    case 'ipv4':
      return '10.0.0.5';
    case 'ipv6':
      return 'fd00::5';
    case 'port':
      return '80';
    case 'interface':
      return 'eth0';
    default:
      return undefined;
  }
}

/** Valid-looking arguments for a keyword in a release. */
export function sampleArgs(name: string, args: readonly ArgSpec[] | undefined): string[] {
  if (SAMPLES[name]) return SAMPLES[name];
  const out: string[] = [];
  for (const arg of args ?? []) {
    const v = sampleValue(arg.value);
    if (v === undefined) {
      if (arg.optional) break;
      out.push('probe');
    } else out.push(v);
  }
  return out;
}

/** Parent context of each context (the block keyword's own context), root first. */
function pathTo(context: string): string[] {
  const path: string[] = [];
  let current = context;
  const schema = keepalivedSchema();
  while (current !== 'root') {
    path.unshift(current);
    const parents = (schema.contextsOf.get(current) ?? []).filter((p) => keywordSpec(p, current)?.block === 'block');
    const parent = parents[0];
    if (!parent) throw new Error(`no parent block for ${current}`);
    current = parent;
  }
  return path;
}

interface Node {
  context: string;
  probes: Probe[];
  children: Map<string, Node>;
}

function needLines(needs: string[], probes: Probe[], pad: string): string[] {
  return needs
    .filter((need) => !probes.some((p) => p.name === need.split(/\s/)[0]))
    .flatMap((need) => need.split('\n').map((l) => pad + l));
}

/** A config holding every probe in its block; sets each probe's `line`. */
export function buildProbeConfig(probes: Probe[]): string {
  const root: Node = { context: 'root', probes: [], children: new Map() };
  for (const probe of probes) {
    let node = root;
    for (const ctx of probe.context === 'root' ? [] : pathTo(probe.context)) {
      let child = node.children.get(ctx);
      if (!child) node.children.set(ctx, (child = { context: ctx, probes: [], children: new Map() }));
      node = child;
    }
    node.probes.push(probe);
  }
  // The sync group, track group and script containers refer to VI_PROBE / chk_probe.
  for (const needed of ['vrrp_instance']) if (!root.children.has(needed)) root.children.set(needed, { context: needed, probes: [], children: new Map() });
  const lines: string[] = [];
  const emit = (node: Node, depth: number) => {
    const pad = '  '.repeat(depth);
    for (const probe of node.probes) {
      const spec = keywordSpec(probe.context, probe.name);
      // A block that also holds other probes is written once, as their container.
      if (node.children.has(probe.name)) continue;
      probe.line = lines.length + 1;
      if (spec?.block === 'list') {
        const head = probe.name === 'virtual_server_group' ? `${probe.name} vsg_probe {` : `${probe.name} {`;
        lines.push(pad + head, `${pad}  ${LIST_ENTRIES[probe.name] ?? 'probe'}`, `${pad}}`);
      } else if (spec?.block === 'block') {
        const c = CONTAINERS[probe.name];
        lines.push(`${pad}${probe.name} ${c?.header ?? 'probe'} {`.replace('  {', ' {'), ...needLines(c?.needs ?? [], [], `${pad}  `), `${pad}}`);
      } else lines.push(`${pad}${[probe.name, ...probe.args].join(' ')}`);
    }
    for (const child of node.children.values()) {
      const c = CONTAINERS[child.context];
      const self = node.probes.find((p) => p.name === child.context);
      if (self) self.line = lines.length + 1;
      lines.push(`${pad}${child.context}${c?.header ? ' ' + c.header : ''} {`);
      lines.push(...needLines(c?.needs ?? [], child.probes, `${pad}  `));
      emit(child, depth + 1);
      lines.push(`${pad}}`);
    }
  };
  emit(root, 0);
  return lines.join('\n') + '\n';
}

/** `Unknown keyword 'X'` reports by line. */
export function unknownKeywordLines(output: string): Map<number, string> {
  const out = new Map<number, string>();
  for (const m of output.matchAll(/Line (\d+)\) Unknown keyword '([^']*)'/g)) out.set(Number(m[1]), m[2]);
  return out;
}

/** Every reported line number with its messages. */
export function messagesByLine(output: string): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const m of output.matchAll(/Line (\d+)\) (.*)/g)) {
    const list = out.get(Number(m[1])) ?? [];
    list.push(m[2]);
    out.set(Number(m[1]), list);
  }
  return out;
}
