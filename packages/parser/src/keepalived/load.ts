import * as path from 'node:path';
import { buildKeepalivedModel } from '../model/keepalived/model.js';
import type { KeepalivedModel } from '../model/keepalived/model.js';
import type { Diagnostic } from '../source/diagnostic.js';
import { createMemoryFileSystem, nodeFileSystem } from '../source/file-system.js';
import type { FileSystem } from '../source/file-system.js';
import { SourceFile } from '../source/source-file.js';
import { parseKeepalived } from './parse.js';
import type { KeepalivedParseResult } from './parse.js';
import type { Definition } from './preprocess/definitions.js';
import type { KaEffectiveStatement } from './preprocess/effective.js';
import { Preprocessor } from './preprocess/preprocessor.js';

export interface LoadKeepalivedOptions {
  /** Where files are read from (default: the real file system). */
  fs?: FileSystem;
  /**
   * keepalived's config id (`keepalived -i ID`), matched by `@ID` / `@^ID` lines.
   * keepalived 2.x defaults it to the host name; a linter cannot know the target host,
   * so the default here is "no id": every `@ID` line is left out and every `@^ID` line is
   * kept, which is exactly what keepalived does on a host whose name matches none of the
   * ids. `configIds` in the result lists the ids a file names, to load once per id.
   */
  configId?: string;
  /** File texts by absolute path that take precedence over `fs` (unsaved editor buffers). */
  overlay?: Record<string, string>;
  /**
   * Bound on statements produced by `$NAME`/`~SEQ`/`~LST` expansion (default 500,000); past
   * it a `preprocess/too-large` error is reported and the rest is not expanded. Editors may
   * want a lower bound.
   */
  maxExpandedStatements?: number;
  /** Parse results to reuse when a file's text is unchanged (the language server keeps one per workspace). */
  cache?: Map<string, KeepalivedParseResult>;
}

export interface KeepalivedLoadResult {
  /** The entry file, as an absolute path. */
  entry: string;
  /** Every file read (entry and includes), by absolute path, with its syntax tree. */
  files: Map<string, KeepalivedParseResult>;
  /** The configuration as keepalived sees it after preprocessing. */
  statements: KaEffectiveStatement[];
  model: KeepalivedModel;
  /** Parse diagnostics of every file plus preprocessing findings (`include/…`, `preprocess/…`). */
  diagnostics: Diagnostic[];
  /** Config ids named by `@ID` / `@^ID` lines, in order of appearance. */
  configIds: string[];
  /** Definitions in force at the end of the configuration (built-ins included). */
  definitions: ReadonlyMap<string, Definition>;
}

/**
 * Loads a keepalived configuration the way keepalived 2.x reads it: includes (globs,
 * relative to the including file), `$NAME` definitions, `@ID` lines, `~SEQ`/`~LST`, then
 * builds the typed model. Never throws; an unreadable entry file gives an empty model
 * and a `load/unreadable` error.
 */
export function loadKeepalived(entryFile: string, options: LoadKeepalivedOptions = {}): KeepalivedLoadResult {
  const baseFs = options.fs ?? nodeFileSystem;
  const fs = options.overlay ? createMemoryFileSystem(options.overlay, baseFs) : baseFs;
  const entry = path.resolve(entryFile);
  const files = new Map<string, KeepalivedParseResult>();
  const parse = (fileName: string): KeepalivedParseResult | undefined => {
    const known = files.get(fileName);
    if (known) return known;
    const text = fs.readFile(fileName);
    if (text === undefined) return undefined;
    const cached = options.cache?.get(fileName);
    const result = cached && cached.source.text === text ? cached : parseKeepalived(text, fileName);
    options.cache?.set(fileName, result);
    files.set(fileName, result);
    return result;
  };
  const pre = new Preprocessor({ fs, configId: options.configId, parse, maxExpandedStatements: options.maxExpandedStatements });
  const diagnostics: Diagnostic[] = [];
  let statements: KaEffectiveStatement[] = [];
  try {
    if (!parse(entry)) {
      diagnostics.push({
        code: 'load/unreadable',
        severity: 'error',
        message: `Cannot read configuration file ${entry}`,
        fileName: entry,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      });
    } else {
      statements = pre.run(entry);
    }
  } catch (error) {
    // The preprocessor is written not to throw; if it ever does, report instead of crashing callers.
    diagnostics.push({
      code: 'load/internal',
      severity: 'error',
      message: `Internal error while preprocessing: ${error instanceof Error ? error.message : String(error)}`,
      fileName: entry,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    });
  }
  const sourceOf = (fileName: string) => files.get(fileName)?.source ?? new SourceFile(fileName, '');
  const seen = new Set<string>();
  for (const file of files.values()) {
    for (const d of file.diagnostics) {
      diagnostics.push(d);
      seen.add(`${d.code}|${d.fileName}|${file.source.offsetAt(d.range.start)}`);
    }
  }
  for (const p of pre.builder.problems) {
    if (seen.has(`${p.code}|${p.at.fileName}|${p.at.start}`)) continue;
    const source = sourceOf(p.at.fileName);
    const message =
      p.code === 'parse/unclosed-block'
        ? 'This block is still open at the end of the configuration (after includes and expansion): keepalived reads everything after it as part of it'
        : p.code === 'parse/unexpected-close-brace'
          ? "After includes and expansion this '}' closes no block (keepalived reports an extra '}')"
          : "After includes and expansion this '{' follows no keyword: keepalived ignores it, and its '}' then closes the enclosing block";
    diagnostics.push({ code: p.code, severity: 'error', message, fileName: p.at.fileName, range: source.rangeOf(p.at.start, p.at.end) });
  }
  for (const p of pre.problems) {
    diagnostics.push({ code: p.code, severity: p.severity, message: p.message, fileName: p.at.fileName, range: sourceOf(p.at.fileName).rangeOf(p.at.start, p.at.end) });
  }
  diagnostics.sort((a, b) => (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  const textOf = (fileName: string) => files.get(fileName)?.source.text;
  const model = buildKeepalivedModel(statements, { textOf });
  return { entry, files, statements, model, diagnostics, configIds: [...pre.conditionIds], definitions: pre.definitions };
}
