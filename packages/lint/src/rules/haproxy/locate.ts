import type { HaProxy, HaSectionBase, HaSetting, Word } from '@cfglint/parser';
import type { Edit, Span } from '../../engine/span.js';

/** The span of one word. */
export function wordSpan(fileName: string, word: { start: number; end: number }): Span {
  return { fileName, start: word.start, end: word.end };
}

/** A directive line from its keyword to its last word (`timeout connect 5s`). */
export function settingSpan(setting: HaSetting): Span {
  const words = setting.node.words;
  return { fileName: setting.fileName, start: words[0].start, end: words[words.length - 1].end };
}

/** The keyword words of a directive (`http-request`, `tcp-request content`, `timeout connect`). */
export function keywordSpan(setting: HaSetting): Span {
  const words = setting.node.words;
  const last = words[Math.max(0, setting.node.keywordLength - 1)];
  return { fileName: setting.fileName, start: words[0].start, end: last.end };
}

/** Where a section is named: its name word, else its keyword. */
export function sectionNameSpan(section: HaSectionBase): Span {
  return wordSpan(section.fileName, section.nameWord ?? section.node.keyword);
}

/** What a person calls a proxy: `frontend main`, `listen stats`. */
export function proxyLabel(proxy: HaProxy): string {
  return `${proxy.kind} '${proxy.name}'`;
}

/** Whether a proxy is turned off with `disabled` (HAProxy skips it entirely). */
export function isDisabled(proxy: HaProxy): boolean {
  let disabled = false;
  for (const s of proxy.settings) {
    if (s.keyword === 'disabled') disabled = true;
    else if (s.keyword === 'enabled') disabled = false;
  }
  return disabled;
}

/**
 * Whether a word's value is only known once something expands it: HAProxy's `"${VAR}"`,
 * or a `${macro}` that a test harness (VTest) substitutes before HAProxy reads the file.
 * Rules give no verdict on such words.
 */
export const hasVariable = (word: Word | undefined): boolean => !!word && (!!word.hasVariable || word.text.includes('${'));

/** Offset of the end of the line holding `offset` (before `\r\n` or `\n`), and the line break used. */
export function lineEnd(text: string, offset: number): { end: number; eol: string } {
  let end = text.indexOf('\n', offset);
  if (end < 0) return { end: text.length, eol: text.includes('\r\n') ? '\r\n' : '\n' };
  if (end > 0 && text[end - 1] === '\r') return { end: end - 1, eol: '\r\n' };
  return { end, eol: '\n' };
}

/** Offset of the start of the line holding `offset`. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The blanks before the first word of the line holding `offset`. */
export function indentOf(text: string, offset: number): string {
  const start = lineStart(text, offset);
  let i = start;
  while (text[i] === ' ' || text[i] === '\t') i++;
  return text.slice(start, i);
}

/** How a section's directives are indented: like its first directive, else four spaces. */
export function bodyIndent(text: string, section: HaSectionBase): string {
  for (const st of section.node.body) {
    if (st.kind === 'HaDirective') {
      const indent = indentOf(text, st.start);
      if (indent.length > 0) return indent;
    }
  }
  return '    ';
}

/** An edit inserting directive lines right after a section's header line (after its trailing comment). */
export function insertAfterHeader(text: string, section: HaSectionBase, lines: string[]): Edit {
  const { end, eol } = lineEnd(text, section.node.keyword.start);
  const indent = bodyIndent(text, section);
  return { fileName: section.fileName, start: end, end, text: lines.map((l) => `${eol}${indent}${l}`).join('') };
}

/** An edit deleting a directive's whole line (with its trailing comment), when nothing else shares the line. */
export function deleteLine(text: string, setting: HaSetting): Edit | undefined {
  const start = lineStart(text, setting.node.start);
  if (text.slice(start, setting.node.start).trim() !== '') return undefined;
  const { end } = lineEnd(text, setting.node.end);
  const next = text[end] === '\r' ? end + 2 : end + 1;
  return { fileName: setting.fileName, start, end: Math.min(text.length, next), text: '' };
}

/**
 * Whether the file is one piece of a configuration HAProxy reads as a whole
 * (`haproxy -f conf.d/`): defaults carry over from earlier files and backends may live in
 * other files, so rules that need the whole configuration hold back.
 */
export function isFragment(filePath: string): boolean {
  const dir = filePath.split(/[\\/]/).slice(-2, -1)[0]?.toLowerCase();
  return dir === 'conf.d' || dir === 'conf';
}
