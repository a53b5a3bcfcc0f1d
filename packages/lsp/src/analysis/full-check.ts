import * as path from 'node:path';
import type { Diagnostic } from '@cfglint/parser';
import { createMemoryFileSystem, loadHaproxy, nodeFileSystem, parseKeepalived } from '@cfglint/parser';
import type { Language } from '../document/language.js';

/** A text edit by offsets in one file (what lint fixes and suggestions are made of). */
export interface OffsetEdit {
  fileName: string;
  start: number;
  end: number;
  text: string;
}

/** A finding as the server keeps it: the parser's Diagnostic plus remedies from lint. */
export interface Finding extends Diagnostic {
  /** A safe fix (applied by `cfglint --fix`). */
  fix?: OffsetEdit[];
  /** Behaviour-changing remedies, offered but never applied automatically. */
  suggestions?: { description: string; edits: OffsetEdit[] }[];
}

export interface CheckRequest {
  /** The files to check as entry points: a document and the files of its cluster's other hosts. */
  entries: { fileName: string; language: Language }[];
  /** Unsaved editor texts by absolute path; they win over the disk. */
  overlays: Record<string, string>;
  versions: { haproxy?: string; keepalived?: string };
  /** Rule severities from the settings and the project's config file. */
  rules: Record<string, 'off' | 'warning' | 'error'>;
}

export interface CheckResult {
  /** Findings by absolute file path; every file read has an entry, empty when clean. */
  byFile: Record<string, Finding[]>;
}

/**
 * Everything cfglint finds for a set of files, reading open documents from the overlays:
 * parse, load and schema findings, then the lint rules (file and cluster scope). Pure apart
 * from reading the file system; runs in the check worker or inline.
 */
export function runFullCheck(request: CheckRequest): CheckResult {
  const fs = createMemoryFileSystem(request.overlays, nodeFileSystem);
  const byFile: Record<string, Finding[]> = {};
  const add = (d: Diagnostic) => {
    const file = path.resolve(d.fileName);
    (byFile[file] ??= []).push(d);
  };
  for (const entry of request.entries) {
    const fileName = path.resolve(entry.fileName);
    byFile[fileName] ??= [];
    if (entry.language === 'haproxy') {
      const loaded = loadHaproxy([fileName], { fs });
      for (const file of loaded.files.keys()) byFile[path.resolve(file)] ??= [];
      loaded.diagnostics.forEach(add);
    } else {
      const text = fs.readFile(fileName);
      if (text === undefined) continue;
      parseKeepalived(text, fileName).diagnostics.forEach(add);
    }
  }
  for (const [file, findings] of Object.entries(byFile)) byFile[file] = applySeverities(dedupe(findings), request.rules);
  return { byFile };
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.code}|${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}|${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function applySeverities(findings: Finding[], rules: CheckRequest['rules']): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    const setting = rules[f.code];
    if (setting === 'off') continue;
    out.push(setting ? { ...f, severity: setting } : f);
  }
  return out;
}
