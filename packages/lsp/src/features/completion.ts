import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Position } from 'vscode-languageserver';
import { cursorContext, type CursorContext } from '../analysis/cursor.js';
import { definedNames } from '../analysis/names.js';
import { haproxyOptions, haproxySections, keywordsIn, type KeywordInfo } from '../analysis/schema.js';
import type { NameKind } from '../analysis/symbols.js';
import type { ConfigDocument } from '../document/config-document.js';
import { guard } from '../guard.js';
import { keywordDocs } from './hover.js';
import type { Feature } from './index.js';

/** Values the daemons accept, by keyword (facts from their documentation). */
const HAPROXY_VALUES: Record<string, string[]> = {
  balance: ['roundrobin', 'static-rr', 'leastconn', 'first', 'source', 'uri', 'url_param', 'hdr(', 'random', 'rdp-cookie', 'hash'],
  mode: ['http', 'tcp', 'log'],
  'option httpchk': ['GET', 'HEAD', 'OPTIONS', 'POST'],
  'http-check send': ['meth', 'uri', 'ver', 'hdr', 'body'],
  log: ['global', 'stdout', 'stderr', '127.0.0.1:514'],
};
const KEEPALIVED_VALUES: Record<string, string[]> = {
  state: ['MASTER', 'BACKUP'],
  lb_algo: ['rr', 'wrr', 'lc', 'wlc', 'lblc', 'lblcr', 'dh', 'sh', 'sed', 'nq', 'fo', 'ovf', 'mh'],
  lvs_sched: ['rr', 'wrr', 'lc', 'wlc', 'lblc', 'lblcr', 'dh', 'sh', 'sed', 'nq', 'fo', 'ovf', 'mh'],
  lb_kind: ['NAT', 'DR', 'TUN'],
  lvs_method: ['NAT', 'DR', 'TUN'],
  auth_type: ['PASS', 'AH'],
  protocol: ['TCP', 'UDP', 'SCTP'],
};
const HAPROXY_TIMEOUTS = ['100ms', '500ms', '1s', '5s', '10s', '30s', '1m', '5m', '1h'];
const KEEPALIVED_DURATIONS = ['1', '2', '3', '5', '10', '30'];
/** ACLs HAProxy predefines. */
const PREDEFINED_ACLS = ['TRUE', 'FALSE', 'HTTP', 'HTTP_1.0', 'HTTP_1.1', 'HTTP_2.0', 'HTTP_CONTENT', 'HTTP_URL_ABS', 'HTTP_URL_SLASH', 'HTTP_URL_STAR', 'LOCALHOST', 'METH_CONNECT', 'METH_DELETE', 'METH_GET', 'METH_HEAD', 'METH_OPTIONS', 'METH_POST', 'METH_PUT', 'METH_TRACE', 'RDP_COOKIE', 'REQ_CONTENT', 'WAIT_END'];

/** List blocks whose entries name things defined elsewhere. */
const KEEPALIVED_NAME_LISTS: Record<string, NameKind> = {
  track_script: 'vrrp_script',
  group: 'vrrp_instance',
  track_file: 'track_file',
  track_process: 'track_process',
  track_bfd: 'bfd_instance',
};

function range(start: Position, end: Position) {
  return { start, end };
}

function keywordItem(k: KeywordInfo, c: CursorContext, end: Position, language: 'haproxy' | 'keepalived', kind: CompletionItemKind = CompletionItemKind.Keyword): CompletionItem {
  const item: CompletionItem = {
    label: k.name,
    kind,
    detail: k.signature?.length ? `${k.name} ${k.signature.join(' ')}` : undefined,
    documentation: { kind: MarkupKind.Markdown, value: keywordDocs(k) },
    textEdit: { range: range(c.statementStart, end), newText: k.name },
    filterText: k.name,
  };
  if (language === 'keepalived' && k.block) {
    const named = k.args?.length ? ` \${1:${k.args[0].name}}` : '';
    item.insertTextFormat = InsertTextFormat.Snippet;
    item.textEdit = { range: range(c.statementStart, end), newText: `${k.name}${named} {\n\t$0\n}` };
    item.kind = CompletionItemKind.Module;
  }
  return item;
}

/** A section keyword as a snippet: the name to fill in (when the section takes one) and an indented first line. */
function sectionItem(k: KeywordInfo, c: CursorContext, end: Position): CompletionItem {
  const item = keywordItem(k, c, end, 'haproxy', CompletionItemKind.Module);
  const named = k.signature?.some((sig) => /<[^>]+>/.test(sig)) || ['frontend', 'backend', 'listen', 'userlist', 'peers', 'resolvers'].includes(k.name);
  item.insertTextFormat = InsertTextFormat.Snippet;
  item.textEdit = { range: range({ line: c.statementStart.line, character: 0 }, end), newText: `${k.name}${named ? ' ${1:name}' : ''}\n    $0` };
  return item;
}

function values(list: string[], c: CursorContext, end: Position, kind: CompletionItemKind = CompletionItemKind.EnumMember, detail?: string): CompletionItem[] {
  return [...new Set(list)].map((v) => ({ label: v, kind, detail, textEdit: { range: range(c.wordStart, end), newText: v } }));
}

function names(doc: ConfigDocument, kind: NameKind, c: CursorContext, end: Position, scope?: string): CompletionItem[] {
  return values(definedNames(doc, kind, scope), c, end, CompletionItemKind.Reference, kind);
}

/** The schema's allowed values of argument `index` of a keyword, if it lists them. */
function schemaValues(k: KeywordInfo | undefined, index: number): { values: string[]; time: boolean } {
  const arg = k?.args?.[index] ?? k?.args?.find((a) => a.variadic);
  if (arg?.value.type === 'enum') return { values: arg.value.values, time: false };
  if (arg?.value.type === 'bool') return { values: ['true', 'false'], time: false };
  return { values: [], time: arg?.value.type === 'time' };
}

function haproxyCompletions(doc: ConfigDocument, c: CursorContext, end: Position, version: string | undefined): CompletionItem[] {
  const w = c.words;
  const modifier = w[0] === 'no' || w[0] === 'default' ? w[0] : undefined;
  const typed = (modifier ? w.slice(1) : w).join(' ');
  // The keyword itself, possibly several words long (`timeout connect`, `no option httplog`).
  const keywords = c.context ? keywordsIn('haproxy', c.context, version) : [];
  const matching = typed ? keywords.filter((k) => k.name.startsWith(typed + ' ')) : keywords;
  if (w.length === 0 || modifier && w.length === 1 || (typed && matching.length)) {
    const out = matching.map((k) => {
      const item = keywordItem(k, c, end, 'haproxy');
      if (modifier) item.textEdit = { range: range(c.statementStart, end), newText: `${modifier} ${k.name}` };
      item.filterText = modifier ? `${modifier} ${k.name}` : k.name;
      return item;
    });
    if (w.length === 0) out.push(...haproxySections(version).map((s) => sectionItem(s, c, end)));
    return out;
  }
  const kw = w.slice(0, 2).join(' ');
  const scope = c.section ? `${c.section.keyword.value} ${c.section.args[0]?.value ?? ''}@${c.section.start}` : undefined;
  if (/http_auth(_group)?\($/.test(c.prefix)) {
    const at = c.prefix.lastIndexOf('(') + 1;
    return definedNames(doc, 'userlist').map((name) => ({ label: name, kind: CompletionItemKind.Reference, textEdit: { range: range({ line: end.line, character: c.wordStart.character + at }, end), newText: name } }));
  }
  const condAt = w.findIndex((x, i) => i > 0 && (x === 'if' || x === 'unless'));
  if (condAt >= 0) {
    return [...names(doc, 'acl', c, end, scope), ...values(PREDEFINED_ACLS, c, end, CompletionItemKind.Constant, 'predefined ACL'), ...values(['or', '!'], c, end, CompletionItemKind.Operator)];
  }
  const last = w[w.length - 1];
  if ((w[0] === 'use_backend' || w[0] === 'default_backend') && w.length === 1) return [...names(doc, 'backend', c, end)];
  if (last === 'resolvers') return names(doc, 'resolvers', c, end);
  if (last === 'peers') return names(doc, 'peers', c, end);
  if (last === 'track' || last === 'use-server') return last === 'track' ? names(doc, 'backend', c, end) : names(doc, 'server', c, end, scope);
  if (w[0] === 'timeout' && w.length === 2) return values(HAPROXY_TIMEOUTS, c, end, CompletionItemKind.Value, 'duration');
  if (HAPROXY_VALUES[kw] && w.length === 2) return values(HAPROXY_VALUES[kw], c, end);
  if (HAPROXY_VALUES[w[0]] && w.length === 1) return values(HAPROXY_VALUES[w[0]], c, end);
  if ((w[0] === 'server' || w[0] === 'default-server' || w[0] === 'server-template') && w.length >= (w[0] === 'default-server' ? 1 : 3)) {
    return haproxyOptions('server', version).map((o) => ({ label: o.name, kind: CompletionItemKind.Property, documentation: { kind: MarkupKind.Markdown, value: keywordDocs(o) }, textEdit: { range: range(c.wordStart, end), newText: o.name } }));
  }
  if (w[0] === 'bind' && w.length >= 2) {
    return haproxyOptions('bind', version).map((o) => ({ label: o.name, kind: CompletionItemKind.Property, documentation: { kind: MarkupKind.Markdown, value: keywordDocs(o) }, textEdit: { range: range(c.wordStart, end), newText: o.name } }));
  }
  // What the schema says about the argument at the cursor: allowed values, or a duration.
  const base = modifier ? w.slice(1) : w;
  for (let length = Math.min(3, base.length); length >= 1; length--) {
    const spec = keywords.find((k) => k.name === base.slice(0, length).join(' '));
    if (!spec) continue;
    const arg = schemaValues(spec, base.length - length);
    if (arg.values.length) return values(arg.values, c, end);
    if (arg.time) return values(HAPROXY_TIMEOUTS, c, end, CompletionItemKind.Value, 'duration');
    break;
  }
  return [];
}

function keepalivedCompletions(doc: ConfigDocument, c: CursorContext, end: Position, version: string | undefined): CompletionItem[] {
  const w = c.words;
  const list = KEEPALIVED_NAME_LISTS[c.context];
  if (w.length === 0) {
    const out = keywordsIn('keepalived', c.context, version).map((k) => keywordItem(k, c, end, 'keepalived'));
    if (list) out.unshift(...names(doc, list, c, end));
    return out;
  }
  if (list && w.length >= 1 && c.context === 'group') return names(doc, 'vrrp_instance', c, end);
  if (w[0] === 'virtual_server' && w[1] === 'group' && w.length === 2) return names(doc, 'virtual_server_group', c, end);
  if (w[0] === 'virtual_server' && w.length === 1) return values(['group', 'fwmark'], c, end, CompletionItemKind.Keyword);
  const spec = keywordsIn('keepalived', c.context, version).find((k) => k.name === w[0]);
  const fromSchema = schemaValues(spec, w.length - 1);
  const known = w.length === 1 ? (KEEPALIVED_VALUES[w[0]] ?? []) : [];
  if (fromSchema.values.length || known.length) return values([...fromSchema.values, ...known], c, end);
  if (fromSchema.time) return values(KEEPALIVED_DURATIONS, c, end, CompletionItemKind.Value, 'seconds');
  return [];
}

/** Completion: keywords valid at the cursor for the target version, values, and names defined elsewhere. */
export const completionFeature: Feature = {
  name: 'completion',
  register({ connection, documents, settingsFor, log }) {
    connection.onCompletion(
      guard(log, 'completion', ({ textDocument, position }) => {
        const doc = documents.get(textDocument.uri);
        if (!doc) return null;
        const c = cursorContext(doc, position);
        if (c.inComment) return [];
        const version = settingsFor(doc).versions[doc.language];
        return doc.language === 'haproxy' ? haproxyCompletions(doc, c, position, version) : keepalivedCompletions(doc, c, position, version);
      }),
    );
    return { completionProvider: { triggerCharacters: [' ', '('], resolveProvider: false } };
  },
};
