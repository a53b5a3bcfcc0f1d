import type { HaStatement, KaStatement } from '@cfglint/parser';
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver';
import { onChunkParsed, type Chunk } from '../document/config-document.js';
import { guard } from '../guard.js';
import type { Feature } from './index.js';

const HAPROXY_KINDS: Record<string, SymbolKind> = {
  global: SymbolKind.Namespace,
  defaults: SymbolKind.Namespace,
  frontend: SymbolKind.Class,
  backend: SymbolKind.Class,
  listen: SymbolKind.Class,
};

const KEEPALIVED_KINDS: Record<string, SymbolKind> = {
  global_defs: SymbolKind.Namespace,
  vrrp_instance: SymbolKind.Class,
  vrrp_sync_group: SymbolKind.Namespace,
  vrrp_script: SymbolKind.Function,
  virtual_server: SymbolKind.Class,
  virtual_server_group: SymbolKind.Namespace,
  real_server: SymbolKind.Object,
  sorry_server: SymbolKind.Object,
};

function haproxySymbols(chunk: Chunk, body: HaStatement[], out: DocumentSymbol[]): void {
  for (const st of body) {
    if (st.kind === 'HaConditional') {
      for (const b of st.branches) haproxySymbols(chunk, b.body, out);
    } else if (st.kind === 'HaSection') {
      const name = st.args[0];
      const children: DocumentSymbol[] = [];
      haproxySymbols(chunk, st.body, children);
      out.push({
        name: name ? name.value : st.keyword.value,
        detail: st.keyword.value,
        kind: HAPROXY_KINDS[st.keyword.value] ?? SymbolKind.Module,
        range: chunk.source.rangeOf(st.start, st.end),
        selectionRange: chunk.source.rangeOf((name ?? st.keyword).start, (name ?? st.keyword).end),
        children,
      });
    } else if (st.kind === 'HaDirective') {
      const arg = st.words[st.keywordLength];
      const kind = st.keyword === 'server' || st.keyword === 'server-template' ? SymbolKind.Object
        : st.keyword === 'acl' ? SymbolKind.Boolean
        : st.keyword === 'bind' ? SymbolKind.Interface
        : st.keyword === 'user' || st.keyword === 'peer' || st.keyword === 'nameserver' || st.keyword === 'mailer' ? SymbolKind.Field
        : undefined;
      if (kind === undefined || !arg) continue;
      out.push({
        name: arg.value,
        detail: st.keyword === 'server' ? st.words.slice(st.keywordLength + 1, st.keywordLength + 2).map((w) => w.value).join(' ') || st.keyword : st.keyword,
        kind,
        range: chunk.source.rangeOf(st.start, st.end),
        selectionRange: chunk.source.rangeOf(arg.start, arg.end),
      });
    }
  }
}

function keepalivedSymbols(chunk: Chunk, body: KaStatement[], out: DocumentSymbol[]): void {
  for (const st of body) {
    if (st.kind !== 'KaBlock') continue;
    const children: DocumentSymbol[] = [];
    keepalivedSymbols(chunk, st.body, children);
    const kw = st.keyword.value;
    const name = st.args.length ? st.args.map((a) => a.value).join(' ') : kw;
    const sel = st.args[0] ?? st.keyword;
    out.push({
      name,
      detail: st.args.length ? kw : undefined,
      kind: KEEPALIVED_KINDS[kw] ?? SymbolKind.Struct,
      range: chunk.source.rangeOf(st.start, st.end),
      selectionRange: chunk.source.rangeOf(sel.start, (st.args[st.args.length - 1] ?? sel).end),
      children,
    });
  }
}

/** A chunk's outline entries, in chunk-relative lines. */
function outlineOf(chunk: Chunk): DocumentSymbol[] {
  return chunk.memo('outline', () => {
    const out: DocumentSymbol[] = [];
    const p = chunk.parsed;
    if (p.language === 'haproxy') haproxySymbols(chunk, p.ast.body, out);
    else keepalivedSymbols(chunk, p.ast.body, out);
    return out;
  });
}
onChunkParsed(outlineOf);

const shiftRange = (r: Range, by: number): Range => ({ start: { line: r.start.line + by, character: r.start.character }, end: { line: r.end.line + by, character: r.end.character } });

function shift(s: DocumentSymbol, by: number): DocumentSymbol {
  return { ...s, range: shiftRange(s.range, by), selectionRange: shiftRange(s.selectionRange, by), children: s.children?.map((c) => shift(c, by)) };
}

/** The outline: sections with their servers, ACLs and binds; keepalived blocks, nested. */
export const documentSymbolsFeature: Feature = {
  name: 'documentSymbol',
  register({ connection, documents, log }) {
    connection.onDocumentSymbol(
      guard(log, 'documentSymbol', ({ textDocument }) => {
        const doc = documents.get(textDocument.uri);
        if (!doc) return null;
        const out: DocumentSymbol[] = [];
        for (const chunk of doc.chunks) for (const s of outlineOf(chunk)) out.push(shift(s, chunk.line));
        return out;
      }),
    );
    return { documentSymbolProvider: { label: 'cfglint' } };
  },
};
