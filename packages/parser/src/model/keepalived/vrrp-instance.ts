import type { KaEffectiveStatement } from '../../keepalived/preprocess/effective.js';
import { BlockReader } from './block-reader.js';
import { argValues } from './element.js';
import type { KaElement, KaSetting, ModelContext } from './element.js';
import { readIpAddressList } from './ip-address.js';
import type { KaIpAddress } from './ip-address.js';
import { readNotify } from './notify.js';
import type { KaNotify } from './notify.js';
import { readRoutes, readRules } from './route.js';
import type { KaRoute, KaRule } from './route.js';
import { readTrackLists } from './track.js';
import type { KaTrackEntry } from './track.js';
import { parseBool, parseInteger, intArg, secondsArg, allArgs } from './values.js';

export interface KaUnicastPeer extends KaElement {
  address: string;
  minTtl?: number;
  maxTtl?: number;
}

export interface KaAuthentication extends KaElement {
  /** PASS or AH (as written; keepalived compares case-sensitively). */
  authType?: KaSetting<string>;
  authPass?: KaSetting<string>;
}

/** `vrrp_instance NAME { … }`: one VRRP router. */
export interface KaVrrpInstance extends KaElement {
  name: string;
  /** MASTER or BACKUP; undefined for anything else (see `.args`). */
  state?: KaSetting<'MASTER' | 'BACKUP'>;
  interface?: KaSetting<string>;
  virtualRouterId?: KaSetting<number>;
  priority?: KaSetting<number>;
  /** Seconds (fractions allowed). */
  advertInt?: KaSetting<number>;
  authentication?: KaAuthentication;
  virtualIpAddresses: KaIpAddress[];
  virtualIpAddressesExcluded: KaIpAddress[];
  virtualRoutes: KaRoute[];
  virtualRules: KaRule[];
  unicastSrcIp?: KaSetting<string>;
  unicastPeers: KaUnicastPeer[];
  mcastSrcIp?: KaSetting<string>;
  trackScripts: KaTrackEntry[];
  trackInterfaces: KaTrackEntry[];
  trackProcesses: KaTrackEntry[];
  trackFiles: KaTrackEntry[];
  trackBfds: KaTrackEntry[];
  notify: KaNotify;
  nopreempt?: KaSetting<boolean>;
  /** `preempt` (a no-op kept for old files). */
  preempt?: KaSetting<boolean>;
  preemptDelay?: KaSetting<number>;
  accept?: KaSetting<boolean>;
  noAccept?: KaSetting<boolean>;
  /** `strict_mode [BOOL]`; absent means vrrp_strict decides. */
  strictMode?: KaSetting<boolean>;
  version?: KaSetting<number>;
  useVmac?: KaSetting<string[]>;
  dontTrackPrimary?: KaSetting<boolean>;
  smtpAlert?: KaSetting<boolean>;
  garpMasterDelay?: KaSetting<number>;
  /** Name of the vrrp_sync_group that lists this instance, if any. */
  syncGroup?: string;
}

export function readVrrpInstance(block: KaEffectiveStatement, ctx: ModelContext): KaVrrpInstance {
  const r = new BlockReader(block.body ?? []);
  const auth = r.last('authentication');
  let authentication: KaAuthentication | undefined;
  if (auth) {
    const a = new BlockReader(auth.body ?? []);
    authentication = { statement: auth, fileName: auth.fileName, node: auth.node, authType: a.string('auth_type'), authPass: a.string('auth_pass') };
  }
  const unicastPeers: KaUnicastPeer[] = [];
  for (const list of r.all('unicast_peer')) {
    for (const entry of list.body ?? []) {
      const peer: KaUnicastPeer = { statement: entry, fileName: entry.fileName, node: entry.node, address: entry.keyword.value };
      const args = argValues(entry);
      for (let i = 0; i + 1 < args.length; i += 2) {
        if (args[i] === 'min_ttl') peer.minTtl = parseInteger(args[i + 1]);
        else if (args[i] === 'max_ttl') peer.maxTtl = parseInteger(args[i + 1]);
      }
      unicastPeers.push(peer);
    }
  }
  const ipLists = (keyword: string) => r.all(keyword).flatMap((b) => readIpAddressList(b));
  return {
    statement: block, fileName: block.fileName, node: block.node,
    name: block.args[0]?.value ?? '',
    state: r.setting((a) => (a[0] === 'MASTER' || a[0] === 'BACKUP' ? a[0] : undefined), 'state'),
    interface: r.string('interface'),
    virtualRouterId: r.setting(intArg, 'virtual_router_id'),
    priority: r.setting(intArg, 'priority'),
    advertInt: r.setting(secondsArg, 'advert_int'),
    authentication,
    virtualIpAddresses: ipLists('virtual_ipaddress'),
    virtualIpAddressesExcluded: ipLists('virtual_ipaddress_excluded'),
    virtualRoutes: r.all('virtual_routes').flatMap((b) => readRoutes(b)),
    virtualRules: r.all('virtual_rules').flatMap((b) => readRules(b)),
    unicastSrcIp: r.string('unicast_src_ip'),
    unicastPeers,
    mcastSrcIp: r.string('mcast_src_ip'),
    trackScripts: readTrackLists(r.all('track_script')),
    trackInterfaces: readTrackLists(r.all('track_interface')),
    trackProcesses: readTrackLists(r.all('track_process')),
    trackFiles: readTrackLists(r.all('track_file')),
    trackBfds: readTrackLists(r.all('track_bfd')),
    notify: readNotify(r, ctx),
    nopreempt: r.flag('nopreempt', 'no_preempt'),
    preempt: r.flag('preempt'),
    preemptDelay: r.setting(secondsArg, 'preempt_delay'),
    accept: r.flag('accept'),
    noAccept: r.flag('no_accept'),
    strictMode: r.setting((a) => (a.length ? parseBool(a[0]) : true), 'strict_mode'),
    version: r.setting(intArg, 'version'),
    useVmac: r.setting(allArgs, 'use_vmac'),
    dontTrackPrimary: r.flag('dont_track_primary'),
    smtpAlert: r.flag('smtp_alert'),
    garpMasterDelay: r.setting(intArg, 'garp_master_delay'),
  };
}
