/**
 * keepalived's keyword set depends on how it was built (`./configure` options and the
 * kernel headers it saw). The schema keeps each keyword's C preprocessor condition;
 * this module names the options and evaluates those conditions.
 */

/** Build options a user can switch, by the names `keepalived -v` prints (lower-cased). */
export interface KaBuildFeatures {
  vrrp?: boolean;
  lvs?: boolean;
  bfd?: boolean;
  /** VRRP authentication (`authentication { auth_type … }`). */
  vrrpAuth?: boolean;
  vmac?: boolean;
  ipvlan?: boolean;
  vrf?: boolean;
  /** Built with iptables: `vrrp_iptables`/`vrrp_ipsets` work. */
  iptables?: boolean;
  /** Built with nftables: `nftables*` keywords; `vrrp_iptables` fails when iptables is absent. */
  nftables?: boolean;
  /** libipset (`vrrp_ipsets`). */
  ipset?: boolean;
  trackProcess?: boolean;
  linkbeat?: boolean;
  snmp?: boolean;
  snmpVrrp?: boolean;
  snmpChecker?: boolean;
  snmpRfc?: boolean;
  snmpRfcv2?: boolean;
  snmpRfcv3?: boolean;
  dbus?: boolean;
  /** PCRE2 regex matching in HTTP checks. */
  regex?: boolean;
  json?: boolean;
  /** SO_MARK sockets (`fwmark` in checkers). */
  soMark?: boolean;
  /** TLS SNI in SSL_GET (`enable_sni`). */
  sni?: boolean;
  /** `old_unicast_checksum`. */
  unicastChecksumCompat?: boolean;
  /** Kernel headers with IPVS scheduler flags (`flag-1`…, `sh-port`…). */
  ipvsSchedulerFlags?: boolean;
}

export type KaFeatureName = keyof KaBuildFeatures;

/** The C macros each feature defines. */
const MACROS: Record<KaFeatureName, string[]> = {
  vrrp: ['_WITH_VRRP_'],
  lvs: ['_WITH_LVS_'],
  bfd: ['_WITH_BFD_'],
  vrrpAuth: ['_WITH_VRRP_AUTH_'],
  vmac: ['_HAVE_VRRP_VMAC_'],
  ipvlan: ['_HAVE_VRRP_IPVLAN_'],
  vrf: ['_HAVE_VRF_'],
  iptables: ['_WITH_IPTABLES_'],
  nftables: ['_WITH_NFTABLES_'],
  ipset: ['_HAVE_LIBIPSET_'],
  trackProcess: ['_WITH_TRACK_PROCESS_'],
  linkbeat: ['_WITH_LINKBEAT_'],
  snmp: ['_WITH_SNMP_'],
  snmpVrrp: ['_WITH_SNMP_VRRP_'],
  snmpChecker: ['_WITH_SNMP_CHECKER_'],
  snmpRfc: ['_WITH_SNMP_RFC_'],
  snmpRfcv2: ['_WITH_SNMP_RFCV2_'],
  snmpRfcv3: ['_WITH_SNMP_RFCV3_'],
  dbus: ['_WITH_DBUS_'],
  regex: ['_WITH_REGEX_CHECK_'],
  json: ['_WITH_JSON_'],
  soMark: ['_WITH_SO_MARK_'],
  sni: ['_HAVE_SSL_SET_TLSEXT_HOST_NAME_'],
  unicastChecksumCompat: ['_WITH_UNICAST_CHKSUM_COMPAT_'],
  ipvsSchedulerFlags: ['IP_VS_SVC_F_SCHED1'],
};

/**
 * The default build: Debian 12's keepalived 2.2.7 package, measured with `keepalived -v`
 * and `keepalived -t` (test/keepalived-schema/daemon-agreement.test.ts checks it). It is
 * built with nftables and without iptables or libipset, so `vrrp_iptables` is an error
 * and `vrrp_ipsets` is an unknown keyword.
 */
export const DEBIAN_BUILD: Required<KaBuildFeatures> = {
  vrrp: true,
  lvs: true,
  bfd: true,
  vrrpAuth: true,
  vmac: true,
  ipvlan: true,
  vrf: true,
  iptables: false,
  nftables: true,
  ipset: false,
  trackProcess: true,
  linkbeat: true,
  snmp: true,
  snmpVrrp: true,
  snmpChecker: true,
  snmpRfc: true,
  snmpRfcv2: true,
  snmpRfcv3: true,
  dbus: true,
  regex: true,
  json: true,
  soMark: true,
  sni: true,
  unicastChecksumCompat: true,
  ipvsSchedulerFlags: true,
};

/** A build as the set of defined C macros. */
export type KaBuild = ReadonlySet<string>;

const buildCache = new WeakMap<object, KaBuild>();

/** The macro set of a build: `features` over the Debian default. */
export function resolveBuild(features: KaBuildFeatures = {}): KaBuild {
  const cached = buildCache.get(features);
  if (cached) return cached;
  const merged = { ...DEBIAN_BUILD, ...features };
  const macros = new Set<string>();
  for (const [name, on] of Object.entries(merged) as [KaFeatureName, boolean][]) {
    if (on) for (const m of MACROS[name]) macros.add(m);
  }
  // Derived in keepalived's own headers.
  if (macros.has('_WITH_IPTABLES_') || macros.has('_WITH_NFTABLES_')) macros.add('_WITH_FIREWALL_');
  buildCache.set(features, macros);
  return macros;
}

/** Which feature names a condition mentions (for messages such as "needs nftables"). */
export function featuresIn(expr: string): KaFeatureName[] {
  const out: KaFeatureName[] = [];
  for (const [name, macros] of Object.entries(MACROS) as [KaFeatureName, string[]][]) {
    if (macros.some((m) => expr.includes(m))) out.push(name);
  }
  return out;
}

/** Features a condition mentions that the build lacks. */
export function missingFeatures(expr: string, build: KaBuild): KaFeatureName[] {
  return featuresIn(expr).filter((f) => !MACROS[f].every((m) => build.has(m)));
}

type Cond = (build: KaBuild) => boolean;
const compiled = new Map<string, Cond>();

/**
 * Evaluates a C preprocessor condition (`defined X`, `!`, `&&`, `||`, parentheses)
 * against a build. Macros that are not build options (`_ONE_PROCESS_DEBUG_`,
 * `PCRE2_DONT_USE_JIT`) are undefined, as in a release build.
 */
export function evalBuildCondition(expr: string, build: KaBuild): boolean {
  let fn = compiled.get(expr);
  if (!fn) {
    fn = compile(expr);
    compiled.set(expr, fn);
  }
  return fn(build);
}

function compile(expr: string): Cond {
  const tokens = expr.match(/defined|[A-Za-z_]\w*|\d+|&&|\|\||[!()]/g) ?? [];
  let i = 0;
  const primary = (): Cond => {
    const tok = tokens[i++];
    if (tok === '!') {
      const inner = primary();
      return (b) => !inner(b);
    }
    if (tok === '(') {
      const inner = or();
      i++; // ')'
      return inner;
    }
    if (tok === 'defined') {
      const paren = tokens[i] === '(';
      if (paren) i++;
      const name = tokens[i++];
      if (paren) i++;
      return (b) => b.has(name);
    }
    if (tok !== undefined && /^\d+$/.test(tok)) {
      const value = Number(tok) !== 0;
      return () => value;
    }
    const name = tok;
    return (b) => b.has(name);
  };
  const and = (): Cond => {
    let left = primary();
    while (tokens[i] === '&&') {
      i++;
      const l = left;
      const r = primary();
      left = (b) => l(b) && r(b);
    }
    return left;
  };
  const or = (): Cond => {
    let left = and();
    while (tokens[i] === '||') {
      i++;
      const l = left;
      const r = and();
      left = (b) => l(b) || r(b);
    }
    return left;
  };
  return or();
}
