import type { Word } from '../../ast/common.js';
import type { HaConditional, HaDirective, HaSection } from '../../ast/haproxy.js';

/**
 * The typed semantic model of a set of haproxy.cfg files, as HAProxy would read them:
 * (read-only: proxies share unchanged maps and lists with the defaults they inherit from)
 * active `.if` branches only, sections in load order, `defaults` inheritance resolved.
 * Every element keeps its syntax node and file name so rules can point at the text.
 * Values are plain strings as HAProxy receives them (unquoted; `"${VAR}"` expanded with
 * the environment given to the loader, if any).
 */
export interface HaproxyModel {
  /** Files in the order HAProxy reads them. */
  files: string[];
  /** All `global` sections merged (an empty one when the files have none). */
  global: HaGlobal;
  /** `defaults` sections in order, anonymous and named. */
  defaults: HaDefaults[];
  /** frontend, backend and listen sections in order. */
  proxies: HaProxy[];
  /** Proxies with frontend capability (frontend, listen), by name. */
  frontends: ReadonlyMap<string, HaProxy>;
  /** Proxies with backend capability (backend, listen), by name. */
  backends: ReadonlyMap<string, HaProxy>;
  userlists: HaUserlist[];
  peers: HaPeers[];
  resolvers: HaResolvers[];
  mailers: HaMailers[];
  /** program, http-errors, ring, cache, log-forward, fcgi-app, crt-store, traces, … */
  otherSections: HaGenericSection[];
  /** Every section in order (all of the above). */
  sections: HaSectionModel[];
  /** How each `.if` block was evaluated. */
  conditionals: HaConditionalEvaluation[];
  /** Directives that belong to no section (HAProxy rejects them). */
  orphans: HaSetting[];
}

/** One active directive line. */
export interface HaSetting {
  /** Resolved keyword (`timeout connect`, `no option httplog`, `http-request`). */
  keyword: string;
  /** The words after the keyword. */
  args: Word[];
  /** The arguments' values as HAProxy receives them. */
  values: string[];
  node: HaDirective;
  fileName: string;
  /** The line sits in a `.if` branch whose selection could not be decided offline. */
  undecided?: boolean;
}

/** A value taken from one setting. */
export interface HaValue<T> {
  value: T;
  setting: HaSetting;
}

/** Fields every section model has. */
export interface HaSectionBase {
  /** The section keyword: global, defaults, frontend, backend, listen, userlist, … */
  kind: string;
  /** The section name, when it has one. */
  name?: string;
  nameWord?: Word;
  node: HaSection;
  fileName: string;
  /** Every active directive of the section, in order. */
  settings: HaSetting[];
  /** The section header sits in an undecidable `.if` branch. */
  undecided?: boolean;
}

// ---------------------------------------------------------------------------
// Addresses
// ---------------------------------------------------------------------------

export type HaAddressFamily =
  /** IPv4 address or `*`/empty (any IPv4 address). */
  | 'ipv4'
  | 'ipv6'
  /** A path (`/run/haproxy.sock`, `unix@…`). */
  | 'unix'
  /** Linux abstract namespace socket (`abns@name`). */
  | 'abns'
  /** An inherited file descriptor (`fd@3`). */
  | 'fd'
  /** A socket pair (`sockpair@4`). */
  | 'sockpair'
  /** A host name to resolve. */
  | 'hostname'
  /** Unknown until variables are expanded, or unparsable. */
  | 'unknown';

/** An HAProxy address: `[prefix@]host[:port[-port]]`, `[::1]:80`, `/path`, `fd@N`… */
export interface HaAddress {
  /** The address as written (after unquoting), before variable expansion. */
  raw: string;
  /** The text that was parsed (after variable expansion). */
  text: string;
  /** The protocol prefix without '@' (`ipv4`, `unix`, `quic4`, `tcp6`, …), if any. */
  prefix?: string;
  family: HaAddressFamily;
  /** `dgram` for udp*@, quic*@ and uxdg@; `stream` otherwise. */
  transport: 'stream' | 'dgram';
  /** Host part: '', '*', '0.0.0.0', '::', '10.0.0.1', 'db.local' (brackets removed). */
  host?: string;
  /** Listens on / targets every address of its family. */
  wildcard: boolean;
  /** Socket path or abstract name for unix/abns. */
  path?: string;
  /** File descriptor number for fd@/sockpair@. */
  fd?: number;
  /** The port, or the first port of a range. */
  port?: number;
  /** The last port of a range (`8000-8010`); equals `port` for a single port. */
  portEnd?: number;
  /** A server's relative port (`+1`, `-1`: the client's destination port plus this offset). */
  portOffset?: number;
  /** The text held `${VAR}` references. */
  hasVariable: boolean;
  /** Why the address could not be parsed, if it could not. */
  error?: string;
}

// ---------------------------------------------------------------------------
// Keyword options (bind and server lines)
// ---------------------------------------------------------------------------

/** One `name [value]` option of a bind, server or default-server line. */
export interface HaLineOption {
  name: string;
  word: Word;
  /** The option's argument, for options that take one. */
  value?: string;
  valueWord?: Word;
  /** Not in the known option tables (its arity was guessed). */
  unknown?: boolean;
}

// ---------------------------------------------------------------------------
// global
// ---------------------------------------------------------------------------

export interface HaStatsSocket {
  address: HaAddress;
  addressWord?: Word;
  options: HaLineOption[];
  /** `level` option, or HAProxy's default 'operator'. */
  level: string;
  /** Whether `level` was written. */
  levelSet: boolean;
  /** Unix socket permissions (`mode 600`), user, group. */
  mode?: string;
  user?: string;
  group?: string;
  uid?: string;
  gid?: string;
  exposeFd?: string;
  setting: HaSetting;
}

export interface HaGlobal {
  /** Every `global` section in order (merged into the fields below). */
  sections: HaSectionBase[];
  settings: HaSetting[];
  user?: HaValue<string>;
  group?: HaValue<string>;
  uid?: HaValue<string>;
  gid?: HaValue<string>;
  chroot?: HaValue<string>;
  pidfile?: HaValue<string>;
  /** `daemon`, `master-worker`… as written. */
  daemon?: HaSetting;
  masterWorker?: HaSetting;
  maxconn?: HaValue<number>;
  nbthread?: HaValue<number>;
  nbproc?: HaValue<number>;
  statsSockets: HaStatsSocket[];
  statsTimeout?: HaValue<string>;
  logs: HaSetting[];
  /** ssl-default-bind-options, ssl-default-bind-ciphers, ssl-default-server-*, ssl-dh-param-file, tune.ssl.default-dh-param… by keyword. */
  ssl: ReadonlyMap<string, HaSetting>;
  /** The last setting of each keyword. */
  byKeyword: ReadonlyMap<string, HaSetting>;
}

// ---------------------------------------------------------------------------
// Proxies (defaults, frontend, backend, listen)
// ---------------------------------------------------------------------------

export interface HaBind {
  /** The comma-separated addresses of the line. */
  addresses: HaAddress[];
  addressWord?: Word;
  options: HaLineOption[];
  ssl: boolean;
  /** `crt` paths (several allowed). */
  crt: string[];
  alpn?: string;
  transparent: boolean;
  interface?: string;
  /** `name` option. */
  name?: string;
  /** The address came from the 1.5-era `listen NAME ADDR` header (no bind line). */
  legacy?: boolean;
  /** The bind line; undefined for the legacy header form. */
  setting?: HaSetting;
  node: HaDirective | HaSection;
  fileName: string;
  undecided?: boolean;
}

/** The options a server or default-server line sets. */
export interface HaServerOptions {
  options: HaLineOption[];
  check?: boolean;
  backup?: boolean;
  disabled?: boolean;
  ssl?: boolean;
  weight?: number;
  rise?: number;
  fall?: number;
  /** Check intervals in milliseconds. */
  inter?: number;
  fastinter?: number;
  downinter?: number;
  maxconn?: number;
  maxqueue?: number;
  /** `port` option: health-check port. */
  checkPort?: number;
  verify?: string;
  cookie?: string;
  sni?: string;
  resolvers?: string;
  initAddr?: string;
  track?: string;
}

export interface HaServer extends HaServerOptions {
  name: string;
  nameWord: Word;
  address: HaAddress;
  addressWord?: Word;
  /** `server-template PREFIX COUNT FQDN` lines: the template's count/range text. */
  template?: string;
  setting: HaSetting;
}

export interface HaDefaultServer extends HaServerOptions {
  setting: HaSetting;
}

/** A reference to an ACL from a condition (`if is_api !is_admin`). */
export interface HaAclReference {
  name: string;
  word: Word;
  negated: boolean;
}

/** `if COND` / `unless COND` at the end of a rule. */
export interface HaCondition {
  kind: 'if' | 'unless';
  keywordWord: Word;
  words: Word[];
  /** Named ACLs the condition uses (anonymous `{ … }` ACLs excluded). */
  aclRefs: HaAclReference[];
  /** Words of each anonymous ACL `{ … }`. */
  anonymousAcls: Word[][];
}

export interface HaAcl {
  name: string;
  nameWord: Word;
  /** The fetch/criterion (`path_beg`, `hdr(host)`, `src`). */
  criterion?: string;
  criterionWord?: Word;
  /** Flags such as `-i`, `-m beg`, `-f FILE`. */
  flags: string[];
  /** The patterns. */
  patterns: string[];
  setting: HaSetting;
}

export interface HaUseBackend {
  /** Backend name or log-format expression. */
  backend: string;
  backendWord: Word;
  /** The name is a log-format expression (`%[…]`): resolved at run time. */
  dynamic: boolean;
  condition?: HaCondition;
  setting: HaSetting;
}

export interface HaDefaultBackend {
  backend: string;
  backendWord: Word;
  dynamic: boolean;
  setting: HaSetting;
}

export interface HaUseServer {
  server: string;
  serverWord: Word;
  condition?: HaCondition;
  setting: HaSetting;
}

/**
 * A rule: `http-request ACTION …`, `http-response …`, `http-after-response …`,
 * `tcp-request connection|session|content …`, `tcp-response content …`, `redirect …`,
 * `stats http-request …`, `http-check …`, `tcp-check …`.
 */
export interface HaRule {
  /** The resolved keyword (`http-request`, `tcp-request content`). */
  keyword: string;
  action: string;
  actionWord?: Word;
  /** Words between the action and the condition. */
  args: Word[];
  condition?: HaCondition;
  setting: HaSetting;
}

export interface HaStatsAuth {
  user: string;
  password: string;
  word: Word;
  setting: HaSetting;
}

/** The proxy's statistics page settings (`stats …`). */
export interface HaStats {
  /** Any stats keyword other than `stats socket`/`timeout`/`maxconn` enables the page. */
  enabled: boolean;
  enable?: HaSetting;
  uri?: HaValue<string>;
  realm?: HaValue<string>;
  refresh?: HaValue<string>;
  auth: HaStatsAuth[];
  /** `stats admin if COND` lines. */
  admin: HaRule[];
  hideVersion?: HaSetting;
  showLegends?: HaSetting;
  showNode?: HaSetting;
  showDesc?: HaSetting;
  scopes: HaValue<string>[];
  /** `stats http-request` rules. */
  httpRequests: HaRule[];
  settings: HaSetting[];
}

/** `option X` state: enabled by `option X`, disabled by `no option X`. */
export interface HaOptionState {
  enabled: boolean;
  setting: HaSetting;
}

/** Settings that `defaults` sections pass on. */
export interface HaEffectiveSettings {
  /** HAProxy's default is tcp. */
  mode: string;
  modeSetting?: HaSetting;
  /** `timeout X` by X (`connect`, `client`…); 1.5's contimeout/clitimeout/srvtimeout included. */
  timeouts: ReadonlyMap<string, HaSetting>;
  options: ReadonlyMap<string, HaOptionState>;
  balance?: HaSetting;
  maxconn?: HaValue<number>;
  /** `log` lines in force (`no log` clears the inherited ones). */
  logs: HaSetting[];
  defaultServer?: HaDefaultServer;
  stats: HaStats;
  defaultBackend?: HaDefaultBackend;
  /** HTTP/TCP rules written in the defaults section (HAProxy 2.5+ runs them before the proxy's own). */
  inheritedRules: HaRule[];
  /** The last setting of every other inheritable keyword. */
  byKeyword: ReadonlyMap<string, HaSetting>;
}

/** What a `from NAME` names. */
export interface HaFromReference {
  name: string;
  word: Word;
  /** The defaults section found, if any. */
  target?: HaDefaults;
}

/** What defaults and proxies have in common. */
export interface HaProxyLike extends HaSectionBase {
  /** Explicit `from NAME`. */
  from?: HaFromReference;
  /** The defaults section settings come from (explicit `from`, else the last defaults before it). */
  inheritsFrom?: HaDefaults;
  mode?: HaValue<string>;
  timeouts: ReadonlyMap<string, HaSetting>;
  options: ReadonlyMap<string, HaOptionState>;
  balance?: HaSetting;
  maxconn?: HaValue<number>;
  logs: HaSetting[];
  defaultServer?: HaDefaultServer;
  stats: HaStats;
  defaultBackend?: HaDefaultBackend;
  rules: HaRule[];
  /** Own settings combined with the inherited ones. */
  effective: HaEffectiveSettings;
}

export interface HaDefaults extends HaProxyLike {
  kind: 'defaults';
}

export interface HaProxy extends HaProxyLike {
  kind: 'frontend' | 'backend' | 'listen';
  name: string;
  nameWord: Word;
  capabilities: { frontend: boolean; backend: boolean };
  binds: HaBind[];
  servers: HaServer[];
  acls: HaAcl[];
  useBackends: HaUseBackend[];
  useServers: HaUseServer[];
  /** The 1.5-era `listen NAME ADDR` / `frontend NAME ADDR` address word (HAProxy ≥ 1.6 rejects it). */
  legacyAddress?: Word;
}

// ---------------------------------------------------------------------------
// Other sections
// ---------------------------------------------------------------------------

export interface HaUser {
  name: string;
  nameWord: Word;
  password?: string;
  /** `password` (crypt(3) hash), `insecure-password` (clear text), or none. */
  passwordKind: 'hashed' | 'insecure' | 'none';
  groups: string[];
  setting: HaSetting;
}

export interface HaUserGroup {
  name: string;
  nameWord: Word;
  users: string[];
  setting: HaSetting;
}

export interface HaUserlist extends HaSectionBase {
  kind: 'userlist';
  users: HaUser[];
  groups: HaUserGroup[];
}

export interface HaPeer {
  name: string;
  nameWord: Word;
  address?: HaAddress;
  /** `server` lines (2.0+) rather than `peer`. */
  viaServer: boolean;
  setting: HaSetting;
}

export interface HaPeers extends HaSectionBase {
  kind: 'peers';
  peers: HaPeer[];
  binds: HaBind[];
  tables: HaSetting[];
  disabled: boolean;
}

export interface HaNameserver {
  name: string;
  nameWord: Word;
  address: HaAddress;
  setting: HaSetting;
}

export interface HaResolvers extends HaSectionBase {
  kind: 'resolvers';
  nameservers: HaNameserver[];
  parseResolvConf: boolean;
  timeouts: ReadonlyMap<string, HaSetting>;
  holds: ReadonlyMap<string, HaSetting>;
}

export interface HaMailer {
  name: string;
  nameWord: Word;
  address: HaAddress;
  setting: HaSetting;
}

export interface HaMailers extends HaSectionBase {
  kind: 'mailers';
  mailers: HaMailer[];
  timeoutMail?: HaValue<string>;
}

/** Any other section: program, http-errors, ring, cache, log-forward, fcgi-app, crt-store, traces, … */
export interface HaGenericSection extends HaSectionBase {
  /** The last setting of each keyword. */
  byKeyword: ReadonlyMap<string, HaSetting>;
  /** Listening addresses (`bind` and log-forward's `dgram-bind`, whose addresses are datagram ones). */
  binds: HaBind[];
}

export type HaSectionModel = HaSectionBase;

/** How one `.if` block was evaluated. */
export interface HaConditionalEvaluation {
  node: HaConditional;
  fileName: string;
  /** Index of the branch HAProxy takes, or -1 when none is. */
  taken: number;
  /** Whether the choice was decided offline (environment, version and features known). */
  decided: boolean;
  /** The block itself lies in an undecided branch (only blocks HAProxy reaches are listed). */
  undecided?: boolean;
}
