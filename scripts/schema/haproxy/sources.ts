/**
 * Facts from HAProxy's C sources at one tag: which sections are registered, which
 * keywords each section parser compares against, the keyword registration tables
 * (cfg_kws, bind_kws, srv_kws, actions, sample fetches, converters, ACL keywords),
 * option tables, and the "not supported anymore since" messages for removed keywords.
 * Names and numbers only; no code is kept.
 */
import type { GitSnapshot } from './git.js';

/** A build option a keyword depends on (HAProxy's USE_* make options). */
export type Feature = 'openssl' | 'lua' | 'quic' | '51degrees' | 'deviceatlas' | 'wurfl' | 'ot' | 'promex' | 'zlib' | 'engine' | 'memory-profiling';

export interface SourceKeyword {
  name: string;
  file: string;
  feature?: Feature;
}

export interface OptionEntry extends SourceKeyword {
  /** Words the option consumes after its name (bind/server options). */
  skip: number;
  /** Server options: accepted on default-server lines. */
  defaultOk?: boolean;
}

export interface RemovedEntry {
  keyword: string;
  since?: string;
  replacement?: string;
  /** Where the message came from (section parser). */
  context: string;
}

export interface SourceFacts {
  tag: string;
  /** Section keywords registered with the config parser. */
  sections: Set<string>;
  /** Keywords by context ('global', 'proxy', 'userlist', …); multi-word for sub-keywords. */
  keywords: Map<string, Map<string, SourceKeyword>>;
  /** `option NAME` names from the cfg_opts tables, with the proxy sides they apply to. */
  proxyOptions: Map<string, { fe: boolean; be: boolean }>;
  bindOptions: Map<string, OptionEntry>;
  serverOptions: Map<string, OptionEntry>;
  /** Action names by rule kind ('http-request', 'tcp-request content', …). */
  actions: Map<string, Map<string, SourceKeyword>>;
  fetches: Map<string, SourceKeyword>;
  converters: Map<string, SourceKeyword>;
  aclKeywords: Map<string, SourceKeyword>;
  filters: Map<string, SourceKeyword>;
  /** Names of the predefined ACLs (acl.c). */
  predefinedAcls: Set<string>;
  /** Address prefixes str2sa_range() knows: `ipv4@`, `fd@`, `quic4@`, `stream+`, … */
  addressPrefixes: Set<string>;
  removed: RemovedEntry[];
}

const SRC_DIRS = ['src', 'addons', 'contrib'];

const FILE_FEATURES: [RegExp, Feature][] = [
  [/(^|\/)(ssl_|cfgparse-ssl|acme|jwt)|\/ssl\//, 'openssl'],
  [/(^|\/)hlua/, 'lua'],
  [/(^|\/)(quic|h3|qpack|xprt_quic|cfgparse-quic|mux_quic|proto_quic)/, 'quic'],
  [/51d/, '51degrees'],
  [/(^|\/)(da\.c|deviceatlas)/, 'deviceatlas'],
  [/wurfl/, 'wurfl'],
  [/addons\/ot\/|opentracing/, 'ot'],
  [/promex|prometheus/, 'promex'],
];

const DEFINE_FEATURES: [RegExp, Feature][] = [
  [/USE_OPENSSL|HAVE_SSL_/, 'openssl'],
  [/USE_LUA/, 'lua'],
  [/USE_QUIC/, 'quic'],
  [/USE_51DEGREES/, '51degrees'],
  [/USE_DEVICEATLAS/, 'deviceatlas'],
  [/USE_WURFL/, 'wurfl'],
  [/USE_ZLIB/, 'zlib'],
  [/USE_ENGINE/, 'engine'],
  [/USE_MEMORY_PROFILING/, 'memory-profiling'],
];

function fileFeature(file: string): Feature | undefined {
  for (const [re, f] of FILE_FEATURES) if (re.test(file)) return f;
  return undefined;
}

/** Marks code inside `#if 0` (compiled out). */
const DISABLED = 'disabled' as const;

/**
 * For each line, the build feature its enclosing #if requires (only positive
 * branches), or 'disabled' inside `#if 0`.
 */
function featureByLine(lines: string[]): (Feature | typeof DISABLED | undefined)[] {
  const stack: (Feature | typeof DISABLED | undefined)[] = [];
  const out: (Feature | typeof DISABLED | undefined)[] = [];
  for (const line of lines) {
    const t = line.trim();
    if (/^#\s*if\s+0\b/.test(t)) stack.push(DISABLED);
    else if (/^#\s*if/.test(t)) {
      let f: Feature | undefined;
      if (!/^#\s*ifndef/.test(t)) {
        // Only positive conditions name a build option the code needs.
        const positive = t.replace(/!\s*defined\s*\(?\s*\w+\s*\)?/g, '');
        for (const [re, feat] of DEFINE_FEATURES) if (re.test(positive)) f = feat;
      }
      stack.push(f);
    } else if (/^#\s*(else|elif)/.test(t)) {
      if (stack.length) stack[stack.length - 1] = undefined;
    } else if (/^#\s*endif/.test(t)) {
      stack.pop();
    }
    out.push(stack.includes(DISABLED) ? DISABLED : stack.find((f) => f !== undefined));
  }
  return out;
}

/** Strip C comments and string-continuation noise enough for brace counting. */
function codeOnly(line: string): string {
  return line.replace(/\/\*.*?\*\//g, '').replace(/\/\/.*$/, '').replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/'(?:[^'\\]|\\.)'/g, "''");
}

const CFG_SECTION_IDS: Record<string, string> = {
  GLOBAL: 'global',
  LISTEN: 'proxy',
  USERLIST: 'userlist',
  PEERS: 'peers',
  CRTSTORE: 'crt-store',
  TRACES: 'traces',
  ACME: 'acme',
  CRTLIST: 'crt-list',
};

/** The rule kind an action keyword list registers into, from its register call. */
const ACTION_REGISTER: Record<string, string> = {
  http_req_keywords_register: 'http-request',
  http_res_keywords_register: 'http-response',
  http_after_res_keywords_register: 'http-after-response',
  tcp_req_conn_keywords_register: 'tcp-request connection',
  tcp_req_sess_keywords_register: 'tcp-request session',
  tcp_req_cont_keywords_register: 'tcp-request content',
  tcp_res_cont_keywords_register: 'tcp-response content',
  service_keywords_register: 'service',
};

interface FileText {
  file: string;
  lines: string[];
  features: (Feature | typeof DISABLED | undefined)[];
}

export function scanSources(git: GitSnapshot, tag: string): SourceFacts {
  const facts: SourceFacts = {
    tag,
    sections: new Set(),
    keywords: new Map(),
    proxyOptions: new Map(),
    bindOptions: new Map(),
    serverOptions: new Map(),
    actions: new Map(),
    fetches: new Map(),
    converters: new Map(),
    aclKeywords: new Map(),
    filters: new Map(),
    predefinedAcls: new Set(),
    addressPrefixes: new Set(),
    removed: [],
  };
  for (const hit of git.grep(tag, 'strncmp\\(str2, *"[a-z0-9]+[@+]"', SRC_DIRS)) {
    const m = /strncmp\(str2, *"([a-z0-9]+[@+])"/.exec(hit.text);
    if (m) facts.addressPrefixes.add(m[1]);
  }
  for (const hit of git.grep(tag, '\\.name = "[A-Z][A-Z0-9_.]*"', ['src/acl.c'])) {
    const m = /\.name = "([A-Z][A-Z0-9_.]*)"/.exec(hit.text);
    if (m) facts.predefinedAcls.add(m[1]);
  }
  const cache = new Map<string, FileText>();
  const read = (file: string): FileText => {
    let ft = cache.get(file);
    if (!ft) {
      const lines = (git.show(tag, file) ?? '').split('\n');
      ft = { file, lines, features: featureByLine(lines) };
      cache.set(file, ft);
    }
    return ft;
  };
  const featureAt = (ft: FileText, idx: number) => ft.features[idx] ?? fileFeature(ft.file);
  const addKw = (ctx: string, name: string, file: string, feature?: Feature | typeof DISABLED) => {
    if (feature === DISABLED) return;
    let m = facts.keywords.get(ctx);
    if (!m) facts.keywords.set(ctx, (m = new Map()));
    if (!m.has(name)) m.set(name, { name, file, feature });
  };

  // 1. Sections and their parser functions.
  const sectionParsers: { section: string; fn: string }[] = [];
  for (const hit of git.grep(tag, '(cfg_register_section|REGISTER_CONFIG_SECTION)\\("', SRC_DIRS)) {
    const m = /(?:cfg_register_section|REGISTER_CONFIG_SECTION)\("([^"]+)"\s*,\s*(\w+)/.exec(hit.text);
    if (!m || /^spoe-/.test(m[1])) continue;
    facts.sections.add(m[1]);
    sectionParsers.push({ section: m[1], fn: m[2] });
  }

  // 2. Registration tables: walk every *_kw_list / cfg_opt block in the files that declare one.
  const declHits = git.grep(tag, 'struct ([a-z_]+_kw_list|cfg_opt) [a-z_0-9]+(\\[\\])? *=', SRC_DIRS);
  const registerHits = git.grep(tag, '(http_req|http_res|http_after_res|tcp_req_conn|tcp_req_sess|tcp_req_cont|tcp_res_cont|service)_keywords_register *[(,] *&', SRC_DIRS);
  const registerOf = new Map<string, string>();
  for (const h of registerHits) {
    const m = /(\w+_keywords_register)\s*[(,]\s*&(\w+)/.exec(h.text);
    if (m && ACTION_REGISTER[m[1]]) registerOf.set(`${h.file}:${m[2]}`, ACTION_REGISTER[m[1]]);
  }
  for (const hit of declHits) {
    const m = /struct (\w+) (\w+)(\[\])? *=/.exec(hit.text);
    if (!m) continue;
    const [, type, varName] = m;
    const ft = read(hit.file);
    const start = hit.line - 1;
    for (let i = start; i < ft.lines.length && i < start + 2000; i++) {
      const line = ft.lines[i];
      if (i > start && /^\s*\}\s*\}?\s*;/.test(line)) break;
      if (i > start && /^\s*(static\s+)?(const\s+)?struct\s+\w+\s+\w+/.test(line)) break;
      const feature = featureAt(ft, i);
      if (feature === DISABLED) continue;
      if (type === 'cfg_kw_list') {
        for (const e of line.matchAll(/\{\s*CFG_([A-Z]+)\s*,\s*"([^"]+)"/g)) {
          const ctx = CFG_SECTION_IDS[e[1]] ?? e[1].toLowerCase();
          addKw(ctx, e[2], hit.file, feature);
        }
      } else if (type === 'bind_kw_list') {
        const e = /\{\s*"([^"]+)"\s*,\s*\w+\s*,\s*(\d+)/.exec(line);
        if (e && !facts.bindOptions.has(e[1])) facts.bindOptions.set(e[1], { name: e[1], file: hit.file, feature, skip: Number(e[2]) });
      } else if (type === 'srv_kw_list') {
        const e = /\{\s*"([^"]+)"\s*,\s*\w+\s*,\s*(\d+)\s*(?:,\s*(\d+))?/.exec(line);
        if (e && !facts.serverOptions.has(e[1])) {
          facts.serverOptions.set(e[1], { name: e[1], file: hit.file, feature, skip: Number(e[2]), defaultOk: e[3] === undefined ? undefined : e[3] !== '0' });
        }
      } else if (type === 'action_kw_list') {
        const kind = registerOf.get(`${hit.file}:${varName}`);
        const e = /\{\s*"([^"]+)"\s*,/.exec(line);
        if (kind && e) {
          // "set-var(" (older tables) and "set-var" with a prefix flag are the same action.
          const name = e[1].replace(/\($/, '');
          let m2 = facts.actions.get(kind);
          if (!m2) facts.actions.set(kind, (m2 = new Map()));
          if (!m2.has(name)) m2.set(name, { name, file: hit.file, feature });
        }
      } else if (type === 'sample_fetch_kw_list') {
        const e = /\{\s*"([^"]+)"\s*,\s*\w+/.exec(line);
        if (e && !facts.fetches.has(e[1])) facts.fetches.set(e[1], { name: e[1], file: hit.file, feature });
      } else if (type === 'sample_conv_kw_list') {
        const e = /\{\s*"([^"]+)"\s*,\s*\w+/.exec(line);
        if (e && !facts.converters.has(e[1])) facts.converters.set(e[1], { name: e[1], file: hit.file, feature });
      } else if (type === 'acl_kw_list') {
        const e = /\{\s*"([^"]+)"\s*,/.exec(line);
        if (e && !facts.aclKeywords.has(e[1])) facts.aclKeywords.set(e[1], { name: e[1], file: hit.file, feature });
      } else if (type === 'flt_kw_list') {
        const e = /\{\s*"([^"]+)"\s*,/.exec(line);
        if (e && !facts.filters.has(e[1])) facts.filters.set(e[1], { name: e[1], file: hit.file, feature });
      } else if (type === 'cfg_opt') {
        const e = /\{\s*"([^"]+)"\s*,\s*[^,]+,\s*([^,]+),/.exec(line);
        if (e) {
          const caps = e[2];
          // An entry compiled without its feature has capability 0: it exists but does nothing.
          facts.proxyOptions.set(e[1], { fe: /PR_CAP_FE/.test(caps) || caps.trim() === '0', be: /PR_CAP_BE/.test(caps) || caps.trim() === '0' });
        }
      }
    }
  }

  // 3. Keywords compared by hand in each section parser (args[0], and args[1] under a keyword).
  const parsers = [...sectionParsers];
  if (!parsers.some((p) => p.section === 'global')) parsers.push({ section: 'global', fn: 'cfg_parse_global' });
  const seenFn = new Set<string>();
  for (const { section, fn } of parsers) {
    const ctx = ['listen', 'frontend', 'backend', 'defaults', 'ruleset'].includes(section) ? 'proxy' : section;
    if (seenFn.has(fn)) continue;
    seenFn.add(fn);
    const defs = git.grep(tag, `^(static )?int ${fn}\\(`, SRC_DIRS);
    for (const def of defs) scanParserFunction(read(def.file), def.line - 1, ctx, addKw, facts.removed, featureAt);
  }
  // Timeouts of proxies are parsed in their own function.
  for (const def of git.grep(tag, '^static int proxy_parse_timeout\\(', SRC_DIRS)) {
    const ft = read(def.file);
    for (let i = def.line - 1; i < ft.lines.length; i++) {
      if (i > def.line && /^\}/.test(ft.lines[i])) break;
      const names = [...ft.lines[i].matchAll(/strcmp\(args\[0\],\s*"([^"]+)"\)/g)].map((e) => e[1]);
      if (!names.length) continue;
      // "clitimeout" & co. are whole keywords that share the timeout parser.
      const full = names.map((n) => (/timeout$/.test(n) ? n : `timeout ${n}`));
      if (!removalAfter(ft, i, 'proxy', full, facts.removed)) for (const n of full) addKw('proxy', n, def.file);
    }
  }
  return facts;
}

/**
 * Walks one section parser: the names compared with args[0] at the top level of the
 * function, and names compared with args[1] inside such a branch (sub-keywords).
 * A branch that only prints a "removed" alert is recorded as a removal, not a keyword.
 */
function scanParserFunction(
  ft: FileText,
  start: number,
  ctx: string,
  addKw: (ctx: string, name: string, file: string, feature?: Feature | typeof DISABLED) => void,
  removed: RemovedEntry[],
  featureAt: (ft: FileText, idx: number) => Feature | typeof DISABLED | undefined,
): void {
  let depth = 0;
  let opened = false;
  let branch: string[] = [];
  let branchDepth = -1;
  for (let i = start; i < ft.lines.length; i++) {
    const raw = ft.lines[i];
    const code = codeOnly(raw);
    const firsts = [...raw.matchAll(/strcmp\(args\[0\],\s*"([^"]+)"\)/g)].map((e) => e[1]);
    if (firsts.length && /^\s*(\}\s*)?(else\s+)?if\s*\(/.test(raw)) {
      // A new top-level comparison: a branch of the keyword chain.
      if (branchDepth < 0 || depth <= branchDepth) {
        branch = firsts;
        branchDepth = depth;
        if (!removalAfter(ft, i, ctx, firsts, removed)) for (const f of firsts) addKw(ctx, f, ft.file, featureAt(ft, i));
      }
    }
    if (branch.length && depth > branchDepth && branchDepth >= 0) {
      const seconds = [...raw.matchAll(/strcmp\(args\[1\],\s*"([^"]+)"\)/g)].map((e) => e[1]);
      if (seconds.length) {
        const names = branch.flatMap((b) => seconds.map((sec) => `${b} ${sec}`));
        if (!removalAfter(ft, i, ctx, names, removed)) for (const n of names) addKw(ctx, n, ft.file, featureAt(ft, i));
      }
    }
    for (const ch of code) {
      if (ch === '{') {
        depth++;
        opened = true;
      } else if (ch === '}') depth--;
    }
    if (opened && depth === 0) break;
  }
}

const REMOVED_RE = /not supported any ?more|doesn't exist any ?more|no longer supported|has been removed|was removed/;

/**
 * Whether the branch opened at line i is not a keyword at all: its first statement
 * is a fatal alert (a removed keyword, or a word only valid after another one such
 * as `usesrc`). Removals are recorded.
 */
function removalAfter(ft: FileText, i: number, ctx: string, names: string[], removed: RemovedEntry[]): boolean {
  const window = ft.lines.slice(i + 1, i + 5).join(' ');
  // The alert must come first in the branch, before any other statement.
  if (!/^\s*(ha_alert|memprintf)\(/.test(ft.lines[i + 1] ?? '')) return false;
  if (!REMOVED_RE.test(window)) return /only allowed after/.test(window) && /ERR_FATAL|return -1/.test(window);
  const since = /since HAProxy (\d+\.\d+)/.exec(window)?.[1];
  const use = /[Uu]se '([^']+)'/.exec(window)?.[1];
  for (const keyword of names) {
    if (!removed.some((r) => r.keyword === keyword && r.context === ctx)) removed.push({ keyword, since, replacement: use, context: ctx });
  }
  return true;
}
