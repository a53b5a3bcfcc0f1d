import { baseKeyword } from '../../haproxy/keywords.js';
import { parseAcl } from './acl.js';
import { legacyBind, parseBind } from './bind.js';
import { RULE_KEYWORDS, parseDefaultBackend, parseRule, parseUseBackend, parseUseServer } from './rules.js';
import { parseDefaultServer, parseServer } from './server.js';
import { applyStats, cloneStats, emptyStats } from './stats.js';
import { parseInteger } from './values.js';
import type { Env } from './values.js';
import type { FlatSection } from './flatten.js';
import type { HaDefaults, HaEffectiveSettings, HaProxy, HaProxyLike, HaRule, HaSetting } from './types.js';

/** 1.5-era timeout keywords and the `timeout` they stand for. */
const LEGACY_TIMEOUTS: Readonly<Record<string, string>> = { contimeout: 'connect', clitimeout: 'client', srvtimeout: 'server' };

/** Keywords a defaults section does not pass on (objects that belong to one proxy). */
const NOT_INHERITED: ReadonlySet<string> = new Set([
  'bind',
  'server',
  'server-template',
  'acl',
  'use_backend',
  'use-server',
  'stick-table',
  'stick on',
  'stick match',
  'stick store-request',
  'stick store-response',
  'description',
  'id',
  'guid',
  'disabled',
  'enabled',
  'monitor fail',
  'filter',
  'declare capture',
  'dispatch',
]);

export function emptyEffective(): HaEffectiveSettings {
  return { mode: 'tcp', timeouts: new Map(), options: new Map(), logs: [], stats: emptyStats(), inheritedRules: [], byKeyword: new Map() };
}

function cloneEffective(e: HaEffectiveSettings): HaEffectiveSettings {
  return {
    ...e,
    timeouts: new Map(e.timeouts),
    options: new Map(e.options),
    logs: [...e.logs],
    stats: cloneStats(e.stats),
    inheritedRules: [...e.inheritedRules],
    byKeyword: new Map(e.byKeyword),
  };
}

/**
 * Applies one line to a settings state. Used twice per section: on an empty state
 * (the section's own settings) and on a copy of the inherited state (the effective ones).
 * Returns false when the keyword is not one of the inheritable settings.
 */
function applyInheritable(state: HaEffectiveSettings, setting: HaSetting, env: Env): boolean {
  const { keyword, values } = setting;
  if (keyword === 'mode') {
    if (values.length > 0) {
      state.mode = values[0];
      state.modeSetting = setting;
    }
    return true;
  }
  if (keyword.startsWith('timeout ')) {
    state.timeouts.set(keyword.slice(8), setting);
    return true;
  }
  const legacy = LEGACY_TIMEOUTS[keyword];
  if (legacy) {
    state.timeouts.set(legacy, setting);
    return true;
  }
  const base = baseKeyword(keyword);
  if (base.startsWith('option ')) {
    const name = base.slice(7);
    if (keyword.startsWith('default ')) state.options.delete(name);
    else state.options.set(name, { enabled: !keyword.startsWith('no '), setting });
    return true;
  }
  if (keyword === 'log') {
    state.logs.push(setting);
    return true;
  }
  if (keyword === 'no log') {
    state.logs = [];
    return true;
  }
  if (keyword === 'balance') {
    state.balance = setting;
    return true;
  }
  if (keyword === 'maxconn') {
    const n = parseInteger(values[0]);
    if (n !== undefined) state.maxconn = { value: n, setting };
    return true;
  }
  if (keyword === 'default-server') {
    state.defaultServer = parseDefaultServer(setting, env, state.defaultServer);
    return true;
  }
  if (keyword === 'default_backend') {
    const db = parseDefaultBackend(setting);
    if (db) state.defaultBackend = db;
    return true;
  }
  if (applyStats(state.stats, setting)) return true;
  if (RULE_KEYWORDS.has(keyword) || NOT_INHERITED.has(keyword)) return false;
  state.byKeyword.set(keyword, setting);
  return true;
}

function sectionName(section: FlatSection): { name?: string; nameWord?: (typeof section.node.args)[number]; fromAt: number } {
  const args = section.node.args;
  // `defaults from X` has no name.
  if (section.kind === 'defaults' && args[0]?.value === 'from') return { fromAt: 0 };
  if (args.length === 0) return { fromAt: -1 };
  return { name: args[0].value, nameWord: args[0], fromAt: 1 };
}

/** Looks up `from NAME` among the defaults sections already read (HAProxy resolves it on the spot). */
export interface DefaultsRegistry {
  byName: Map<string, HaDefaults[]>;
  /** The last defaults section read; proxies without `from` inherit from it. */
  last?: HaDefaults;
}

function baseOf(section: FlatSection, target: HaProxyLike, registry: DefaultsRegistry): HaDefaults | undefined {
  const { fromAt } = sectionName(section);
  const args = section.node.args;
  if (fromAt >= 0 && args[fromAt]?.value === 'from' && args[fromAt + 1]) {
    const word = args[fromAt + 1];
    const candidates = registry.byName.get(word.value);
    target.from = { name: word.value, word };
    if (candidates && candidates.length > 0) target.from.target = candidates[0];
    return target.from.target;
  }
  // Only regular proxies fall back on the last defaults section; a defaults section starts afresh.
  return section.kind === 'defaults' ? undefined : registry.last;
}

function buildCommon<T extends HaProxyLike>(section: FlatSection, target: T, registry: DefaultsRegistry, env: Env, perLine: (s: HaSetting, effective: HaEffectiveSettings) => void): T {
  const inheritsFrom = baseOf(section, target, registry);
  if (inheritsFrom) target.inheritsFrom = inheritsFrom;
  const own = emptyEffective();
  const effective = inheritsFrom ? cloneEffective(inheritsFrom.effective) : emptyEffective();
  if (inheritsFrom) effective.inheritedRules = [...inheritsFrom.effective.inheritedRules, ...inheritsFrom.rules];
  for (const setting of section.settings) {
    const inheritable = applyInheritable(own, setting, env);
    applyInheritable(effective, setting, env);
    if (!inheritable && RULE_KEYWORDS.has(setting.keyword)) target.rules.push(parseRule(setting));
    perLine(setting, effective);
  }
  if (own.modeSetting) target.mode = { value: own.mode, setting: own.modeSetting };
  target.timeouts = own.timeouts;
  target.options = own.options;
  if (own.balance) target.balance = own.balance;
  if (own.maxconn) target.maxconn = own.maxconn;
  target.logs = own.logs;
  if (own.defaultServer) target.defaultServer = own.defaultServer;
  target.stats = own.stats;
  if (own.defaultBackend) target.defaultBackend = own.defaultBackend;
  target.effective = effective;
  return target;
}

function baseFields(section: FlatSection) {
  const { name, nameWord } = sectionName(section);
  return {
    ...(name !== undefined ? { name } : {}),
    ...(nameWord ? { nameWord } : {}),
    node: section.node,
    fileName: section.fileName,
    settings: section.settings,
    ...(section.undecided ? { undecided: true } : {}),
    timeouts: new Map(),
    options: new Map(),
    logs: [],
    stats: emptyStats(),
    rules: [] as HaRule[],
    effective: emptyEffective(),
  };
}

export function buildDefaults(section: FlatSection, registry: DefaultsRegistry, env: Env): HaDefaults {
  const target: HaDefaults = { kind: 'defaults', ...baseFields(section) };
  buildCommon(section, target, registry, env, () => {});
  if (target.name) {
    const list = registry.byName.get(target.name) ?? [];
    list.push(target);
    registry.byName.set(target.name, list);
  }
  registry.last = target;
  return target;
}

export function buildProxy(section: FlatSection, registry: DefaultsRegistry, env: Env): HaProxy {
  const kind = section.kind as HaProxy['kind'];
  const fields = baseFields(section);
  const target: HaProxy = {
    kind,
    ...fields,
    name: fields.name ?? '',
    nameWord: fields.nameWord ?? section.node.keyword,
    capabilities: { frontend: kind !== 'backend', backend: kind !== 'frontend' },
    binds: [],
    servers: [],
    acls: [],
    useBackends: [],
    useServers: [],
  };
  const args = section.node.args;
  if (args.length >= 2 && args[1].value !== 'from' && kind !== 'backend') {
    target.legacyAddress = args[1];
    target.binds.push(legacyBind(args[1], args[1].value, section.node, section.fileName, section.undecided));
  }
  buildCommon(section, target, registry, env, (setting, effective) => {
    switch (setting.keyword) {
      case 'bind':
        target.binds.push(parseBind(setting, env));
        break;
      case 'server':
      case 'server-template': {
        // The default-server lines read so far (inherited ones first) apply.
        const server = parseServer(setting, env, effective.defaultServer);
        if (server) target.servers.push(server);
        break;
      }
      case 'acl': {
        const acl = parseAcl(setting);
        if (acl) target.acls.push(acl);
        break;
      }
      case 'use_backend': {
        const rule = parseUseBackend(setting);
        if (rule) target.useBackends.push(rule);
        break;
      }
      case 'use-server': {
        const rule = parseUseServer(setting);
        if (rule) target.useServers.push(rule);
        break;
      }
    }
  });
  return target;
}
