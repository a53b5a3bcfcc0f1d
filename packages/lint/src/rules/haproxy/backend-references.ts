import type { HaDefaultBackend, HaProxy, HaproxyModel, HaUseBackend, Word } from '@cfglint/parser';
import { hasVariable } from './locate.js';

/** A backend name only known at run time, as the fixed text around its expressions. */
export interface NamePattern {
  /** Literal pieces, in order; every gap between them (and before/after, per flags) is an expression. */
  pieces: string[];
  regex: RegExp;
  /** The name is all expression (`%[req.hdr(host)]`): it may name any backend. */
  any: boolean;
  /** `be_*`: how the name reads with its expressions as `*`. */
  shape: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Turns a log-format name (`be_%[req.hdr(host),lower]`, `%{+Q}[var(txn.be)]`, `%H`) or a
 * name with `${VAR}` into a pattern: literal text stays, every expression becomes `*`.
 */
export function namePattern(text: string): NamePattern {
  const parts: (string | null)[] = [];
  let literal = '';
  const gap = () => {
    parts.push(literal, null);
    literal = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '%' && text[i + 1] === '%') {
      literal += '%';
      i++;
    } else if (c === '%') {
      // `%{flags}[expr]`, `%[expr]` or an alias such as `%H`; j ends just after it.
      let j = i + 1;
      if (text[j] === '{') j = skipTo(text, j, '{', '}') + 1;
      if (text[j] === '[') j = skipTo(text, j, '[', ']') + 1;
      else while (j < text.length && /[A-Za-z]/.test(text[j])) j++;
      gap();
      i = j - 1;
    } else if (c === '$' && text[i + 1] === '{') {
      i = skipTo(text, i + 1, '{', '}');
      gap();
    } else literal += c;
  }
  parts.push(literal);
  const pieces = parts.filter((p): p is string => p !== null);
  const source = parts.map((p) => (p === null ? '.*' : escape(p))).join('');
  const shape = parts.map((p) => (p === null ? '*' : p)).join('').replace(/\*+/g, '*');
  return { pieces, regex: new RegExp(`^${source}$`), any: pieces.every((p) => p === ''), shape };
}

/** Index of the bracket closing the one at `open` (nesting counted), or the end of the text. */
function skipTo(text: string, open: number, left: string, right: string): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === left) depth++;
    else if (text[i] === right && --depth === 0) return i;
  }
  return text.length;
}

/** What routes to backends, and what else names them. */
export interface BackendReferences {
  /** Backends a static use_backend/default_backend names (reachable). */
  routed: Set<string>;
  /** Names only known at run time. */
  patterns: NamePattern[];
  /**
   * Names other lines mention: stick tables (`table NAME`), `track BE/SRV`, fetch arguments
   * (`nbsrv(BE)`), `stats scope`, `log backend@BE`, 1.x `reqsetbe`. Read on first use: it
   * scans every word of the file.
   */
  mentioned(): Set<string>;
  /** The routing lines with run-time names, with their patterns and the proxy they route for. */
  dynamic: DynamicRoute[];
}

export interface DynamicRoute {
  route: HaUseBackend | HaDefaultBackend;
  pattern: NamePattern;
  proxy: HaProxy;
}

const PARENS = /\(([^()]*)\)/g;

/** Words after which the next word names a proxy or its table. */
const NAMING = new Set(['table', 'track', 'scope']);

function mention(into: Set<string>, text: string): void {
  into.add(text);
  const slash = text.indexOf('/');
  if (slash > 0) into.add(text.slice(0, slash));
}

const cache = new WeakMap<HaproxyModel, BackendReferences>();

/** The references of a model, computed once for all the rules that need them. */
export function backendReferences(model: HaproxyModel): BackendReferences {
  let refs = cache.get(model);
  if (!refs) cache.set(model, (refs = collect(model)));
  return refs;
}

/** Linear in the number of lines and words. */
function collect(model: HaproxyModel): BackendReferences {
  const routed = new Set<string>();
  const patterns = new Map<string, NamePattern>();
  const dynamic: DynamicRoute[] = [];
  const route = (r: HaUseBackend | HaDefaultBackend, proxy: HaProxy) => {
    const word: Word = r.backendWord;
    // default_backend takes a plain name: HAProxy never evaluates an expression there.
    if ((!r.dynamic && !hasVariable(word)) || r.setting.keyword === 'default_backend') {
      routed.add(r.backend);
      return;
    }
    const text = r.dynamic ? r.backend : word.text.replace(/^"|"$/g, '');
    let pattern = patterns.get(text);
    if (!pattern) patterns.set(text, (pattern = namePattern(text)));
    dynamic.push({ route: r, pattern, proxy });
  };
  for (const p of model.proxies) {
    for (const u of p.useBackends) route(u, p);
    if (p.defaultBackend) route(p.defaultBackend, p);
    else if (p.capabilities.frontend && p.effective.defaultBackend) route(p.effective.defaultBackend, p);
  }
  let mentioned: Set<string> | undefined;
  const mentions = () => {
    if (mentioned) return mentioned;
    const names = new Set<string>();
    for (const section of model.sections) {
      for (const setting of section.settings) {
        const words = setting.node.words;
        // 1.x `reqsetbe`/`reqisetbe REGEX BACKEND` switch backends too.
        if (setting.keyword === 'reqsetbe' || setting.keyword === 'reqisetbe') mention(names, words[words.length - 1].value);
        for (let i = setting.node.keywordLength; i < words.length; i++) {
          const v = words[i].value;
          if (i > 0 && NAMING.has(words[i - 1].value)) mention(names, v);
          if (v.startsWith('backend@')) mention(names, v.slice(8));
          if (v.includes('(')) {
            for (const m of v.matchAll(PARENS)) for (const part of m[1].split(',')) mention(names, part.trim());
          }
        }
      }
    }
    return (mentioned = names);
  };
  return { routed, patterns: [...patterns.values()], mentioned: mentions, dynamic };
}
