import type { HaProxyLike, HaSetting, HaStatement } from '@cfglint/parser';
import { haproxyRule } from '../../engine/contexts.js';
import { fillMessage } from '../../engine/rule.js';
import type { Edit } from '../../engine/span.js';
import { deleteLine, hasVariable, wordSpan } from './locate.js';

const ACL_FETCH = /\bacl\(([^)]*)\)/g;

/**
 * Every ACL name the section's lines use: the words of `if`/`unless` conditions (outside
 * anonymous `{ … }` ACLs) and the arguments of the `acl(…)` fetch. Reads the syntax tree,
 * so lines in `.if` branches that could not be decided count too.
 */
function usedNames(body: HaStatement[], into = new Set<string>()): Set<string> {
  for (const st of body) {
    if (st.kind === 'HaConditional') {
      for (const branch of st.branches) usedNames(branch.body, into);
      continue;
    }
    if (st.kind !== 'HaDirective') continue;
    const words = st.words;
    let inCondition = false;
    let depth = 0;
    for (let i = st.keywordLength; i < words.length; i++) {
      const v = words[i].value;
      if (v.includes('acl(')) for (const m of v.matchAll(ACL_FETCH)) for (const n of m[1].split(',')) into.add(n.trim().replace(/^!+/, ''));
      if (!inCondition) {
        inCondition = (v === 'if' || v === 'unless') && !words[i].quoted;
        continue;
      }
      if (v === '{') depth++;
      else if (v === '}') depth--;
      else if (depth === 0) into.add(v.replace(/^!+/, ''));
    }
  }
  return into;
}

export default haproxyRule({
  id: 'haproxy/acl-unused',
  meta: {
    type: 'suggestion',
    severity: 'warning',
    description: 'An ACL that no condition of its section uses',
    hasSuggestions: true,
  },
  messages: {
    unused:
      "ACL '{{name}}' is never used: no condition in {{where}} names it (ACLs only exist in the section that declares them), so the test it describes never decides anything — a typo in a condition, or a rule that was removed?",
    remove: "Remove the 'acl {{name}}' {{lines}}",
  },
  defaultOptions: {},
  check({ model, document, report, messages }) {
    const sections: HaProxyLike[] = [...model.defaults, ...model.proxies];
    for (const section of sections) {
      if (section.undecided) continue;
      let declared: Map<string, HaSetting[]> | undefined;
      for (const s of section.settings) {
        if (s.keyword !== 'acl' || !s.args[0] || hasVariable(s.args[0])) continue;
        declared ??= new Map();
        const list = declared.get(s.values[0]);
        if (list) list.push(s);
        else declared.set(s.values[0], [s]);
      }
      if (!declared) continue;
      const used = usedNames(section.node.body);
      const where = section.name ? `${section.kind} '${section.name}'` : 'this defaults section';
      const text = document.source(section.fileName)?.text;
      for (const [name, lines] of declared) {
        if (used.has(name)) continue;
        const edits = text === undefined ? [] : lines.map((l) => (l.fileName === section.fileName ? deleteLine(text, l) : undefined));
        const removable = edits.length > 0 && edits.every((e) => e !== undefined);
        report({
          messageId: 'unused',
          data: { name, where },
          at: wordSpan(lines[0].fileName, lines[0].args[0]),
          related: lines.slice(1).map((l) => ({ at: wordSpan(l.fileName, l.args[0]), message: `'${name}' is declared here too` })),
          suggestions: removable
            ? [{ description: fillMessage(messages.remove, { name, lines: lines.length > 1 ? `lines (${lines.length})` : 'line' }), edits: edits as Edit[] }]
            : undefined,
        });
      }
    }
  },
});
