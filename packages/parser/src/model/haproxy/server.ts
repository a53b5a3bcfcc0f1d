import type { Word } from '../../ast/common.js';
import { parseHaproxyAddress } from './address.js';
import { SERVER_OPTIONS, parseLineOptions } from './options.js';
import { argValue, argWord } from './setting.js';
import { parseDuration, parseInteger, wordValue } from './values.js';
import type { Env } from './values.js';
import type { HaAddress, HaDefaultServer, HaLineOption, HaServer, HaServerOptions, HaSetting } from './types.js';

const OptionKind = { flag: 0, int: 1, port: 2, time: 3, text: 4, initAddr: 5 } as const;

/** What each option sets: [field, kind, flag value]. A Map lookup, not a chain of string compares. */
const OPTION_ACTIONS: ReadonlyMap<string, OptionAction> = new Map([
  ['check', ['check', OptionKind.flag, true]],
  ['no-check', ['check', OptionKind.flag, false]],
  ['backup', ['backup', OptionKind.flag, true]],
  ['no-backup', ['backup', OptionKind.flag, false]],
  ['disabled', ['disabled', OptionKind.flag, true]],
  ['enabled', ['disabled', OptionKind.flag, false]],
  ['ssl', ['ssl', OptionKind.flag, true]],
  ['no-ssl', ['ssl', OptionKind.flag, false]],
  ['weight', ['weight', OptionKind.int]],
  ['rise', ['rise', OptionKind.int]],
  ['fall', ['fall', OptionKind.int]],
  ['maxconn', ['maxconn', OptionKind.int]],
  ['maxqueue', ['maxqueue', OptionKind.int]],
  ['port', ['checkPort', OptionKind.int]],
  ['inter', ['inter', OptionKind.time]],
  ['fastinter', ['fastinter', OptionKind.time]],
  ['downinter', ['downinter', OptionKind.time]],
  ['verify', ['verify', OptionKind.text]],
  ['cookie', ['cookie', OptionKind.text]],
  ['sni', ['sni', OptionKind.text]],
  ['resolvers', ['resolvers', OptionKind.text]],
  ['track', ['track', OptionKind.text]],
  ['init-addr', ['initAddr', OptionKind.text]],
] as const);

type OptionAction = readonly [keyof HaServerOptions, number, boolean?];

/** Applies one option, as HAProxy does: later options win, `no-X` undoes `X`. */
function applyOption(target: HaServerOptions, name: string, value: string | undefined): void {
  const action = OPTION_ACTIONS.get(name);
  if (action) applyAction(target, action, value);
}

function applyAction(target: HaServerOptions, action: OptionAction, value: string | undefined): void {
  const fields = target as unknown as Record<string, unknown>;
  const field = action[0];
  const kind = action[1];
  if (kind === OptionKind.flag) fields[field] = action[2];
  else if (value === undefined) return;
  else if (kind === OptionKind.int) {
    const n = parseInteger(value);
    if (n !== undefined) fields[field] = n;
  } else if (kind === OptionKind.time) {
    const ms = parseDuration(value);
    if (ms !== undefined) fields[field] = ms;
  } else fields[field] = value;
}

/**
 * Per option name, in one lookup: whether it takes a value (SERVER_OPTIONS) and what it
 * sets (OPTION_ACTIONS). parseServer runs for every server line, a quarter million options
 * in a large file.
 */
const SERVER_OPTION_INFO: ReadonlyMap<string, { takesValue: boolean; action: OptionAction | undefined }> = new Map(
  [...new Set([...SERVER_OPTIONS.keys(), ...OPTION_ACTIONS.keys()])].map((name) => [
    name,
    { takesValue: SERVER_OPTIONS.get(name) === 1, action: OPTION_ACTIONS.get(name) },
  ]),
);

/** Applies a list of options in order. */
export function applyServerOptions(target: HaServerOptions, options: readonly HaLineOption[]): void {
  for (const o of options) applyOption(target, o.name, o.value);
}

/** The fields applyOption() may set, copied from a default-server onto a server. */
const FIELDS = ['check', 'backup', 'disabled', 'ssl', 'weight', 'rise', 'fall', 'inter', 'fastinter', 'downinter', 'maxconn', 'maxqueue', 'checkPort', 'verify', 'cookie', 'sni', 'resolvers', 'initAddr', 'track'] as const;

/**
 * A server line. Its option list is built on first use: a large configuration has
 * tens of thousands of servers whose options are read through the fields above.
 * Every field exists from construction (undefined when unset), so all servers share
 * one object shape.
 */
class ServerRecord implements HaServer {
  addressWord?: Word;
  template?: string;
  check?: boolean;
  backup?: boolean;
  disabled?: boolean;
  ssl?: boolean;
  weight?: number;
  rise?: number;
  fall?: number;
  inter?: number;
  fastinter?: number;
  downinter?: number;
  maxconn?: number;
  maxqueue?: number;
  checkPort?: number;
  verify?: string;
  cookie?: string;
  sni?: string;
  resolvers?: string;
  initAddr?: string;
  track?: string;
  private optionList: HaLineOption[] | undefined;

  constructor(
    readonly name: string,
    readonly nameWord: Word,
    readonly address: HaAddress,
    readonly setting: HaSetting,
    private readonly optionsFrom: number,
    private readonly env: Env,
  ) {}

  get options(): HaLineOption[] {
    this.optionList ??= parseLineOptions(this.setting.args, this.optionsFrom, SERVER_OPTIONS, this.env);
    return this.optionList;
  }
}

const MISSING_ADDRESS: HaAddress = Object.freeze({ raw: '', text: '', family: 'unknown', transport: 'stream', wildcard: false, hasVariable: false, error: 'missing address' });

/** `server NAME ADDR [options…]` and `server-template PREFIX COUNT ADDR [options…]`. */
export function parseServer(setting: HaSetting, env: Env, inherited?: HaServerOptions): HaServer | undefined {
  const nameWord = argWord(setting, 0);
  if (!nameWord) return undefined;
  const template = setting.keyword === 'server-template';
  const addrAt = template ? 2 : 1;
  const addressWord = argWord(setting, addrAt);
  const address = addressWord ? parseHaproxyAddress(argValue(setting, addrAt)!, addressWord.value, !!addressWord.hasVariable) : MISSING_ADDRESS;
  const server = new ServerRecord(argValue(setting, 0)!, nameWord, address, setting, addrAt + 1, env);
  if (addressWord) server.addressWord = addressWord;
  if (template && argWord(setting, 1)) server.template = argValue(setting, 1);
  if (inherited) {
    for (const f of FIELDS) if (inherited[f] !== undefined) (server as unknown as Record<string, unknown>)[f] = inherited[f];
  }
  const words = setting.node.words;
  let i = setting.node.keywordLength + addrAt + 1;
  while (i < words.length) {
    const info = SERVER_OPTION_INFO.get(wordValue(words[i], env));
    if (info?.takesValue && i + 1 < words.length) {
      if (info.action) applyAction(server, info.action, wordValue(words[i + 1], env));
      i += 2;
    } else {
      if (info?.action) applyAction(server, info.action, undefined);
      i += 1;
    }
  }
  return server;
}

/** `default-server [options…]`: layered on top of `base` (a defaults section's default-server). */
export function parseDefaultServer(setting: HaSetting, env: Env, base?: HaDefaultServer): HaDefaultServer {
  const own = parseLineOptions(setting.args, 0, SERVER_OPTIONS, env);
  const result: HaDefaultServer = { options: base ? [...base.options, ...own] : own, setting };
  applyServerOptions(result, result.options);
  return result;
}
