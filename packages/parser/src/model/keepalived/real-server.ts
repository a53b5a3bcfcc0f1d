import type { KaEffectiveStatement } from '../../keepalived/preprocess/effective.js';
import { BlockReader } from './block-reader.js';
import type { KaElement, KaSetting, ModelContext } from './element.js';
import { isCheckerKeyword, readChecker } from './checkers.js';
import type { KaChecker } from './checkers.js';
import { readScript } from './script.js';
import type { KaScript } from './script.js';
import { ipFamily, parsePort, intArg, secondsArg } from './values.js';

/** `lb_kind`/`lvs_method NAT|DR|TUN [type ipip|gue port N|gre] [nocsum|csum|remcsum]`. */
export interface KaForwarding {
  method: string;
  tunnelType?: string;
  tunnelPort?: number;
  checksum?: string;
}

export function parseForwarding(args: string[]): KaForwarding | undefined {
  if (!args.length) return undefined;
  const f: KaForwarding = { method: args[0] };
  for (let i = 1; i < args.length; i++) {
    if (args[i] === 'type' && args[i + 1]) f.tunnelType = args[++i];
    else if (args[i] === 'port' && args[i + 1]) f.tunnelPort = parsePort(args[++i]);
    else if (args[i] === 'nocsum' || args[i] === 'csum' || args[i] === 'remcsum') f.checksum = args[i];
  }
  return f;
}

/** `real_server ADDR [PORT] { … }` inside a virtual_server. */
export interface KaRealServer extends KaElement {
  address: string;
  family?: 4 | 6;
  port?: number;
  /** The port word as written, when there is one. */
  portText?: string;
  weight?: KaSetting<number>;
  lvsMethod?: KaSetting<KaForwarding>;
  inhibitOnFailure?: KaSetting<boolean>;
  uthreshold?: KaSetting<number>;
  lthreshold?: KaSetting<number>;
  notifyUp?: KaScript;
  notifyDown?: KaScript;
  connectTimeout?: KaSetting<number>;
  retry?: KaSetting<number>;
  delayBeforeRetry?: KaSetting<number>;
  delayLoop?: KaSetting<number>;
  alpha?: KaSetting<boolean>;
  smtpAlert?: KaSetting<boolean>;
  virtualhost?: KaSetting<string>;
  checkers: KaChecker[];
}

export function readRealServer(block: KaEffectiveStatement, ctx: ModelContext): KaRealServer {
  const r = new BlockReader(block.body ?? []);
  const address = block.args[0]?.value ?? '';
  const rs: KaRealServer = {
    statement: block, fileName: block.fileName, node: block.node,
    address,
    weight: r.setting(intArg, 'weight'),
    lvsMethod: r.setting(parseForwarding, 'lvs_method', 'lb_kind'),
    inhibitOnFailure: r.flag('inhibit_on_failure'),
    uthreshold: r.setting(intArg, 'uthreshold'),
    lthreshold: r.setting(intArg, 'lthreshold'),
    connectTimeout: r.setting(secondsArg, 'connect_timeout'),
    retry: r.setting(intArg, 'retry', 'nb_get_retry'),
    delayBeforeRetry: r.setting(secondsArg, 'delay_before_retry'),
    delayLoop: r.setting(secondsArg, 'delay_loop'),
    alpha: r.flag('alpha'),
    smtpAlert: r.flag('smtp_alert'),
    virtualhost: r.string('virtualhost'),
    checkers: [],
  };
  const family = ipFamily(address);
  if (family) rs.family = family;
  const portText = block.args[1]?.value;
  if (portText !== undefined) {
    rs.portText = portText;
    const port = parsePort(portText);
    if (port !== undefined) rs.port = port;
  }
  const up = r.last('notify_up');
  if (up) rs.notifyUp = readScript(up, ctx);
  const down = r.last('notify_down');
  if (down) rs.notifyDown = readScript(down, ctx);
  for (const s of block.body ?? []) if (isCheckerKeyword(s.keyword.value)) rs.checkers.push(readChecker(s, ctx));
  return rs;
}
