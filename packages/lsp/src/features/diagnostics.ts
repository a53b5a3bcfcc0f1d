import * as path from 'node:path';
import type { Range } from '@cfglint/parser';
import type { Connection } from 'vscode-languageserver';
import type { Checker } from '../analysis/checker.js';
import type { CheckRequest, Finding } from '../analysis/full-check.js';
import { toLspDiagnostic } from '../convert.js';
import type { ConfigDocument, ContentChange } from '../document/config-document.js';
import type { Logger } from '../guard.js';
import type { DocumentStore } from '../workspace/document-store.js';
import type { PeerFinder } from '../workspace/peers.js';
import type { CfglintConfig } from '@cfglint/lint';
import type { Settings } from '../workspace/settings.js';

/*
 * Diagnostics in two steps, so what the user sees after an edit does not wait for the
 * whole cluster to be checked:
 * 1. at once (in the same turn as the change): syntax findings of the re-parsed chunks, plus
 *    the last full check's other findings moved along with the edit;
 * 2. the full check (parse, schema, lint rules across the cluster's files) on the check
 *    worker, published when it comes back for the current version.
 */

interface DocState {
  /** Findings of the last full check other than syntax ones, kept in step with edits. */
  semantic: Finding[];
  /** Version the last full check ran on. */
  checkedVersion: number;
  /** Bumped whenever something the check reads changed (the text, a peer, the settings). */
  generation: number;
  /** The generation the last finished check saw. */
  checkedGeneration: number;
  /** Files the last full check read for this document (includes, peers). */
  files: Set<string>;
  running: boolean;
  timer?: NodeJS.Timeout;
  /** Findings last published (code actions read them by index). */
  published: Finding[];
}

/** Quiet time after an edit in one file before its open peers are re-checked. */
const PEER_TYPING_DELAY = 300;

const isSyntax = (code: string) => code.startsWith('lex/') || code.startsWith('parse/');

export interface DiagnosticsDeps {
  connection: Connection;
  documents: DocumentStore;
  checker: Checker;
  peers: PeerFinder;
  settingsFor(doc: ConfigDocument): Settings;
  lintConfigFor(doc: ConfigDocument): CfglintConfig;
  /** Node name → files, when the project config names the cluster's hosts. */
  nodesFor(doc: ConfigDocument): Record<string, string[]>;
  log: Logger;
}

export class DiagnosticsService {
  private readonly states = new Map<string, DocState>();
  private pendingFast = new Set<string>();
  private fastScheduled = false;

  constructor(private readonly deps: DiagnosticsDeps) {}

  opened(doc: ConfigDocument): void {
    this.states.set(doc.uri, { semantic: [], checkedVersion: -1, generation: 1, checkedGeneration: 0, files: new Set([doc.fileName]), running: false, published: [] });
    this.publishFast(doc);
    this.scheduleFull(doc);
  }

  changed(doc: ConfigDocument, changes: readonly ContentChange[]): void {
    const state = this.states.get(doc.uri);
    if (!state) return this.opened(doc);
    for (const change of changes) state.semantic = moveFindings(state.semantic, change, doc.fileName);
    // Changes that arrive together are published once.
    this.pendingFast.add(doc.uri);
    if (!this.fastScheduled) {
      this.fastScheduled = true;
      queueMicrotask(() => {
        this.fastScheduled = false;
        const uris = this.pendingFast;
        this.pendingFast = new Set();
        for (const uri of uris) {
          const d = this.deps.documents.get(uri);
          if (d) this.publishFast(d);
        }
      });
    }
    this.scheduleFull(doc);
  }

  closed(uri: string): void {
    const state = this.states.get(uri);
    if (state?.timer) clearTimeout(state.timer);
    this.states.delete(uri);
    this.deps.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /**
   * A config file changed on disk or in another editor: re-check the other open documents.
   * Any of them may read it (include) or count it as a peer; a check is cheap next to a
   * stale cross-host finding.
   */
  fileChanged(fileName: string, options: { whileTyping?: boolean } = {}): void {
    const absolute = path.resolve(fileName);
    for (const doc of this.deps.documents.all()) {
      // While someone types in the other file, wait for a pause before re-checking this one.
      if (doc.fileName !== absolute) this.scheduleFull(doc, options.whileTyping ? PEER_TYPING_DELAY : 0);
    }
  }

  /** Settings or the project config changed. */
  recheckAll(): void {
    for (const doc of this.deps.documents.all()) this.scheduleFull(doc);
  }

  /** Whether the last full check saw the document's current text (so its fix offsets still apply). */
  fixesCurrent(doc: ConfigDocument): boolean {
    return this.states.get(doc.uri)?.checkedVersion === doc.version;
  }

  /** Findings as last published for a document, in the order of their `data.index`. */
  findingsOf(uri: string): Finding[] {
    return this.states.get(uri)?.published ?? [];
  }

  private publishFast(doc: ConfigDocument): void {
    const state = this.states.get(doc.uri);
    if (!state) return;
    const syntax: Finding[] = [];
    for (const chunk of doc.chunks) {
      for (const d of chunk.diagnostics) {
        syntax.push({ ...d, fileName: doc.fileName, range: shiftRange(d.range, chunk.line) });
      }
    }
    this.publish(doc, state, syntax.concat(state.semantic));
  }

  private publish(doc: ConfigDocument, state: DocState, findings: Finding[]): void {
    const rules = this.deps.settingsFor(doc).rules;
    const shown = findings.filter((f) => rules[f.code] !== 'off');
    state.published = shown;
    this.deps.connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: shown.map(toLspDiagnostic) });
  }

  private scheduleFull(doc: ConfigDocument, minDelay = 0): void {
    const state = this.states.get(doc.uri);
    if (!state) return;
    state.generation++;
    if (state.timer) clearTimeout(state.timer);
    const delay = Math.max(minDelay, this.deps.settingsFor(doc).diagnosticsDelay);
    state.timer = setTimeout(() => {
      state.timer = undefined;
      void this.runFull(doc.uri);
    }, delay);
  }

  private async runFull(uri: string): Promise<void> {
    const doc = this.deps.documents.get(uri);
    const state = this.states.get(uri);
    if (!doc || !state || state.running) return;
    if (state.checkedGeneration === state.generation) return;
    const generation = state.generation;
    const version = doc.version;
    const settings = this.deps.settingsFor(doc);
    const peers = this.deps.peers.peersOf(doc.fileName, this.deps.nodesFor(doc));
    const request: CheckRequest = {
      entries: [{ fileName: doc.fileName, language: doc.language }, ...peers],
      overlays: this.deps.documents.overlays(),
      config: this.deps.lintConfigFor(doc),
      versions: settings.versions,
    };
    state.running = true;
    try {
      const result = await this.deps.checker.check(request);
      const current = this.deps.documents.get(uri);
      if (!current || this.states.get(uri) !== state) return;
      state.files = new Set(Object.keys(result.byFile));
      if (current.version !== version) return; // a newer version is scheduled already
      state.checkedVersion = version;
      state.checkedGeneration = generation;
      state.semantic = (result.byFile[doc.fileName] ?? []).filter((f) => !isSyntax(f.code));
      this.publishFast(current);
    } catch (error) {
      this.deps.log(`full check of ${doc.fileName} failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      state.running = false;
      const current = this.deps.documents.get(uri);
      // Something changed while the check ran: check again.
      if (current && this.states.get(uri) === state && state.checkedGeneration !== state.generation && !state.timer) {
        state.timer = setTimeout(() => {
          state.timer = undefined;
          void this.runFull(uri);
        }, 0);
      }
    }
  }
}

function shiftRange(range: Range, lines: number): Range {
  if (lines === 0) return range;
  return { start: { line: range.start.line + lines, character: range.start.character }, end: { line: range.end.line + lines, character: range.end.character } };
}

const before = (a: { line: number; character: number }, b: { line: number; character: number }) => a.line < b.line || (a.line === b.line && a.character <= b.character);

/**
 * Moves findings along with one edit: those before it stay, those after it shift, those
 * overlapping it are dropped until the next full check says whether they still hold.
 */
export function moveFindings(findings: Finding[], change: ContentChange, fileName: string): Finding[] {
  if (!change.range) return [];
  const { start, end } = change.range;
  const newLines = change.text.split('\n');
  const lineDelta = newLines.length - 1 - (end.line - start.line);
  const endCharAfter = newLines.length === 1 ? start.character + change.text.length : newLines[newLines.length - 1].length;
  const movePos = (p: { line: number; character: number }) =>
    p.line === end.line ? { line: p.line + lineDelta, character: endCharAfter + (p.character - end.character) } : { line: p.line + lineDelta, character: p.character };
  const moveRange = (r: Range): Range | undefined => {
    if (before(r.end, start)) return r;
    if (before(end, r.start)) return { start: movePos(r.start), end: movePos(r.end) };
    return undefined;
  };
  const out: Finding[] = [];
  for (const f of findings) {
    const range = moveRange(f.range);
    if (!range) continue;
    const related = f.related?.map((r) => (path.resolve(r.location.fileName) === fileName ? { ...r, location: { ...r.location, range: moveRange(r.location.range) ?? r.location.range } } : r));
    out.push({ ...f, range, related });
  }
  return out;
}
