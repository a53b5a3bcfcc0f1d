import * as path from 'node:path';
import type { Diagnostic, FileSystem } from '@cfglint/parser';
import { nodeFileSystem } from '@cfglint/parser';
import { readConfigText } from '../cli/read-text.js';
import { checkDocument } from './check-document.js';
import { toLintResult } from './to-lint-result.js';
import type { LintResult, LintTarget, TargetVersions } from './types.js';

export interface LintOptions {
  versions?: TargetVersions;
  fs?: FileSystem;
}

export interface LintOutcome {
  results: LintResult[];
  /** Files that could not be read as text, one line each. */
  unreadable: string[];
}

/** A file system that refuses binary and non-UTF-8 files the way the CLI does. */
const textOnlyFileSystem: FileSystem = {
  ...nodeFileSystem,
  readFile(fileName) {
    const read = readConfigText(fileName);
    return read.ok ? read.text : undefined;
  },
};

/**
 * Lints the given files. A keepalived file included by another target is checked
 * as part of the file that includes it, not on its own (its variables and context
 * come from there).
 */
export function lintTargets(targets: LintTarget[], options: LintOptions = {}): LintOutcome {
  const fs = options.fs ?? textOnlyFileSystem;
  const unreadable: string[] = [];
  const checked = [];
  for (const target of targets) {
    const read = readConfigText(target.filePath);
    if (!read.ok) {
      unreadable.push(`${target.filePath}: ${read.reason}`);
      continue;
    }
    checked.push({ target, ...checkDocument(target, { fs, versions: options.versions ?? {} }) });
  }

  const includedByOthers = new Set<string>();
  for (const doc of checked) {
    const self = path.resolve(doc.target.filePath);
    for (const file of doc.files) if (file !== self) includedByOthers.add(file);
  }

  const byFile = new Map<string, Diagnostic[]>();
  for (const doc of checked) {
    const self = path.resolve(doc.target.filePath);
    if (includedByOthers.has(self)) continue;
    for (const file of doc.files) if (!byFile.has(file)) byFile.set(file, []);
    for (const diagnostic of doc.diagnostics) {
      const file = path.resolve(diagnostic.fileName);
      const list = byFile.get(file) ?? [];
      list.push(diagnostic);
      byFile.set(file, list);
    }
  }
  const results = [...byFile].map(([file, diagnostics]) => toLintResult(file, diagnostics));
  results.sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
  return { results, unreadable };
}
