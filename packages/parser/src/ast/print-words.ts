import type { Word } from './common.js';
import type { SourceFile } from '../source/source-file.js';

/** Pieces both tree printers share: node positions and words, as snapshots show them. */
export function treePrinterParts(source: SourceFile) {
  const at = (n: { start: number }) => {
    const p = source.positionAt(n.start);
    return `${p.line + 1}:${p.character + 1}`;
  };
  /** `"text"`, or `"text"=>"value"{flags}` when unquoting or variables change it. */
  const word = (w: Word) => {
    const raw = JSON.stringify(w.text);
    const flags = (w.quoted ? ' quoted' : '') + (w.hasVariable ? ' var' : '');
    return w.value === w.text && !flags ? raw : `${raw}=>${JSON.stringify(w.value)}${flags ? `{${flags.trim()}}` : ''}`;
  };
  const words = (ws: readonly Word[]) => `[${ws.map(word).join(' ')}]`;
  return { at, word, words };
}
