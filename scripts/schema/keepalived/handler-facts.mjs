// Reads a keyword handler's body for the facts the schema records: whether the keyword
// opens a list block, which argument positions are parsed as numbers and in what
// range, which fixed words an argument may be, and deprecation or always-error notices.
import { endOfStatement, matching, splitArgs, tokenize } from './c-source.mjs';
import { evalExpr } from './macros.mjs';

const TIMER_HZ_DIGITS = 6;

/** read_* helpers: where the index, minimum, maximum and decimal shift sit in the call. */
const READERS = {
  read_int_strvec: { kind: 'int', index: 1, min: 3, max: 4 },
  read_unsigned_strvec: { kind: 'unsigned', index: 1, min: 3, max: 4 },
  read_unsigned64_strvec: { kind: 'unsigned', index: 1, min: 3, max: 4 },
  read_unsigned_base_strvec: { kind: 'unsigned', index: 1, min: 4, max: 5, base: 2 },
  read_decimal_unsigned_strvec: { kind: 'decimal', index: 1, min: 3, max: 4, shift: 5 },
  read_timer: { kind: 'timer', index: 1, min: 3, max: 4 },
};

const LIST_CALLS = ['alloc_value_block', 'read_value_block'];

function text(tokens) {
  return tokens.map((t) => (t.t === 'str' ? JSON.stringify(t.v) : t.v)).join(' ');
}

function bodyTokens(fn) {
  if (!fn.handlerTokens) fn.handlerTokens = tokenize(fn.body.map((l) => l.text).join('\n'));
  return fn.handlerTokens;
}

/** Whether `tokens[k..]` is `strvec_slot ( strvec , N )` for a literal N; returns N. */
function slotIndexAt(tokens, k) {
  if (tokens[k]?.v !== 'strvec_slot' && tokens[k]?.v !== 'vector_slot' && tokens[k]?.v !== 'FMT_STR_VSLOT') return undefined;
  if (tokens[k + 1]?.v !== '(' || tokens[k + 2]?.v !== 'strvec' || tokens[k + 3]?.v !== ',') return undefined;
  if (tokens[k + 4]?.t !== 'num' || tokens[k + 5]?.v !== ')') return undefined;
  return Number(tokens[k + 4].v);
}

/** 1 when token k only runs under a condition within its statement (an unbraced if body, `&&`, `?`), else 0. */
function conditionalInStatement(tokens, k) {
  let balance = 0;
  for (let j = k - 1; j >= 0; j--) {
    const v = tokens[j].v;
    if (v === ')') balance++;
    else if (v === '(') balance--;
    else if (v === ';' || v === '{' || v === '}') return 0;
    else if (v === 'if' || v === 'while' || v === 'for') return balance < 0 ? 0 : 1;
    else if (v === 'else') return 1;
    else if ((v === '&&' || v === '||' || v === '?') && balance <= 0) return 1;
  }
  return 0;
}

/**
 * Whether the `if` whose condition holds token k ends in an else-branch that reports an
 * error, following `else if` chains: the compared words are then the only ones accepted.
 */
function chainEndsInError(tokens, k) {
  let ifAt = -1;
  for (let j = k - 1, balance = 0; j >= 0; j--) {
    const v = tokens[j].v;
    if (v === ')') balance++;
    else if (v === '(') balance--;
    if (v === 'if' && balance < 0) {
      ifAt = j;
      break;
    }
    if (v === ';' || v === '{' || v === '}') return false;
  }
  if (ifAt === -1 || tokens[ifAt + 1]?.v !== '(') return false;
  let at = ifAt;
  for (let guard = 0; guard < 50; guard++) {
    const condClose = matching(tokens, at + 1);
    const thenEnd = endOfStatement(tokens, condClose + 1);
    if (tokens[thenEnd]?.v !== 'else') return false;
    if (tokens[thenEnd + 1]?.v === 'if') {
      at = thenEnd + 1;
      continue;
    }
    const elseEnd = endOfStatement(tokens, thenEnd + 1);
    return tokens.slice(thenEnd + 1, elseEnd).some((t) => t.v === 'report_config_error');
  }
  return false;
}

/**
 * @param defs the handler's definitions (more than one when #if branches define it twice)
 * @param defines macro table for range limits
 * @param file the handler's file (its other functions and string tables)
 */
export function handlerFacts(defs, defines, file) {
  return defs.map((fn) => ({ cond: fn.cond, ...factsOf(fn, defines, file, 0) }));
}

function factsOf(fn, defines, file, depth) {
  const tokens = bodyTokens(fn);
  const facts = {};
  const ids = new Set(tokens.filter((t) => t.t === 'id').map((t) => t.v));
  if (LIST_CALLS.some((c) => ids.has(c))) facts.list = true;

  // Aliases: `str = strvec_slot(strvec, N)`.
  const aliases = new Map();
  for (let k = 0; k + 2 < tokens.length; k++) {
    if (tokens[k].t === 'id' && tokens[k + 1].v === '=') {
      const n = slotIndexAt(tokens, k + 2);
      if (n !== undefined) aliases.set(tokens[k].v, n);
    }
  }
  const slotOf = (arg) => {
    if (arg.length === 1 && arg[0].t === 'id' && aliases.has(arg[0].v)) return aliases.get(arg[0].v);
    return arg.length === 6 ? slotIndexAt(arg, 0) : undefined;
  };

  const reads = [];
  const words = new Map(); // slot -> { values:Set, caseInsensitive, closed }
  const vectorSizeAt = tokens.findIndex((t) => t.v === 'vector_size' || t.v === 'vector_active');
  let firstSlot1 = -1;
  let firstSlot1Conditional = false;
  let braceDepth = 0;
  let statement = 0;
  const noteSlot1 = (k) => {
    if (firstSlot1 !== -1) return;
    firstSlot1 = k;
    firstSlot1Conditional = braceDepth > 0 || conditionalInStatement(tokens, k) === 1;
  };
  for (let k = 0; k < tokens.length; k++) {
    const tok = tokens[k];
    if (tok.v === '{') braceDepth++;
    if (tok.v === '}') braceDepth--;
    if (tok.v === ';' && braceDepth === 0) statement++;
    if (slotIndexAt(tokens, k) === 1) noteSlot1(k);
    if (tok.t !== 'id' || tokens[k + 1]?.v !== '(') continue;
    const close = matching(tokens, k + 1);
    const args = splitArgs(tokens, k + 1, close);
    const reader = READERS[tok.v];
    if (reader && args[0]?.length === 1 && args[0][0].v === 'strvec') {
      const idx = args[reader.index];
      if (idx?.length === 1 && idx[0].t === 'num') {
        const read = { index: Number(idx[0].v), kind: reader.kind };
        const min = evalExpr(text(args[reader.min] ?? []), defines);
        let max = evalExpr(text(args[reader.max] ?? []), defines);
        if (reader.kind === 'timer') {
          read.shift = TIMER_HZ_DIGITS;
          if (!max) max = evalExpr('TIMER_MAXIMUM', defines);
        }
        if (reader.shift !== undefined) read.shift = evalExpr(text(args[reader.shift] ?? []), defines);
        if (reader.base !== undefined) read.base = evalExpr(text(args[reader.base] ?? []), defines);
        if (min !== undefined) read.min = min;
        if (max !== undefined) read.max = max;
        if (read.index === 1) noteSlot1(k);
        reads.push(read);
      }
    }
    if (tok.v === 'strcmp' || tok.v === 'strcasecmp') {
      const [a = [], b = []] = args;
      const litArg = b.length === 1 && b[0].t === 'str' ? b : a.length === 1 && a[0].t === 'str' ? a : undefined;
      // `strcmp(str, table[i])` against a static table of words.
      const table = b.length === 4 && b[1].v === '[' ? file.arrays?.get(b[0].v) : undefined;
      const slot = slotOf(litArg === a ? b : a);
      const values = litArg ? [litArg[0].v] : table;
      if (values && slot !== undefined) {
        const w = words.get(slot) ?? { values: new Set(), caseInsensitive: tok.v === 'strcasecmp', closed: false };
        for (const v of values) w.values.add(v);
        if (table) w.closed = true; // the table loop is followed by an error when nothing matched
        else w.closed = chainEndsInError(tokens, k);
        words.set(slot, w);
      }
    }
    if (tok.v === 'check_true_false' && slotOf(args[0] ?? []) === 1) facts.bool = true;
    if (tok.v === 'report_config_error' || tok.v === 'log_message') {
      const msg = args.find((a) => a.length >= 1 && a.every((t) => t.t === 'str'));
      const message = msg?.map((t) => t.v).join('');
      if (message && /deprecat|please replace with/i.test(message)) {
        const deprecated = { message, reported: tok.v === 'report_config_error' };
        const use = /(?:please use|use|replace with(?: keyword)?)\s+['"]?([A-Za-z_][\w-]*)['"]?/i.exec(message);
        if (use) deprecated.replacement = use[1];
        (facts.deprecated ??= []).push(deprecated);
      }
      // An error reported first thing, unconditionally: using the keyword always fails.
      if (tok.v === 'report_config_error' && braceDepth === 0 && statement === 0 && !conditionalInStatement(tokens, k) && message) {
        facts.alwaysError = message;
      }
    }
    // Follow helpers handed the whole word vector (svr_forwarding_handler(rs, strvec, …)).
    const helper = file.functions?.find((f) => f.name === tok.v);
    if (helper && helper !== fn && depth < 2 && args.some((a) => a.length === 1 && a[0].v === 'strvec')) {
      const inner = factsOf(helper, defines, file, depth + 1);
      if (inner.list) facts.list = true;
      if (inner.reads) reads.push(...inner.reads);
      for (const w of inner.words ?? []) {
        if (!words.has(w.index)) words.set(w.index, { values: new Set(w.values), caseInsensitive: w.caseInsensitive, closed: w.closed });
      }
      if (inner.bool) facts.bool = true;
    }
  }
  if (reads.length) facts.reads = reads;
  for (const [slot, w] of words) {
    (facts.words ??= []).push({ index: slot, values: [...w.values], caseInsensitive: w.caseInsensitive || undefined, closed: w.closed || undefined });
  }
  // A missing first argument makes keepalived stop ("missing a parameter") when the
  // handler reads it unconditionally and never looks at the word count first.
  if (firstSlot1 !== -1 && !firstSlot1Conditional && (vectorSizeAt === -1 || vectorSizeAt > firstSlot1)) facts.requiresArg = true;
  return facts;
}
