import { parseAddressList } from './bind.js';
import { BIND_OPTIONS, optionValue, parseLineOptions } from './options.js';
import { parseInteger } from './values.js';
import type { Env } from './values.js';
import type { FlatSection } from './flatten.js';
import type { HaGlobal, HaSetting, HaStatsSocket } from './types.js';

export function emptyGlobal(): HaGlobal {
  return { sections: [], settings: [], statsSockets: [], logs: [], ssl: new Map(), byKeyword: new Map() };
}

const STRING_SETTINGS = { user: 'user', group: 'group', uid: 'uid', gid: 'gid', chroot: 'chroot', pidfile: 'pidfile' } as const;
const NUMBER_SETTINGS = { maxconn: 'maxconn', nbthread: 'nbthread', nbproc: 'nbproc' } as const;

/** `stats socket ADDR [bind options…]` */
export function parseStatsSocket(setting: HaSetting, env: Env): HaStatsSocket | undefined {
  const { args, values } = setting;
  if (args.length === 0) return undefined;
  const options = parseLineOptions(args, 1, BIND_OPTIONS, env);
  const level = optionValue(options, 'level');
  const socket: HaStatsSocket = {
    address: parseAddressList(args[0], values[0])[0],
    addressWord: args[0],
    options,
    level: level ?? 'operator',
    levelSet: level !== undefined,
    setting,
  };
  for (const name of ['mode', 'user', 'group', 'uid', 'gid'] as const) {
    const v = optionValue(options, name);
    if (v !== undefined) socket[name] = v;
  }
  const exposeFd = optionValue(options, 'expose-fd');
  if (exposeFd !== undefined) socket.exposeFd = exposeFd;
  return socket;
}

/** Merges one `global` section into the model's global settings (later lines win). */
export function addGlobalSection(global: HaGlobal, section: FlatSection, env: Env): void {
  global.sections.push({
    kind: 'global',
    node: section.node,
    fileName: section.fileName,
    settings: section.settings,
    ...(section.undecided ? { undecided: true } : {}),
  });
  const byKeyword = global.byKeyword as Map<string, HaSetting>;
  const ssl = global.ssl as Map<string, HaSetting>;
  for (const setting of section.settings) {
    const { keyword, values } = setting;
    global.settings.push(setting);
    byKeyword.set(keyword, setting);
    if (keyword in STRING_SETTINGS) {
      if (values.length > 0) global[STRING_SETTINGS[keyword as keyof typeof STRING_SETTINGS]] = { value: values[0], setting };
    } else if (keyword in NUMBER_SETTINGS) {
      const n = parseInteger(values[0]);
      if (n !== undefined) global[NUMBER_SETTINGS[keyword as keyof typeof NUMBER_SETTINGS]] = { value: n, setting };
    } else if (keyword === 'daemon') global.daemon = setting;
    else if (keyword === 'master-worker') global.masterWorker = setting;
    else if (keyword === 'stats socket') {
      const socket = parseStatsSocket(setting, env);
      if (socket) global.statsSockets.push(socket);
    } else if (keyword === 'stats timeout') {
      if (values.length > 0) global.statsTimeout = { value: values[0], setting };
    } else if (keyword === 'log') global.logs.push(setting);
    else if (keyword === 'no log') global.logs = [];
    else if (keyword.startsWith('ssl-') || keyword.startsWith('tune.ssl.')) ssl.set(keyword, setting);
  }
}
