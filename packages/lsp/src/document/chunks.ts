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
  let statementStart = true;
  let inQuote = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (i === from || text.charCodeAt(i - 1) === 10) {
      inQuote = false;
      statementStart = true;
      if (depth === 0 && closedSinceStart && i !== from) {
        const w = firstWord(text, i);
        if (w !== '' && w !== '}' && w[0] !== '{' && w[0] !== '#' && w[0] !== '!') {
          starts.push(i);
          closedSinceStart = false;
        }
      }
    }
    if (c === 32 || c === 9 || c === 13) continue;
    if (statementStart && c === 36 && /^\$[A-Za-z_]\w*=/.test(text.slice(i, i + 64))) {
      // `$NAME=value`: braces in the value are plain words, and a line ending in `\` continues it.
      const nl = definitionEnd(text, i, to);
      if (nl < 0) {
        // the definition runs past the region: its end is no boundary (re-split the file)
        if (to < text.length) return undefined;
        break;
      }
      i = nl - 1;
      statementStart = false;
      continue;
    }
    statementStart = false;
    if (c === 10) {
      continue;
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
      statementStart = true;
    } else if (c === 125) {
      if (depth > 0) depth--;
      if (depth === 0) closedSinceStart = true;
      statementStart = true;
    }
  }
  return depth === 0 ? starts : undefined;
}

const lineEndAt = (text: string, nl: number) => (nl > 0 && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl);

/**
 * Whether a definition line [p, end) continues on the next line: its last word, before any
 * comment, ends in an unquoted `\`.
 */
function continues(text: string, p: number, end: number): boolean {
  let quote = false;
  let last = -1;
  for (let i = p; i < end; i++) {
    const c = text.charCodeAt(i);
    if (quote) {
      if (c === 92) i++;
      else if (c === 34) quote = false;
      last = -1;
    } else if (c === 34) {
      quote = true;
      last = -1;
    } else if (c === 35 || c === 33) {
      if (i === p || text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 9) break;
      last = i;
    } else if (c !== 32 && c !== 9) {
      last = i;
    }
  }
  return last >= 0 && text.charCodeAt(last) === 92;
}

/**
 * The newline that ends the `$NAME=` definition starting at `p`, or -1 when it runs past `to`.
 * Continued lines follow keepalived: blank-but-not-empty and comment lines do not end it,
 * a completely empty line does.
 */
function definitionEnd(text: string, p: number, to: number): number {
  let nl = text.indexOf('\n', p);
  if (nl < 0) nl = text.length;
  let more = continues(text, p, lineEndAt(text, nl));
  while (more) {
    const start = nl + 1;
    if (start >= to) return -1;
    nl = text.indexOf('\n', start);
    if (nl < 0) nl = text.length;
    const end = lineEndAt(text, nl);
    if (start === end) break;
    let q = start;
    while (q < end && (text.charCodeAt(q) === 32 || text.charCodeAt(q) === 9)) q++;
    if (q >= end) continue;
    const c = text.charCodeAt(q);
    if (c === 35 || c === 33) continue;
    more = continues(text, q, end);
  }
  return nl >= to ? -1 : nl;
}

export function spansFrom(starts: number[], end: number): ChunkSpan[] {
  return starts.map((start, i) => ({ start, end: i + 1 < starts.length ? starts[i + 1] : end }));
}
