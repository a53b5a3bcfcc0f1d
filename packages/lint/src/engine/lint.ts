import * as path from 'node:path';
import type { Diagnostic, FileSystem, SourceFile } from '@cfglint/parser';
import { nodeFileSystem, readConfigText } from '@cfglint/parser';
import { buildClusters, buildHosts, type Cluster, type Host } from './clusters.js';
import { isUnsuppressible } from './builtin-checks.js';
import { EMPTY_CONFIG, type CfglintConfig } from './config.js';
import { Suppressions } from './directives.js';
import { loadDocument, type LintDocument } from './documents.js';
import { directivesOf } from './file-directives.js';
import { groupHaproxyFragments } from './fragments.js';
import type { Rule } from './rule.js';
import type { Edit } from './span.js';
import { runRules, type Finding } from './run-rules.js';
import { toMessage } from './to-messages.js';
import type { LintResult, LintTarget, TargetVersions } from './types.js';
import { resolveVersions } from './versions.js';
import { byCodeUnits } from './compare.js';

export interface LintOptions {
  config?: CfglintConfig;
  /** Overrides the config file's target versions (the CLI flags). */
  versions?: TargetVersions;
  rules?: readonly Rule<any, any, any>[];
  fs?: FileSystem;
  /** Honour `cfglint-disable` comments (default true; `--no-inline-config` turns it off). */
  inlineConfig?: boolean;
}

export interface LintOutcome {
  results: LintResult[];
  /** Files that could not be read as text, one line each. */
  unreadable: string[];
  documents: LintDocument[];
  hosts: Host[];
  clusters: Cluster[];
  /** Every finding that survived suppression, with offsets (for --fix and the language server). */
  findings: Finding[];
}

export const UNUSED_DIRECTIVE_RULE = 'cfglint/unused-disable-directive';

/** A file system that refuses binary and non-UTF-8 files the way the CLI does. */
export const textOnlyFileSystem: FileSystem = {
  ...nodeFileSystem,
  readFile(fileName) {
    const read = readConfigText(fileName);
    return read.ok ? read.text : undefined;
  },
};

function diagnosticToFinding(d: Diagnostic, source: SourceFile | undefined, config: CfglintConfig): Finding | undefined {
  const configured = config.rules[d.code]?.severity;
  if (configured === 'off') return undefined;
  const start = source ? source.offsetAt(d.range.start) : 0;
  const end = source ? source.offsetAt(d.range.end) : 0;
  return {
    ruleId: d.code,
    severity: configured ?? (d.severity === 'error' ? 'error' : 'warning'),
    message: d.message,
    at: { fileName: path.resolve(d.fileName), start, end },
    related: [],
  };
}

/**
 * Lints a set of files together: each is loaded (a keepalived file included by another
 * target is checked as part of its includer), grouped into hosts and clusters, checked by
 * the schema and every enabled rule; suppressions apply last.
 */
export function lint(targets: LintTarget[], options: LintOptions = {}): LintOutcome {
  const config = options.config ?? EMPTY_CONFIG;
  // The readability check below keeps each text for the loader's first read of that file:
  // one read and UTF-8 decode per file, not two (a few ms per MB).
  const checked = new Map<string, string>();
  const fs: FileSystem = options.fs ?? {
    ...textOnlyFileSystem,
    readFile(fileName) {
      const text = checked.get(fileName);
      if (text === undefined) return textOnlyFileSystem.readFile(fileName);
      checked.delete(fileName);
      return text;
    },
  };
  const versions = resolveVersions({ ...config.versions, ...stripUndefined(options.versions ?? {}) });
  const unreadable: string[] = [];

  const loaded: LintDocument[] = [];
  for (const target of groupHaproxyFragments(targets, config)) {
    if (!options.fs) {
      const problems = [target.filePath, ...(target.alsoLoad ?? [])].flatMap((file) => {
        const read = readConfigText(file);
        if (read.ok) checked.set(path.resolve(file), read.text);
        return read.ok ? [] : [`${file}: ${read.reason}`];
      });
      if (problems.length) {
        for (const problem of problems) unreadable.push(problem);
        continue;
      }
    }
    loaded.push(loadDocument(target, { fs, config, versions }));
  }
  const included = new Set(loaded.flatMap((d) => d.files.filter((f) => f !== d.filePath)));
  const documents = loaded.filter((d) => !included.has(d.filePath));

  const hosts = buildHosts(documents, config);
  const clusters = buildClusters(hosts, config);

  const sources = new Map<string, { source: SourceFile; document: LintDocument }>();
  for (const document of documents) {
    for (const file of document.files) {
      const source = document.source(file);
      if (source && !sources.has(file)) sources.set(file, { source, document });
    }
  }
  const sourceOf = (fileName: string) => sources.get(path.resolve(fileName))?.source;

  const ruleFindings = runRules(
    { documents, hosts, clusters },
    { rules: options.rules ?? [], config, versions, nftables: config.keepalivedFirewall !== 'iptables' },
  );
  const superseded = supersededPlaces(options.rules ?? [], ruleFindings);
  const all: Finding[] = [];
  for (const document of documents) {
    for (const d of document.diagnostics) {
      const finding = diagnosticToFinding(d, sourceOf(d.fileName), config);
      if (finding && !superseded.has(placeKey(d.code, finding.at.fileName, finding.at.start))) all.push(finding);
    }
  }
  for (const finding of ruleFindings) all.push(finding);

  const byFile = new Map<string, Finding[]>();
  for (const file of sources.keys()) byFile.set(file, []);
  for (const finding of all) {
    const file = path.resolve(finding.at.fileName);
    if (!byFile.has(file)) byFile.set(file, []);
    byFile.get(file)!.push(finding);
  }

  const results: LintResult[] = [];
  const kept: Finding[] = [];
  for (const [file, findings] of byFile) {
    const entry = sources.get(file);
    if (!entry) continue;
    let surviving = findings;
    if (options.inlineConfig !== false) {
      const suppressions = new Suppressions(directivesOf(entry.document, file, entry.source));
      surviving = findings.filter(
        (f) => isUnsuppressible(f.ruleId) || !suppressions.suppresses(f.ruleId, entry.source.positionAt(f.at.start).line),
      );
      const unusedSeverity = config.rules[UNUSED_DIRECTIVE_RULE]?.severity ?? 'warning';
      if (unusedSeverity !== 'off') {
        for (const d of suppressions.unused()) {
          const what = d.ruleIds.length ? ` for ${d.ruleIds.join(', ')}` : '';
          surviving.push({
            ruleId: UNUSED_DIRECTIVE_RULE,
            severity: unusedSeverity,
            message: `Unused cfglint-${d.kind} directive${what}: nothing is reported there; remove it so it cannot hide a future finding`,
            at: { fileName: file, start: d.start, end: d.end },
            related: [],
            fix: [removeComment(entry.source.text, file, d.start, d.end)],
          });
        }
      }
    }
    for (const finding of surviving) kept.push(finding);
    const messages = surviving.map((f) => toMessage(f, entry.source, sourceOf)).sort((a, b) => a.line - b.line || a.column - b.column);
    const errorCount = messages.filter((m) => m.severity === 2).length;
    results.push({
      filePath: file,
      messages,
      errorCount,
      warningCount: messages.length - errorCount,
      fixableErrorCount: messages.filter((m) => m.severity === 2 && m.fix).length,
      fixableWarningCount: messages.filter((m) => m.severity === 1 && m.fix).length,
    });
  }
  results.sort((a, b) => byCodeUnits(a.filePath, b.filePath));
  return { results, unreadable, documents, hosts, clusters, findings: kept };
}

const placeKey = (code: string, fileName: string, start: number) => `${code}\0${fileName}\0${start}`;

/**
 * Where a rule reports a problem a checker also reports (`RuleMeta.supersedes`): the
 * checker's finding with that code, in that file, starting at that offset, is dropped,
 * so each problem shows once (with the rule's fix). Elsewhere the checker's findings stay.
 */
function supersededPlaces(rules: readonly Rule<any, any, any>[], findings: readonly Finding[]): Set<string> {
  const supersedes = new Map(rules.filter((r) => r.meta.supersedes?.length).map((r) => [r.id, r.meta.supersedes!]));
  const places = new Set<string>();
  for (const f of findings) {
    for (const code of supersedes.get(f.ruleId) ?? []) places.add(placeKey(code, path.resolve(f.at.fileName), f.at.start));
  }
  return places;
}

/** Removes a comment: its whole line when it stands alone, else it and the blanks before it. */
function removeComment(text: string, fileName: string, start: number, end: number): Edit {
  let lineStart = start;
  while (lineStart > 0 && text[lineStart - 1] !== '\n') lineStart--;
  let from = start;
  while (from > lineStart && (text[from - 1] === ' ' || text[from - 1] === '\t')) from--;
  if (from === lineStart) {
    let to = end;
    while (to < text.length && text[to] !== '\n') to++;
    return { fileName, start: lineStart, end: Math.min(text.length, to + 1), text: '' };
  }
  return { fileName, start: from, end, text: '' };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
