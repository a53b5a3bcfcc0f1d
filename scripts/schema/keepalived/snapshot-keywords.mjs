// One release's keywords: the installation tree replayed, each keyword's handler read.
import { readCFile } from './c-source.mjs';
import { handlerFacts } from './handler-facts.mjs';
import { buildKeywordTree } from './keyword-tree.mjs';
import { collectDefines } from './macros.mjs';
import { readManyAt, sourcePaths } from './git-snapshot.mjs';

/** Normalises a list of alternative condition conjunctions (DNF) and drops redundant ones. */
export function normalizeConds(alternatives) {
  const sets = alternatives.map((conj) => [...new Set(conj)].sort());
  const unique = [...new Map(sets.map((s) => [s.join(' && '), s])).values()];
  if (unique.some((s) => s.length === 0)) return [];
  // Drop an alternative that is a superset of another (it adds nothing to the OR).
  return unique.filter((s) => !unique.some((o) => o !== s && o.length < s.length && o.every((c) => s.includes(c))));
}

/** C expression for a normalised DNF, or undefined when unconditional. */
export function condExpr(dnf) {
  if (!dnf.length) return undefined;
  const conj = (s) => s.map((c) => (/\|\||&&/.test(c) && !/^\(.*\)$/.test(c) ? `(${c})` : c)).join(' && ');
  return dnf.length === 1 ? conj(dnf[0]) : dnf.map((s) => `(${conj(s)})`).join(' || ');
}

/**
 * @returns {{ keywords: Map<string, object>, warnings: string[] }} keyed by `context\tname`
 */
export function snapshotKeywords(gitDir, tag) {
  const paths = sourcePaths(gitDir, tag);
  const texts = readManyAt(gitDir, tag, paths);
  const files = [...texts].map(([p, t]) => readCFile(p, t));
  const defines = collectDefines(files);
  const cFiles = files.filter((f) => f.fileName.endsWith('.c') && f.fileName !== 'lib/parser.c');
  const { roots, warnings } = buildKeywordTree(cFiles);

  const filesByName = new Map(cFiles.map((f) => [f.fileName, f]));
  const byFile = new Map();
  const byName = new Map();
  for (const f of cFiles) {
    const local = new Map();
    for (const fn of f.functions) {
      local.set(fn.name, fn);
      const list = byName.get(fn.name) ?? [];
      list.push(fn);
      byName.set(fn.name, list);
    }
    byFile.set(f.fileName, local);
  }
  const factsCache = new Map();
  const factsFor = (handler) => {
    if (!handler) return [];
    const key = `${handler.file}\t${handler.name}`;
    if (!factsCache.has(key)) {
      const all = byName.get(handler.name) ?? [];
      const local = all.filter((fn) => fn.file === handler.file);
      const defs = local.length ? local : all;
      const file = filesByName.get(defs[0]?.file) ?? { functions: [], arrays: new Map() };
      factsCache.set(key, handlerFacts(defs, defines, file));
    }
    return factsCache.get(key);
  };

  const keywords = new Map();
  const childSets = new Map(); // context name -> children signature, to spot ambiguous contexts
  const visit = (node, context, path) => {
    const key = `${context}\t${node.name}`;
    const defs = factsFor(node.handler);
    const existing = keywords.get(key);
    const record = existing ?? {
      name: node.name,
      context,
      paths: new Set(),
      conds: [],
      block: undefined,
      handler: node.handler?.name,
      defs,
      comment: node.at.comment || undefined,
      at: { file: node.at.file, line: node.at.line },
      quoted: node.quoted,
    };
    record.paths.add(path.join(' > '));
    record.conds.push(...node.conds);
    if (node.children.length) record.block = 'block';
    else if (!record.block && defs.some((d) => d.list)) record.block = 'list';
    keywords.set(key, record);
    if (node.children.length) {
      const signature = node.children.map((c) => c.name).sort().join(',');
      const seen = childSets.get(node.name);
      if (seen && seen !== signature) warnings.push(`${tag}: context '${node.name}' has different keywords at ${path.join(' > ')}`);
      childSets.set(node.name, signature);
      for (const child of node.children) visit(child, node.name, [...path, node.name]);
    }
  };
  for (const root of roots) visit(root, 'root', []);
  // Macros the sources #define themselves (WITH_HOST_ENTRIES, _WITH_FIREWALL_) are not
  // build options: replace each by the condition it is defined under.
  const definedUnder = new Map();
  for (const f of files) {
    for (const d of f.defines) {
      if (d.cond.some((c) => c.includes(d.name))) continue; // include guards
      const list = definedUnder.get(d.name) ?? [];
      list.push(d.cond);
      definedUnder.set(d.name, list);
    }
  }
  const expand = (clause) =>
    clause.replace(/defined\s*\(?\s*(\w+)\s*\)?/g, (whole, name) => {
      const alts = definedUnder.get(name);
      if (!alts) return whole;
      const dnf = normalizeConds(alts);
      return dnf.length ? `(${condExpr(dnf)})` : '1';
    });
  const simplify = (conj) => conj.map(expand).filter((c) => c !== '1' && c !== '(1)');
  for (const record of keywords.values()) {
    record.conds = normalizeConds(record.conds.map(simplify));
    for (const d of record.defs) d.cond = simplify(d.cond);
  }
  return { keywords, warnings, defines };
}
