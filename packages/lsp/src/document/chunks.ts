/**
 * Splits a file into independently parsable chunks so an edit re-parses one chunk, not
 * the file. haproxy.cfg: each section (a section keyword opening a line outside any
 * `.if` block) starts a chunk; text before the first section is a chunk of its own.
 * keepalived.conf: each top-level statement group starts where the brace depth is 0
 * and a line begins a new block (quotes and comments are respected).
 */

export interface ChunkSpan {
  /** Offset of the chunk's first character (always a line start). */
  start: number;
  /** Offset just past the chunk (the next chunk's start, or the text's length). */
  end: number;
}

const HAPROXY_SECTIONS = new Set([
  'global', 'defaults', 'frontend', 'backend', 'listen', 'userlist', 'peers', 'resolvers', 'mailers', 'program',
  'http-errors', 'ring', 'cache', 'fcgi-app', 'crt-store', 'traces', 'log-forward', 'log-profile', 'acme',
  'namespace_list', 'ruleset', 'dynamic-update',
]);

/** The first word of the line starting at `at`, or '' (stops at whitespace, '#', or the line end). */
function firstWord(text: string, at: number): string {
  let i = at;
  const n = text.length;
  while (i < n && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  const begin = i;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 35) break;
    i++;
    if (i - begin > 16) return '';
  }
  return text.slice(begin, i);
}

/**
 * Chunk starts of haproxy text between `from` (a line start at `.if` depth 0) and `to`.
 * Returns undefined when `.if` blocks are left open at `to` (the caller re-splits the file).
 */
export function splitHaproxy(text: string, from = 0, to = text.length): number[] | undefined {
  const starts = [from];
  let depth = 0;
  let at = from;
  while (at < to) {
    const word = firstWord(text, at);
    if (word === '.if') depth++;
    else if (word === '.endif') depth = Math.max(0, depth - 1);
    else if (depth === 0 && at !== from && HAPROXY_SECTIONS.has(word)) starts.push(at);
    const nl = text.indexOf('\n', at);
    if (nl < 0 || nl + 1 > to) break;
    at = nl + 1;
  }
  return depth === 0 ? starts : undefined;
}

/**
 * Chunk starts of keepalived text: a line that begins at brace depth 0 with a word and
 * follows a line that ended at depth 0 after a block closed. Plain top-level directives
 * stay in the chunk before them. Returns undefined when braces are left open at `to`.
 */
export function splitKeepalived(text: string, from = 0, to = text.length): number[] | undefined {
  const starts = [from];
  let depth = 0;
  let closedSinceStart = false;
  let lineStart = true;
  let inQuote = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (lineStart) {
      lineStart = false;
      inQuote = false;
      // a line after one ending in `\` continues a $NAME= definition: never a chunk start
      const continued = i >= 2 && text.charCodeAt(i - 2) === 92 || (i >= 3 && text.charCodeAt(i - 2) === 13 && text.charCodeAt(i - 3) === 92);
      if (depth === 0 && closedSinceStart && i !== from && !continued) {
        const w = firstWord(text, i);
        if (w !== '' && w !== '}' && w[0] !== '{' && w[0] !== '#' && w[0] !== '!') {
          starts.push(i);
          closedSinceStart = false;
        }
      }
    }
    if (c === 10) {
      lineStart = true;
    } else if (inQuote) {
      if (c === 92) i++;
      else if (c === 34) inQuote = false;
    } else if (c === 34) {
      inQuote = true;
    } else if (c === 35 || c === 33) {
      // a comment runs to the line end
      const nl = text.indexOf('\n', i);
      if (nl < 0 || nl >= to) break;
      i = nl - 1;
    } else if (c === 92) {
      i++;
    } else if (c === 123) {
      depth++;
    } else if (c === 125) {
      if (depth > 0) depth--;
      if (depth === 0) closedSinceStart = true;
    }
  }
  return depth === 0 ? starts : undefined;
}

export function spansFrom(starts: number[], end: number): ChunkSpan[] {
  return starts.map((start, i) => ({ start, end: i + 1 < starts.length ? starts[i + 1] : end }));
}
