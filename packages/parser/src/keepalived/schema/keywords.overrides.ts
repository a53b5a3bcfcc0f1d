import type { ArgSpec, ValueType, VersionInfo } from '../../schema/types.js';

/**
 * Hand-written additions to the generated keyword table: summaries in our own words
 * (hover, completion) and facts the source extraction cannot see. Keyed by keyword name;
 * `contexts` narrows an entry to some of the blocks the keyword appears in.
 */
export interface KaOverride {
  contexts?: string[];
  summary?: string;
  /** Argument corrections by position (0 = first argument), for every release. */
  args?: Record<number, { name?: string; value?: ValueType; optional?: boolean }>;
  /** Arguments for a keyword whose handler the extraction could not read. */
  argsIfMissing?: ArgSpec[];
  versions?: VersionInfo;
}

const ip: ValueType = { type: 'ip' };
const name = (n: string) => ({ name: n });

export const keywordOverrides: Record<string, KaOverride | KaOverride[]> = {
  // Top level
  global_defs: { summary: 'Settings for the whole daemon: identity, e-mail alerts, defaults for VRRP and the checkers.' },
  vrrp_instance: { summary: 'One VRRP router: which interface it speaks on, its router id and priority, and the addresses it holds while MASTER.', args: { 0: name('name') } },
  vrrp_sync_group: { summary: 'Ties VRRP instances together so that they change state as one (all MASTER or all BACKUP).', args: { 0: name('name') } },
  vrrp_script: { summary: 'A command run periodically; its exit status raises or lowers the priority of the instances that track it.', args: { 0: name('name') } },
  vrrp_track_process: { summary: 'Watches for a running process; instances tracking it go to FAULT or change priority when it disappears.', args: { 0: name('name') } },
  track_file: [
    { contexts: ['root'], summary: 'A file whose number content adjusts the priority of the instances that track it.', args: { 0: name('name') } },
    { contexts: ['vrrp_instance', 'vrrp_sync_group'], summary: 'track_file blocks whose value changes this priority (one name per line).' },
    { contexts: ['FILE_CHECK'], summary: 'The track_file block this checker follows.' },
  ],
  vrrp_track_file: { summary: 'Old name of the top-level track_file block.' },
  virtual_server: { summary: 'An IPVS virtual service: the address and port (or firewall mark, or group) clients connect to, and how traffic is spread over its real servers.' },
  virtual_server_group: { summary: 'A named list of addresses, ranges and firewall marks that one virtual_server can serve together.', args: { 0: name('name') } },
  real_server: { summary: 'A back-end server of the virtual service, with its weight and health checks.', args: { 0: { name: 'address', value: ip }, 1: { name: 'port', value: { type: 'port' }, optional: true } } },
  static_ipaddress: { summary: 'Addresses keepalived adds at start-up regardless of VRRP state (one per line, `ip addr` syntax).' },
  static_routes: { summary: 'Routes keepalived adds at start-up regardless of VRRP state (one per line, `ip route` syntax).' },
  static_rules: { summary: 'Policy routing rules keepalived adds at start-up (one per line, `ip rule` syntax).' },
  bfd_instance: { summary: 'A BFD session with a neighbour; VRRP instances and checkers can track its state.', args: { 0: name('name') } },
  garp_group: { summary: 'Gratuitous ARP / unsolicited NA timing for a set of interfaces.' },
  SSL: { summary: 'Client certificate and CA used by SSL_GET checks.' },
  net_namespace: { summary: 'Runs keepalived inside this network namespace.', args: { 0: name('namespace') } },
  instance: { summary: 'Instance name used to tell several keepalived processes on one host apart (pid files, conditional configuration).' },
  include: { summary: 'Reads further configuration files (glob patterns allowed) at this point.' },

  // global_defs
  router_id: { summary: 'Name of this machine in notification e-mails and SNMP; defaults to the host name.' },
  notification_email: { summary: 'Addresses that receive alert e-mails (one per line).' },
  notification_email_from: { summary: 'Sender address of alert e-mails.' },
  smtp_server: { summary: 'SMTP relay for alert e-mails: address or host name, optional port.' },
  smtp_connect_timeout: { summary: 'Seconds to wait for the SMTP relay before giving up on an alert.' },
  smtp_helo_name: { summary: 'Name sent in the SMTP HELO of alert e-mails.' },
  enable_script_security: { summary: 'Refuses to run scripts that a non-root user could modify; without it keepalived runs scripts as root and warns.' },
  script_user: { summary: 'User (and group) that notify and check scripts run as; the user must exist on the host.', args: { 0: name('user'), 1: { name: 'group', optional: true } } },
  vrrp_garp_interval: { summary: 'Delay between gratuitous ARP messages sent per interface, in seconds (decimals allowed; 0 is not accepted since 2.2.3).' },
  vrrp_gna_interval: { summary: 'Delay between unsolicited neighbour advertisements sent per interface, in seconds.' },
  vrrp_garp_master_delay: { summary: 'Seconds after becoming MASTER before the second burst of gratuitous ARPs.' },
  vrrp_garp_master_repeat: { summary: 'Number of gratuitous ARPs sent in each burst after becoming MASTER.' },
  vrrp_garp_master_refresh: { summary: 'Seconds between periodic gratuitous ARP refreshes while MASTER (0: none).' },
  vrrp_strict: { summary: 'Enforces RFC compliance: no unicast, no authentication, and firewall rules that drop traffic to the virtual addresses unless `accept` is set.' },
  vrrp_iptables: { summary: 'Chains that receive the drop rules for virtual addresses on an iptables build; builds with nftables only reject it.' },
  vrrp_ipsets: { summary: 'ipset names for the firewall rules of virtual addresses (iptables builds with libipset only).' },
  nftables: { summary: 'nftables table used for the drop rules of virtual addresses.' },
  vrrp_mcast_group4: { summary: 'IPv4 multicast group for VRRP adverts (default 224.0.0.18).', args: { 0: { name: 'address', value: { type: 'ipv4' } } } },
  vrrp_mcast_group6: { summary: 'IPv6 multicast group for VRRP adverts (default ff02::12).', args: { 0: { name: 'address', value: { type: 'ipv6' } } } },
  vrrp_version: { summary: 'Default VRRP protocol version (2 or 3) for all instances.' },
  vrrp_skip_check_adv_addr: { summary: 'Skips checking that received adverts carry the same addresses as the local instance when they come from the same master.' },
  vrrp_check_unicast_src: { summary: 'Accepts unicast adverts only from the configured peers.' },
  vrrp_priority: { summary: 'Scheduling priority (nice value) of the VRRP process.' },
  checker_priority: { summary: 'Scheduling priority (nice value) of the checker process.' },
  lvs_sync_daemon: { summary: 'Runs the IPVS connection synchronisation daemon on this interface for the given VRRP instance.' },
  lvs_flush: { summary: 'Clears the whole IPVS table when keepalived starts.' },
  lvs_timeouts: { summary: 'IPVS connection timeouts: `tcp N`, `tcpfin N`, `udp N` seconds.' },
  lvs_id: { summary: 'Identifier of the LVS director in very old releases; gone since 1.1.8 (use router_id).', versions: { replacement: 'router_id' } },
  plugin_dir: { summary: 'Plug-in directory of the 1.1/1.2 series; gone since 1.2.20.' },
  dynamic_interfaces: { summary: 'Lets interfaces appear and disappear after start-up instead of treating a missing interface as an error.' },
  default_interface: { summary: 'Interface used by VRRP instances and addresses that name none.' },
  process_names: { summary: 'Names the child processes (vrrp, checker, bfd) after the parent in ps output.' },
  notify_fifo: { summary: 'FIFO that receives one line per state change of instances, groups and checkers.' },
  max_auto_priority: { summary: 'Raises keepalived to real-time scheduling up to this priority when it falls behind.' },
  umask: { summary: 'File creation mask for files keepalived writes.' },

  // vrrp_instance
  state: { contexts: ['vrrp_instance'], summary: 'Initial state: MASTER or BACKUP. The priorities still decide who ends up MASTER after the first election.' },
  interface: [
    { contexts: ['vrrp_instance'], summary: 'Interface VRRP adverts are sent and received on; it must exist when keepalived starts (unless dynamic_interfaces).', args: { 0: { name: 'interface', value: { type: 'interface' } } } },
    { contexts: ['garp_group'], summary: 'Interface this gratuitous ARP timing applies to.' },
  ],
  virtual_router_id: { summary: 'VRRP router id (1–255) shared by every node of one VRRP group and unique per network segment.' },
  priority: { summary: 'Election priority (1–255): the highest live priority becomes MASTER; 255 means the address owner.' },
  advert_int: { summary: 'Seconds between VRRP adverts (decimals allowed for VRRPv3); must match on all peers.' },
  virtual_ipaddress: { summary: 'Addresses the instance adds while MASTER and removes otherwise (one per line, `ip addr` syntax).' },
  virtual_ipaddress_excluded: { summary: 'Addresses managed like virtual_ipaddress but not carried in VRRP adverts.' },
  virtual_routes: { summary: 'Routes added while MASTER (one per line, `ip route` syntax).' },
  virtual_rules: { summary: 'Policy rules added while MASTER (one per line, `ip rule` syntax).' },
  authentication: { summary: 'VRRPv2 authentication (PASS or AH); not part of VRRPv3 and rejected by vrrp_strict.' },
  auth_type: { summary: 'PASS (clear-text password) or AH (IPsec authentication header).' },
  auth_pass: { summary: 'Shared password; keepalived uses only the first 8 characters.' },
  nopreempt: { summary: 'A higher-priority BACKUP does not take over from a running MASTER; needs initial state BACKUP.' },
  preempt_delay: { summary: 'Seconds to wait after start-up before preempting a lower-priority MASTER.' },
  unicast_src_ip: { summary: 'Source address of unicast adverts.', args: { 0: { name: 'address', value: ip } } },
  unicast_peer: { summary: 'Peer addresses that receive adverts by unicast instead of multicast (one per line).' },
  mcast_src_ip: { summary: 'Source address of multicast adverts.', args: { 0: { name: 'address', value: ip } } },
  track_interface: { summary: 'Interfaces whose link state moves the instance to FAULT (or changes its priority with `weight`).' },
  track_script: { summary: 'vrrp_script names whose result moves the instance to FAULT or changes its priority.' },
  track_process: { summary: 'vrrp_track_process names this instance follows.' },
  notify_master: { summary: 'Command run when the instance becomes MASTER.' },
  notify_backup: { summary: 'Command run when the instance becomes BACKUP.' },
  notify_fault: { summary: 'Command run when the instance enters FAULT.' },
  notify_stop: { summary: 'Command run when the instance stops.' },
  notify: { summary: 'Command run on every state change, with the new state as an argument.' },
  smtp_alert: { summary: 'Sends an e-mail on state changes (needs notification_email and smtp_server in global_defs).' },
  use_vmac: { summary: 'Uses a macvlan interface with the VRRP virtual MAC address (RFC behaviour).' },
  dont_track_primary: { summary: 'Ignores faults of the instance\'s own interface.' },
  garp_master_delay: { summary: 'Seconds after becoming MASTER before the second burst of gratuitous ARPs.' },
  native_ipv6: { summary: 'Forces IPv6 adverts for an instance without virtual addresses.' },
  accept: { summary: 'Accepts packets to the virtual addresses while MASTER even with vrrp_strict.' },
  strict_mode: { summary: 'vrrp_strict for this instance only.' },
  lvs_sync_daemon_interface: { summary: 'Interface of the IPVS sync daemon, given per instance in old releases; use lvs_sync_daemon in global_defs.', versions: { replacement: 'lvs_sync_daemon' } },
  version: { contexts: ['vrrp_instance'], summary: 'VRRP protocol version (2 or 3) of this instance.' },

  // vrrp_script
  script: { summary: 'The command to run; quote it when it has arguments.' },
  interval: { contexts: ['vrrp_script'], summary: 'Seconds between two runs of the script.' },
  timeout: { contexts: ['vrrp_script'], summary: 'Seconds after which a running script counts as failed.' },
  weight: [
    { contexts: ['vrrp_script', 'vrrp_track_process', 'track_file', 'vrrp_track_file', 'FILE_CHECK', 'bfd_instance'], summary: 'Priority change applied while the tracked object fails (negative) or succeeds (positive); 0 means FAULT on failure.' },
    { contexts: ['real_server'], summary: 'IPVS weight of this real server (0 stops new connections).' },
    { contexts: ['virtual_server'], summary: 'Weight used when the virtual server is itself a real server of a virtual_server_group.' },
  ],
  rise: { summary: 'Consecutive successes before the script counts as up.' },
  fall: { summary: 'Consecutive failures before the script counts as down.' },
  user: { summary: 'User (and group) the script runs as.' },

  // virtual_server
  delay_loop: { summary: 'Seconds between two health checks.' },
  lb_algo: { summary: 'IPVS scheduler: rr, wrr, lc, wlc, lblc, lblcr, sh, mh, dh, fo, ovf, sed, nq (twos since 2.2.5).' },
  lvs_sched: { summary: 'Same as lb_algo.' },
  lb_kind: { summary: 'IPVS forwarding method: NAT, DR (direct routing) or TUN (IP tunnelling).' },
  lvs_method: { summary: 'IPVS forwarding method: NAT, DR or TUN.' },
  protocol: { contexts: ['virtual_server'], summary: 'Transport protocol of the service: TCP, UDP or SCTP.' },
  persistence_timeout: { summary: 'Seconds a client keeps going to the same real server.' },
  // The 1–128 range read in the handler applies to IPv6 services only; IPv4 takes a netmask.
  persistence_granularity: { summary: 'Netmask (IPv4) or prefix length (IPv6) that groups clients for persistence.', args: { 0: { value: { type: 'any' } } } },
  sorry_server: { summary: 'Server that receives traffic when no real server is up.', args: { 0: { name: 'address', value: ip }, 1: { name: 'port', value: { type: 'port' }, optional: true } } },
  quorum: { summary: 'Minimum total weight of live real servers for the service to count as up.' },
  ha_suspend: { summary: 'Suspends health checks while the virtual address is not on this host.' },
  inhibit_on_failure: { summary: 'Sets a failed real server\'s weight to 0 instead of removing it from IPVS.' },
  alpha: { summary: 'Starts with every real server down until its first check succeeds.' },
  omega: { summary: 'Runs quorum_down when the service stops.' },
  virtualhost: { summary: 'Host header sent by HTTP checks.' },

  // checkers
  HTTP_GET: { summary: 'Health check by HTTP request: the real server is up when the URLs answer as expected.' },
  SSL_GET: { summary: 'Health check by HTTPS request.' },
  TCP_CHECK: { summary: 'Health check by TCP connect.' },
  MISC_CHECK: { summary: 'Health check by running a script: exit status 0 means up.' },
  SMTP_CHECK: { summary: 'Health check by SMTP dialogue.' },
  DNS_CHECK: { summary: 'Health check by DNS query.' },
  UDP_CHECK: { summary: 'Health check by UDP exchange.' },
  PING_CHECK: { summary: 'Health check by ICMP echo.' },
  FILE_CHECK: { summary: 'Real server state from a track_file.' },
  BFD_CHECK: { summary: 'Real server state from a BFD session.' },
  url: { summary: 'A URL to fetch and the answer that means healthy (status_code, digest, regex).' },
  path: { summary: 'Path of the URL to fetch.' },
  status_code: { summary: 'HTTP status codes (or ranges) that count as healthy.' },
  digest: { summary: 'MD5 of the expected response body (32 hex digits).' },
  connect_timeout: { summary: 'Seconds to wait for the connection before the check fails.' },
  connect_port: { summary: 'Port the check connects to, when not the real server\'s.', args: { 0: { name: 'port' } } },
  connect_ip: { summary: 'Address the check connects to, when not the real server\'s.', args: { 0: { name: 'address', value: ip } } },
  bindto: { summary: 'Local source address of the check.', args: { 0: { name: 'address', value: ip } } },
  retry: { summary: 'Failed attempts before the real server is marked down.' },
  nb_get_retry: { summary: 'Old name of retry in HTTP_GET/SSL_GET; keepalived reports it as an error since 2.1.0.' },
  delay_before_retry: { summary: 'Seconds between two attempts after a failure.' },
  misc_path: { summary: 'Script run by MISC_CHECK.' },
  misc_timeout: { summary: 'Seconds the MISC_CHECK script may run.' },
  misc_dynamic: { summary: 'The script\'s exit status (minus 2) sets the real server\'s weight.' },
  warmup: { summary: 'Random delay (up to this many seconds) before the first check.' },
  helo_name: { summary: 'Name sent in HELO by SMTP_CHECK.' },
};
