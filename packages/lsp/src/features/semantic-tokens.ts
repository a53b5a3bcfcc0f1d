import type { Comment, HaStatement, KaStatement, Word } from '@cfglint/parser';
import type { SemanticTokensLegend } from 'vscode-languageserver';
import { symbolsOf, type NameKind } from '../analysis/symbols.js';
import { onChunkParsed, type Chunk } from '../document/config-document.js';
import { guard } from '../guard.js';
import type { Feature } from './index.js';

export const TOKEN_TYPES = ['keyword', 'namespace', 'class', 'function', 'variable', 'property', 'string', 'number', 'comment', 'macro', 'operator'] as const;
export const TOKEN_MODIFIERS = ['declaration', 'readonly'] as const;
type TokenType = (typeof TOKEN_TYPES)[number];

export const LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };
const TYPE_INDEX = new Map(TOKEN_TYPES.map((t, i) => [t, i]));
const DECLARATION = 1;

interface RawToken {
  start: number;
  end: number;
  type: TokenType;
  mods: number;
}

const NAME_TYPES: Record<NameKind, TokenType> = {
  backend: 'class',
  frontend: 'class',
  defaults: 'class',
  section: 'namespace',
  userlist: 'namespace',
  peers: 'namespace',
  resolvers: 'namespace',
  mailers: 'namespace',
  cache: 'namespace',
  ring: 'namespace',
  'http-errors': 'namespace',
  acl: 'variable',
  server: 'property',
  vrrp_instance: 'class',
  vrrp_sync_group: 'namespace',
  virtual_server_group: 'namespace',
  vrrp_script: 'function',
  track_file: 'function',
  track_process: 'function',
  bfd_instance: 'function',
  variable: 'macro',
};

const NUMBER = /^[+-]?\d[\d.:/-]*[a-zA-Z]{0,2}$|^[0-9a-fA-F]*:[0-9a-fA-F:.]*(\/\d+)?$/;

function value(w: Word, out: RawToken[]): void {
  if (w.quoted) out.push({ start: w.start, end: w.end, type: 'string', mods: 0 });
  else if (w.hasVariable || w.text.startsWith('$')) out.push({ start: w.start, end: w.end, type: 'macro', mods: 0 });
  else if (NUMBER.test(w.text)) out.push({ start: w.start, end: w.end, type: 'number', mods: 0 });
}

const comment = (c: Comment | undefined, out: RawToken[]) => {
  if (c) out.push({ start: c.start, end: c.end, type: 'comment', mods: 0 });
};

function haproxy(body: HaStatement[], out: RawToken[]): void {
  for (const st of body) {
    if (st.kind === 'CommentStatement') comment(st.comment, out);
    else if (st.kind === 'HaSection') {
      out.push({ start: st.keyword.start, end: st.keyword.end, type: 'keyword', mods: 0 });
      for (const a of st.args.slice(1)) value(a, out);
      comment(st.trailingComment, out);
      haproxy(st.body, out);
    } else if (st.kind === 'HaConditional') {
      for (const b of st.branches) {
        out.push({ start: b.keyword.start, end: b.keyword.end, type: 'macro', mods: 0 });
        comment(b.trailingComment, out);
        haproxy(b.body, out);
      }
      if (st.endif) out.push({ start: st.endif.start, end: st.endif.end, type: 'macro', mods: 0 });
      comment(st.endifComment, out);
    } else if (st.kind === 'HaDirective') {
      st.words.forEach((w, i) => {
        if (i < st.keywordLength) out.push({ start: w.start, end: w.end, type: 'keyword', mods: 0 });
        else if (!w.quoted && (w.value === 'if' || w.value === 'unless' || w.value === 'or' || w.value === '||')) out.push({ start: w.start, end: w.end, type: 'operator', mods: 0 });
        else value(w, out);
      });
      comment(st.trailingComment, out);
    }
  }
}

function keepalived(body: KaStatement[], out: RawToken[]): void {
  for (const st of body) {
    if (st.kind === 'CommentStatement') comment(st.comment, out);
    else if (st.kind === 'KaDefinition') {
      out.push({ start: st.name.start, end: st.name.end, type: 'macro', mods: DECLARATION });
      st.value.forEach((w) => value(w, out));
      comment(st.trailingComment, out);
      st.innerComments?.forEach((c) => comment(c, out));
    } else if (st.kind === 'KaBlock' || st.kind === 'KaDirective') {
      if (st.condition) out.push({ start: st.condition.start, end: st.condition.end, type: 'macro', mods: 0 });
      st.repeat?.forEach((r) => out.push({ start: r.start, end: r.end, type: 'macro', mods: 0 }));
      // Entries of address lists are values, not keywords.
      if (/^[\d[]|^[0-9a-fA-F]*:/.test(st.keyword.text)) value(st.keyword, out);
      else out.push({ start: st.keyword.start, end: st.keyword.end, type: 'keyword', mods: 0 });
      st.args.forEach((w) => value(w, out));
      comment(st.trailingComment, out);
      if (st.kind === 'KaBlock') {
        st.headComments?.forEach((c) => comment(c, out));
        keepalived(st.body, out);
        comment(st.closeComment, out);
      }
    }
  }
}

/** Tokens of a chunk as [line, character, length, type, modifiers] tuples, chunk-relative lines. */
function chunkTokens(chunk: Chunk): Uint32Array {
  return chunk.memo('tokens', () => computeTokens(chunk));
}
onChunkParsed(chunkTokens);

function computeTokens(chunk: Chunk): Uint32Array {
  const raw: RawToken[] = [];
  const p = chunk.parsed;
  if (p.language === 'haproxy') haproxy(p.ast.body, raw);
  else keepalived(p.ast.body, raw);
  // Names override the generic classification.
  const byStart = new Map(raw.map((t) => [t.start, t]));
  const { definitions, references } = symbolsOf(chunk);
  for (const [sites, mods] of [[definitions, DECLARATION], [references, 0]] as const) {
    for (const s of sites) {
      const existing = byStart.get(s.start);
      const token = { start: s.start, end: s.end, type: NAME_TYPES[s.kind], mods };
      if (existing && existing.end === s.end) Object.assign(existing, token);
      else if (!existing) {
        raw.push(token);
        byStart.set(s.start, token);
      }
    }
  }
  raw.sort((a, b) => a.start - b.start);
  const data: number[] = [];
  const src = chunk.source;
  let lastEnd = -1;
  for (const t of raw) {
    if (t.start < lastEnd) continue; // overlapping tokens are not allowed
    const s = src.positionAt(t.start);
    const e = src.positionAt(t.end);
    if (s.line !== e.line || e.character <= s.character) continue;
    data.push(s.line, s.character, e.character - s.character, TYPE_INDEX.get(t.type)!, t.mods);
    lastEnd = t.end;
  }
  return Uint32Array.from(data);
}

export const semanticTokensFeature: Feature = {
  name: 'semanticTokens',
  register({ connection, documents, log }) {
    const build = (uri: string, fromLine: number, toLine: number) => {
      const doc = documents.get(uri);
      if (!doc) return { data: [] };
      const data: number[] = [];
      let prevLine = 0;
      let prevChar = 0;
      const first = doc.chunkIndexAtLine(fromLine);
      for (let ci = first; ci < doc.chunks.length; ci++) {
        const chunk = doc.chunks[ci];
        if (chunk.line > toLine) break;
        const t = chunkTokens(chunk);
        for (let i = 0; i < t.length; i += 5) {
          const line = t[i] + chunk.line;
          if (line < fromLine || line > toLine) continue;
          const ch = t[i + 1];
          data.push(line - prevLine, line === prevLine ? ch - prevChar : ch, t[i + 2], t[i + 3], t[i + 4]);
          prevLine = line;
          prevChar = ch;
        }
      }
      return { data };
    };
    connection.languages.semanticTokens.on(guard(log, 'semanticTokens', ({ textDocument }) => build(textDocument.uri, 0, Number.MAX_SAFE_INTEGER)));
    connection.languages.semanticTokens.onRange(
      guard(log, 'semanticTokens/range', ({ textDocument, range }) => build(textDocument.uri, range.start.line, range.end.line)),
    );
    return { semanticTokensProvider: { legend: LEGEND, full: true, range: true } };
  },
};
