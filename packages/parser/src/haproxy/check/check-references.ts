/**
 * Names one line uses and another must define, as HAProxy resolves them: backends
 * named by use_backend/default_backend, servers named by use-server, userlists named
 * by http_auth(), and ACLs named in conditions (declared earlier in the same section,
 * or predefined).
 */
import type { Word } from '../../ast/common.js';
import type { HaProxy, HaSectionBase } from '../../model/haproxy/types.js';
import type { Line } from './check-keywords.js';
import { aclName, conditionParts } from './condition-words.js';
import type { CheckContext } from './context.js';
import { didYouMean } from './suggest.js';

/** Keywords that take `if|unless COND` even where the docs write it differently. */
const CONDITION_KEYWORDS = new Set(['use_backend', 'use-server', 'redirect', 'block', 'http-request', 'http-response', 'http-after-response', 'stats http-request']);

/** The words of a line's condition (after `if`/`unless`), if it has one. */
function conditionOf(line: Line): { kind: 'if' | 'unless'; keyword: Word; words: Word[] } | undefined {
  const spec = line.resolved.spec;
  if (!spec) return undefined;
  if (!spec.condition && !CONDITION_KEYWORDS.has(spec.name) && !spec.name.startsWith('tcp-request ') && !spec.name.startsWith('tcp-response ')) return undefined;
  const args = line.resolved.args;
  for (let i = 0; i < args.length; i++) {
    const v = args[i].value;
    if ((v === 'if' || v === 'unless') && !args[i].quoted) return { kind: v, keyword: args[i], words: args.slice(i + 1) };
  }
  return undefined;
}

/** ACL checks for the lines of one section, in order: `acl` lines declare, conditions use. */
export class AclScope {
  private declared = new Set<string>();
  private later = new Map<string, Word>();

  constructor(
    private readonly ctx: CheckContext,
    lines: Line[],
  ) {
    // Indexed: until V8 optimizes a function, for…of allocates an iterator result per element.
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i];
      if (l.resolved.spec?.name === 'acl' && l.resolved.args[0]) this.later.set(l.resolved.args[0].value, l.resolved.args[0]);
    }
  }

  visit(line: Line): void {
    const spec = line.resolved.spec;
    if (spec?.name === 'acl') {
      const name = line.resolved.args[0];
      if (name) this.declared.add(name.value);
      return;
    }
    const cond = conditionOf(line);
    if (!cond) return;
    for (const word of conditionParts(cond.words).named) {
      const ref = { word, name: aclName(word) };
      if (ref.word.hasVariable || !ref.name) continue;
      if (this.declared.has(ref.name)) continue;
      const pre = this.ctx.schema.predefinedAcl(ref.name);
      if (pre && this.ctx.schema.available(pre) === 'available') continue;
      const later = this.later.get(ref.name);
      const message = later
        ? `ACL '${ref.name}' is used before the line that declares it: HAProxy looks ACLs up as it reads, so ${this.ctx.haproxy} refuses to start`
        : `no ACL named '${ref.name}' in this section: ${this.ctx.haproxy} refuses to start${didYouMean(ref.name, this.declared)}`;
      const related = later ? [this.ctx.related(line.setting.fileName, later, `'${ref.name}' is declared here`)] : undefined;
      this.ctx.report('reference/undefined-acl', 'error', message, line.setting.fileName, ref.word, related);
    }
  }
}

const AUTH_FETCH = /\bhttp_auth(?:_group)?\(([^),]+)\)/g;

const userlistNames = new WeakMap<CheckContext, Set<string>>();

/** `http_auth(LIST)` and `http_auth_group(LIST)` must name a userlist. */
export function checkUserlistRefs(ctx: CheckContext, line: Line): void {
  const args = line.resolved.args;
  // Indexed: until V8 optimizes a function, for…of allocates an iterator result per element.
  for (let i = 0; i < args.length; i++) {
    const word = args[i];
    if (word.hasVariable || !word.value.includes('http_auth')) continue;
    let userlists = userlistNames.get(ctx);
    if (!userlists) userlistNames.set(ctx, (userlists = new Set(ctx.loaded.model.userlists.map((u) => u.name ?? ''))));
    for (const m of word.value.matchAll(AUTH_FETCH)) {
      const name = m[1].trim();
      if (userlists.has(name)) continue;
      ctx.report(
        'reference/undefined-userlist',
        'error',
        `no userlist named '${name}': ${ctx.haproxy} refuses to start${didYouMean(name, userlists)}`,
        line.setting.fileName,
        word,
      );
    }
  }
}

/** use_backend / default_backend with a static name must name a backend or listen section. */
export function checkBackendRefs(ctx: CheckContext): void {
  const model = ctx.loaded.model;
  const names = [...model.backends.keys()];
  const check = (name: string, word: Word, fileName: string, keyword: string) => {
    if (word.hasVariable || model.backends.has(name)) return;
    const frontendOnly = model.frontends.has(name);
    ctx.report(
      'reference/undefined-backend',
      'error',
      `${keyword} names '${name}', ${frontendOnly ? 'which is a frontend, not a backend' : 'but no backend or listen section has that name'}: ${ctx.haproxy} refuses to start${frontendOnly ? '' : didYouMean(name, names)}`,
      fileName,
      word,
    );
  };
  const proxies = model.proxies;
  // Indexed: until V8 optimizes a function, for…of allocates an iterator result per element.
  for (let i = 0; i < proxies.length; i++) {
    const p = proxies[i];
    if (p.undecided) continue;
    for (let k = 0; k < p.useBackends.length; k++) {
      const u = p.useBackends[k];
      if (!u.dynamic && !u.setting.undecided) check(u.backend, u.backendWord, u.setting.fileName, 'use_backend');
    }
    if (p.defaultBackend && !p.defaultBackend.dynamic && !p.defaultBackend.setting.undecided) {
      check(p.defaultBackend.backend, p.defaultBackend.backendWord, p.defaultBackend.setting.fileName, 'default_backend');
    }
  }
  // A default_backend in a defaults section is used by the frontends that inherit it.
  const reported = new Set<unknown>();
  for (let i = 0; i < proxies.length; i++) {
    const p = proxies[i];
    const d = p.capabilities.frontend && !p.defaultBackend ? p.effective.defaultBackend : undefined;
    if (!d || d.dynamic || reported.has(d) || d.setting.undecided) continue;
    reported.add(d);
    check(d.backend, d.backendWord, d.setting.fileName, 'default_backend');
  }
}

/** use-server must name a server of the same backend. */
export function checkUseServerRefs(ctx: CheckContext, proxy: HaProxy): void {
  if (proxy.useServers.length === 0) return;
  const servers = new Set(proxy.servers.map((s) => s.name));
  for (const u of proxy.useServers) {
    if (u.serverWord.hasVariable || servers.has(u.server) || u.setting.undecided) continue;
    ctx.report(
      'reference/undefined-server',
      'error',
      `use-server names '${u.server}', but ${proxy.kind} '${proxy.name}' has no such server: ${ctx.haproxy} refuses to start${didYouMean(u.server, servers)}`,
      u.setting.fileName,
      u.serverWord,
    );
  }
}

/** Rule kinds whose presence in a defaults section restricts which proxies may inherit it. */
const L4_L5 = new Set(['tcp-request connection', 'tcp-request session']);
const TCP_RESPONSE = 'tcp-response content';
const RULE_NAMES = new Set(['http-request', 'http-response', 'http-after-response', 'tcp-request connection', 'tcp-request session', 'tcp-request content', 'tcp-response content']);

/**
 * HAProxy 2.5+: a defaults section holding TCP/HTTP rules can only be inherited by
 * frontends, or only by backends; never by listen or defaults sections; and not by
 * backends when it has tcp-request connection/session rules, nor by frontends when
 * it has tcp-response rules.
 */
export function checkDefaultsRuleInheritance(ctx: CheckContext, rulesOf: (s: HaSectionBase) => Set<string>): void {
  const model = ctx.loaded.model;
  const side = new Map<HaSectionBase, string>();
  const order = new Map<HaSectionBase, number>(model.sections.map((sec, i) => [sec, i]));
  const inheritors: HaSectionBase[] = [...model.defaults, ...model.proxies];
  inheritors.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  for (const s of inheritors) {
    const d = (s as HaProxy).inheritsFrom;
    if (!d || s.undecided) continue;
    const rules = rulesOf(d);
    if (rules.size === 0) continue;
    const where = [ctx.related(d.fileName, d.nameWord ?? d.node.keyword, 'the defaults section with the rules')];
    const at = (s as HaProxy).from?.word ?? s.nameWord ?? s.node.keyword;
    const fail = (message: string) => ctx.report('reference/defaults-rules-inheritance', 'error', `${message}: ${ctx.haproxy} refuses to start`, s.fileName, at, where);
    if (s.kind === 'defaults') {
      fail(`a defaults section cannot inherit from a defaults section that defines TCP/HTTP rules`);
      continue;
    }
    if (s.kind === 'listen') {
      fail(`a listen section cannot inherit from a defaults section that defines TCP/HTTP rules`);
      continue;
    }
    const mine = s.kind;
    const first = side.get(d);
    if (first && first !== mine) {
      fail(`frontends and backends cannot inherit from the same defaults section when it defines TCP/HTTP rules`);
      continue;
    }
    side.set(d, mine);
    if (mine === 'backend' && [...rules].some((r) => L4_L5.has(r))) fail(`a backend cannot inherit from a defaults section that defines 'tcp-request connection' or 'tcp-request session' rules`);
    else if (mine === 'frontend' && rules.has(TCP_RESPONSE)) fail(`a frontend cannot inherit from a defaults section that defines 'tcp-response content' rules`);
  }
}

export function isRuleKeyword(name: string): boolean {
  return RULE_NAMES.has(name);
}
