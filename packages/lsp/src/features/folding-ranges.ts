import type { HaStatement, KaStatement } from '@cfglint/parser';
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import { onChunkParsed, type Chunk, type ConfigDocument } from '../document/config-document.js';
import { guard } from '../guard.js';
import type { Feature } from './index.js';

/** The last line of a statement list that holds something (trailing blank lines do not fold). */
function lastLine(chunk: Chunk, end: number): number {
  const text = chunk.text;
  let e = end;
  while (e > 0 && /\s/.test(text[e - 1])) e--;
  return chunk.source.rangeOf(e, e).end.line;
}

function haproxyFolds(chunk: Chunk, body: HaStatement[], out: FoldingRange[]): void {
  for (const st of body) {
    if (st.kind === 'HaSection') {
      const start = chunk.source.rangeOf(st.start, st.start).start.line;
      const end = lastLine(chunk, st.end);
      if (end > start) out.push({ startLine: start, endLine: end, kind: FoldingRangeKind.Region });
      haproxyFolds(chunk, st.body, out);
    } else if (st.kind === 'HaConditional') {
      for (const b of st.branches) {
        const start = chunk.source.rangeOf(b.start, b.start).start.line;
        const end = lastLine(chunk, b.end);
        if (end > start) out.push({ startLine: start, endLine: end, kind: FoldingRangeKind.Region });
        haproxyFolds(chunk, b.body, out);
      }
    }
  }
}

function keepalivedFolds(chunk: Chunk, body: KaStatement[], out: FoldingRange[]): void {
  for (const st of body) {
    if (st.kind !== 'KaBlock') continue;
    const start = chunk.source.rangeOf(st.start, st.start).start.line;
    // Keep the closing brace visible: fold up to the line before it.
    const close = st.close ? chunk.source.rangeOf(st.close.start, st.close.start).start.line - 1 : lastLine(chunk, st.end);
    if (close > start) out.push({ startLine: start, endLine: close, kind: FoldingRangeKind.Region });
    keepalivedFolds(chunk, st.body, out);
  }
}

/** Runs of two or more whole-line comments. */
function commentFolds(doc: ConfigDocument, out: FoldingRange[]): void {
  const marker = doc.language === 'haproxy' ? /^\s*#/ : /^\s*[#!]/;
  let runStart = -1;
  const n = doc.lineCount;
  for (let line = 0; line <= n; line++) {
    const isComment = line < n && marker.test(doc.lineText(line));
    if (isComment && runStart < 0) runStart = line;
    else if (!isComment && runStart >= 0) {
      if (line - 1 > runStart) out.push({ startLine: runStart, endLine: line - 1, kind: FoldingRangeKind.Comment });
      runStart = -1;
    }
  }
}

/** A chunk's block folds, in chunk-relative lines. */
function foldsOf(chunk: Chunk): FoldingRange[] {
  return chunk.memo('folds', () => {
    const out: FoldingRange[] = [];
    const p = chunk.parsed;
    if (p.language === 'haproxy') haproxyFolds(chunk, p.ast.body, out);
    else keepalivedFolds(chunk, p.ast.body, out);
    return out;
  });
}
onChunkParsed(foldsOf);

export const foldingRangesFeature: Feature = {
  name: 'foldingRange',
  register({ connection, documents, log }) {
    connection.onFoldingRanges(
      guard(log, 'foldingRange', ({ textDocument }) => {
        const doc = documents.get(textDocument.uri);
        if (!doc) return null;
        const out: FoldingRange[] = [];
        for (const chunk of doc.chunks) {
          for (const f of foldsOf(chunk)) out.push({ ...f, startLine: f.startLine + chunk.line, endLine: f.endLine + chunk.line });
        }
        commentFolds(doc, out);
        return out.sort((a, b) => a.startLine - b.startLine);
      }),
    );
    return { foldingRangeProvider: true };
  },
};
