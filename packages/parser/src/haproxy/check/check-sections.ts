/**
 * Section lines: section kinds the target lacks, missing or malformed names,
 * unexpected arguments (the 1.5 `listen NAME ADDR:PORT` form among them) and
 * proxies that share a name.
 */
import type { HaSectionBase } from '../../model/haproxy/types.js';
import type { CheckContext } from './context.js';

/** Section kinds that need no name (crt-store's is optional). */
const NAMELESS = new Set(['global', 'defaults', 'traces', 'crt-store', 'namespace_list']);

/** How many words after the keyword each kind takes before HAProxy 2.6 alerts (measured with 2.6.12). */
const STRICT_ARGS: Record<string, number> = { global: 0, userlist: 1, peers: 1, cache: 1 };

/** Characters HAProxy accepts in proxy and section names. */
const NAME_RE = /^[A-Za-z0-9_.:-]+$/;

/** Returns whether the section's body is worth checking (its kind exists in the target). */
export function checkSection(ctx: CheckContext, section: HaSectionBase): boolean {
  const { node, fileName } = section;
  const kind = section.kind;
  const spec = ctx.schema.section(kind);
  const availability = ctx.schema.available(spec);
  if (!spec || availability !== 'available') {
    const why =
      availability === 'not-yet' && spec?.versions?.added
        ? `'${kind}' sections only exist from HAProxy ${spec.versions.added} on`
        : availability === 'removed' && spec?.versions?.removed
          ? `'${kind}' sections were removed in HAProxy ${spec.versions.removed}`
          : `'${kind}' is not a section keyword`;
    ctx.report('schema/unknown-section', 'error', `${why}: ${ctx.haproxy} reports an unknown keyword and refuses to start`, fileName, node.keyword);
    return false;
  }
  const args = node.args;
  if (!NAMELESS.has(kind) && args.length === 0) {
    ctx.report('schema/missing-section-name', 'error', `a ${kind} section needs a name: ${ctx.haproxy} refuses to start`, fileName, node.keyword);
    return true;
  }
  if (kind === 'global' || args.length === 0) {
    if (args.length > 0) unexpected(ctx, section, 0);
    return true;
  }
  const name = args[0];
  if (!name.hasVariable && !NAME_RE.test(name.value) && kind !== 'global') {
    const bad = [...name.value].find((c) => !/[A-Za-z0-9_.:-]/.test(c)) ?? '';
    ctx.report('schema/invalid-section-name', 'error', `character '${bad}' is not allowed in a ${kind} name: ${ctx.haproxy} refuses to start`, fileName, name);
  }
  const isProxy = kind === 'frontend' || kind === 'listen' || kind === 'backend' || kind === 'defaults';
  let next = 1;
  if (isProxy && args[1]?.value === 'from') next = args.length >= 3 ? 3 : 2;
  if (args.length <= next) return true;
  if ((kind === 'listen' || kind === 'frontend') && next === 1) {
    legacyAddress(ctx, section);
    return true;
  }
  const strict = STRICT_ARGS[kind];
  if (strict !== undefined && args.length > strict) unexpected(ctx, section, strict);
  return true;
}

function unexpected(ctx: CheckContext, section: HaSectionBase, index: number): void {
  const word = section.node.args[index];
  ctx.report(
    'schema/unexpected-argument',
    'error',
    `'${section.kind}' takes ${index === 0 ? 'no argument' : 'only a name'}: ${ctx.haproxy} refuses the extra '${word.value}'`,
    section.fileName,
    word,
  );
}

/** `listen NAME ADDR:PORT`: the address on the section line, 1.5 syntax. */
function legacyAddress(ctx: CheckContext, section: HaSectionBase): void {
  const word = section.node.args[1];
  if (!ctx.atLeast('1.6')) {
    ctx.report(
      'schema/legacy-listen-address',
      'warning',
      `an address on the '${section.kind}' line is the old form that HAProxy 1.6 and later refuse: write 'bind ${word.value}' in the section`,
      section.fileName,
      word,
    );
    return;
  }
  ctx.report(
    'schema/legacy-listen-address',
    'error',
    `the address on the '${section.kind}' line is the 1.5 form, removed in HAProxy 1.6: ${ctx.haproxy} refuses to start ("please use the 'bind' keyword"); write 'bind ${word.value}' inside the section instead`,
    section.fileName,
    word,
  );
}

/** A listen section is a frontend and a backend. */
const LISTEN_SIDES = ['frontend', 'backend'];

/** Two frontends, two backends, or a listen and either, with one name. */
export function checkDuplicateProxies(ctx: CheckContext): void {
  const byKey = new Map<string, HaSectionBase>();
  const proxies = ctx.loaded.model.proxies;
  // Indexed, and no array of sides per proxy: until V8 optimizes a function, for…of
  // allocates an iterator result per element.
  for (let i = 0; i < proxies.length; i++) {
    const p = proxies[i];
    if (p.undecided || !p.name) continue;
    const listen = p.kind === 'listen';
    for (let s = 0; s < (listen ? 2 : 1); s++) {
      const side = listen ? LISTEN_SIDES[s] : p.kind;
      const key = `${side}\u0000${p.name}`;
      const prev = byKey.get(key);
      if (prev && prev !== p) {
        // 1.5 only warned; 1.6 made it an error.
        const fatal = ctx.atLeast('1.6');
        ctx.report(
          'reference/duplicate-proxy',
          fatal ? 'error' : 'warning',
          `${p.kind} '${p.name}' has the same name as the ${prev.kind} declared before it: ${fatal ? `${ctx.haproxy} refuses to start` : 'statistics and logs cannot tell them apart, and HAProxy 1.6 and later refuse it'}`,
          p.fileName,
          p.nameWord,
          [ctx.related(prev.fileName, prev.nameWord ?? prev.node.keyword, `${prev.kind} '${p.name}' is declared here`)],
        );
        break;
      }
      byKey.set(key, p);
    }
  }
}
