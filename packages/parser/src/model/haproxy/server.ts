import type { Word } from '../../ast/common.js';
import { parseHaproxyAddress } from './address.js';
import { SERVER_OPTIONS, parseLineOptions } from './options.js';
import { argValue, argWord } from './setting.js';
import { parseDuration, parseInteger, wordValue } from './values.js';
import type { Env } from './values.js';
import type { HaAddress, HaDefaultServer, HaLineOption, HaServer, HaServerOptions, HaSetting } from './types.js';

/** Applies one option, as HAProxy does: later options win, `no-X` undoes `X`. */
function applyOption(target: HaServerOptions, name: string, value: string | undefined): void {
  switch (name) {
    case 'check':
      target.check = true;
      break;
    case 'no-check':
      target.check = false;
      break;
    case 'backup':
      target.backup = true;
      break;
    case 'no-backup':
      target.backup = false;
      break;
    case 'disabled':
      target.disabled = true;
      break;
    case 'enabled':
      target.disabled = false;
      break;
    case 'ssl':
      target.ssl = true;
      break;
    case 'no-ssl':
      target.ssl = false;
      break;
    case 'weight':
    case 'rise':
    case 'fall':
    case 'maxconn':
    case 'maxqueue': {
      const n = parseInteger(value);
      if (n !== undefined) target[name] = n;
      break;
    }
    case 'port': {
      const n = parseInteger(value);
      if (n !== undefined) target.checkPort = n;
      break;
    }
    case 'inter':
    case 'fastinter':
    case 'downinter': {
      const ms = value === undefined ? undefined : parseDuration(value);
      if (ms !== undefined) target[name] = ms;
      break;
    }
    case 'verify':
    case 'cookie':
    case 'sni':
    case 'resolvers':
    case 'track':
      if (value !== undefined) target[name] = value;
      break;
    case 'init-addr':
      if (value !== undefined) target.initAddr = value;
      break;
  }
}

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
    const name = wordValue(words[i], env);
    if (SERVER_OPTIONS.get(name) === 1 && i + 1 < words.length) {
      applyOption(server, name, wordValue(words[i + 1], env));
      i += 2;
    } else {
      applyOption(server, name, undefined);
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
