import type { KaEffectiveStatement } from '../../keepalived/preprocess/effective.js';
import type { ModelContext } from './element.js';
import { readGlobalDefs } from './global-defs.js';
import type { KaGlobalDefs } from './global-defs.js';
import { readIpAddressList } from './ip-address.js';
import type { KaIpAddress } from './ip-address.js';
import { readRoutes, readRules } from './route.js';
import type { KaRoute, KaRule } from './route.js';
import { readTrackFile, readTrackProcess } from './track-definitions.js';
import type { KaTrackFile, KaTrackProcess } from './track-definitions.js';
import { readVirtualServerGroup } from './virtual-server-group.js';
import type { KaVirtualServerGroup } from './virtual-server-group.js';
import { readVirtualServer } from './virtual-server.js';
import type { KaVirtualServer } from './virtual-server.js';
import { readVrrpInstance } from './vrrp-instance.js';
import type { KaVrrpInstance } from './vrrp-instance.js';
import { readVrrpScript } from './vrrp-script.js';
import type { KaVrrpScript } from './vrrp-script.js';
import { readVrrpSyncGroup } from './vrrp-sync-group.js';
import type { KaVrrpSyncGroup } from './vrrp-sync-group.js';
import { appendAll } from '../../source/append-all.js';

/**
 * The typed view of one keepalived configuration (after preprocessing). Plain data:
 * every element keeps its effective statement, file and syntax node for locations.
 * Elements keep the order they are written in; duplicates (two vrrp_instance VI_1) are
 * all kept, so rules can report them.
 */
export interface KeepalivedModel {
  /** Merged global_defs; undefined when the configuration has none. */
  globalDefs?: KaGlobalDefs;
  vrrpScripts: KaVrrpScript[];
  vrrpSyncGroups: KaVrrpSyncGroup[];
  vrrpInstances: KaVrrpInstance[];
  trackFiles: KaTrackFile[];
  trackProcesses: KaTrackProcess[];
  virtualServerGroups: KaVirtualServerGroup[];
  virtualServers: KaVirtualServer[];
  staticIpAddresses: KaIpAddress[];
  staticRoutes: KaRoute[];
  staticRules: KaRule[];
  /** Top-level statements not modelled above (bfd_instance, garp_group, SSL, linkbeat_interfaces, unknown keywords…). */
  others: KaEffectiveStatement[];
}

/** Builds the model from effective statements. Never throws. */
export function buildKeepalivedModel(statements: readonly KaEffectiveStatement[], ctx: ModelContext = { textOf: () => undefined }): KeepalivedModel {
  const model: KeepalivedModel = {
    vrrpScripts: [],
    vrrpSyncGroups: [],
    vrrpInstances: [],
    trackFiles: [],
    trackProcesses: [],
    virtualServerGroups: [],
    virtualServers: [],
    staticIpAddresses: [],
    staticRoutes: [],
    staticRules: [],
    others: [],
  };
  const globals: KaEffectiveStatement[] = [];
  for (const s of statements) {
    if (!s.body) {
      model.others.push(s);
      continue;
    }
    switch (s.keyword.value) {
      case 'global_defs':
        globals.push(s);
        break;
      case 'vrrp_script':
        model.vrrpScripts.push(readVrrpScript(s, ctx));
        break;
      case 'vrrp_sync_group':
        model.vrrpSyncGroups.push(readVrrpSyncGroup(s, ctx));
        break;
      case 'vrrp_instance':
        model.vrrpInstances.push(readVrrpInstance(s, ctx));
        break;
      case 'track_file':
      case 'vrrp_track_file':
        model.trackFiles.push(readTrackFile(s));
        break;
      case 'vrrp_track_process':
        model.trackProcesses.push(readTrackProcess(s));
        break;
      case 'virtual_server_group':
        model.virtualServerGroups.push(readVirtualServerGroup(s));
        break;
      case 'virtual_server':
        model.virtualServers.push(readVirtualServer(s, ctx));
        break;
      case 'static_ipaddress':
        appendAll(model.staticIpAddresses, readIpAddressList(s));
        break;
      case 'static_routes':
        appendAll(model.staticRoutes, readRoutes(s));
        break;
      case 'static_rules':
        appendAll(model.staticRules, readRules(s));
        break;
      default:
        model.others.push(s);
    }
  }
  if (globals.length) model.globalDefs = readGlobalDefs(globals, ctx);
  const byName = new Map(model.vrrpInstances.map((i) => [i.name, i] as const));
  for (const group of model.vrrpSyncGroups) {
    for (const member of group.members) {
      const instance = byName.get(member.name);
      if (instance && instance.syncGroup === undefined) instance.syncGroup = group.name;
    }
  }
  return model;
}
