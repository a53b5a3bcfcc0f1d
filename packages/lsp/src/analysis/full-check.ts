import * as path from 'node:path';
import type { Diagnostic, Range, SourceFile } from '@cfglint/parser';
import { createMemoryFileSystem } from '@cfglint/parser';
import { EMPTY_CONFIG, lint, rules, textOnlyFileSystem, type CfglintConfig } from '@cfglint/lint';
import type { Language } from '../document/language.js';

/** A text edit by offsets in one file (what lint fixes and suggestions are made of). */
export interface OffsetEdit {
  fileName: string;
  start: number;
  end: number;
  text: string;
}

/** A finding as the server keeps it: a Diagnostic plus the remedies lint offers. */
export interface Finding extends Diagnostic {
  /** A safe fix (what `cfglint --fix` applies). */
  fix?: OffsetEdit[];
  /** Behaviour-changing remedies, offered but never applied automatically. */
  suggestions?: { description: string; edits: OffsetEdit[] }[];
}

export interface CheckRequest {
  /** The files to check as entry points: a document and the files of its cluster's other hosts. */
  entries: { fileName: string; language: Language }[];
  /** Unsaved editor texts by absolute path (whole, or in pieces to join); they win over the disk. */
  overlays: Record<string, string | string[]>;
  /** The project's cfglint config (plain data), with the editor's settings merged in. */
  config?: CfglintConfig;
  versions: { haproxy?: string; keepalived?: string };
}

export interface CheckResult {
  /** Findings by absolute file path; every file read has an entry, empty when clean. */
  byFile: Record<string, Finding[]>;
}

const EMPTY_RANGE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * Everything cfglint finds for a set of files, reading open documents from the overlays:
 * the lint engine's parse, load, schema and rule findings (file, host and cluster scope),
 * after the file's suppression comments. Pure apart from reading the file system; runs in
 * the check worker or inline.
 */
export function runFullCheck(request: CheckRequest): CheckResult {
  const overlays: Record<string, string> = {};
  for (const [file, text] of Object.entries(request.overlays)) overlays[path.resolve(file)] = Array.isArray(text) ? text.join('') : text;
  const fs = createMemoryFileSystem(overlays, textOnlyFileSystem);
  const targets = request.entries.map((e) => ({ filePath: path.resolve(e.fileName), language: e.language }));
  const outcome = lint(targets, { config: request.config ?? EMPTY_CONFIG, versions: request.versions, rules, fs });

  const sources = new Map<string, SourceFile>();
  for (const doc of outcome.documents) {
    for (const file of doc.files) {
      const source = doc.source(file);
      if (source && !sources.has(file)) sources.set(file, source);
    }
  }
  const rangeIn = (fileName: string, start: number, end: number): Range => sources.get(path.resolve(fileName))?.rangeOf(start, end) ?? EMPTY_RANGE;
  const edits = (list: { fileName: string; start: number; end: number; text: string }[] | undefined) =>
    list?.map((e) => ({ fileName: path.resolve(e.fileName), start: e.start, end: e.end, text: e.text }));

  const byFile: Record<string, Finding[]> = {};
  for (const file of sources.keys()) byFile[file] = [];
  for (const f of outcome.findings) {
    const file = path.resolve(f.at.fileName);
    (byFile[file] ??= []).push({
      code: f.ruleId,
      severity: f.severity,
      message: f.message,
      fileName: file,
      range: rangeIn(file, f.at.start, f.at.end),
      related: f.related.map((r) => ({ location: { fileName: path.resolve(r.at.fileName), range: rangeIn(r.at.fileName, r.at.start, r.at.end) }, message: r.message })),
      fix: edits(f.fix),
      suggestions: f.suggestions?.map((s) => ({ description: s.description, edits: edits(s.edits) ?? [] })),
    });
  }
  return { byFile };
}
