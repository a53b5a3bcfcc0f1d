import type { HaSection, HaStatement, KaBlock, KaStatement } from '@cfglint/parser';
import type { Position } from '@cfglint/parser';
import type { Chunk, ConfigDocument } from '../document/config-document.js';

/** What surrounds the cursor: enough for completion and hover to pick candidates. */
export interface CursorContext {
  chunk: Chunk;
  /** HAProxy: the section kind ('' before any section); keepalived: the enclosing block keyword or 'root'. */
  context: string;
  /** HAProxy: the enclosing section (ACL and server names are per proxy). */
  section?: HaSection;
  /** keepalived: the blocks enclosing the cursor, outermost first. */
  blocks: KaBlock[];
  /** Complete words of the statement before the cursor's word. */
  words: string[];
  /** The part of the current word before the cursor. */
  prefix: string;
  /** Where the statement's first word starts on the line (for multi-word keyword edits). */
  statementStart: Position;
  /** Where the current word starts. */
  wordStart: Position;
  /** The cursor is inside a comment. */
  inComment: boolean;
}

/** Splits the statement text before the cursor into words, honouring quotes. */
function splitWords(text: string): { words: string[]; prefix: string; inQuote: boolean } {
  const words: string[] = [];
  let cur = '';
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      cur += c;
      if (c === '\\') cur += text[++i] ?? '';
      else if (c === quote) quote = '';
    } else if (c === ' ' || c === '\t') {
      if (cur) words.push(cur);
      cur = '';
    } else {
      if (c === '"' || c === "'") quote = c;
      cur += c;
    }
  }
  return { words, prefix: cur, inQuote: quote !== '' };
}

function findSection(body: HaStatement[], rel: number): HaSection | undefined {
  let found: HaSection | undefined;
  for (const st of body) {
    if (st.start > rel) break;
    if (st.kind === 'HaSection') {
      found = st;
    } else if (st.kind === 'HaConditional') {
      for (const b of st.branches) {
        if (b.start <= rel) {
          const inner = findSection(b.body, rel);
          if (inner) found = inner;
        }
      }
    }
  }
  return found;
}

function findBlocks(body: KaStatement[], rel: number, out: KaBlock[]): void {
  for (const st of body) {
    if (st.kind !== 'KaBlock') continue;
    const end = st.close ? st.close.start : Number.POSITIVE_INFINITY;
    if (st.open.end <= rel && rel <= end) {
      out.push(st);
      findBlocks(st.body, rel, out);
      return;
    }
  }
}

export function cursorContext(doc: ConfigDocument, position: Position): CursorContext {
  const offset = doc.offsetAt(position);
  const chunk = doc.chunks[doc.chunkIndexAtOffset(offset)];
  const line = doc.lineText(position.line).slice(0, position.character);
  const keepalived = doc.language === 'keepalived';

  // Where the statement begins on this line: after the last brace (keepalived) outside quotes.
  let statementAt = 0;
  let commentAt = -1;
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || (c === "'" && !keepalived)) quote = c;
    else if (c === '\\') i++;
    else if (c === '#' || (keepalived && c === '!')) {
      commentAt = i;
      break;
    } else if (keepalived && (c === '{' || c === '}')) statementAt = i + 1;
  }
  const statement = line.slice(statementAt);
  const lead = statement.length - statement.trimStart().length;
  const { words, prefix } = splitWords(statement.trimStart());
  const rel = offset - chunk.start;

  let context = keepalived ? 'root' : '';
  let section: HaSection | undefined;
  const blocks: KaBlock[] = [];
  const parsed = chunk.parsed;
  if (parsed.language === 'haproxy') {
    // A line that is being typed belongs to the section above it.
    section = findSection(parsed.ast.body, rel - position.character);
    context = section?.keyword.value ?? '';
    if (section && section.start >= rel - position.character) {
      section = findSection(parsed.ast.body, rel - position.character - 1);
      context = section?.keyword.value ?? '';
    }
  } else {
    findBlocks(parsed.ast.body, rel, blocks);
    if (blocks.length) context = blocks[blocks.length - 1].keyword.value;
  }
  return {
    chunk,
    context,
    section,
    blocks,
    words,
    prefix,
    statementStart: { line: position.line, character: statementAt + lead },
    wordStart: { line: position.line, character: position.character - prefix.length },
    inComment: commentAt >= 0,
  };
}
