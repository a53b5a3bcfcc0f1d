// Reads keepalived's C sources just well enough to find keyword installation calls
// and keyword handlers. keepalived is written in kernel style: a function's name starts
// a line at column 0 and its body opens and closes with a brace alone at column 0,
// which lets us split functions by lines instead of parsing C.

/** Splits text into lines with comments removed; remembers each line's comment text. */
function stripComments(text) {
  const out = [];
  const comments = [];
  let inBlock = false;
  for (const raw of text.split('\n')) {
    let code = '';
    let comment = '';
    let i = 0;
    while (i < raw.length) {
      if (inBlock) {
        const end = raw.indexOf('*/', i);
        if (end === -1) {
          comment += raw.slice(i);
          i = raw.length;
        } else {
          comment += raw.slice(i, end);
          i = end + 2;
          inBlock = false;
        }
        continue;
      }
      const c = raw[i];
      if (c === '"' || c === "'") {
        // Copy a string or character literal verbatim.
        let j = i + 1;
        while (j < raw.length && raw[j] !== c) j += raw[j] === '\\' ? 2 : 1;
        code += raw.slice(i, j + 1);
        i = j + 1;
        continue;
      }
      if (c === '/' && raw[i + 1] === '*') {
        inBlock = true;
        i += 2;
        continue;
      }
      if (c === '/' && raw[i + 1] === '/') {
        comment += raw.slice(i + 2);
        break;
      }
      code += c;
      i++;
    }
    out.push(code);
    comments.push(comment.trim());
  }
  return { lines: out, comments };
}

/** Turns `#ifdef X` etc. into an expression string for `evalCondition`. */
function directiveExpr(kind, rest) {
  if (kind === 'ifdef') return `defined ${rest.trim()}`;
  if (kind === 'ifndef') return `!defined ${rest.trim()}`;
  return rest.trim();
}

/**
 * Per-line preprocessor conditions (a conjunction of expressions) and the simple
 * `#define NAME value` lines of a file.
 */
function conditions(lines) {
  const stack = []; // frames: { previous: string[], current: string }
  const conds = [];
  const defines = [];
  let continued = '';
  for (let n = 0; n < lines.length; n++) {
    let line = lines[n];
    if (continued) {
      line = continued + ' ' + line;
      continued = '';
    }
    const m = /^\s*#\s*(\w+)\s*(.*)$/.exec(line);
    if (m && /\\\s*$/.test(line)) {
      continued = line.replace(/\\\s*$/, '');
      conds.push(currentConds(stack));
      continue;
    }
    if (m) {
      const [, kind, rest] = m;
      if (kind === 'if' || kind === 'ifdef' || kind === 'ifndef') stack.push({ previous: [], current: directiveExpr(kind, rest) });
      else if (kind === 'elif' && stack.length) {
        const top = stack[stack.length - 1];
        top.previous.push(top.current);
        top.current = rest.trim();
      } else if (kind === 'else' && stack.length) {
        const top = stack[stack.length - 1];
        top.previous.push(top.current);
        top.current = '1';
      } else if (kind === 'endif') stack.pop();
      else if (kind === 'define') {
        const d = /^(\w+)(\([^)]*\))?\s*(.*)$/.exec(rest);
        if (d && !d[2]) defines.push({ name: d[1], value: d[3].trim(), cond: currentConds(stack) });
      }
    }
    conds.push(currentConds(stack));
  }
  return { conds, defines };
}

function currentConds(stack) {
  const out = [];
  for (const f of stack) {
    for (const p of f.previous) out.push(`!(${p})`);
    if (f.current !== '1') out.push(f.current);
  }
  return out;
}

const FUNC_START = /^([A-Za-z_]\w*)\s*\(/;
const NOT_FUNCS = new Set(['if', 'for', 'while', 'switch', 'return', 'sizeof']);

/**
 * Parses one C file: functions (name, parameter names, body lines with their line
 * numbers and conditions), comments per line and #defines.
 */
export function readCFile(fileName, text) {
  const { lines, comments } = stripComments(text);
  const { conds, defines } = conditions(lines);
  const functions = [];
  for (let n = 0; n < lines.length; n++) {
    const m = FUNC_START.exec(lines[n]);
    if (!m || NOT_FUNCS.has(m[1])) continue;
    // Collect the parameter list, which may span lines, then expect `{` at column 0.
    let header = lines[n];
    let k = n;
    while (!/\)\s*$/.test(header) && k + 1 < lines.length && k - n < 6) header += ' ' + lines[++k];
    // Some definitions carry attributes or a brace on the same line.
    let open = k + 1;
    while (open < lines.length && /^\s*(#.*)?$/.test(lines[open]) && open - k < 4) open++;
    if (lines[open] !== '{' && !/^\{\s*$/.test(lines[open] ?? '')) continue;
    let close = open + 1;
    while (close < lines.length && !/^\}\s*;?\s*$/.test(lines[close])) close++;
    const paramText = header.slice(header.indexOf('(') + 1, header.lastIndexOf(')'));
    const params = paramText
      .split(',')
      .map((p) => /(\w+)\s*(\[\s*\])?\s*$/.exec(p.replace(/\(\s*\*\s*(\w+)\s*\)\s*\(.*\)/, '$1').trim())?.[1])
      .filter((p) => p && p !== 'void');
    const body = [];
    for (let b = open + 1; b < close; b++) body.push({ text: lines[b], line: b + 1, cond: conds[b], comment: comments[b] });
    functions.push({ name: m[1], params, body, line: n + 1, cond: conds[n], file: fileName });
    n = close;
  }
  // Static string tables such as `lvs_schedulers[] = {"rr", "wrr", …, NULL}`.
  const arrays = new Map();
  const code = lines.join('\n');
  for (const m of code.matchAll(/(\w+)\s*\[\s*\]\s*=\s*\{([^}]*)\}/g)) {
    const strings = [...m[2].matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((s) => s[1]);
    if (strings.length) arrays.set(m[1], strings);
  }
  return { fileName, functions, defines, arrays };
}

/** Tokens of C code: identifiers, numbers, strings, punctuation. */
export function tokenize(text) {
  const tokens = [];
  const re = /\s*(?:("(?:[^"\\]|\\.)*")|('(?:[^'\\]|\\.)*')|([A-Za-z_]\w*)|(0[xX][0-9a-fA-F]+[uUlL]*|\d+(?:\.\d+)?[uUlLfF]*)|(->|\+\+|--|&&|\|\||[<>=!]=|<<|>>|.))/gy;
  let m;
  while (re.lastIndex < text.length && (m = re.exec(text))) {
    if (m[1] !== undefined) tokens.push({ t: 'str', v: unescapeC(m[1].slice(1, -1)) });
    else if (m[2] !== undefined) tokens.push({ t: 'chr', v: m[2] });
    else if (m[3] !== undefined) tokens.push({ t: 'id', v: m[3] });
    else if (m[4] !== undefined) tokens.push({ t: 'num', v: m[4] });
    else if (m[5] !== undefined && m[5].trim()) tokens.push({ t: 'p', v: m[5] });
  }
  return tokens;
}

/** Index of the bracket closing the one at i. */
export function matching(tokens, i) {
  const open = tokens[i].v;
  const close = open === '(' ? ')' : open === '{' ? '}' : ']';
  let depth = 0;
  for (let j = i; j < tokens.length; j++) {
    if (tokens[j].t !== 'p') continue;
    if (tokens[j].v === open) depth++;
    else if (tokens[j].v === close && --depth === 0) return j;
  }
  return tokens.length - 1;
}

/** Top-level comma-separated arguments between brackets at open and close. */
export function splitArgs(tokens, open, close) {
  const args = [];
  let cur = [];
  let depth = 0;
  for (let k = open + 1; k < close; k++) {
    const tok = tokens[k];
    if (tok.t === 'p' && (tok.v === '(' || tok.v === '[' || tok.v === '{')) depth++;
    if (tok.t === 'p' && (tok.v === ')' || tok.v === ']' || tok.v === '}')) depth--;
    if (tok.t === 'p' && tok.v === ',' && depth === 0) {
      args.push(cur);
      cur = [];
    } else cur.push(tok);
  }
  if (cur.length) args.push(cur);
  return args;
}

/** Index just past the statement starting at j (a braced block, an if/else, or up to `;`). */
export function endOfStatement(tokens, j) {
  const tok = tokens[j];
  if (!tok) return j;
  if (tok.t === 'p' && tok.v === '{') return matching(tokens, j) + 1;
  if (tok.t === 'id' && tok.v === 'if' && tokens[j + 1]?.v === '(') {
    let end = endOfStatement(tokens, matching(tokens, j + 1) + 1);
    if (tokens[end]?.v === 'else') end = endOfStatement(tokens, end + 1);
    return end;
  }
  let depth = 0;
  for (let k = j; k < tokens.length; k++) {
    const v = tokens[k].t === 'p' ? tokens[k].v : '';
    if (v === '(' || v === '{' || v === '[') depth++;
    else if (v === ')' || v === '}' || v === ']') depth--;
    else if (v === ';' && depth <= 0) return k + 1;
  }
  return tokens.length;
}

const C_ESCAPES = { n: '\n', t: '\t', r: '\r', 0: '\0', a: '\x07', b: '\b', f: '\f', v: '\v' };

/** The value of a C string literal's body. */
function unescapeC(body) {
  return body.replace(/\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|.)/g, (_, e) => {
    if (e[0] === 'x') return String.fromCharCode(parseInt(e.slice(1), 16));
    if (/^[0-7]+$/.test(e)) return String.fromCharCode(parseInt(e, 8));
    return C_ESCAPES[e] ?? e;
  });
}
