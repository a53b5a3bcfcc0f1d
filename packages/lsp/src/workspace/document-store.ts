import * as path from 'node:path';
import { ConfigDocument, type ContentChange } from '../document/config-document.js';
import { languageFromId, languageFromPath, type Language } from '../document/language.js';
import { uriToPath } from '../convert.js';

/** The open documents of our two languages, by URI. */
export class DocumentStore {
  private readonly docs = new Map<string, ConfigDocument>();

  open(uri: string, languageId: string, version: number, text: string): ConfigDocument | undefined {
    let fileName = uriToPath(uri);
    const language: Language | undefined = languageFromId(languageId) ?? languageFromPath(fileName);
    if (!language) return undefined;
    // An unsaved buffer (untitled:, vscode-notebook-cell:…) gets a made-up absolute path of its
    // own, so the checks read it from the overlays and find no peers on disk.
    if (!path.isAbsolute(fileName)) fileName = path.join(path.sep, '.cfglint-unsaved', encodeURIComponent(uri), language === 'haproxy' ? 'haproxy.cfg' : 'keepalived.conf');
    this.docs.get(uri)?.dispose();
    const doc = new ConfigDocument(uri, fileName, language, version, text);
    this.docs.set(uri, doc);
    return doc;
  }

  change(uri: string, version: number, changes: readonly ContentChange[]): ConfigDocument | undefined {
    const doc = this.docs.get(uri);
    if (!doc) return undefined;
    doc.update(changes, version);
    return doc;
  }

  close(uri: string): ConfigDocument | undefined {
    const doc = this.docs.get(uri);
    this.docs.delete(uri);
    doc?.dispose();
    return doc;
  }

  get(uri: string): ConfigDocument | undefined {
    return this.docs.get(uri);
  }

  all(): ConfigDocument[] {
    return [...this.docs.values()];
  }

  /**
   * Unsaved texts by absolute path, for checks that read other files: each as its chunk
   * texts, so the main thread never builds a copy of a big file for a check.
   */
  overlays(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const doc of this.docs.values()) out[doc.fileName] = doc.pieces;
    return out;
  }
}
