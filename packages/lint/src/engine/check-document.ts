import * as path from 'node:path';
import type { Diagnostic, FileSystem } from '@cfglint/parser';
import { loadHaproxy, loadKeepalived } from '@cfglint/parser';
import type { LintTarget, TargetVersions } from './types.js';

export interface CheckedDocument {
  /** Absolute paths of every file the check read (the target and what it includes). */
  files: string[];
  diagnostics: Diagnostic[];
}

/** Parses and loads one target, with the loaders' diagnostics. */
export function checkDocument(target: LintTarget, options: { fs: FileSystem; versions: TargetVersions }): CheckedDocument {
  const entry = path.resolve(target.filePath);
  const loaded = target.language === 'keepalived' ? loadKeepalived(entry, { fs: options.fs }) : loadHaproxy([entry], { fs: options.fs });
  return {
    files: [...loaded.files.keys()].map((f) => path.resolve(f)),
    diagnostics: loaded.diagnostics,
  };
}
