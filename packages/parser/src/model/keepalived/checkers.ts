import type { KaEffectiveStatement } from '../../keepalived/preprocess/effective.js';
import { BlockReader } from './block-reader.js';
import { argValues } from './element.js';
import type { KaElement, KaSetting, ModelContext } from './element.js';
import { readScript } from './script.js';
import type { KaScript } from './script.js';
import { parseInteger, parsePort, parseSeconds, intArg, secondsArg, portArg, userGroupArgs, weightArgs } from './values.js';

export const CHECKER_TYPES = ['TCP_CHECK', 'HTTP_GET', 'SSL_GET', 'MISC_CHECK', 'SMTP_CHECK', 'DNS_CHECK', 'UDP_CHECK', 'PING_CHECK', 'FILE_CHECK', 'BFD_CHECK'] as const;
export type KaCheckerType = (typeof CHECKER_TYPES)[number];

/** Settings every checker block may have (MISC, FILE and BFD use fewer of them). */
export interface KaCheckerBase extends KaElement {
  type: KaCheckerType;
  connectIp?: KaSetting<string>;
  connectPort?: KaSetting<number>;
  bindto?: KaSetting<string>;
  bindIf?: KaSetting<string>;
  bindPort?: KaSetting<number>;
  fwmark?: KaSetting<number>;
  connectTimeout?: KaSetting<number>;
  /** `retry`, or 1.x's `nb_get_retry` (the setting's `keyword` says which was written). */
  retry?: KaSetting<number>;
  delayBeforeRetry?: KaSetting<number>;
  warmup?: KaSetting<number>;
  delayLoop?: KaSetting<number>;
  alpha?: KaSetting<boolean>;
  logAllFailures?: KaSetting<boolean>;
}

/** `url { path; digest; status_code …; virtualhost; regex … }` of HTTP_GET / SSL_GET. */
export interface KaHttpUrl extends KaElement {
  path?: KaSetting<string>;
  digest?: KaSetting<string>;
  /** Status codes and ranges (`200`, `200-299`); undefined entries were unreadable. */
  statusCodes?: KaSetting<{ from: number; to: number }[]>;
  virtualhost?: KaSetting<string>;
  regex?: KaSetting<string>;
}

export interface KaHttpChecker extends KaCheckerBase {
  type: 'HTTP_GET' | 'SSL_GET';
  urls: KaHttpUrl[];
  httpProtocol?: KaSetting<string>;
  virtualhost?: KaSetting<string>;
  fastRecovery?: KaSetting<boolean>;
  enableSni?: KaSetting<boolean>;
}

export interface KaMiscChecker extends KaCheckerBase {
  type: 'MISC_CHECK';
  miscPath?: KaScript;
  miscTimeout?: KaSetting<number>;
  miscDynamic?: KaSetting<boolean>;
  user?: KaSetting<{ user: string; group?: string }>;
}

export interface KaSmtpChecker extends KaCheckerBase {
  type: 'SMTP_CHECK';
  heloName?: KaSetting<string>;
}

export interface KaDnsChecker extends KaCheckerBase {
  type: 'DNS_CHECK';
  queryType?: KaSetting<string>;
  name?: KaSetting<string>;
}

export interface KaUdpChecker extends KaCheckerBase {
  type: 'UDP_CHECK';
  payload?: KaSetting<string>;
  requireReply?: KaSetting<string>;
  minReplyLength?: KaSetting<number>;
  maxReplyLength?: KaSetting<number>;
}

export interface KaFileChecker extends KaCheckerBase {
  type: 'FILE_CHECK';
  trackFile?: KaSetting<string>;
  dynamic?: KaSetting<boolean>;
  weight?: KaSetting<{ weight: number; reverse: boolean }>;
}

export interface KaBfdChecker extends KaCheckerBase {
  type: 'BFD_CHECK';
  name?: KaSetting<string>;
}

export interface KaSimpleChecker extends KaCheckerBase {
  type: 'TCP_CHECK' | 'PING_CHECK';
}

export type KaChecker = KaHttpChecker | KaMiscChecker | KaSmtpChecker | KaDnsChecker | KaUdpChecker | KaFileChecker | KaBfdChecker | KaSimpleChecker;

export function isCheckerKeyword(keyword: string): keyword is KaCheckerType {
  return (CHECKER_TYPES as readonly string[]).includes(keyword);
}

function parseStatusCodes(args: string[]): { from: number; to: number }[] | undefined {
  const out: { from: number; to: number }[] = [];
  for (const a of args) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(a);
    if (!m) return undefined;
    out.push({ from: Number(m[1]), to: Number(m[2] ?? m[1]) });
  }
  return out.length ? out : undefined;
}

function readUrl(block: KaEffectiveStatement): KaHttpUrl {
  const r = new BlockReader(block.body ?? []);
  return {
    statement: block, fileName: block.fileName, node: block.node,
    path: r.string('path'),
    digest: r.string('digest'),
    statusCodes: r.setting(parseStatusCodes, 'status_code'),
    virtualhost: r.string('virtualhost'),
    regex: r.string('regex'),
  };
}

export function readChecker(block: KaEffectiveStatement, ctx: ModelContext): KaChecker {
  const type = block.keyword.value as KaCheckerType;
  const r = new BlockReader(block.body ?? []);
  const base: KaCheckerBase = {
    statement: block, fileName: block.fileName, node: block.node,
    type,
    connectIp: r.string('connect_ip'),
    connectPort: r.setting(portArg, 'connect_port'),
    bindto: r.string('bindto'),
    bindIf: r.string('bind_if'),
    bindPort: r.setting(portArg, 'bind_port'),
    fwmark: r.setting(intArg, 'fwmark'),
    connectTimeout: r.setting(secondsArg, 'connect_timeout'),
    retry: r.setting(intArg, 'retry', 'nb_get_retry'),
    delayBeforeRetry: r.setting(secondsArg, 'delay_before_retry'),
    warmup: r.setting(secondsArg, 'warmup'),
    delayLoop: r.setting(secondsArg, 'delay_loop'),
    alpha: r.flag('alpha'),
    logAllFailures: r.flag('log_all_failures'),
  };
  const c = base as KaChecker & Record<string, unknown>;
  switch (type) {
    case 'HTTP_GET':
    case 'SSL_GET':
      c.urls = r.all('url').map(readUrl);
      c.httpProtocol = r.string('http_protocol');
      c.virtualhost = r.string('virtualhost');
      c.fastRecovery = r.flag('fast_recovery');
      c.enableSni = r.flag('enable_sni');
      break;
    case 'MISC_CHECK': {
      const path = r.last('misc_path');
      c.miscPath = path ? readScript(path, ctx) : undefined;
      c.miscTimeout = r.setting(secondsArg, 'misc_timeout');
      c.miscDynamic = r.flag('misc_dynamic');
      c.user = r.setting(userGroupArgs, 'user');
      break;
    }
    case 'SMTP_CHECK':
      c.heloName = r.string('helo_name');
      break;
    case 'DNS_CHECK':
      c.queryType = r.string('type');
      c.name = r.string('name');
      break;
    case 'UDP_CHECK':
      c.payload = r.setting((a) => a.join(' '), 'payload');
      c.requireReply = r.setting((a) => a.join(' '), 'require_reply');
      c.minReplyLength = r.setting(intArg, 'min_reply_length');
      c.maxReplyLength = r.setting(intArg, 'max_reply_length');
      break;
    case 'FILE_CHECK':
      c.trackFile = r.string('track_file', 'file');
      c.dynamic = r.flag('dynamic');
      c.weight = r.setting(weightArgs, 'weight');
      break;
    case 'BFD_CHECK':
      c.name = r.string('name');
      break;
    default:
      break;
  }
  return c;
}

/** The arguments written on a checker's line (keepalived takes none; kept for diagnostics). */
export function checkerArgs(checker: KaChecker): string[] {
  return argValues(checker.statement);
}
