import * as path from 'node:path';
import type { Diagnostic } from '../source/diagnostic.js';
import { nodeFileSystem } from '../source/file-system.js';
import type { FileSystem } from '../source/file-system.js';
import { buildHaproxyModel } from '../model/haproxy/build-model.js';
import type { HaproxyModelOptions } from '../model/haproxy/build-model.js';
import type { HaproxyModel } from '../model/haproxy/types.js';
import { parseHaproxy } from './parse.js';
import type { HaproxyParseOptions, HaproxyParseResult } from './parse.js';

export interface HaproxyLoadOptions extends HaproxyModelOptions, HaproxyParseOptions {
  /** Where files are read from (default: the real file system). */
  fs?: FileSystem;
  /** Environment for `"${VAR}"` words and `defined()`; HAProxy with an empty environment when absent. */
  env?: Record<string, string>;
}

export interface HaproxyLoadResult {
  /** Every file read, by path, in reading order. */
  files: Map<string, HaproxyParseResult>;
  model: HaproxyModel;
  /** Parse, load and model diagnostics of every file. */
  diagnostics: Diagnostic[];
}

/**
 * The files HAProxy reads for `-f P1 -f P2 …`: a directory stands for its regular
 * files whose name ends in ".cfg" (the first ".cfg" in the name must be the end) and
 * does not start with ".", in byte order; subdirectories are skipped.
 */
export function expandHaproxyPaths(paths: readonly string[], fs: FileSystem): string[] {
  const files: string[] = [];
  for (const p of paths) {
    if (fs.isDirectory(p)) {
      const names = fs
        .readDirectory(p)
        .filter((name) => {
          const at = name.indexOf('.cfg');
          return name[0] !== '.' && at >= 0 && at + 4 === name.length;
        })
        .sort(compareBytes);
      for (const name of names) {
        const full = path.join(p, name);
        if (!fs.isDirectory(full)) files.push(full);
      }
    } else files.push(p);
  }
  return files;
}

function compareBytes(a: string, b: string): number {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return Buffer.compare(ba, bb);
}

/**
 * Loads configuration files and directories in the order HAProxy reads them
 * (`haproxy -f A -f DIR …`), parses each once and builds the semantic model.
 * Never throws: unreadable files become diagnostics.
 */
export function loadHaproxy(paths: readonly string[], options: HaproxyLoadOptions = {}): HaproxyLoadResult {
  const fs = options.fs ?? nodeFileSystem;
  const files = new Map<string, HaproxyParseResult>();
  const diagnostics: Diagnostic[] = [];
  const order: HaproxyParseResult[] = [];
  for (const fileName of expandHaproxyPaths(paths, fs)) {
    let parsed = files.get(fileName);
    if (!parsed) {
      const text = fs.readFile(fileName);
      if (text === undefined) {
        diagnostics.push({
          code: 'include/not-found',
          severity: 'error',
          message: `cannot open configuration file ${fileName}: HAProxy will not start`,
          fileName,
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        });
        continue;
      }
      parsed = parseHaproxy(text, fileName, options);
      files.set(fileName, parsed);
      for (const d of parsed.diagnostics) diagnostics.push(d);
    }
    order.push(parsed);
  }
  const { model, diagnostics: modelDiagnostics } = buildHaproxyModel(
    order.map((r) => ({ fileName: r.source.fileName, ast: r.ast, source: r.source })),
    { ...options, env: options.env ?? {} },
  );
  for (const d of modelDiagnostics) diagnostics.push(d);
  return { files, model, diagnostics };
}
