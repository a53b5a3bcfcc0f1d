import type { Word } from '../../ast/common.js';
import type { HaDirective, HaSection } from '../../ast/haproxy.js';
import { parseHaproxyAddress } from './address.js';
import { BIND_OPTIONS, optionValue, parseLineOptions } from './options.js';
import type { Env } from './values.js';
import type { HaAddress, HaBind, HaLineOption, HaSetting } from './types.js';

/** The comma-separated addresses of one bind word (split after variable expansion, as HAProxy does). */
export function parseAddressList(word: Word, value: string): HaAddress[] {
  const parts = value.split(',');
  const rawParts = word.hasVariable ? undefined : word.value.split(',');
  return parts.map((part, i) => parseHaproxyAddress(part, rawParts?.[i] ?? word.value, !!word.hasVariable));
}

function bindFrom(addresses: HaAddress[], options: HaLineOption[], node: HaDirective | HaSection, fileName: string): HaBind {
  const bind: HaBind = {
    addresses,
    options,
    ssl: options.some((o) => o.name === 'ssl'),
    crt: options.filter((o) => o.name === 'crt' && o.value !== undefined).map((o) => o.value!),
    transparent: options.some((o) => o.name === 'transparent'),
    node,
    fileName,
  };
  const alpn = optionValue(options, 'alpn');
  if (alpn !== undefined) bind.alpn = alpn;
  const iface = optionValue(options, 'interface');
  if (iface !== undefined) bind.interface = iface;
  const name = optionValue(options, 'name');
  if (name !== undefined) bind.name = name;
  return bind;
}

/** `bind ADDR[,ADDR…] [options…]` (also used for `stats socket` and peers' `bind`). */
export function parseBind(setting: HaSetting, env: Env, from = 0): HaBind {
  const { args, values } = setting;
  const addressWord = args[from];
  const addresses = addressWord ? parseAddressList(addressWord, values[from]) : [];
  const bind = bindFrom(addresses, parseLineOptions(args, from + 1, BIND_OPTIONS, env), setting.node, setting.fileName);
  if (addressWord) bind.addressWord = addressWord;
  bind.setting = setting;
  if (setting.undecided) bind.undecided = true;
  return bind;
}

/** The 1.5-era `listen NAME ADDR` header address, as a bind without options. */
export function legacyBind(word: Word, value: string, node: HaSection, fileName: string, undecided: boolean): HaBind {
  const bind = bindFrom(parseAddressList(word, value), [], node, fileName);
  bind.addressWord = word;
  bind.legacy = true;
  if (undecided) bind.undecided = true;
  return bind;
}
