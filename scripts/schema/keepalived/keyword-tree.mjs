// Replays keepalived's keyword installation code to recover the keyword tree.
// keepalived builds its tree at start-up: install_keyword_root() adds a top-level
// keyword, install_keyword() adds a child under the most recent keyword at the current
// depth, install_sublevel()/install_sublevel_end() move that depth. Helper functions
// (install_http_check_keyword(), install_keyword_conditional(name, handler, …)) are
// followed with their arguments bound, and `if (flag)` on a literal-bound flag takes
// one branch only.
import { endOfStatement, matching, splitArgs, tokenize } from './c-source.mjs';

const ROOT = new Set(['install_keyword_root']);
const KEYWORD = new Set(['install_keyword', 'install_keyword_quoted']);
const SUBLEVEL = new Set(['install_sublevel']);
const SUBLEVEL_END = new Set(['install_sublevel_end']);
const IGNORED = new Set(['install_sublevel_end_handler', 'install_root_end_handler', 'install_level_end_handler']);
const PRIMITIVES = new Set([...ROOT, ...KEYWORD, ...SUBLEVEL, ...SUBLEVEL_END, ...IGNORED]);

/** Flattens a function body into tokens that remember their line, condition and comment. */
function bodyTokens(fn) {
  if (fn.tokens) return fn.tokens;
  const tokens = [];
  for (const line of fn.body) {
    for (const tok of tokenize(line.text)) tokens.push({ ...tok, line: line.line, cond: line.cond, comment: line.comment });
  }
  fn.tokens = tokens;
  return tokens;
}

/** What an argument means, given the caller's bindings. */
function argValue(arg, bindings, file) {
  if (arg.length === 1 && arg[0].t === 'str') return { kind: 'string', value: arg[0].v };
  if (arg.length === 1 && arg[0].t === 'id' && (arg[0].v === 'true' || arg[0].v === 'false')) return { kind: 'bool', value: arg[0].v === 'true' };
  let toks = arg.filter((t) => !(t.t === 'p' && t.v === '&'));
  const q = toks.findIndex((t) => t.v === '?');
  if (q !== -1) {
    const colon = toks.findIndex((t, k) => k > q && t.v === ':');
    toks = toks.slice(q + 1, colon === -1 ? undefined : colon);
  }
  if (toks.length === 1 && toks[0].t === 'id') {
    const bound = bindings.get(toks[0].v);
    if (bound) return bound;
    if (toks[0].v === 'NULL') return { kind: 'null' };
    return { kind: 'function', value: toks[0].v, file };
  }
  return { kind: 'unknown' };
}

function evalFlag(condTokens, bindings) {
  let negate = false;
  let toks = condTokens;
  if (toks[0]?.v === '!') {
    negate = true;
    toks = toks.slice(1);
  }
  if (toks.length !== 1 || toks[0].t !== 'id') return undefined;
  const bound = bindings.get(toks[0].v);
  if (bound?.kind !== 'bool') return undefined;
  return negate ? !bound.value : bound.value;
}

/**
 * Builds the keyword tree of one source snapshot.
 * @param files results of readCFile()
 * @returns {{ roots: object[], warnings: string[] }}
 */
export function buildKeywordTree(files) {
  const byName = new Map();
  for (const file of files) {
    for (const fn of file.functions) {
      if (PRIMITIVES.has(fn.name)) continue;
      const list = byName.get(fn.name) ?? [];
      list.push(fn);
      byName.set(fn.name, list);
    }
  }
  // Which functions install keywords, directly or through others (a fixpoint).
  const installs = new Set();
  const calls = new Map();
  for (const [name, defs] of byName) {
    const called = new Set();
    for (const fn of defs) {
      const tokens = bodyTokens(fn);
      for (let k = 0; k + 1 < tokens.length; k++) {
        if (tokens[k].t === 'id' && tokens[k + 1].v === '(') {
          if (PRIMITIVES.has(tokens[k].v)) installs.add(name);
          else if (byName.has(tokens[k].v) && tokens[k].v !== name) called.add(tokens[k].v);
        }
      }
    }
    calls.set(name, called);
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (const [name, called] of calls) {
      if (installs.has(name)) continue;
      for (const c of called) {
        if (installs.has(c)) {
          installs.add(name);
          changed = true;
          break;
        }
      }
    }
  }
  const calledByInstaller = new Set();
  for (const name of installs) for (const c of calls.get(name)) if (installs.has(c)) calledByInstaller.add(c);
  const entries = [...installs].filter((n) => !calledByInstaller.has(n)).sort();

  const warnings = [];
  const roots = new Map();
  for (const entry of entries) {
    const state = { roots: [], sublevel: 0 };
    for (const fn of byName.get(entry)) run(fn, new Map(), [], state, 0);
    for (const root of state.roots) {
      const existing = roots.get(root.name);
      if (existing) {
        existing.conds.push(...root.conds);
        mergeNode(existing, root);
      }
      else roots.set(root.name, root);
    }
  }
  return { roots: [...roots.values()], entries, warnings };

  function lookup(name, file) {
    const defs = byName.get(name) ?? [];
    const local = defs.filter((d) => d.file === file);
    return local.length ? local : defs;
  }

  function run(fn, bindings, callerCond, state, depth) {
    if (depth > 20) return;
    const tokens = bodyTokens(fn);
    const skips = [];
    for (let i = 0; i < tokens.length; i++) {
      const skip = skips.find((s) => s[0] === i);
      if (skip) {
        i = skip[1] - 1;
        continue;
      }
      const tok = tokens[i];
      if (tok.t !== 'id' || tokens[i + 1]?.v !== '(') continue;
      const close = matching(tokens, i + 1);
      if (tok.v === 'if') {
        const flag = evalFlag(tokens.slice(i + 2, close), bindings);
        if (flag === undefined) {
          i = close;
          continue;
        }
        const thenEnd = endOfStatement(tokens, close + 1);
        const hasElse = tokens[thenEnd]?.v === 'else';
        const elseEnd = hasElse ? endOfStatement(tokens, thenEnd + 1) : thenEnd;
        if (flag) {
          if (hasElse) skips.push([thenEnd, elseEnd]);
          i = close;
        } else {
          // Resume after the then-branch (past the `else` token when there is one).
          i = hasElse ? thenEnd : thenEnd - 1;
        }
        continue;
      }
      const cond = [...callerCond, ...tok.cond];
      const args = splitArgs(tokens, i + 1, close).map((a) => argValue(a, bindings, fn.file));
      const at = { file: fn.file, line: tok.line, comment: tok.comment };
      if (ROOT.has(tok.v) || KEYWORD.has(tok.v)) {
        if (args[0]?.kind !== 'string') {
          warnings.push(`${fn.file}:${tok.line}: keyword name is not a literal`);
          i = close;
          continue;
        }
        const node = {
          name: args[0].value,
          handler: args[1]?.kind === 'function' ? { name: args[1].value, file: args[1].file } : undefined,
          conds: [cond],
          quoted: tok.v === 'install_keyword_quoted' || undefined,
          at,
          children: [],
        };
        if (ROOT.has(tok.v)) {
          state.roots.push(node);
          state.sublevel = 0;
        } else {
          let parent = state.roots[state.roots.length - 1];
          for (let s = 0; s < state.sublevel && parent; s++) parent = parent.children[parent.children.length - 1];
          if (!parent) warnings.push(`${fn.file}:${tok.line}: ${node.name} has no parent keyword`);
          else parent.children.push(node);
        }
      } else if (SUBLEVEL.has(tok.v)) state.sublevel++;
      else if (SUBLEVEL_END.has(tok.v)) state.sublevel--;
      else if (installs.has(tok.v)) {
        for (const callee of lookup(tok.v, fn.file)) {
          const inner = new Map();
          callee.params.forEach((p, k) => {
            if (args[k]) inner.set(p, args[k]);
          });
          run(callee, inner, [...cond, ...callee.cond], state, depth + 1);
        }
      }
      i = close;
    }
  }
}

function mergeNode(into, from) {
  for (const child of from.children) {
    const same = into.children.find((c) => c.name === child.name);
    if (same) {
      same.conds.push(...child.conds);
      mergeNode(same, child);
    }
    else into.children.push(child);
  }
}
