import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { languageFromPath, type Language } from '../document/language.js';

/** Directory names between a host's directory and its config files (as the linter's host grouping). */
const CONFIG_SUBDIRECTORIES = new Set(['etc', 'keepalived', 'haproxy', 'conf.d', 'conf']);
const SKIPPED = new Set(['node_modules', '.git', '.hg', '.svn']);
const MAX_FILES = 64;
const MAX_DEPTH = 4;

export interface PeerFile {
  fileName: string;
  language: Language;
}

/** The directory standing for a config file's host: `<host>/keepalived.conf`, `<host>/etc/keepalived/…`. */
export function hostDirectory(fileName: string): string {
  let dir = path.dirname(path.resolve(fileName));
  while (CONFIG_SUBDIRECTORIES.has(path.basename(dir).toLowerCase()) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

/**
 * Finds the config files of a file's cluster neighbours without configuration, for the usual
 * layout of one directory per host: the config files in the sibling directories of the
 * file's host directory (and `<host>.keepalived.conf` files beside it). Bounded, so a huge
 * workspace costs little; the linter decides which of them are really peers.
 */
export class PeerFinder {
  private readonly listings = new Map<string, PeerFile[]>();

  /** Forgets cached listings (a watched file was created or deleted). */
  invalidate(): void {
    this.listings.clear();
  }

  peersOf(fileName: string, explicitNodes: Record<string, string[]> = {}): PeerFile[] {
    const absolute = path.resolve(fileName);
    for (const files of Object.values(explicitNodes)) {
      if (files.includes(absolute)) {
        const all = Object.values(explicitNodes).flat();
        return all.flatMap((f) => {
          const language = languageFromPath(f);
          return language && f !== absolute ? [{ fileName: f, language }] : [];
        });
      }
    }
    const host = hostDirectory(absolute);
    const root = path.dirname(host);
    if (root === host) return [];
    return this.list(root).filter((p) => p.fileName !== absolute);
  }

  private list(root: string): PeerFile[] {
    const cached = this.listings.get(root);
    if (cached) return cached;
    const found: PeerFile[] = [];
    const walk = (dir: string, depth: number) => {
      if (found.length >= MAX_FILES || depth > MAX_DEPTH) return;
      let entries;
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const entry of entries) {
        if (found.length >= MAX_FILES) return;
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (!SKIPPED.has(entry.name) && !entry.name.startsWith('.')) walk(full, depth + 1);
        } else if (entry.isFile()) {
          const language = languageFromPath(full);
          if (language) found.push({ fileName: full, language });
        }
      }
    };
    walk(root, 0);
    this.listings.set(root, found);
    return found;
  }
}
