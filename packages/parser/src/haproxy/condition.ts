import type { Word } from '../ast/common.js';

/**
 * `.if`/`.elif` conditions. HAProxy joins the (unquoted, expanded) words of the
 * line with single spaces and parses:  expr := and ('||' expr)?   and := term ('&&' and)?
 * term := '!'* (integer | '(' expr ')' | predicate['(' args ')'])  — `&&` binds tighter.
 */
export type ConditionNode =
  | { type: 'const'; value: boolean; neg: boolean }
  | { type: 'paren'; expr: ConditionNode; neg: boolean }
  | { type: 'pred'; name: string; args: string[]; neg: boolean }
  | { type: 'and' | 'or'; left: ConditionNode; right: ConditionNode };

/** Predicates of any version, their argument counts and the HAProxy version that added them. */
export const CONDITION_PREDICATES: Readonly<Record<string, { min: number; max: number; since: string }>> = {
  defined: { min: 1, max: 1, since: '2.4' },
  feature: { min: 1, max: 1, since: '2.4' },
  streq: { min: 2, max: 2, since: '2.4' },
  strneq: { min: 2, max: 2, since: '2.4' },
  version_atleast: { min: 1, max: 1, since: '2.4' },
  version_before: { min: 1, max: 1, since: '2.4' },
  openssl_version_atleast: { min: 1, max: 1, since: '2.5' },
  openssl_version_before: { min: 1, max: 1, since: '2.5' },
  ssllib_name_startswith: { min: 1, max: 1, since: '2.5' },
  strstr: { min: 2, max: 2, since: '2.8' },
  enabled: { min: 1, max: 1, since: '2.8' },
  awslc_api_atleast: { min: 1, max: 1, since: '3.3' },
  awslc_api_before: { min: 1, max: 1, since: '3.3' },
  fips_mode: { min: 0, max: 0, since: '3.5' },
};

export interface ConditionError {
  message: string;
  /** Offset in the joined condition text. */
  offset: number;
}

class ConditionParser {
  pos = 0;
  constructor(
    private readonly s: string,
    private readonly version: string | undefined,
  ) {}

  private skip() {
    const s = this.s;
    while (this.pos < s.length && (s.charCodeAt(this.pos) === 32 || s.charCodeAt(this.pos) === 9)) this.pos++;
  }

  expr(depth: number): ConditionNode {
    if (depth <= 0) throw this.fail('expression nested too deeply');
    const left = this.and(depth - 1);
    this.skip();
    if (this.s.startsWith('||', this.pos)) {
      this.pos += 2;
      this.skip();
      return { type: 'or', left, right: this.expr(depth - 1) };
    }
    return left;
  }

  private and(depth: number): ConditionNode {
    if (depth <= 0) throw this.fail('expression nested too deeply');
    const left = this.term(depth - 1);
    this.skip();
    if (this.s.startsWith('&&', this.pos)) {
      this.pos += 2;
      this.skip();
      return { type: 'and', left, right: this.and(depth - 1) };
    }
    return left;
  }

  private term(depth: number): ConditionNode {
    const s = this.s;
    this.skip();
    if (this.pos >= s.length) throw this.fail('missing term');
    let neg = false;
    while (s.charCodeAt(this.pos) === 33) {
      neg = !neg;
      this.pos++;
      this.skip();
    }
    const num = /^[+-]?(0[xX][0-9a-fA-F]+|[0-9]+)/.exec(s.slice(this.pos));
    if (num) {
      this.pos += num[0].length;
      return { type: 'const', value: Number.parseInt(num[0], num[0].match(/0[xX]/) ? 16 : 10) !== 0, neg };
    }
    if (s.charCodeAt(this.pos) === 40) {
      this.pos++;
      this.skip();
      const expr = this.expr(depth - 1);
      this.skip();
      if (s.charCodeAt(this.pos) !== 41) throw this.fail("expected ')'");
      this.pos++;
      this.skip();
      return { type: 'paren', expr, neg };
    }
    let end = this.pos;
    while (end < s.length && s.charCodeAt(end) !== 32 && s.charCodeAt(end) !== 40) end++;
    const name = s.slice(this.pos, end);
    const spec = CONDITION_PREDICATES[name];
    if (!spec) throw this.fail(`unknown predicate or unparsable expression '${s.slice(this.pos)}'`);
    if (this.version && compareHaproxyVersions(this.version, spec.since) < 0) {
      throw this.fail(`predicate '${name}' needs HAProxy ${spec.since} or later`);
    }
    this.pos = end;
    const args = this.args(name, spec.min, spec.max);
    return { type: 'pred', name, args, neg };
  }

  /** The argument list as HAProxy's make_arg_list() reads it: commas, quotes, `\` escapes, `)`. */
  private args(name: string, min: number, max: number): string[] {
    const s = this.s;
    const args: string[] = [];
    if (s.charCodeAt(this.pos) !== 40) {
      if (min > 0) throw this.fail(`missing arguments to predicate '${name}'`);
      return args;
    }
    this.pos++;
    if (max === 0) {
      // fips_mode takes no argument but accepts empty parentheses.
      if (s.charCodeAt(this.pos) !== 41) throw this.fail(`expected ')' after '${name}('`);
      this.pos++;
      return args;
    }
    while (args.length < max) {
      let out = '';
      let sq = false;
      let dq = false;
      while (this.pos < s.length) {
        const c = s[this.pos];
        if (c === '"' && !sq) dq = !dq;
        else if (c === "'" && !dq) sq = !sq;
        else if (c === '\\' && !sq && this.pos + 1 < s.length) {
          const n = s[this.pos + 1];
          out += n === 'r' ? '\r' : n === 'n' ? '\n' : n === 't' ? '\t' : '\\ "\''.includes(n) ? n : '\\' + n;
          this.pos++;
        } else if (!sq && !dq && (c === ',' || c === ')')) break;
        else out += c;
        this.pos++;
      }
      if (out.length === 0 && args.length < min && (s[this.pos] === ')' || this.pos >= s.length)) {
        throw this.fail(`missing arguments to predicate '${name}'`);
      }
      args.push(out);
      if (this.pos >= s.length || s[this.pos] === ')' || args.length >= max) break;
      this.pos++; // the comma
    }
    if (args.length < min) throw this.fail(`missing arguments to predicate '${name}'`);
    if (s[this.pos] !== ')') throw this.fail(`expected ')' after the arguments of '${name}'`);
    this.pos++;
    return args;
  }

  fail(message: string): ConditionError {
    return { message, offset: this.pos };
  }
}

/**
 * Parses condition text (the words joined by single spaces). Empty text is `false`.
 * With `version`, predicates newer than that HAProxy are errors, as that HAProxy sees them.
 */
export function parseCondition(text: string, version?: string): { node?: ConditionNode; error?: ConditionError } {
  if (text.length === 0) return { node: { type: 'const', value: false, neg: false } };
  const p = new ConditionParser(text, version);
  try {
    const node = p.expr(1024);
    let i = p.pos;
    while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
    if (i < text.length) return { error: { message: `unexpected character '${text[i]}' after the condition`, offset: i } };
    return { node };
  } catch (e) {
    if (e && typeof e === 'object' && 'offset' in e) return { error: e as ConditionError };
    return { error: { message: 'unparsable condition', offset: 0 } };
  }
}

/** Joins words as HAProxy does and remembers where each word begins in the joined text. */
export function joinConditionWords(words: readonly Word[], values: readonly string[] = words.map((w) => w.value)): { text: string; starts: number[] } {
  const starts: number[] = [];
  let text = '';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) text += ' ';
    starts.push(text.length);
    text += values[i];
  }
  return { text, starts };
}

/** Syntax check for the parser: a problem located on the offending word, or undefined. */
export function checkConditionSyntax(words: readonly Word[]): { message: string; start: number; end: number } | undefined {
  if (words.length === 0) return undefined;
  const { text, starts } = joinConditionWords(words);
  const { error } = parseCondition(text);
  if (!error) return undefined;
  let k = 0;
  while (k + 1 < starts.length && starts[k + 1] <= error.offset) k++;
  return { message: error.message, start: words[k].start, end: words[k].end };
}

/** What the evaluator knows about the HAProxy that will read the file. */
export interface ConditionContext {
  /** Environment variables (`defined()`); unset names are undefined, as HAProxy with no environment sees them. */
  env: Readonly<Record<string, string | undefined>>;
  /** HAProxy version for `version_atleast()`/`version_before()`; unknown when absent. */
  version?: string;
  /** Build features as `haproxy -vv` lists them after '+' (OPENSSL, THREAD, …); unknown when absent. */
  features?: readonly string[];
  /** OpenSSL version for `openssl_version_*()`; unknown when absent. */
  opensslVersion?: string;
  /** SSL library name for `ssllib_name_startswith()` (e.g. 'OpenSSL'); unknown when absent. */
  sslLibName?: string;
}

/** A condition's value and whether it was decided offline (undecided ones take HAProxy's value for unknown facts: false). */
export interface ConditionValue {
  value: boolean;
  decided: boolean;
}

/** Compares HAProxy-style versions ('2.4-dev19' < '2.4-rc1' < '2.4' < '2.4.1'). */
export function compareHaproxyVersions(a: string, b: string): number {
  const pa = versionKey(a);
  const pb = versionKey(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function versionKey(v: string): number[] {
  const m = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-(dev|rc|pre)(\d*))?/.exec(v.trim());
  if (!m) return [0];
  // Releases sort after their -dev and -rc builds.
  const stage = m[4] === 'dev' ? 0 : m[4] === 'pre' || m[4] === 'rc' ? 1 : 2;
  return [Number(m[1]), Number(m[2] ?? 0), m[4] ? 0 : Number(m[3] ?? 0), stage, Number(m[5] || 0)];
}

function predicate(name: string, args: string[], ctx: ConditionContext): ConditionValue {
  switch (name) {
    case 'defined':
      return { value: ctx.env[args[0]] !== undefined, decided: true };
    case 'streq':
      return { value: args[0] === args[1], decided: true };
    case 'strneq':
      return { value: args[0] !== args[1], decided: true };
    case 'strstr':
      return { value: args[0].includes(args[1]), decided: true };
    case 'feature':
      return ctx.features ? { value: ctx.features.includes(args[0]), decided: true } : { value: false, decided: false };
    case 'version_atleast':
      return ctx.version ? { value: compareHaproxyVersions(ctx.version, args[0]) >= 0, decided: true } : { value: false, decided: false };
    case 'version_before':
      return ctx.version ? { value: compareHaproxyVersions(ctx.version, args[0]) < 0, decided: true } : { value: false, decided: false };
    case 'openssl_version_atleast':
      return ctx.opensslVersion ? { value: compareHaproxyVersions(ctx.opensslVersion, args[0]) >= 0, decided: true } : { value: false, decided: false };
    case 'openssl_version_before':
      return ctx.opensslVersion ? { value: compareHaproxyVersions(ctx.opensslVersion, args[0]) < 0, decided: true } : { value: false, decided: false };
    case 'ssllib_name_startswith':
      return ctx.sslLibName !== undefined ? { value: ctx.sslLibName.startsWith(args[0]), decided: true } : { value: false, decided: false };
    default:
      // enabled(), fips_mode(), awslc_api_*(): facts about the running process.
      return { value: false, decided: false };
  }
}

export function evaluateConditionNode(node: ConditionNode, ctx: ConditionContext): ConditionValue {
  switch (node.type) {
    case 'const':
      return { value: node.value !== node.neg, decided: true };
    case 'paren': {
      const r = evaluateConditionNode(node.expr, ctx);
      return { value: r.value !== node.neg, decided: r.decided };
    }
    case 'pred': {
      const r = predicate(node.name, node.args, ctx);
      return { value: r.value !== node.neg, decided: r.decided };
    }
    case 'and': {
      const l = evaluateConditionNode(node.left, ctx);
      if (!l.value) return l.decided ? l : { value: false, decided: !!evaluateFalseDecided(node.right, ctx) };
      const r = evaluateConditionNode(node.right, ctx);
      return { value: r.value, decided: (l.decided && r.decided) || (!r.value && r.decided) };
    }
    case 'or': {
      const l = evaluateConditionNode(node.left, ctx);
      if (l.value) return l.decided ? l : { value: true, decided: !!evaluateTrueDecided(node.right, ctx) };
      const r = evaluateConditionNode(node.right, ctx);
      return { value: r.value, decided: (l.decided && r.decided) || (r.value && r.decided) };
    }
  }
}

function evaluateFalseDecided(node: ConditionNode, ctx: ConditionContext): boolean {
  const r = evaluateConditionNode(node, ctx);
  return r.decided && !r.value;
}

function evaluateTrueDecided(node: ConditionNode, ctx: ConditionContext): boolean {
  const r = evaluateConditionNode(node, ctx);
  return r.decided && r.value;
}

/** Evaluates condition text; a syntax error yields an undecided false plus the error. */
export function evaluateCondition(text: string, ctx: ConditionContext): ConditionValue & { error?: ConditionError } {
  const { node, error } = parseCondition(text, ctx.version);
  if (!node) return { value: false, decided: false, error };
  return evaluateConditionNode(node, ctx);
}
