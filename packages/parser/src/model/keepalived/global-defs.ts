import type { KaEffectiveStatement } from '../../keepalived/preprocess/effective.js';
import { BlockReader, element } from './block-reader.js';
import type { KaElement, KaSetting, KaSettings, ModelContext } from './element.js';
import { readScript } from './script.js';
import type { KaScript } from './script.js';
import { parsePort, intArg, secondsArg, allArgs, userGroupArgs } from './values.js';
import { appendAll } from '../../source/append-all.js';

/**
 * global_defs (several blocks are merged, later settings win, as in keepalived). The
 * typed fields are the settings lint rules and the runtime look at; `settings` holds
 * every statement of every global_defs block by keyword.
 */
export interface KaGlobalDefs {
  /** The global_defs blocks, in order. */
  blocks: KaElement[];
  routerId?: KaSetting<string>;
  notificationEmail: KaSetting<string>[];
  notificationEmailFrom?: KaSetting<string>;
  smtpServer?: KaSetting<{ host: string; port?: number }>;
  smtpConnectTimeout?: KaSetting<number>;
  smtpAlert?: KaSetting<boolean>;
  /** `vrrp_strict`: strict RFC compliance (no authentication, no unicast, adds firewall drop rules). */
  vrrpStrict?: KaSetting<boolean>;
  /** `vrrp_iptables [IN_CHAIN [OUT_CHAIN]]`; value = the chain names written. */
  vrrpIptables?: KaSetting<string[]>;
  vrrpNftables?: KaSetting<string[]>;
  vrrpSkipCheckAdvAddr?: KaSetting<boolean>;
  vrrpGarpInterval?: KaSetting<number>;
  vrrpGnaInterval?: KaSetting<number>;
  vrrpVersion?: KaSetting<number>;
  vrrpMcastGroup4?: KaSetting<string>;
  vrrpMcastGroup6?: KaSetting<string>;
  defaultInterface?: KaSetting<string>;
  enableScriptSecurity?: KaSetting<boolean>;
  /** `script_user USER [GROUP]`. */
  scriptUser?: KaSetting<{ user: string; group?: string }>;
  lvsSyncDaemon?: KaSetting<string[]>;
  lvsId?: KaSetting<string>;
  startupScript?: KaScript;
  shutdownScript?: KaScript;
  settings: KaSettings;
}

export function readGlobalDefs(blocks: KaEffectiveStatement[], ctx: ModelContext): KaGlobalDefs {
  const body: KaEffectiveStatement[] = [];
  for (const b of blocks) if (b.body) appendAll(body, b.body);
  const r = new BlockReader(body);
  const notificationEmail: KaSetting<string>[] = [];
  for (const list of r.all('notification_email')) {
    for (const entry of list.body ?? []) {
      notificationEmail.push({ statement: entry, fileName: entry.fileName, node: entry.node, keyword: 'notification_email', value: entry.keyword.value, args: [entry.keyword.value] });
    }
  }
  const startup = r.last('startup_script');
  const shutdown = r.last('shutdown_script');
  return {
    blocks: blocks.map(element),
    routerId: r.string('router_id'),
    notificationEmail,
    notificationEmailFrom: r.string('notification_email_from'),
    smtpServer: r.setting((a) => (a[0] === undefined ? undefined : { host: a[0], ...(a[1] !== undefined ? { port: parsePort(a[1]) } : {}) }), 'smtp_server'),
    smtpConnectTimeout: r.setting(intArg, 'smtp_connect_timeout'),
    smtpAlert: r.flag('smtp_alert'),
    vrrpStrict: r.flag('vrrp_strict'),
    vrrpIptables: r.setting(allArgs, 'vrrp_iptables'),
    vrrpNftables: r.setting(allArgs, 'vrrp_nftables'),
    vrrpSkipCheckAdvAddr: r.flag('vrrp_skip_check_adv_addr'),
    vrrpGarpInterval: r.setting(secondsArg, 'vrrp_garp_interval'),
    vrrpGnaInterval: r.setting(secondsArg, 'vrrp_gna_interval'),
    vrrpVersion: r.setting(intArg, 'vrrp_version'),
    vrrpMcastGroup4: r.string('vrrp_mcast_group4'),
    vrrpMcastGroup6: r.string('vrrp_mcast_group6'),
    defaultInterface: r.string('default_interface'),
    enableScriptSecurity: r.flag('enable_script_security'),
    scriptUser: r.setting(userGroupArgs, 'script_user'),
    lvsSyncDaemon: r.setting(allArgs, 'lvs_sync_daemon', 'lvs_sync_daemon_interface'),
    lvsId: r.string('lvs_id'),
    startupScript: startup ? readScript(startup, ctx) : undefined,
    shutdownScript: shutdown ? readScript(shutdown, ctx) : undefined,
    settings: r.index(),
  };
}
