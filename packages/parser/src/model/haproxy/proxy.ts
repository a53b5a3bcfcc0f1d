import type { Word } from '../../ast/common.js';
import { baseKeyword } from '../../haproxy/keywords.js';
import { parseAcl } from './acl.js';
import { legacyBind, parseBind } from './bind.js';
import { RULE_KEYWORDS, parseDefaultBackend, parseRule, parseUseBackend, parseUseServer } from './rules.js';
import { parseDefaultServer, parseServer } from './server.js';
import { applyStats, cloneStats, emptyStats } from './stats.js';
import { argValue } from './setting.js';
import { parseInteger } from './values.js';
import type { Env } from './values.js';
import type { FlatSection } from './flatten.js';
import type { HaDefaults, HaEffectiveSettings, HaOptionState, HaProxy, HaProxyLike, HaRule, HaSetting } from './types.js';

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

/**
 * The state nothing has changed yet. States start as shallow copies of their parent
 * (this one, or the inherited defaults' effective settings) and copy a map or list
 * only when a line changes it, so 6,000 proxies do not copy 6,000 sets of maps.
 */
const EMPTY: HaEffectiveSettings = Object.freeze({
  mode: 'tcp',
  timeouts: new Map<string, HaSetting>(),
  options: new Map<string, HaOptionState>(),
  logs: [],
  stats: emptyStats(),
  inheritedRules: [],
  byKeyword: new Map<string, HaSetting>(),
}) as HaEffectiveSettings;

function fork(parent: HaEffectiveSettings): HaEffectiveSettings {
  return {
    mode: parent.mode,
    modeSetting: parent.modeSetting,
    timeouts: parent.timeouts,
    options: parent.options,
    balance: parent.balance,
    maxconn: parent.maxconn,
    logs: parent.logs,
    defaultServer: parent.defaultServer,
    stats: parent.stats,
    defaultBackend: parent.defaultBackend,
    inheritedRules: parent.inheritedRules,
    byKeyword: parent.byKeyword,
  };
}

function own<K extends 'timeouts' | 'options' | 'byKeyword'>(state: HaEffectiveSettings, parent: HaEffectiveSettings, key: K): Map<string, never> {
  if (state[key] === parent[key]) (state as unknown as Record<K, unknown>)[key] = new Map(parent[key] as Map<string, unknown>);
  return state[key] as unknown as Map<string, never>;
}

/**
 * Applies one line to a settings state whose unchanged parts are `parent`'s.
 * Returns false when the keyword is not an inheritable setting.
 */
function applyInheritable(state: HaEffectiveSettings, parent: HaEffectiveSettings, setting: HaSetting, env: Env): boolean {
  const keyword = setting.keyword;
  if (keyword === 'mode') {
    const mode = argValue(setting, 0);
    if (mode !== undefined) {
      state.mode = mode;
      state.modeSetting = setting;
    }
    return true;
  }
  if (keyword.startsWith('timeout ')) {
    (own(state, parent, 'timeouts') as Map<string, HaSetting>).set(keyword.slice(8), setting);
    return true;
  }
  const legacy = LEGACY_TIMEOUTS[keyword];
  if (legacy) {
    (own(state, parent, 'timeouts') as Map<string, HaSetting>).set(legacy, setting);
    return true;
  }
  const base = baseKeyword(keyword);
  if (base.startsWith('option ')) {
    const options = own(state, parent, 'options') as Map<string, HaOptionState>;
    const name = base.slice(7);
    if (keyword.startsWith('default ')) options.delete(name);
    else options.set(name, { enabled: !keyword.startsWith('no '), setting });
    return true;
  }
  if (keyword === 'log') {
    state.logs = state.logs === parent.logs ? [...parent.logs, setting] : (state.logs.push(setting), state.logs);
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
    const n = parseInteger(argValue(setting, 0));
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
  if (keyword.startsWith('stats ')) {
    if (state.stats === parent.stats) state.stats = cloneStats(parent.stats);
    if (applyStats(state.stats, setting)) return true;
  }
  if (RULE_KEYWORDS.has(keyword) || NOT_INHERITED.has(keyword)) return false;
  (own(state, parent, 'byKeyword') as Map<string, HaSetting>).set(keyword, setting);
  return true;
}

/** The section's name word and where `from` may follow. `defaults from X` has no name. */
function nameOf(section: FlatSection): { nameWord?: Word; fromAt: number } {
  const args = section.node.args;
  if (section.kind === 'defaults' && args[0]?.value === 'from') return { fromAt: 0 };
  if (args.length === 0) return { fromAt: -1 };
  return { nameWord: args[0], fromAt: 1 };
}

/** Looks up `from NAME` among the defaults sections already read (HAProxy resolves it on the spot). */
export interface DefaultsRegistry {
  byName: Map<string, HaDefaults[]>;
  /** The last defaults section read; proxies without `from` inherit from it. */
  last?: HaDefaults;
}

function baseOf(section: FlatSection, target: HaProxyLike, registry: DefaultsRegistry): HaDefaults | undefined {
  const { fromAt } = nameOf(section);
  const args = section.node.args;
  if (fromAt >= 0 && args[fromAt]?.value === 'from' && args[fromAt + 1]) {
    const word = args[fromAt + 1];
    const candidates = registry.byName.get(word.value);
    target.from = { name: word.value, word };
    // HAProxy finds the first of several same-named sections (and reports the ambiguity).
    if (candidates && candidates.length > 0) target.from.target = candidates[0];
    return target.from.target;
  }
  // Only regular proxies fall back on the last defaults section; a defaults section starts afresh.
  return section.kind === 'defaults' ? undefined : registry.last;
}

function buildCommon(section: FlatSection, target: HaProxyLike, registry: DefaultsRegistry, env: Env, perLine?: (s: HaSetting, effective: HaEffectiveSettings) => void) {
  const inheritsFrom = baseOf(section, target, registry);
  const parent = inheritsFrom ? inheritsFrom.effective : EMPTY;
  const effective = fork(parent);
  if (inheritsFrom && inheritsFrom.rules.length > 0) effective.inheritedRules = [...parent.inheritedRules, ...inheritsFrom.rules];
  const ownState = fork(EMPTY);
  const settings = section.settings;
  // Indexed: until V8 optimizes a function, for…of allocates an iterator result per element.
  for (let i = 0; i < settings.length; i++) {
    const setting = settings[i];
    const keyword = setting.keyword;
    if (RULE_KEYWORDS.has(keyword)) target.rules.push(parseRule(setting));
    else if (!NOT_INHERITED.has(keyword)) {
      applyInheritable(ownState, EMPTY, setting, env);
      applyInheritable(effective, parent, setting, env);
    }
    perLine?.(setting, effective);
  }
  if (inheritsFrom) target.inheritsFrom = inheritsFrom;
  if (ownState.modeSetting) target.mode = { value: ownState.mode, setting: ownState.modeSetting };
  target.timeouts = ownState.timeouts;
  target.options = ownState.options;
  if (ownState.balance) target.balance = ownState.balance;
  if (ownState.maxconn) target.maxconn = ownState.maxconn;
  target.logs = ownState.logs;
  if (ownState.defaultServer) target.defaultServer = ownState.defaultServer;
  target.stats = ownState.stats;
  if (ownState.defaultBackend) target.defaultBackend = ownState.defaultBackend;
  target.effective = effective;
}

export function buildDefaults(section: FlatSection, registry: DefaultsRegistry, env: Env): HaDefaults {
  const { nameWord } = nameOf(section);
  const target: HaDefaults = {
    kind: 'defaults',
    node: section.node,
    fileName: section.fileName,
    settings: section.settings,
    timeouts: EMPTY.timeouts,
    options: EMPTY.options,
    logs: EMPTY.logs,
    stats: EMPTY.stats,
    rules: [],
    effective: EMPTY,
  };
  if (nameWord) {
    target.name = nameWord.value;
    target.nameWord = nameWord;
  }
  if (section.undecided) target.undecided = true;
  buildCommon(section, target, registry, env);
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
  const nameWord = nameOf(section).nameWord ?? section.node.keyword;
  const rules: HaRule[] = [];
  const target: HaProxy = {
    kind,
    name: nameOf(section).nameWord ? nameWord.value : '',
    nameWord,
    node: section.node,
    fileName: section.fileName,
    settings: section.settings,
    capabilities: { frontend: kind !== 'backend', backend: kind !== 'frontend' },
    timeouts: EMPTY.timeouts,
    options: EMPTY.options,
    logs: EMPTY.logs,
    stats: EMPTY.stats,
    rules,
    effective: EMPTY,
    binds: [],
    servers: [],
    acls: [],
    useBackends: [],
    useServers: [],
  };
  if (section.undecided) target.undecided = true;
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

/** Settings of a section that inherits nothing and sets nothing (tests, tools). */
export function emptyEffective(): HaEffectiveSettings {
  return fork(EMPTY);
}
