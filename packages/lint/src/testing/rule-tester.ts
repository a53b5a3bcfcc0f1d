import * as path from 'node:path';
import { createMemoryFileSystem, languageFromContent, languageFromName } from '@cfglint/parser';
import { describe, expect, it } from 'vitest';
import { EMPTY_CONFIG, type CfglintConfig } from '../engine/config.js';
import { applyEditGroups } from '../engine/apply-edits.js';
import { applyFixes, MAX_FIX_PASSES } from '../engine/fix-loop.js';
import { lint } from '../engine/lint.js';
import type { Rule } from '../engine/rule.js';
import type { Finding } from '../engine/run-rules.js';
import type { LintTarget, TargetVersions } from '../engine/types.js';

/** Files of one case, by path relative to a scratch root (`web1/keepalived.conf`). */
export type CaseFiles = Record<string, string>;

export interface RuleCase {
  name: string;
  /** One file's text; its name defaults to `host1/keepalived.conf` or `host1/haproxy.cfg` by the rule's language. */
  code?: string;
  files?: CaseFiles;
  config?: Partial<CfglintConfig>;
  versions?: TargetVersions;
  options?: Record<string, unknown>;
}

export interface ExpectedError {
  messageId: string;
  data?: Record<string, string | number>;
  /** Relative file the finding points into (default: the only file, or the first). */
  file?: string;
  /** 1-based, as printed. */
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** Related locations, `file:line:column` (1-based). */
  related?: string[];
  /** Descriptions of the suggestions offered, in order. */
  suggestions?: string[];
  /** The finding's file after applying each suggestion alone, in order. */
  suggestionOutputs?: string[];
}

export interface InvalidCase extends RuleCase {
  errors: ExpectedError[];
  /** Files after `--fix` (all passes); omit when the rule offers no fix for the case. */
  output?: CaseFiles;
}

const ROOT = '/cfglint-rule-tester';

function filesOf(rule: Rule<any, any, any>, c: RuleCase): CaseFiles {
  if (c.files) return c.files;
  if (c.code === undefined) throw new Error(`case "${c.name}" has neither code nor files`);
  const language = rule.meta.language === 'any' ? (languageFromContent(c.code) ?? 'keepalived') : rule.meta.language;
  return { [language === 'haproxy' ? 'host1/haproxy.cfg' : 'host1/keepalived.conf']: c.code };
}

function runCase(rule: Rule<any, any, any>, c: RuleCase, files: CaseFiles) {
  const absolute = Object.fromEntries(Object.entries(files).map(([rel, text]) => [path.join(ROOT, rel), text]));
  const targets: LintTarget[] = Object.keys(absolute).flatMap((filePath) => {
    const language = languageFromName(filePath);
    return language ? [{ filePath, language }] : [];
  });
  const config: CfglintConfig = {
    ...EMPTY_CONFIG,
    ...c.config,
    rules: { [rule.id]: { severity: rule.meta.severity, options: c.options } },
  };
  const outcome = lint(targets, { fs: createMemoryFileSystem(absolute), config, versions: c.versions, rules: [rule] });
  return { outcome, absolute };
}

const rel = (file: string) => path.relative(ROOT, file);

function position(outcome: ReturnType<typeof lint>, finding: Finding) {
  const document = outcome.documents.find((d) => d.files.includes(finding.at.fileName));
  const source = document?.source(finding.at.fileName);
  if (!source) throw new Error(`finding points into a file that was not loaded: ${finding.at.fileName}`);
  const r = source.rangeOf(finding.at.start, finding.at.end);
  return { line: r.start.line + 1, column: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

function relatedText(outcome: ReturnType<typeof lint>, finding: Finding): string[] {
  return finding.related.map((r) => {
    const document = outcome.documents.find((d) => d.files.includes(r.at.fileName));
    const p = document!.source(r.at.fileName)!.positionAt(r.at.start);
    return `${rel(r.at.fileName)}:${p.line + 1}:${p.character + 1}`;
  });
}

/**
 * Table tests for one rule, in the manner of ESLint's RuleTester: valid cases must give
 * no finding of the rule; invalid cases must give exactly the listed findings (message id,
 * data, 1-based position, related locations, suggestions) and, with `output`, the files
 * `--fix` leaves, which must parse and must be left alone by a further fix pass.
 */
export function testRule(rule: Rule<any, any, any>, cases: { valid: RuleCase[]; invalid: InvalidCase[] }): void {
  const names = [...cases.valid, ...cases.invalid].map((c) => c.name);
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate) throw new Error(`duplicate case name "${duplicate}" in tests of ${rule.id}`);

  describe(rule.id, () => {
    describe('valid', () => {
      for (const c of cases.valid) {
        it(c.name, () => {
          const { outcome } = runCase(rule, c, filesOf(rule, c));
          const own = outcome.findings.filter((f) => f.ruleId === rule.id);
          expect(own.map((f) => f.message)).toEqual([]);
        });
      }
    });
    describe('invalid', () => {
      for (const c of cases.invalid) {
        it(c.name, () => {
          if (c.errors.length === 0) throw new Error('an invalid case must expect at least one error');
          const files = filesOf(rule, c);
          const { outcome } = runCase(rule, c, files);
          const own = outcome.findings.filter((f) => f.ruleId === rule.id);
          const defaultFile = Object.keys(files)[0];
          for (const e of c.errors) if (!(e.messageId in rule.messages)) throw new Error(`unknown messageId ${e.messageId}`);
          const expected = c.errors.map((e) => ({ ...e, file: e.file ?? defaultFile }));
          const actual = own.map((f) => {
            const at = { file: rel(f.at.fileName), ...position(outcome, f) };
            const twin = expected.find((e) => e.file === at.file && e.line === at.line && e.column === at.column);
            return {
              messageId: f.messageId,
              ...(twin?.data ? { data: f.data } : {}),
              ...at,
              ...(twin?.related ? { related: relatedText(outcome, f) } : {}),
              ...(twin?.suggestions ? { suggestions: (f.suggestions ?? []).map((s) => s.description) } : {}),
              ...(twin?.suggestionOutputs
                ? { suggestionOutputs: (f.suggestions ?? []).map((s) => applyEditGroups(files[at.file], [s.edits]).text) }
                : {}),
            };
          });
          // End positions are checked where the case gives them.
          for (const e of expected) {
            const twin = actual.find((a) => a.file === e.file && a.line === e.line && a.column === e.column);
            e.endLine ??= twin?.endLine;
            e.endColumn ??= twin?.endColumn;
          }
          const order = (a: { file: string; line: number; column: number }, b: { file: string; line: number; column: number }) =>
            a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;
          expect(actual.sort(order)).toEqual(expected.sort(order));
          if (c.output) expect(fixAll(rule, c, files)).toEqual(c.output);
        });
      }
    });
  });
}

/** Runs --fix passes to a fixed point and returns the changed files (relative paths). */
function fixAll(rule: Rule<any, any, any>, c: RuleCase, files: CaseFiles): CaseFiles {
  let current = { ...files };
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const { outcome } = runCase(rule, c, current);
    const own = outcome.findings.filter((f) => f.ruleId === rule.id);
    const changed = applyFixes(own, (file) => current[rel(file)]);
    if (changed.size === 0) {
      const parseErrors = outcome.findings.filter((f) => /^(?:lex|parse)\//.test(f.ruleId));
      if (parseErrors.length) throw new Error(`fixed output does not parse: ${parseErrors.map((f) => f.message).join('; ')}`);
      return current;
    }
    current = { ...current, ...Object.fromEntries([...changed].map(([file, text]) => [rel(file), text])) };
  }
  throw new Error(`fixes did not converge in ${MAX_FIX_PASSES} passes`);
}
