import { parseHaproxyAddress } from './address.js';
import { parseBind } from './bind.js';
import type { Env } from './values.js';
import type { FlatSection } from './flatten.js';
import type {
  HaBind,
  HaGenericSection,
  HaMailers,
  HaPeers,
  HaResolvers,
  HaSectionBase,
  HaSetting,
  HaUser,
  HaUserGroup,
  HaUserlist,
} from './types.js';

/** Fields every section model has. */
export function sectionBase(section: FlatSection): HaSectionBase {
  const base: HaSectionBase = { kind: section.kind, node: section.node, fileName: section.fileName, settings: section.settings };
  const first = section.node.args[0];
  if (first) {
    base.name = first.value;
    base.nameWord = first;
  }
  if (section.undecided) base.undecided = true;
  return base;
}

function splitList(value: string | undefined): string[] {
  return value ? value.split(',').filter((s) => s.length > 0) : [];
}

/** userlist: `user NAME [password HASH | insecure-password PASS] [groups G,…]`, `group NAME [users U,…]`. */
export function buildUserlist(section: FlatSection): HaUserlist {
  const users: HaUser[] = [];
  const groups: HaUserGroup[] = [];
  for (const setting of section.settings) {
    const { args, values } = setting;
    if (args.length === 0) continue;
    if (setting.keyword === 'user') {
      const user: HaUser = { name: values[0], nameWord: args[0], passwordKind: 'none', groups: [], setting };
      for (let i = 1; i + 1 < values.length; i += 2) {
        if (values[i] === 'password' || values[i] === 'insecure-password') {
          user.password = values[i + 1];
          user.passwordKind = values[i] === 'password' ? 'hashed' : 'insecure';
        } else if (values[i] === 'groups') user.groups = splitList(values[i + 1]);
      }
      users.push(user);
    } else if (setting.keyword === 'group') {
      const i = values.indexOf('users', 1);
      groups.push({ name: values[0], nameWord: args[0], users: i > 0 ? splitList(values[i + 1]) : [], setting });
    }
  }
  return { ...sectionBase(section), kind: 'userlist', users, groups };
}

/** peers: `peer NAME ADDR`, `server NAME [ADDR]`, `bind`, `table`, `disabled`. */
export function buildPeers(section: FlatSection, env: Env): HaPeers {
  const peers: HaPeers = { ...sectionBase(section), kind: 'peers', peers: [], binds: [], tables: [], disabled: false };
  for (const setting of section.settings) {
    const { args, values, keyword } = setting;
    if ((keyword === 'peer' || keyword === 'server') && args.length > 0) {
      const peer = { name: values[0], nameWord: args[0], viaServer: keyword === 'server', setting } as HaPeers['peers'][number];
      if (args[1]) peer.address = parseHaproxyAddress(values[1], args[1].value, !!args[1].hasVariable);
      peers.peers.push(peer);
    } else if (keyword === 'bind') peers.binds.push(parseBind(setting, env));
    else if (keyword === 'table') peers.tables.push(setting);
    else if (keyword === 'disabled') peers.disabled = true;
    else if (keyword === 'enabled') peers.disabled = false;
  }
  return peers;
}

/** resolvers: `nameserver NAME ADDR`, `parse-resolv-conf`, `timeout X`, `hold X`. */
export function buildResolvers(section: FlatSection): HaResolvers {
  const timeouts = new Map<string, HaSetting>();
  const holds = new Map<string, HaSetting>();
  const r: HaResolvers = { ...sectionBase(section), kind: 'resolvers', nameservers: [], parseResolvConf: false, timeouts, holds };
  for (const setting of section.settings) {
    const { args, values, keyword } = setting;
    if (keyword === 'nameserver' && args.length >= 2) {
      r.nameservers.push({
        name: values[0],
        nameWord: args[0],
        address: parseHaproxyAddress(values[1], args[1].value, !!args[1].hasVariable),
        setting,
      });
    } else if (keyword === 'parse-resolv-conf') r.parseResolvConf = true;
    else if (keyword.startsWith('timeout ')) timeouts.set(keyword.slice(8), setting);
    else if (keyword.startsWith('hold ')) holds.set(keyword.slice(5), setting);
  }
  return r;
}

/** mailers: `mailer NAME ADDR`, `timeout mail T`. */
export function buildMailers(section: FlatSection): HaMailers {
  const m: HaMailers = { ...sectionBase(section), kind: 'mailers', mailers: [] };
  for (const setting of section.settings) {
    const { args, values, keyword } = setting;
    if (keyword === 'mailer' && args.length >= 2) {
      m.mailers.push({
        name: values[0],
        nameWord: args[0],
        address: parseHaproxyAddress(values[1], args[1].value, !!args[1].hasVariable),
        setting,
      });
    } else if (keyword === 'timeout mail' && values.length > 0) m.timeoutMail = { value: values[0], setting };
  }
  return m;
}

/** Any other section: its settings, the last setting of each keyword, and its listeners. */
export function buildGeneric(section: FlatSection, env: Env): HaGenericSection {
  const byKeyword = new Map<string, HaSetting>();
  const binds: HaBind[] = [];
  for (const setting of section.settings) {
    byKeyword.set(setting.keyword, setting);
    if (setting.keyword === 'bind' || setting.keyword === 'dgram-bind') {
      const bind = parseBind(setting, env);
      // dgram-bind takes plain addresses but listens on UDP.
      if (setting.keyword === 'dgram-bind') for (const a of bind.addresses) if (!a.prefix) a.transport = 'dgram';
      binds.push(bind);
    }
  }
  return { ...sectionBase(section), byKeyword, binds };
}
