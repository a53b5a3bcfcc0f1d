import type { BlockReader } from './block-reader.js';
import type { ModelContext } from './element.js';
import { readScript } from './script.js';
import type { KaScript } from './script.js';

/** Notify scripts of a vrrp_instance or vrrp_sync_group. */
export interface KaNotify {
  master?: KaScript;
  backup?: KaScript;
  fault?: KaScript;
  stop?: KaScript;
  deleted?: KaScript;
  /** `notify` (any transition). */
  any?: KaScript;
  masterRxLowerPri?: KaScript;
}

export function readNotify(r: BlockReader, ctx: ModelContext): KaNotify {
  const notify: KaNotify = {};
  const pick = (keyword: string) => {
    const s = r.last(keyword);
    return s ? readScript(s, ctx) : undefined;
  };
  const set = <K extends keyof KaNotify>(key: K, keyword: string) => {
    const script = pick(keyword);
    if (script) notify[key] = script;
  };
  set('master', 'notify_master');
  set('backup', 'notify_backup');
  set('fault', 'notify_fault');
  set('stop', 'notify_stop');
  set('deleted', 'notify_deleted');
  set('any', 'notify');
  set('masterRxLowerPri', 'notify_master_rx_lower_pri');
  return notify;
}
