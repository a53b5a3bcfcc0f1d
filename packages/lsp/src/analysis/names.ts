import type { Range } from '@cfglint/parser';
import type { Chunk, ConfigDocument } from '../document/config-document.js';
import { symbolsOf, type NameSite } from './symbols.js';

/** A name site located in a document. */
export interface Located {
  site: NameSite;
  chunk: Chunk;
  range: Range;
  definition: boolean;
}

const locate = (chunk: Chunk, site: NameSite, definition: boolean): Located => ({ site, chunk, range: chunk.rangeOf(site.start, site.end), definition });

/** The definition or reference under `offset`, if any. */
export function siteAt(doc: ConfigDocument, offset: number): Located | undefined {
  const chunk = doc.chunks[doc.chunkIndexAtOffset(offset)];
  if (!chunk) return undefined;
  const rel = offset - chunk.start;
  const { definitions, references } = symbolsOf(chunk);
  const hit = (s: NameSite) => s.start <= rel && rel <= s.end;
  const d = definitions.find(hit);
  if (d) return locate(chunk, d, true);
  const r = references.find(hit);
  return r ? locate(chunk, r, false) : undefined;
}

/** Whether two sites name the same thing (same kind and name, same proxy for ACLs and servers). */
export function sameName(a: NameSite, b: NameSite): boolean {
  if (a.kind !== b.kind || a.name !== b.name) return false;
  if (a.kind === 'acl' || a.kind === 'server') return a.scope === b.scope;
  return true;
}

/** Every definition and reference of the name `site` spells, in document order. */
export function occurrences(doc: ConfigDocument, site: NameSite): Located[] {
  const out: Located[] = [];
  for (const chunk of doc.chunks) {
    const { definitions, references } = symbolsOf(chunk);
    for (const d of definitions) if (sameName(d, site)) out.push(locate(chunk, d, true));
    for (const r of references) if (sameName(r, site)) out.push(locate(chunk, r, false));
  }
  return out.sort((a, b) => a.chunk.start + a.site.start - (b.chunk.start + b.site.start));
}

/** The names of all definitions of a kind (for completion), optionally in one scope; no positions computed. */
export function definedNames(doc: ConfigDocument, kind: NameSite['kind'], scope?: string): string[] {
  const out: string[] = [];
  for (const chunk of doc.chunks) {
    for (const d of symbolsOf(chunk).definitions) {
      if (d.kind === kind && (scope === undefined || d.scope === scope)) out.push(d.name);
    }
  }
  return out;
}
