import { parseHaproxyAddress } from './address.js';
import { SERVER_OPTIONS, parseLineOptions } from './options.js';
import { parseDuration, parseInteger } from './values.js';
import type { Env } from './values.js';
import type { HaDefaultServer, HaLineOption, HaServer, HaServerOptions, HaSetting } from './types.js';

/**
 * Applies options in order, as HAProxy does: later options win, `no-X` undoes `X`.
 * Writes only the fields an option sets, so default-server values can be layered.
 */
export function applyServerOptions(target: HaServerOptions, options: readonly HaLineOption[]): void {
  for (const o of options) {
    switch (o.name) {
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
        const n = parseInteger(o.value);
        if (n !== undefined) target[o.name] = n;
        break;
      }
      case 'port': {
        const n = parseInteger(o.value);
        if (n !== undefined) target.checkPort = n;
        break;
      }
      case 'inter':
      case 'fastinter':
      case 'downinter': {
        const ms = o.value === undefined ? undefined : parseDuration(o.value);
        if (ms !== undefined) target[o.name] = ms;
        break;
      }
      case 'verify':
      case 'cookie':
      case 'sni':
      case 'resolvers':
      case 'track':
        if (o.value !== undefined) target[o.name] = o.value;
        break;
      case 'init-addr':
        if (o.value !== undefined) target.initAddr = o.value;
        break;
    }
  }
}

/** `server NAME ADDR [options…]` and `server-template PREFIX COUNT ADDR [options…]`. */
export function parseServer(setting: HaSetting, env: Env, inherited?: HaServerOptions): HaServer | undefined {
  const { args, values } = setting;
  if (args.length === 0) return undefined;
  const template = setting.keyword === 'server-template';
  const addrAt = template ? 2 : 1;
  const addressWord = args[addrAt];
  const options = parseLineOptions(args, addrAt + 1, SERVER_OPTIONS, env);
  const server: HaServer = {
    name: values[0],
    nameWord: args[0],
    address: addressWord
      ? parseHaproxyAddress(values[addrAt], { raw: addressWord.value, hasVariable: !!addressWord.hasVariable })
      : { raw: '', text: '', family: 'unknown', transport: 'stream', wildcard: false, hasVariable: false, error: 'missing address' },
    options,
    setting,
  };
  if (addressWord) server.addressWord = addressWord;
  if (template && args[1]) server.template = values[1];
  if (inherited) applyServerOptions(server, inherited.options);
  applyServerOptions(server, options);
  return server;
}

/** `default-server [options…]`: layered on top of `base` (a defaults section's default-server). */
export function parseDefaultServer(setting: HaSetting, env: Env, base?: HaDefaultServer): HaDefaultServer {
  const own = parseLineOptions(setting.args, 0, SERVER_OPTIONS, env);
  const result: HaDefaultServer = { options: base ? [...base.options, ...own] : own, setting };
  applyServerOptions(result, result.options);
  return result;
}
