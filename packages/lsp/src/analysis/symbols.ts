import type { HaDirective, HaSection, HaStatement, KaStatement, Word } from '@cfglint/parser';
import { onChunkParsed, type Chunk } from '../document/config-document.js';

/*
 * Names that are defined in one place and used in others, per chunk (offsets are
 * chunk-relative). Definition, references, rename, completion of names and the outline
 * all read these lists.
 */

export type NameKind =
  | 'backend' // backend and listen sections (targets of use_backend / default_backend)
  | 'frontend'
  | 'defaults'
  | 'acl'
  | 'server'
  | 'userlist'
  | 'peers'
  | 'resolvers'
  | 'mailers'
  | 'cache'
  | 'ring'
  | 'http-errors'
  | 'section' // any other named HAProxy section
  | 'vrrp_instance'
  | 'vrrp_script'
  | 'vrrp_sync_group'
  | 'virtual_server_group'
  | 'track_file'
  | 'track_process'
  | 'bfd_instance'
  | 'variable';

export interface NameSite {
  kind: NameKind;
  name: string;
  /** The word (or the part of it) that spells the name, chunk-relative. */
  start: number;
  end: number;
  /** ACLs and servers belong to one proxy: `<section keyword> <name>@<chunk offset>`. */
  scope?: string;
}

export interface ChunkSymbols {
  definitions: NameSite[];
  references: NameSite[];
}

const HAPROXY_SECTION_KIND: Record<string, NameKind> = {
  backend: 'backend',
  listen: 'backend',
  frontend: 'frontend',
  defaults: 'defaults',
  userlist: 'userlist',
  peers: 'peers',
  resolvers: 'resolvers',
  mailers: 'mailers',
  cache: 'cache',
  ring: 'ring',
  'http-errors': 'http-errors',
};

const KEEPALIVED_NAMED_BLOCKS: Record<string, NameKind> = {
  vrrp_instance: 'vrrp_instance',
  vrrp_script: 'vrrp_script',
  vrrp_sync_group: 'vrrp_sync_group',
  virtual_server_group: 'virtual_server_group',
  track_file: 'track_file',
  vrrp_track_file: 'track_file',
  track_process: 'track_process',
  vrrp_track_process: 'track_process',
  bfd_instance: 'bfd_instance',
};

/** List blocks whose entries name something defined elsewhere, by the block they sit in. */
const KEEPALIVED_REFERENCE_LISTS: Record<string, NameKind> = {
  track_script: 'vrrp_script',
  group: 'vrrp_instance',
  track_file: 'track_file',
  track_process: 'track_process',
  track_bfd: 'bfd_instance',
};

export function symbolsOf(chunk: Chunk): ChunkSymbols {
  return chunk.memo('symbols', () => {
    const s: ChunkSymbols = { definitions: [], references: [] };
    const parsed = chunk.parsed;
    if (parsed.language === 'haproxy') collectHaproxy(parsed.ast.body, undefined, s);
    else collectKeepalived(parsed.ast.body, undefined, s);
    return s;
  });
}
onChunkParsed(symbolsOf);

const site = (kind: NameKind, w: Word, scope?: string): NameSite => ({ kind, name: w.value, start: w.start, end: w.end, scope });

function collectHaproxy(body: HaStatement[], section: HaSection | undefined, out: ChunkSymbols): void {
  for (const st of body) {
    if (st.kind === 'HaSection') {
      const kind = HAPROXY_SECTION_KIND[st.keyword.value] ?? 'section';
      const name = st.args[0];
      if (name && !(st.keyword.value === 'defaults' && name.value === 'from')) out.definitions.push(site(kind, name));
      const from = st.args.findIndex((a) => a.value === 'from');
      if (from >= 0 && st.args[from + 1]) out.references.push(site('defaults', st.args[from + 1]));
      collectHaproxy(st.body, st, out);
    } else if (st.kind === 'HaConditional') {
      for (const b of st.branches) collectHaproxy(b.body, section, out);
    } else if (st.kind === 'HaDirective') {
      haproxyDirective(st, section, out);
    }
  }
}

function scopeOf(section: HaSection | undefined): string | undefined {
  return section ? `${section.keyword.value} ${section.args[0]?.value ?? ''}@${section.start}` : undefined;
}

function haproxyDirective(d: HaDirective, section: HaSection | undefined, out: ChunkSymbols): void {
  const w = d.words;
  const args = w.slice(d.keywordLength);
  const scope = scopeOf(section);
  const kw = d.keyword;
  if (kw === 'acl' && args[0]) out.definitions.push(site('acl', args[0], scope));
  else if ((kw === 'server' || kw === 'server-template') && args[0]) out.definitions.push(site('server', args[0], scope));
  else if ((kw === 'use_backend' || kw === 'default_backend') && args[0] && !args[0].value.includes('%[')) out.references.push(site('backend', args[0]));
  else if (kw === 'use-server' && args[0]) out.references.push(site('server', args[0], scope));
  else if (kw === 'email-alert mailers' && args[0]) out.references.push(site('mailers', args[0]));

  // Options anywhere on the line that name sections: `resolvers dns`, `peers p`, `track be/srv`.
  for (let i = d.keywordLength; i < w.length - 1; i++) {
    const v = w[i].value;
    const next = w[i + 1];
    if (v === 'resolvers' && (kw === 'server' || kw === 'default-server' || kw === 'server-template')) out.references.push(site('resolvers', next));
    else if (v === 'peers' && kw === 'stick-table') out.references.push(site('peers', next));
    else if (v === 'track' && kw.endsWith('server')) {
      const slash = next.value.indexOf('/');
      if (slash > 0 && !next.quoted) out.references.push({ kind: 'backend', name: next.value.slice(0, slash), start: next.start, end: next.start + slash });
    }
  }

  // ACL names in the condition after `if` / `unless`, and userlists in http_auth(…).
  const condAt = w.findIndex((x, i) => i >= d.keywordLength && (x.value === 'if' || x.value === 'unless'));
  if (condAt >= 0) {
    let braces = 0;
    for (let i = condAt + 1; i < w.length; i++) {
      const x = w[i];
      if (x.value === '{') braces++;
      else if (x.value === '}') braces = Math.max(0, braces - 1);
      else if (braces === 0 && x.value !== 'or' && x.value !== '||' && !x.quoted) {
        const neg = x.value.startsWith('!') ? 1 : 0;
        const name = x.value.slice(neg);
        if (name && /^[A-Za-z0-9_.:-]+$/.test(name)) out.references.push({ kind: 'acl', name, start: x.start + neg, end: x.end, scope });
      }
    }
  }
  for (const x of w) {
    const m = /\bhttp_auth(?:_group)?\(([^,)]+)/.exec(x.text);
    if (m) {
      const at = x.start + m.index + m[0].length - m[1].length;
      out.references.push({ kind: 'userlist', name: m[1], start: at, end: at + m[1].length });
    }
  }
}

function collectKeepalived(body: KaStatement[], parent: string | undefined, out: ChunkSymbols): void {
  for (const st of body) {
    if (st.kind === 'KaDefinition') {
      const name = st.name.value.replace(/^\$/, '');
      out.definitions.push({ kind: 'variable', name, start: st.name.start + 1, end: st.name.start + 1 + name.length });
      variables(st.value, out);
      continue;
    }
    if (st.kind !== 'KaBlock' && st.kind !== 'KaDirective') continue;
    variables([st.keyword, ...st.args], out);
    const kw = st.keyword.value;
    if (st.kind === 'KaBlock') {
      const kind = KEEPALIVED_NAMED_BLOCKS[kw];
      // `track_file NAME { … }` at the top defines; `track_file { NAME }` inside an instance refers.
      if (kind && st.args[0] && !(parent && KEEPALIVED_REFERENCE_LISTS[kw])) out.definitions.push(site(kind, st.args[0]));
      if (kw === 'virtual_server' && st.args[0]?.value === 'group' && st.args[1]) out.references.push(site('virtual_server_group', st.args[1]));
      collectKeepalived(st.body, kw, out);
    } else if (parent && KEEPALIVED_REFERENCE_LISTS[parent]) {
      const kind = KEEPALIVED_REFERENCE_LISTS[parent];
      out.references.push(site(kind, st.keyword));
      // a sync group's `group { A B }` may list several instances on one line
      if (parent === 'group') for (const a of st.args) out.references.push(site(kind, a));
    }
  }
}

function variables(words: Word[], out: ChunkSymbols): void {
  for (const w of words) {
    if (!w.text.includes('$')) continue;
    const re = /\$\{?([A-Za-z_]\w*)\}?/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(w.text))) {
      const at = w.start + m.index + m[0].indexOf(m[1]);
      out.references.push({ kind: 'variable', name: m[1], start: at, end: at + m[1].length });
    }
  }
}
