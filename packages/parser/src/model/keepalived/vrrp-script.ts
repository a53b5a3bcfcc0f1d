import type { KaEffectiveStatement } from '../../keepalived/preprocess/effective.js';
import { BlockReader } from './block-reader.js';
import type { KaElement, KaSetting, ModelContext } from './element.js';
import { readScript } from './script.js';
import type { KaScript } from './script.js';
import { intArg, secondsArg, userGroupArgs, weightArgs } from './values.js';

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
    interval: r.setting(secondsArg, 'interval'),
    timeout: r.setting(secondsArg, 'timeout'),
    weight: r.setting(weightArgs, 'weight'),
    rise: r.setting(intArg, 'rise'),
    fall: r.setting(intArg, 'fall'),
    user: r.setting(userGroupArgs, 'user'),
    initFail: r.flag('init_fail'),
  };
}
