import type { KaElement, KaScript, KeepalivedModel } from '@cfglint/parser';
import { keepalivedRule } from '../../engine/contexts.js';
import type { KeepalivedDocument } from '../../engine/documents.js';
import type { Edit } from '../../engine/span.js';
import { keywordSpan, statementSpan } from './locate.js';
import { CONFIG_TEST_SINCE, targetAtLeast } from './target.js';
import { MAX_RELATED } from './vrrp-peers.js';

/** global_defs keywords that name a script keepalived runs (besides startup/shutdown_script). */
const GLOBAL_SCRIPT_KEYWORDS = ['notify_fifo_script', 'vrrp_notify_fifo_script', 'lvs_notify_fifo_script'];

/** Every script the configuration makes keepalived run, in reading order. */
function scriptsOf(model: KeepalivedModel): KaElement[] {
  const out: KaElement[] = [];
  const add = (s: KaScript | undefined) => {
    if (s) out.push(s);
  };
  const notify = (n: KeepalivedModel['vrrpInstances'][number]['notify']) => [n.master, n.backup, n.fault, n.stop, n.deleted, n.any, n.masterRxLowerPri].forEach(add);
  const g = model.globalDefs;
  if (g) {
    add(g.startupScript);
    add(g.shutdownScript);
    for (const keyword of GLOBAL_SCRIPT_KEYWORDS) for (const s of g.settings.get(keyword) ?? []) out.push({ statement: s, fileName: s.fileName, node: s.node });
  }
  for (const s of model.vrrpScripts) add(s.script);
  for (const group of model.vrrpSyncGroups) notify(group.notify);
  for (const instance of model.vrrpInstances) notify(instance.notify);
  for (const vs of model.virtualServers) {
    add(vs.quorumUp);
    add(vs.quorumDown);
    for (const rs of vs.realServers) {
      add(rs.notifyUp);
      add(rs.notifyDown);
      for (const checker of rs.checkers) if (checker.type === 'MISC_CHECK') add(checker.miscPath);
    }
  }
  return out;
}

/** An edit adding `enable_script_security` to the first global_defs block, or a global_defs block at the top. */
function enableEdit(document: KeepalivedDocument, model: KeepalivedModel): Edit | undefined {
  const block = model.globalDefs?.blocks[0];
  if (!block) return { fileName: document.filePath, start: 0, end: 0, text: 'global_defs {\n    enable_script_security\n}\n\n' };
  const node = block.node;
  const text = document.source(block.fileName)?.text;
  if (node.kind !== 'KaBlock' || block.statement.expansion || text === undefined) return undefined;
  const lineEnd = text.indexOf('\n', node.open.end);
  if (lineEnd < 0) return undefined;
  const firstChild = node.body.find((s) => s.kind !== 'CommentStatement') ?? node.body[0];
  let indent = '    ';
  if (firstChild) {
    let lineStart = firstChild.start;
    while (lineStart > 0 && text[lineStart - 1] !== '\n') lineStart--;
    indent = text.slice(lineStart, firstChild.start).replace(/[^ \t]/g, '') || indent;
  }
  const cr = text[lineEnd - 1] === '\r' ? '\r' : '';
  return { fileName: block.fileName, start: lineEnd + 1, end: lineEnd + 1, text: `${indent}enable_script_security${cr}\n` };
}

export default keepalivedRule({
  id: 'keepalived/script-security-missing',
  meta: {
    type: 'problem',
    severity: 'error',
    description: 'Scripts (vrrp_script, notify*, MISC_CHECK…) run without enable_script_security: keepalived reports a security violation',
    hasSuggestions: true,
  },
  messages: {
    root:
      'keepalived runs {{count}} here without enable_script_security, as root (or keepalived_script, when that user exists) and without checking who can change them: whoever can write a script or a directory on its path gets root on this host; keepalived logs "SECURITY VIOLATION - scripts are being executed but script_security not enabled"{{test}}',
    user:
      'keepalived runs {{count}} here as {{user}} (script_user) but without enable_script_security, so it does not check who can change them; keepalived logs "SECURITY VIOLATION - scripts are being executed but script_security not enabled"{{test}}',
    enable: 'Add enable_script_security to global_defs (keepalived then refuses scripts a non-root user could modify)',
  },
  defaultOptions: {},
  check({ model, document, versions, report, messages }) {
    const globals = model.globalDefs;
    // keepalived's handler ignores any argument: the keyword alone turns script security on.
    if (globals?.enableScriptSecurity) return;
    const scripts = scriptsOf(model);
    if (scripts.length === 0) return;
    // Report once, at the script keepalived meets first in the entry file.
    const first = scripts.reduce((a, b) => (order(a, document) <= order(b, document) ? a : b));
    const user = globals?.scriptUser?.value?.user;
    const count = scripts.length === 1 ? '1 script' : `${scripts.length} scripts`;
    const edit = enableEdit(document, model);
    report({
      messageId: user && user !== 'root' ? 'user' : 'root',
      data: { count, user: user ?? '', test: targetAtLeast(versions.keepalived, CONFIG_TEST_SINCE) ? ' and keepalived -t exits with status 6' : '' },
      at: keywordSpan(first),
      related: [
        ...scripts
          .filter((s) => s !== first)
          .slice(0, MAX_RELATED)
          .map((s) => ({ at: keywordSpan(s), message: `${s.statement.keyword.value} runs a script too` })),
        ...(globals?.scriptUser ? [{ at: statementSpan(globals.scriptUser), message: 'scripts run as this user' }] : []),
      ],
      suggestions: edit ? [{ description: messages.enable, edits: [edit] }] : undefined,
    });
  },
});

/** Position for "first in reading order": the entry file before included ones. */
function order(e: KaElement, document: KeepalivedDocument): number {
  return (e.fileName === document.filePath ? 0 : 1e12) + e.node.start;
}
