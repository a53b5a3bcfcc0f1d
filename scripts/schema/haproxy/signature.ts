/**
 * Turns a documented argument signature ("<name> [len <length>] { tcp | http }")
 * into facts the checker can use: the fewest and most words it takes, the positional
 * arguments with a value type guessed from their placeholder names, and whether a
 * trailing `{ if | unless } <condition>` is accepted.
 */
import type { ArgSpec, ValueType } from '../../../packages/parser/src/schema/types.js';

export interface SignatureFacts {
  minArgs: number;
  /** Undefined when the number of words is unbounded. */
  maxArgs?: number;
  args: ArgSpec[];
  condition: boolean;
}

type Node = (
  | { kind: 'word'; text: string }
  | { kind: 'placeholder'; name: string; repeat: boolean }
  | { kind: 'group'; optional: boolean; alternatives: Node[][]; repeat: boolean }
  | { kind: 'ellipsis' }
  /** Parts written without spaces between them ("[<addr>]:<port>"): one word. */
  | { kind: 'compound'; parts: Node[] }
) & { glued?: boolean };

interface Token {
  t: string;
  /** No whitespace before it. */
  glued: boolean;
}

function tokenize(sig: string): Token[] {
  const tokens: Token[] = [];
  const re = /(\s+)|(\.\.\.|\(\.\.\.\)|[[\]{}|]|<[^>]*>\*?|[^\s[\]{}|<]+)/g;
  let space = true;
  for (const m of sig.matchAll(re)) {
    if (m[1]) {
      space = true;
      continue;
    }
    tokens.push({ t: m[2], glued: !space });
    space = false;
  }
  return tokens;
}

/** Merges runs of glued nodes into compounds. */
function glue(seq: Node[]): Node[] {
  const out: Node[] = [];
  for (const n of seq) {
    const prev = out[out.length - 1];
    if (n.glued && prev && n.kind !== 'ellipsis' && prev.kind !== 'ellipsis') {
      if (prev.kind === 'compound') prev.parts.push(n);
      else out[out.length - 1] = { kind: 'compound', parts: [prev, n] };
    } else out.push(n);
  }
  return out;
}

function parseSeq(tokens: Token[], pos: { i: number }, closer?: string): Node[][] {
  const alts = parseSeqRaw(tokens, pos, closer);
  return alts.map(glue);
}

function parseSeqRaw(tokens: Token[], pos: { i: number }, closer?: string): Node[][] {
  const alts: Node[][] = [[]];
  while (pos.i < tokens.length) {
    const { t, glued } = tokens[pos.i];
    if (t === closer) {
      pos.i++;
      return alts;
    }
    if (t === ']' || t === '}') {
      // Unbalanced closer: ignore it.
      pos.i++;
      continue;
    }
    pos.i++;
    const seq = alts[alts.length - 1];
    if (t === '|') alts.push([]);
    else if (t === '[' || t === '{') {
      const inner = parseSeq(tokens, pos, t === '[' ? ']' : '}');
      let repeat = false;
      const next = tokens[pos.i]?.t;
      if (next === '*' || next === '...') {
        repeat = true;
        pos.i++;
      }
      seq.push({ kind: 'group', optional: t === '[', alternatives: inner, repeat, glued });
    } else if (t === '...' || t === '(...)' || t === '*' || t === 'param*' || t === 'params*') seq.push({ kind: 'ellipsis' });
    else if (t.startsWith('<')) {
      const repeat = t.endsWith('*');
      seq.push({ kind: 'placeholder', name: t.replace(/\*$/, '').slice(1, -1), repeat, glued });
    } else if (/\.\.\.$|\*$/.test(t)) {
      seq.push({ kind: 'word', text: t.replace(/(\.\.\.|\*)$/, ''), glued });
      seq.push({ kind: 'ellipsis' });
    } else seq.push({ kind: 'word', text: t, glued });
  }
  return alts;
}

function isConditionGroup(n: Node): boolean {
  if (n.kind !== 'group') return false;
  const flat = JSON.stringify(n);
  return /"if"/.test(flat) && /"unless"/.test(flat) && /cond/.test(flat);
}

function bounds(seq: Node[]): { min: number; max: number } {
  let min = 0;
  let max = 0;
  for (const n of seq) {
    if (n.kind === 'ellipsis') max = Infinity;
    else if (n.kind === 'compound') {
      const required = n.parts.some((p) => p.kind === 'word' || p.kind === 'placeholder' || (p.kind === 'group' && !p.optional));
      const repeat = n.parts.some((p) => (p.kind === 'placeholder' || p.kind === 'group') && p.repeat);
      if (required) min++;
      max += repeat ? Infinity : 1;
    } else if (n.kind === 'word') {
      // "<addr>:<port>" style words glue to a placeholder; count them once.
      min++;
      max++;
    } else if (n.kind === 'placeholder') {
      min++;
      max += n.repeat ? Infinity : 1;
    } else {
      const inner = n.alternatives.map(bounds);
      const innerMin = Math.min(...inner.map((b) => b.min));
      const innerMax = Math.max(...inner.map((b) => b.max));
      if (!n.optional) min += innerMin;
      max += n.repeat ? Infinity : innerMax;
    }
  }
  return { min, max };
}

const TIME_NAMES = /^(timeout|time|delay|period|interval|grace|idle|life|tout|timeout, in milliseconds|delay in milliseconds)$/;
const INT_NAMES = /^(number|nb|count|conns|connections|maxconn|backlog|retries|minconn|maxqueue|max|nice|weight|rate|reqs|port|value|length)$/;
const SIZE_NAMES = /^(size|bytes)$/;

/** A value type from a placeholder name, only where the name leaves no doubt. */
export function typeFromPlaceholder(name: string): ValueType {
  const n = name.trim().toLowerCase();
  if (TIME_NAMES.test(n)) return { type: 'time', defaultUnit: 'ms' };
  if (SIZE_NAMES.test(n)) return { type: 'size' };
  if (n === 'port') return { type: 'port' };
  if (INT_NAMES.test(n)) return { type: 'int' };
  return { type: 'string' };
}

function partText(n: Node): string {
  if (n.kind === 'word') return n.text;
  if (n.kind === 'placeholder') return `<${n.name}>`;
  if (n.kind === 'group') return `[${n.alternatives.map((a) => a.map(partText).join(' ')).join('|')}]`;
  if (n.kind === 'compound') return n.parts.map(partText).join('');
  return '...';
}

export function parseSignature(sig: string): SignatureFacts {
  const tokens = tokenize(sig);
  const alts = parseSeq(tokens, { i: 0 });
  let condition = false;
  const cleaned = alts.map((seq) =>
    seq.filter((n) => {
      if (isConditionGroup(n)) {
        condition = true;
        return false;
      }
      return true;
    }),
  );
  // "if <condition>" written without braces (use-server, force-persist).
  for (const seq of cleaned) {
    for (let i = 0; i < seq.length; i++) {
      const n = seq[i];
      if (n.kind === 'word' && (n.text === 'if' || n.text === 'unless')) {
        condition = true;
      }
    }
  }
  const b = cleaned.map(bounds);
  const min = Math.min(...b.map((x) => x.min));
  const max = Math.max(...b.map((x) => x.max));
  const args: ArgSpec[] = [];
  const first = cleaned[0] ?? [];
  let optionalFromHere = false;
  for (const n of first) {
    if (n.kind === 'placeholder') {
      args.push({ name: n.name, value: typeFromPlaceholder(n.name), optional: optionalFromHere || undefined, variadic: n.repeat || undefined });
    } else if (n.kind === 'group') {
      const words = n.alternatives.every((a) => a.length === 1 && a[0].kind === 'word');
      if (words && n.alternatives.length > 1) {
        const values = n.alternatives.map((a) => (a[0] as { text: string }).text);
        args.push({ name: values.join('|'), value: { type: 'enum', values }, optional: n.optional || optionalFromHere || undefined });
      } else if (n.alternatives.length === 1 && n.alternatives[0].length === 1 && n.alternatives[0][0].kind === 'placeholder') {
        const p = n.alternatives[0][0];
        args.push({ name: p.name, value: typeFromPlaceholder(p.name), optional: n.optional || undefined, variadic: n.repeat || p.repeat || undefined });
      } else {
        // A complex group: positions after it are not reliable.
        break;
      }
      if (n.optional) optionalFromHere = true;
    } else if (n.kind === 'ellipsis') {
      if (args.length) args[args.length - 1].variadic = true;
      break;
    } else if (n.kind === 'compound') {
      // An address-like word ("<ip>:<port>"); its type is left to the overrides.
      args.push({ name: n.parts.map(partText).join(''), value: { type: 'string' }, optional: optionalFromHere || undefined });
    } else {
      // A literal word: later positions depend on it; stop typing here.
      break;
    }
  }
  return { minArgs: min, maxArgs: Number.isFinite(max) ? max : undefined, args, condition };
}
