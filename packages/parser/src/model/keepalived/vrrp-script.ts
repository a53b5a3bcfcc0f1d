import type { KaEffectiveStatement } from '../../keepalived/preprocess/effective.js';
import { BlockReader } from './block-reader.js';
import type { KaElement, KaSetting, ModelContext } from './element.js';
import { readScript } from './script.js';
import type { KaScript } from './script.js';
import { parseInteger, parseSeconds } from './values.js';

/** `vrrp_script NAME { script …; interval; timeout; weight W [reverse]; rise; fall; user; init_fail }`. */
export interface KaVrrpScript extends KaElement {
  name: string;
  script?: KaScript;
  interval?: KaSetting<number>;
  timeout?: KaSetting<number>;
  weight?: KaSetting<{ weight: number; reverse: boolean }>;
  rise?: KaSetting<number>;
  fall?: KaSetting<number>;
  user?: KaSetting<{ user: string; group?: string }>;
  initFail?: KaSetting<boolean>;
}

export function readVrrpScript(block: KaEffectiveStatement, ctx: ModelContext): KaVrrpScript {
  const r = new BlockReader(block.body ?? []);
  const script = r.last('script');
  return {
    statement: block, fileName: block.fileName, node: block.node,
    name: block.args[0]?.value ?? '',
    script: script ? readScript(script, ctx) : undefined,
    interval: r.setting((a) => parseSeconds(a[0]), 'interval'),
    timeout: r.setting((a) => parseSeconds(a[0]), 'timeout'),
    weight: r.setting((a) => {
      const w = parseInteger(a[0]);
      return w === undefined ? undefined : { weight: w, reverse: a[1] === 'reverse' };
    }, 'weight'),
    rise: r.setting((a) => parseInteger(a[0]), 'rise'),
    fall: r.setting((a) => parseInteger(a[0]), 'fall'),
    user: r.setting((a) => (a[0] === undefined ? undefined : { user: a[0], ...(a[1] !== undefined ? { group: a[1] } : {}) }), 'user'),
    initFail: r.flag('init_fail'),
  };
}
