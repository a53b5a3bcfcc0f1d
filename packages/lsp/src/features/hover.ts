import type { HaDirective, HaSection, HaStatement, KaStatement, Word } from '@cfglint/parser';
import { MarkupKind, type Hover } from 'vscode-languageserver';
import { occurrences, siteAt } from '../analysis/names.js';
import { defaultVersion, keywordInfo, type KeywordInfo } from '../analysis/schema.js';
import type { Chunk, ConfigDocument } from '../document/config-document.js';
import { guard } from '../guard.js';
import type { Feature } from './index.js';

function describeValue(a: NonNullable<KeywordInfo['args']>[number]): string {
  const v = a.value;
  switch (v.type) {
    case 'enum':
      return `one of ${v.values.map((x) => `\`${x}\``).join(', ')}`;
    case 'int':
    case 'float':
      return `${v.type === 'int' ? 'integer' : 'number'}${v.min !== undefined || v.max !== undefined ? ` ${v.min ?? '…'}–${v.max ?? '…'}` : ''}`;
    case 'time':
      return `duration (a bare number is in ${v.defaultUnit})`;
    default:
      return v.type;
  }
}

/** The versions that have a keyword, in words. */
export function versionsText(k: KeywordInfo): string | undefined {
  const v = k.versions;
  if (!v) return undefined;
  const parts: string[] = [];
  if (v.added) parts.push(`since ${v.added}`);
  if (v.deprecated) parts.push(`deprecated in ${v.deprecated}`);
  if (v.removed) parts.push(`removed in ${v.removed}`);
  if (v.replacement) parts.push(`use \`${v.replacement}\` instead`);
  let text = parts.join('; ');
  if (v.note) text += `${text ? '. ' : ''}${v.note}`;
  return text || undefined;
}

/** Markdown for a keyword: what it does, its arguments and values, versions, and the upstream documentation. */
export function keywordDocs(k: KeywordInfo): string {
  const out: string[] = [];
  const signature = k.signature?.length ? ` ${k.signature.join(' ')}` : k.args?.length ? ' ' + k.args.map((a) => (a.optional ? `[${a.name}]` : `<${a.name}>`) + (a.variadic ? '…' : '')).join(' ') : '';
  out.push('```\n' + k.name + signature + '\n```');
  if (k.summary) out.push(k.summary);
  const args = (k.args ?? []).filter((a) => a.value.type !== 'any' && a.value.type !== 'string');
  if (args.length) out.push(args.map((a) => `- \`${a.name}\`: ${describeValue(a)}${a.optional ? ' (optional)' : ''}`).join('\n'));
  const versions = versionsText(k);
  if (versions) out.push(`Versions: ${versions}.`);
  if (k.docUrl) out.push(`[Upstream documentation](${k.docUrl})`);
  return out.join('\n\n');
}

interface Hit {
  name: string;
  context: string;
  word: Word;
  last: Word;
}

function haproxyKeywordAt(body: HaStatement[], rel: number, section: HaSection | undefined): Hit | undefined {
  for (const st of body) {
    if (rel < st.start || rel > st.end) continue;
    if (st.kind === 'HaSection') {
      if (rel <= st.keyword.end) return { name: st.keyword.value, context: '', word: st.keyword, last: st.keyword };
      return haproxyKeywordAt(st.body, rel, st);
    }
    if (st.kind === 'HaConditional') {
      for (const b of st.branches) {
        const hit = haproxyKeywordAt(b.body, rel, section);
        if (hit) return hit;
      }
    }
    if (st.kind === 'HaDirective') {
      const d: HaDirective = st;
      const kwWords = d.words.slice(0, d.keywordLength);
      if (kwWords.length && rel >= kwWords[0].start && rel <= kwWords[kwWords.length - 1].end) {
        const name = d.keyword.replace(/^(no|default) /, '');
        return { name, context: section?.keyword.value ?? '', word: kwWords[0], last: kwWords[kwWords.length - 1] };
      }
    }
  }
  return undefined;
}

function keepalivedKeywordAt(body: KaStatement[], rel: number, context: string): Hit | undefined {
  for (const st of body) {
    if (rel < st.start || rel > st.end) continue;
    if (st.kind === 'KaBlock' || st.kind === 'KaDirective') {
      if (rel >= st.keyword.start && rel <= st.keyword.end) return { name: st.keyword.value, context, word: st.keyword, last: st.keyword };
      if (st.kind === 'KaBlock') return keepalivedKeywordAt(st.body, rel, st.keyword.value);
    }
  }
  return undefined;
}

function keywordHover(doc: ConfigDocument, chunk: Chunk, rel: number, version: string | undefined): Hover | undefined {
  const p = chunk.parsed;
  const hit = p.language === 'haproxy' ? haproxyKeywordAt(p.ast.body, rel, undefined) : keepalivedKeywordAt(p.ast.body, rel, 'root');
  if (!hit) return undefined;
  const info = keywordInfo(doc.language, hit.context, hit.name, version ?? defaultVersion(doc.language));
  if (!info) return undefined;
  return { contents: { kind: MarkupKind.Markdown, value: keywordDocs(info) }, range: chunk.rangeOf(hit.word.start, hit.last.end) };
}

export const hoverFeature: Feature = {
  name: 'hover',
  register({ connection, documents, settingsFor, log }) {
    connection.onHover(
      guard(log, 'hover', ({ textDocument, position }) => {
        const doc = documents.get(textDocument.uri);
        if (!doc) return null;
        const offset = doc.offsetAt(position);
        const chunk = doc.chunks[doc.chunkIndexAtOffset(offset)];
        const rel = offset - chunk.start;
        const keyword = keywordHover(doc, chunk, rel, settingsFor(doc).versions[doc.language]);
        if (keyword) return keyword;
        // A name: where it is defined and how often it is used.
        const at = siteAt(doc, offset);
        if (!at) return null;
        const all = occurrences(doc, at.site);
        const defs = all.filter((o) => o.definition);
        const uses = all.length - defs.length;
        const where = defs.length ? defs.map((d) => `line ${d.range.start.line + 1}`).join(', ') : 'not defined in this file';
        return {
          contents: { kind: MarkupKind.Markdown, value: `**${at.site.kind}** \`${at.site.name}\`: defined at ${where}; used ${uses} time${uses === 1 ? '' : 's'}.` },
          range: at.range,
        };
      }),
    );
    return { hoverProvider: true };
  },
};
