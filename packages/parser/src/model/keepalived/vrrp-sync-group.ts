import type { KaEffectiveStatement } from '../../keepalived/preprocess/effective.js';
import { BlockReader } from './block-reader.js';
import type { KaElement, KaSetting, ModelContext } from './element.js';
import { readNotify } from './notify.js';
import type { KaNotify } from './notify.js';
import { readTrackLists } from './track.js';
import type { KaTrackEntry } from './track.js';

/** `vrrp_sync_group NAME { group { INSTANCE… } notify…; track_*; smtp_alert }`. */
export interface KaVrrpSyncGroup extends KaElement {
  name: string;
  /** Member instance names, each with its entry's location. */
  members: (KaElement & { name: string })[];
  notify: KaNotify;
  trackScripts: KaTrackEntry[];
  trackInterfaces: KaTrackEntry[];
  trackProcesses: KaTrackEntry[];
  trackFiles: KaTrackEntry[];
  trackBfds: KaTrackEntry[];
  smtpAlert?: KaSetting<boolean>;
}

export function readVrrpSyncGroup(block: KaEffectiveStatement, ctx: ModelContext): KaVrrpSyncGroup {
  const r = new BlockReader(block.body ?? []);
  const members: (KaElement & { name: string })[] = [];
  for (const group of r.all('group')) {
    for (const entry of group.body ?? []) {
      members.push({ statement: entry, fileName: entry.fileName, node: entry.node, name: entry.keyword.value });
      for (const extra of entry.args) members.push({ statement: entry, fileName: entry.fileName, node: entry.node, name: extra.value });
    }
  }
  return {
    statement: block, fileName: block.fileName, node: block.node,
    name: block.args[0]?.value ?? '',
    members,
    notify: readNotify(r, ctx),
    trackScripts: readTrackLists(r.all('track_script')),
    trackInterfaces: readTrackLists(r.all('track_interface')),
    trackProcesses: readTrackLists(r.all('track_process')),
    trackFiles: readTrackLists(r.all('track_file')),
    trackBfds: readTrackLists(r.all('track_bfd')),
    smtpAlert: r.flag('smtp_alert'),
  };
}
