import type { KaEffectiveStatement } from '../../keepalived/preprocess/effective.js';
import { BlockReader } from './block-reader.js';
import type { KaElement, KaSetting } from './element.js';
import { parseInteger, intArg } from './values.js';

/** `track_file NAME { file PATH; weight W [reverse]; init_file [V] [overwrite] }` (vrrp_track_file is the old name). */
export interface KaTrackFile extends KaElement {
  name: string;
  file?: KaSetting<string>;
  weight?: KaSetting<{ weight: number; reverse: boolean }>;
}

/** `vrrp_track_process NAME { process …; weight; quorum; … }`. */
export interface KaTrackProcess extends KaElement {
  name: string;
  process?: KaSetting<string[]>;
  weight?: KaSetting<{ weight: number; reverse: boolean }>;
  quorum?: KaSetting<number>;
}

const readWeight = (a: string[]) => {
  const w = parseInteger(a[0]);
  return w === undefined ? undefined : { weight: w, reverse: a[1] === 'reverse' };
};

export function readTrackFile(block: KaEffectiveStatement): KaTrackFile {
  const r = new BlockReader(block.body ?? []);
  return { statement: block, fileName: block.fileName, node: block.node, name: block.args[0]?.value ?? '', file: r.string('file'), weight: r.setting(readWeight, 'weight') };
}

export function readTrackProcess(block: KaEffectiveStatement): KaTrackProcess {
  const r = new BlockReader(block.body ?? []);
  return {
    statement: block, fileName: block.fileName, node: block.node,
    name: block.args[0]?.value ?? '',
    process: r.setting((a) => (a.length ? a : undefined), 'process'),
    weight: r.setting(readWeight, 'weight'),
    quorum: r.setting(intArg, 'quorum'),
  };
}
