import { parseHaproxy, parseKeepalived } from '@cfglint/parser';
import type { Language } from '../../src/engine/options.js';

/** Fields that describe layout only; everything else in the tree must survive formatting. */
const LAYOUT_FIELDS = new Set(['start', 'end', 'blankLinesBefore', 'blankLinesBeforeClose', 'blankLinesBeforeEndif', 'eol', 'finalNewline', 'bom']);

/** The tree without positions and blank-line counts, as a string that can be compared. */
export function treeShape(node: unknown): string {
  return JSON.stringify(node, function (this: Record<string, unknown>, key, value) {
    if (LAYOUT_FIELDS.has(key)) return undefined;
    // Trailing blanks after a comment are whitespace the formatter removes.
    if (key === 'text' && this.kind === 'Comment' && typeof value === 'string') return value.trimEnd();
    return value;
  });
}

/** Every leaf text (words, comments, punctuation) in source order. */
export function leafTexts(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const n of node) leafTexts(n, out);
  } else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.kind === 'Word' || o.kind === 'Punct') out.push(String(o.text));
    else if (o.kind === 'Comment') out.push(String(o.text).trimEnd());
    else for (const key of Object.keys(o)) leafTexts(o[key], out);
  }
  return out;
}

/** Quoted words' raw text, in source order. */
export function quotedWords(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const n of node) quotedWords(n, out);
  } else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.kind === 'Word') {
      if (o.quoted) out.push(String(o.text));
    } else for (const key of Object.keys(o)) quotedWords(o[key], out);
  }
  return out;
}

interface Leaf {
  kind: string;
  start: number;
  end: number;
}

function collectLeaves(node: unknown, out: Leaf[]): Leaf[] {
  if (Array.isArray(node)) {
    for (const n of node) collectLeaves(n, out);
  } else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.kind === 'Word' || o.kind === 'Punct' || o.kind === 'Comment') out.push(o as unknown as Leaf);
    else for (const key of Object.keys(o)) collectLeaves(o[key], out);
  }
  return out;
}

/**
 * For each pair of consecutive words, whether they touch in the source. Words written
 * together must stay together (a blank between them can change what a daemon reads).
 */
export function wordAdjacency(ast: unknown): boolean[] {
  const leaves = collectLeaves(ast, []).sort((a, b) => a.start - b.start);
  const out: boolean[] = [];
  for (let i = 1; i < leaves.length; i++) {
    if (leaves[i - 1].kind === 'Word' && leaves[i].kind === 'Word') out.push(leaves[i - 1].end === leaves[i].start);
  }
  return out;
}

/**
 * keepalived reads some lines as a whole: a line starting with `@host` or `~SEQ(…)`
 * (the prefix applies to, or repeats, the physical line) and a line holding a `$NAME`
 * reference (which may expand to several lines). Their leaves must stay together,
 * with nothing added: returns each such line's leaf texts.
 */
export function pinnedLines(ast: unknown, text: string): string[] {
  const leaves = collectLeaves(ast, []).sort((a, b) => a.start - b.start);
  const out: string[] = [];
  let group: Leaf[] = [];
  const flush = () => {
    if (group.length === 0) return;
    const first = group[0] as Leaf & { text: string };
    const pinned =
      (first.kind === 'Word' && (first.text.startsWith('@') || first.text.startsWith('~'))) ||
      group.some((l) => l.kind === 'Word' && (l as Leaf & { hasVariable?: boolean }).hasVariable);
    if (pinned) out.push(group.map((l) => (l as Leaf & { text: string }).text).join('\u0000'));
    group = [];
  };
  for (let i = 0; i < leaves.length; i++) {
    if (i > 0 && text.slice(leaves[i - 1].end, leaves[i].start).includes('\n')) flush();
    group.push(leaves[i]);
  }
  flush();
  return out;
}

export function stripWhitespace(text: string): string {
  return text.replace(/\s+/g, '');
}

export function parse(text: string, language: Language) {
  const normalized = text.replace(/^\uFEFF/, '').replaceAll('\r\n', '\n');
  return language === 'keepalived' ? parseKeepalived(normalized, 'x') : parseHaproxy(normalized, 'x');
}

export interface ProofFailure {
  check: 'non-whitespace' | 'quoted-strings' | 'leaves' | 'adjacency' | 'pinned-lines' | 'tree' | 'reparse-errors';
  detail: string;
}

/** Checks that `formatted` differs from `original` in layout only; returns the first failure. */
export function proveLayoutOnly(original: string, formatted: string, language: Language): ProofFailure | undefined {
  if (stripWhitespace(original) !== stripWhitespace(formatted)) return { check: 'non-whitespace', detail: firstDifference(stripWhitespace(original), stripWhitespace(formatted)) };
  const before = parse(original, language);
  const after = parse(formatted, language);
  const qa = quotedWords(before.ast);
  const qb = quotedWords(after.ast);
  if (JSON.stringify(qa) !== JSON.stringify(qb)) return { check: 'quoted-strings', detail: firstDifference(qa.join('\n'), qb.join('\n')) };
  const la = leafTexts(before.ast);
  const lb = leafTexts(after.ast);
  if (JSON.stringify(la) !== JSON.stringify(lb)) return { check: 'leaves', detail: firstDifference(la.join('\n'), lb.join('\n')) };
  const aa = wordAdjacency(before.ast);
  const ab = wordAdjacency(after.ast);
  const moved = aa.findIndex((v, i) => v !== ab[i]);
  if (moved !== -1 || aa.length !== ab.length) return { check: 'adjacency', detail: `word pair ${moved}` };
  if (language === 'keepalived') {
    const pa = pinnedLines(before.ast, before.source.text);
    const pb = pinnedLines(after.ast, after.source.text);
    if (JSON.stringify(pa) !== JSON.stringify(pb)) return { check: 'pinned-lines', detail: firstDifference(pa.join('\n'), pb.join('\n')) };
  }
  const ta = treeShape(before.ast);
  const tb = treeShape(after.ast);
  if (ta !== tb) return { check: 'tree', detail: firstDifference(ta, tb) };
  const errorsBefore = before.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);
  const errorsAfter = after.diagnostics.filter((d) => d.severity === 'error' && d.code !== 'lex/missing-final-newline').map((d) => d.code);
  const expected = errorsBefore.filter((c) => c !== 'lex/missing-final-newline' && c !== 'lex/byte-order-mark');
  if (JSON.stringify(expected) !== JSON.stringify(errorsAfter)) return { check: 'reparse-errors', detail: `${expected.join(',')} → ${errorsAfter.join(',')}` };
  return undefined;
}

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return `at ${i}: ${JSON.stringify(a.slice(Math.max(0, i - 40), i + 40))} vs ${JSON.stringify(b.slice(Math.max(0, i - 40), i + 40))}`;
}
