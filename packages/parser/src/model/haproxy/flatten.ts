import type { HaConditional, HaFile, HaStatement } from '../../ast/haproxy.js';
import type { Diagnostic, Severity } from '../../source/diagnostic.js';
import type { SourceFile } from '../../source/source-file.js';
import { evaluateCondition, joinConditionWords } from '../../haproxy/condition.js';
import type { ConditionContext } from '../../haproxy/condition.js';
import { expandWord } from '../../haproxy/expand.js';
import { SettingRecord } from './setting.js';
import type { HaConditionalEvaluation, HaSetting } from './types.js';
import type { HaDirective, HaSection } from '../../ast/haproxy.js';

/** A section as HAProxy reads it: its header and the active directives that follow it. */
export interface FlatSection {
  kind: string;
  node: HaSection;
  fileName: string;
  undecided: boolean;
  settings: HaSetting[];
}

export interface FlatFile {
  fileName: string;
  ast: HaFile;
  source: SourceFile;
}

export interface FlattenResult {
  sections: FlatSection[];
  orphans: HaSetting[];
  conditionals: HaConditionalEvaluation[];
  diagnostics: Diagnostic[];
}

const REPORT_SEVERITY: Readonly<Record<string, Severity | undefined>> = {
  '.alert': 'error',
  '.warning': 'warning',
  '.notice': 'info',
};

const ENV_KEYWORDS: ReadonlySet<string> = new Set(['setenv', 'presetenv', 'unsetenv', 'resetenv']);

function applyEnv(env: Record<string, string | undefined>, keyword: string, values: readonly string[]) {
  if (keyword === 'setenv' && values.length >= 2) env[values[0]] = values[1];
  else if (keyword === 'presetenv' && values.length >= 2) env[values[0]] ??= values[1];
  else if (keyword === 'unsetenv') for (const name of values) env[name] = undefined;
  else if (keyword === 'resetenv') {
    for (const name of Object.keys(env)) if (!values.includes(name)) env[name] = undefined;
  }
}

/**
 * Reads the files in order the way HAProxy does: only the taken branch of each
 * `.if` block counts, a section runs until the next section line in reading order
 * (even across `.endif`), and each file starts outside any section.
 */
export function flattenHaproxy(files: readonly FlatFile[], context: ConditionContext): FlattenResult {
  const result: FlattenResult = { sections: [], orphans: [], conditionals: [], diagnostics: [] };
  // global's setenv/presetenv/unsetenv/resetenv change the environment for the lines after them.
  const env: Record<string, string | undefined> = { ...context.env };
  const ctx: ConditionContext = { ...context, env };
  for (const file of files) {
    let current: FlatSection | undefined;
    const { fileName, source } = file;

    const directive = (node: HaDirective, undecided: boolean) => {
      if (node.malformed || node.keyword === '[scope]') return;
      const first = node.words[0].value;
      if (first.charCodeAt(0) === 46) {
        const severity = REPORT_SEVERITY[first];
        // With more than one argument HAProxy rejects the line instead (the parser reports it).
        if (severity && node.words.length === 2) {
          const message = expandWord(node.words[1], env, pseudo(node.start)).join(' ');
          result.diagnostics.push({
            code: `model/${first.slice(1)}`,
            severity: undecided ? 'info' : severity,
            message: undecided ? `${first} (in a branch that may not be taken): ${message}` : `${first}: ${message}`,
            fileName,
            range: source.rangeOf(node.start, node.end),
          });
        }
        return;
      }
      const words = node.words;
      let expanded: string[] | undefined;
      for (let i = node.keywordLength; i < words.length; i++) {
        if (!words[i].hasVariable) continue;
        expanded = words.slice(node.keywordLength).map((w) => (w.hasVariable ? expandWord(w, env, pseudo(w.start)).join(' ') : w.value));
        break;
      }
      const setting = new SettingRecord(node.keyword, node, fileName, expanded);
      if (undecided) setting.undecided = true;
      if (current?.kind === 'global' && ENV_KEYWORDS.has(node.keyword)) applyEnv(env, node.keyword, setting.values);
      if (current) current.settings.push(setting);
      else {
        result.orphans.push(setting);
        result.diagnostics.push({
          code: 'model/outside-section',
          severity: 'error',
          message: `'${node.keyword}' is outside any section: HAProxy rejects it (every file must start with a section)`,
          fileName,
          range: source.rangeOf(node.words[0].start, node.words[0].end),
        });
      }
    };

    const pseudo = (offset: number) => ({
      file: fileName,
      line: source.positionAt(offset).line + 1,
      section: current ? (current.node.args[0]?.value ?? current.kind) : '',
    });

    const conditional = (node: HaConditional, undecided: boolean) => {
      let taken = -1;
      let decided = true;
      for (let i = 0; i < node.branches.length; i++) {
        const branch = node.branches[i];
        if (branch.keyword.value === '.else') {
          taken = i;
          break;
        }
        const values: string[] = [];
        for (const w of branch.args) for (const v of expandWord(w, env, pseudo(w.start))) values.push(v);
        const { text } = joinConditionWords([], values);
        const r = evaluateCondition(text, ctx);
        if (!r.decided || branch.malformed) decided = false;
        if (r.value && !branch.malformed) {
          taken = i;
          break;
        }
      }
      const evaluation: HaConditionalEvaluation = { node, fileName, taken, decided };
      if (undecided) evaluation.undecided = true;
      result.conditionals.push(evaluation);
      if (taken >= 0) walk(node.branches[taken].body, undecided || !decided);
    };

    const walk = (body: readonly HaStatement[], undecided: boolean) => {
      // Indexed: until V8 optimizes a function, for…of allocates an iterator result per element.
      for (let i = 0; i < body.length; i++) {
        const s = body[i];
        switch (s.kind) {
          case 'HaDirective':
            directive(s, undecided);
            break;
          case 'HaSection':
            if (!s.malformed) {
              current = { kind: s.keyword.value, node: s, fileName, undecided, settings: [] };
              result.sections.push(current);
            }
            walk(s.body, undecided);
            break;
          case 'HaConditional':
            conditional(s, undecided);
            break;
          default:
            break;
        }
      }
    };
    walk(file.ast.body, false);
  }
  return result;
}
