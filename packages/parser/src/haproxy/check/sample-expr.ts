/**
 * Splits an HAProxy sample expression (`req.hdr(host),lower,map(/etc/x.map)`) into its
 * fetch and converter names, as HAProxy's sample parser reads them: a name, optional
 * arguments in parentheses, then `,converter(args)` links. Arguments are skipped,
 * honouring quotes and backslashes.
 */
export interface ExprName {
  name: string;
  /** Offset of the name in the text. */
  at: number;
}

export interface ParsedExpr {
  fetch?: ExprName;
  converters: ExprName[];
  /** Offset just after the expression. */
  end: number;
}

const NAME_CHAR = /[A-Za-z0-9_.+-]/;

function skipArgs(text: string, i: number): number {
  // text[i] === '('
  let quote = '';
  for (i = i + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === ')') return i + 1;
  }
  return i;
}

/** Parses from `start` until the expression ends (at `stop` characters, whitespace or the end). */
export function parseSampleExpr(text: string, start = 0, stop = ''): ParsedExpr {
  const converters: ExprName[] = [];
  let i = start;
  const readName = (): ExprName | undefined => {
    const at = i;
    while (i < text.length && NAME_CHAR.test(text[i])) i++;
    if (i === at) return undefined;
    const name = text.slice(at, i);
    if (text[i] === '(') i = skipArgs(text, i);
    return { name, at };
  };
  const fetch = readName();
  while (fetch && i < text.length && text[i] === ',') {
    i++;
    const conv = readName();
    if (!conv) break;
    converters.push(conv);
  }
  while (i < text.length && stop && !stop.includes(text[i]) && !/\s/.test(text[i])) i++;
  return { fetch, converters, end: i };
}

/** Every `%[expr]` (or `%{flags}[expr]`) of a log-format string. */
export function logFormatExprs(text: string): ParsedExpr[] {
  const out: ParsedExpr[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '%') continue;
    if (text[i + 1] === '%') {
      i++;
      continue;
    }
    let j = i + 1;
    if (text[j] === '{') {
      const close = text.indexOf('}', j);
      if (close < 0) break;
      j = close + 1;
    }
    if (text[j] !== '[') continue;
    const e = parseSampleExpr(text, j + 1, ']');
    out.push(e);
    i = e.end;
  }
  return out;
}
