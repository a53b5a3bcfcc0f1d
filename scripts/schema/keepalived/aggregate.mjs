// Folds per-release keyword facts into one table: where each keyword may appear, its
// argument shapes (changing over releases), and the releases that add, deprecate or
// remove it.
import { condExpr, normalizeConds } from './snapshot-keywords.mjs';

/** Argument specs from one release's handler facts. */
export function argsFromFacts(defs) {
  // Facts from every definition of the handler; a definition compiled in only on
  // some builds (an #if branch) still constrains what that build accepts.
  const reads = new Map();
  const words = new Map();
  let bool = false;
  let requiresArg = false;
  for (const d of defs) {
    for (const r of d.reads ?? []) {
      const prev = reads.get(r.index);
      if (!prev) reads.set(r.index, { ...r });
      else if (prev.kind === r.kind && prev.shift === r.shift) {
        // Different branches read the same word with different limits: accept the union.
        prev.min = prev.min === undefined || r.min === undefined ? undefined : Math.min(prev.min, r.min);
        prev.max = prev.max === undefined || r.max === undefined ? undefined : Math.max(prev.max, r.max);
      } else prev.conflict = true;
    }
    for (const w of d.words ?? []) if (w.index >= 1 && !words.has(w.index)) words.set(w.index, w);
    if (d.bool) bool = true;
    if (d.requiresArg) requiresArg = true;
  }
  const last = Math.max(0, ...reads.keys(), ...words.keys(), bool ? 1 : 0, requiresArg ? 1 : 0);
  if (last === 0) return undefined;
  const args = [];
  for (let i = 1; i <= last; i++) {
    const read = reads.get(i);
    const word = words.get(i);
    let value = { type: 'any' };
    if (read && !read.conflict && !(word && word.closed)) {
      if (read.kind === 'int' || read.kind === 'unsigned') {
        value = { type: 'int' };
        if (read.min !== undefined) value.min = read.min;
        else if (read.kind === 'unsigned') value.min = 0;
        if (read.max !== undefined && read.max < Number.MAX_SAFE_INTEGER) value.max = read.max;
        if (read.base && read.base !== 10) value = { type: 'any' };
      } else {
        const scale = 10 ** read.shift;
        value = { type: 'float', decimals: read.shift };
        if (read.min !== undefined) value.min = read.min / scale;
        if (read.max !== undefined && read.max < Number.MAX_SAFE_INTEGER) value.max = read.max / scale;
      }
    } else if (word && word.closed && !read) {
      value = { type: 'enum', values: word.values };
      if (word.caseInsensitive) value.caseInsensitive = true;
    } else if (i === 1 && bool && !read) value = { type: 'bool' };
    const arg = { name: last === 1 ? 'value' : `arg${i}`, value };
    if (!(i === 1 && requiresArg)) arg.optional = true;
    args.push(arg);
  }
  return args;
}

function deprecationFor(record, siblings) {
  // A shared handler's message names the keyword it is about; apply it only to that one.
  const names = siblings.filter((s) => s.handler && s.handler === record.handler).map((s) => s.name);
  for (const d of record.defs) {
    for (const dep of d.deprecated ?? []) {
      const mentions = (n) => new RegExp(`(^|[^\\w-])${n.replace(/[-]/g, '\\-')}([^\\w-]|$)`).test(dep.message);
      // "X is deprecated - please use Y" is not about Y.
      if (dep.replacement === record.name) continue;
      if (mentions(record.name) || !names.some(mentions)) {
        const replacement = dep.replacement && dep.replacement !== record.name ? dep.replacement : undefined;
        return { reported: dep.reported, replacement, message: dep.message };
      }
    }
  }
  if (record.comment && /deprecat/i.test(record.comment)) {
    // A comment on the install line; the replacement is the sibling sharing the handler.
    const other = siblings.find((s) => s !== record && s.handler === record.handler && !/deprecat/i.test(s.comment ?? ''));
    return { reported: false, replacement: other?.name, message: undefined };
  }
  return undefined;
}

/**
 * @param releases [{ version, keywords: Map }] oldest first
 * @returns keyword entries (one per context and name) ready to print
 */
export function aggregate(releases, compare) {
  const newest = releases[releases.length - 1].version;
  const oldest = releases[0].version;
  const entries = new Map();
  for (const { version, keywords } of releases) {
    const byContext = new Map();
    for (const r of keywords.values()) {
      const list = byContext.get(r.context) ?? [];
      list.push(r);
      byContext.set(r.context, list);
    }
    for (const [key, r] of keywords) {
      const e = entries.get(key) ?? { name: r.name, context: r.context, versions: [] };
      e.versions.push({
        version,
        block: r.block,
        conds: r.conds,
        args: argsFromFacts(r.defs),
        deprecation: deprecationFor(r, byContext.get(r.context)),
        errors: r.defs.filter((d) => d.alwaysError).map((d) => ({ when: condExpr(normalizeConds([d.cond])) ?? '1', message: d.alwaysError })),
        quoted: r.quoted,
      });
      entries.set(key, e);
    }
  }

  const out = [];
  const warnings = [];
  const allVersions = releases.map((r) => r.version);
  for (const e of entries.values()) {
    const present = e.versions.map((v) => v.version);
    const first = present[0];
    const last = present[present.length - 1];
    const spec = { name: e.name, contexts: [e.context] };
    const latest = e.versions[e.versions.length - 1];
    if (latest.block) spec.block = latest.block;
    const span = allVersions.slice(allVersions.indexOf(first), allVersions.indexOf(last) + 1);
    if (span.length !== present.length) {
      const missing = span.filter((v) => !present.includes(v));
      warnings.push(`${e.context} ${e.name}: absent from ${missing.join(', ')} between ${first} and ${last}`);
    }
    // Argument shapes by release, collapsed to the releases where they change.
    const segments = [];
    for (const v of e.versions) {
      const json = JSON.stringify(v.args ?? null);
      if (!segments.length || segments[segments.length - 1].json !== json) segments.push({ since: v.version, json, args: v.args });
    }
    if (segments.length === 1) {
      if (segments[0].args) spec.args = segments[0].args;
    } else spec.argsByVersion = segments.map((s) => ({ since: s.since, args: s.args ?? [] }));

    const versions = {};
    if (first !== oldest) versions.added = first;
    if (last !== newest) versions.removed = allVersions[allVersions.indexOf(last) + 1];
    const dep = e.versions.find((v) => v.deprecation);
    if (dep) {
      versions.deprecated = dep.version;
      const withReplacement = e.versions.find((v) => v.deprecation?.replacement);
      if (withReplacement) versions.replacement = withReplacement.deprecation.replacement;
      const reported = e.versions.find((v) => v.deprecation?.reported);
      if (reported) spec.deprecationReportedSince = reported.version;
    }
    if (Object.keys(versions).length) spec.versions = versions;
    const requires = condExpr(latest.conds);
    if (requires) spec.requires = requires;
    const errors = new Map();
    for (const v of e.versions) {
      for (const err of v.errors) {
        const key = `${err.when}\t${err.message}`;
        if (!errors.has(key)) errors.set(key, { when: err.when, message: err.message, since: v.version });
        errors.get(key).until = v.version;
      }
    }
    const errorWhen = [...errors.values()].map((err) => {
      const item = err.when === '1' ? { message: err.message } : { when: err.when, message: err.message };
      if (err.since !== first) item.since = err.since;
      if (err.until !== last) item.until = allVersions[allVersions.indexOf(err.until) + 1];
      return item;
    });
    if (errorWhen.length) spec.errorWhen = errorWhen;
    if (latest.quoted) spec.quotedArgs = true;
    out.push(spec);
  }
  return { keywords: mergeContexts(out), warnings };
}

/**
 * Keywords of releases older than the table's range that the oldest covered release no
 * longer knows: each becomes an entry with the release that dropped it.
 * @param history [{ version, keywords: Map }] oldest first, ending with the first covered release
 */
export function removedBefore(history) {
  const out = [];
  const lastSeen = new Map();
  for (let i = 0; i < history.length; i++) {
    for (const [key, r] of history[i].keywords) lastSeen.set(key, { record: r, index: i });
  }
  const first = history[history.length - 1];
  for (const [key, { record, index }] of lastSeen) {
    if (first.keywords.has(key)) continue;
    out.push({
      name: record.name,
      contexts: [record.context],
      ...(record.block ? { block: record.block } : {}),
      versions: { removed: history[index + 1].version },
    });
  }
  return out;
}

/** One entry for keywords that are identical in several contexts (connect_ip in every checker). */
function mergeContexts(specs) {
  const byShape = new Map();
  const out = [];
  for (const spec of specs) {
    const { contexts, ...rest } = spec;
    const key = JSON.stringify(rest);
    const same = byShape.get(key);
    if (same) same.contexts.push(...contexts);
    else {
      byShape.set(key, spec);
      out.push(spec);
    }
  }
  return out;
}
