import { compareVersions, type KaEffectiveStatement } from '@cfglint/parser';
import { keepalivedRule } from '../../engine/contexts.js';
import { fillMessage } from '../../engine/rule.js';
import { keywordSpan, replaceKeywordEdit } from './locate.js';
import { CONFIG_TEST_SINCE, targetAtLeast } from './target.js';
import { availability, keepalivedSchema, keywordSpec, normalizeVersion, resolveBuild, ROOT_CONTEXT, type KaKeywordSpec } from './schema-lookup.js';

type Build = ReturnType<typeof resolveBuild>;

/** Where the replacement names a keyword of this very block, of the same shape: a pure rename. */
function renameTarget(old: KaKeywordSpec, context: string, version: string, build: Build): KaKeywordSpec | undefined {
  const name = old.versions?.replacement;
  const spec = name ? keywordSpec(context, name) : undefined;
  if (!spec || (spec.block ?? 'none') !== (old.block ?? 'none')) return undefined;
  return availability(spec, version, build).status === 'known' ? spec : undefined;
}

/** An old name known in some other block (nb_get_retry of HTTP_GET written in TCP_CHECK). */
function renamedElsewhere(name: string, context: string, version: string, build: Build): { old: KaKeywordSpec; spec: KaKeywordSpec } | undefined {
  for (const home of keepalivedSchema().contextsOf.get(name) ?? []) {
    const old = keywordSpec(home, name);
    if (!old?.versions?.replacement) continue;
    const spec = renameTarget(old, context, version, build);
    if (spec) return { old, spec };
  }
  return undefined;
}

/** A statement as a model element, for the location helpers. */
const asElement = (s: KaEffectiveStatement) => ({ statement: s, fileName: s.fileName, node: s.node });

const where = (context: string) => (context === ROOT_CONTEXT ? 'at the top level' : `in ${context}`);

export default keepalivedRule({
  id: 'keepalived/renamed-keyword',
  meta: {
    type: 'problem',
    severity: 'error',
    description: 'A keyword keepalived renamed (nb_get_retry → retry, vrrp_track_file → track_file…): fixes the name where the meaning is unchanged',
    fixable: true,
    hasSuggestions: true,
    // The checker reports the same old names without a fix; where this rule reports, it speaks for both.
    supersedes: ['schema/deprecated', 'schema/deprecated-keyword', 'schema/removed', 'schema/removed-keyword', 'schema/wrong-context', 'schema/unknown-keyword'],
  },
  messages: {
    deprecated:
      "'{{old}}' is the old name of '{{new}}' (deprecated since keepalived {{since}}); {{effect}}: rename it, the value means the same",
    removed:
      "'{{old}}' was removed in keepalived {{removed}}: keepalived {{version}} reports an unknown keyword and ignores the line ({{test}}), so the setting has no effect; the keyword is now '{{new}}'",
    elsewhere:
      "keepalived {{version}} has no '{{old}}' {{where}}: it reports an unknown keyword and ignores the line ({{test}}), so the setting has no effect; '{{old}}' is an old name of '{{new}}', which {{context}} does have",
    rename: "Rename to '{{new}}' (the value starts to take effect: keepalived ignored this line until now)",
  },
  defaultOptions: {},
  check({ document, versions, report, messages }) {
    const version = normalizeVersion(versions.keepalived);
    const test = targetAtLeast(version, CONFIG_TEST_SINCE) ? 'keepalived -t fails' : `before ${CONFIG_TEST_SINCE} no configuration test fails on it`;
    const build = resolveBuild({});
    // A line expanded several times (a definition, ~SEQ) is reported once.
    const seen = new Set<string>();
    const once = (s: KaEffectiveStatement) => {
      const at = keywordSpan(asElement(s));
      const key = `${at.fileName}\0${at.start}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    };
    const visit = (statements: readonly KaEffectiveStatement[], context: string) => {
      for (const s of statements) {
        const name = s.keyword.value;
        const spec = keywordSpec(context, name);
        if (spec) {
          const status = availability(spec, version, build);
          const target = spec.versions?.replacement ? renameTarget(spec, context, version, build) : undefined;
          if (target && status.status === 'known' && status.deprecated && once(s)) {
            const since = spec.versions!.deprecated!;
            const reported = spec.deprecationReportedSince !== undefined && compareVersions(version, spec.deprecationReportedSince) >= 0;
            const fix = replaceKeywordEdit(asElement(s), target.name);
            report({
              messageId: 'deprecated',
              data: {
                old: name,
                new: target.name,
                since,
                effect: reported ? `keepalived ${version} reports it as a configuration error (keepalived -t fails) but still applies it` : `keepalived ${version} still accepts it`,
              },
              at: keywordSpan(asElement(s)),
              fix: fix ? [fix] : undefined,
              certainty: reported ? 'certain' : 'likely',
            });
          } else if (target && status.status === 'removed' && once(s)) {
            const edit = replaceKeywordEdit(asElement(s), target.name);
            report({
              messageId: 'removed',
              data: { old: name, new: target.name, removed: status.removed, version, test },
              at: keywordSpan(asElement(s)),
              suggestions: edit ? [{ description: fillMessage(messages.rename, { new: target.name }), edits: [edit] }] : undefined,
            });
          }
          if (s.body && spec.block === 'block' && status.status === 'known') visit(s.body, name);
          continue;
        }
        const moved = renamedElsewhere(name, context, version, build);
        if (!moved || !once(s)) continue;
        const edit = replaceKeywordEdit(asElement(s), moved.spec.name);
        report({
          messageId: 'elsewhere',
          data: { old: name, new: moved.spec.name, version, test, where: where(context), context: context === ROOT_CONTEXT ? 'the top level' : context },
          at: keywordSpan(asElement(s)),
          suggestions: edit ? [{ description: fillMessage(messages.rename, { new: moved.spec.name }), edits: [edit] }] : undefined,
        });
      }
    };
    visit(document.loaded.statements, ROOT_CONTEXT);
  },
});
