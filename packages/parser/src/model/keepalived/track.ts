import type { KaEffectiveStatement } from '../../keepalived/preprocess/effective.js';
import { argValues } from './element.js';
import type { KaElement } from './element.js';
import { parseInteger } from './values.js';
import { appendAll } from '../../source/append-all.js';

/**
 * One entry of a track_script / track_interface / track_process / track_file / track_bfd
 * list: `NAME [weight W] [reverse|noreverse]`.
 */
export interface KaTrackEntry extends KaElement {
  name: string;
  /** The weight when written (undefined when absent or not a number; see `weightText`). */
  weight?: number;
  weightText?: string;
  reverse: boolean;
}

export function readTrackList(block: KaEffectiveStatement | undefined): KaTrackEntry[] {
  if (!block) return [];
  const out: KaTrackEntry[] = [];
  // keepalived 1.x also accepted the names on the keyword line itself.
  const inline = block.body ? [] : argValues(block);
  for (const name of inline) out.push({ statement: block, fileName: block.fileName, node: block.node, name, reverse: false });
  for (const entry of block.body ?? []) {
    const args = argValues(entry);
    const track: KaTrackEntry = { statement: entry, fileName: entry.fileName, node: entry.node, name: entry.keyword.value, reverse: false };
    for (let i = 0; i < args.length; i++) {
      if (args[i] === 'weight' && i + 1 < args.length) {
        track.weightText = args[i + 1];
        const w = parseInteger(args[++i]);
        if (w !== undefined) track.weight = w;
      } else if (args[i] === 'reverse') track.reverse = true;
    }
    out.push(track);
  }
  return out;
}

/** Entries of every `keyword { … }` list of a block (keepalived appends repeated lists). */
export function readTrackLists(blocks: readonly KaEffectiveStatement[]): KaTrackEntry[] {
  const out: KaTrackEntry[] = [];
  for (const b of blocks) appendAll(out, readTrackList(b));
  return out;
}
