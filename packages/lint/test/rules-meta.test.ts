import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { haproxyCheck, haproxyUnavailableReason, keepalivedCheck, keepalivedUnavailableReason } from '../../../test-support/daemons.js';
import { BUILTIN_CHECKS, CHECK_FAMILIES, UNSUPPRESSIBLE_FAMILIES, checkDocsPath, headingAnchor, type CheckFamily } from '../src/engine/builtin-checks.js';
import { lint } from '../src/engine/lint.js';
import type { Language } from '../src/engine/types.js';
import { rules } from '../src/rules/index.js';
import { rulesIndex } from '../scripts/rules-index.js';

const root = path.resolve(import.meta.dirname, '..');
const docsDir = path.join(root, 'docs/rules');

function docFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? docFiles(path.join(dir, e.name)) : e.name.endsWith('.md') && e.name !== 'README.md' ? [path.join(dir, e.name)] : [],
  );
}

describe('the rule registry, docs and tests agree', () => {
  const ids = [...rules.map((r) => r.id), ...BUILTIN_CHECKS.map((c) => c.id)];

  it('has unique, sorted rule ids of the documented shapes', () => {
    expect(new Set(ids).size).toBe(ids.length);
    expect(rules.map((r) => r.id)).toEqual([...rules.map((r) => r.id)].sort());
    for (const rule of rules) {
      const shape = rule.meta.language === 'any' ? /^[a-z]+(?:-[a-z0-9]+)*$/ : new RegExp(`^${rule.meta.language}/[a-z0-9]+(?:-[a-z0-9]+)*$`);
      expect(rule.id, `${rule.id} does not match its language ${rule.meta.language}`).toMatch(shape);
    }
  });

  it.each(rules.map((r) => [r.id, r] as const))('%s has meta, messages, a doc and a test', (id, rule) => {
    expect(rule.meta.description.length).toBeGreaterThan(10);
    expect(Object.keys(rule.messages).length).toBeGreaterThan(0);
    const doc = path.join(docsDir, `${id}.md`);
    expect(existsSync(doc), `missing docs/rules/${id}.md`).toBe(true);
    const text = readFileSync(doc, 'utf8');
    expect(text.startsWith(`# ${id}\n`)).toBe(true);
    expect(text).toContain(`Default severity: ${rule.meta.severity}`);
    for (const section of ['## What goes wrong', '## Bad', '## Good', '## When to disable']) expect(text, `${id}: ${section}`).toContain(section);
    const testFile = path.join(root, 'src/rules', `${id}.test.ts`);
    expect(existsSync(testFile), `missing src/rules/${id}.test.ts`).toBe(true);
  });

  it.each(BUILTIN_CHECKS.map((c) => [c.id, c] as const))('built-in check %s has a doc', (id, check) => {
    expect(check.description.length, `${id}: describe it in one line`).toBeGreaterThan(10);
    const file = check.docs.split('#')[0];
    expect(existsSync(path.join(root, file)), `${id}: its docs path ${check.docs} names a missing file`).toBe(true);
  });

  it('lists every rule in docs/rules/README.md (regenerate with packages/lint/scripts/rules-index.ts)', () => {
    expect(readFileSync(path.join(docsDir, 'README.md'), 'utf8')).toBe(rulesIndex());
  });

  it('has no doc for a rule that does not exist', () => {
    const documented = docFiles(docsDir).map((f) => path.relative(docsDir, f).replace(/\.md$/, '').split(path.sep).join('/'));
    expect(documented.filter((id) => !ids.includes(id))).toEqual([]);
  });
});

// ── Built-in checks: the codes of packages/parser/src, BUILTIN_CHECKS and docs/checks agree ──

const parserSrc = path.resolve(root, '../parser/src');
const checksDir = path.join(root, 'docs/checks');
const FAMILY = CHECK_FAMILIES.join('|');
/** A code written as a string literal: 'schema/unknown-keyword' (backquoted mentions are comments). */
const CODE_LITERAL = new RegExp(`(['"])((?:${FAMILY})/[a-z0-9-]+)\\1`, 'g');
/** A code built in a template literal: `model/${…}`. */
const CODE_TEMPLATE = new RegExp(`\`(?:${FAMILY})/[a-z0-9-]*\\$\\{`, 'g');

/**
 * Codes the sources build at run time, so no literal names them. Each names the file and
 * the text that builds them, so a change there fails here and this list gets updated.
 */
const BUILT_CODES = [
  {
    file: 'model/haproxy/flatten.ts',
    evidence: ['code: `model/${first.slice(1)}`', "'.alert': 'error'", "'.warning': 'warning'", "'.notice': 'info'"],
    codes: ['model/alert', 'model/warning', 'model/notice'],
  },
];

interface SourceCode {
  /** Where it is written, `keepalived/scanner.ts:141`, relative to packages/parser/src. */
  at: string[];
  languages: Set<string>;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [full] : [];
  });
}

const languageOf = (file: string) => (/(^|\/)haproxy\//.test(file) ? 'HAProxy' : /(^|\/)keepalived\//.test(file) ? 'keepalived' : 'unknown');

/** Every code the parser sources can emit, with where each is written. */
function scanParserCodes(): { codes: Map<string, SourceCode>; templates: string[] } {
  const codes = new Map<string, SourceCode>();
  const templates: string[] = [];
  const add = (code: string, at: string) => {
    let entry = codes.get(code);
    if (!entry) codes.set(code, (entry = { at: [], languages: new Set() }));
    entry.at.push(at);
    entry.languages.add(languageOf(at));
  };
  for (const file of sourceFiles(parserSrc)) {
    const rel = path.relative(parserSrc, file).split(path.sep).join('/');
    const text = readFileSync(file, 'utf8');
    const lineAt = (index: number) => text.slice(0, index).split('\n').length;
    for (const m of text.matchAll(CODE_LITERAL)) add(m[2], `${rel}:${lineAt(m.index)}`);
    for (const m of text.matchAll(CODE_TEMPLATE)) templates.push(`${rel}:${lineAt(m.index)}`);
    for (const built of BUILT_CODES.filter((b) => b.file === rel)) {
      if (built.evidence.every((e) => text.includes(e))) for (const code of built.codes) add(code, rel);
    }
  }
  return { codes, templates };
}

interface Example {
  language: Language;
  text: string;
  /** What the real daemon's check does with the example, when the page says. */
  daemon?: 'fails' | 'passes';
  /** Target version for cfglint (default: the installed daemons, HAProxy 2.6 and keepalived 2.2.7). */
  version?: string;
}

interface Section {
  code: string;
  family: string;
  body: string;
  /** Fenced examples tagged haproxy or keepalived: cfglint must report the code on them. */
  examples: Example[];
  /** Every fenced block, checked or not. */
  fences: number;
}

function docSections(family: string): Section[] {
  const file = path.join(checksDir, `${family}.md`);
  if (!existsSync(file)) return [];
  const text = readFileSync(file, 'utf8');
  return text
    .split(/^## /m)
    .slice(1)
    .map((chunk) => {
      const code = chunk.slice(0, chunk.indexOf('\n')).trim();
      const body = chunk.slice(chunk.indexOf('\n') + 1);
      const examples: Example[] = [];
      let fences = 0;
      for (const m of body.matchAll(/^```(\S*)([^\n]*)\n([\s\S]*?)^```$/gm)) {
        fences++;
        if (m[1] !== 'haproxy' && m[1] !== 'keepalived') continue;
        const info = Object.fromEntries([...m[2].matchAll(/(\w+)=(\S+)/g)].map((x) => [x[1], x[2]]));
        examples.push({ language: m[1], text: m[3], daemon: info.daemon as Example['daemon'], version: info.version });
      }
      return { code, family, body, examples, fences };
    });
}

const scanned = scanParserCodes();
const registered = new Map(BUILTIN_CHECKS.map((c) => [c.id, c]));
const familyOf = (code: string) => code.slice(0, code.indexOf('/')) as CheckFamily;
const familyCodes = BUILTIN_CHECKS.filter((c) => (CHECK_FAMILIES as readonly string[]).includes(familyOf(c.id)));
const sections = CHECK_FAMILIES.flatMap((f) => docSections(f));
const sectionOf = new Map(sections.map((s) => [s.code, s]));
const unsuppressible = (code: string) => UNSUPPRESSIBLE_FAMILIES.includes(familyOf(code));

describe('built-in checks: parser codes, BUILTIN_CHECKS and docs/checks agree', () => {
  it('finds the codes in packages/parser/src', () => {
    // Guards the scan itself: an empty or tiny result would make the checks below pass vacuously.
    expect(scanned.codes.size).toBeGreaterThan(100);
    for (const f of CHECK_FAMILIES) expect([...scanned.codes.keys()].some((c) => c.startsWith(`${f}/`)), `no ${f}/ code found in the sources`).toBe(true);
  });

  it('knows every code built from a template literal', () => {
    const known = new Set(BUILT_CODES.map((b) => b.file));
    const unknown = scanned.templates.filter((at) => !known.has(at.split(':')[0]));
    expect(unknown, `a diagnostic code is built with a template literal at ${unknown.join(', ')}: add the codes it can produce to BUILT_CODES in this test, then register them`).toEqual([]);
    for (const b of BUILT_CODES) {
      const text = readFileSync(path.join(parserSrc, b.file), 'utf8');
      for (const e of b.evidence) expect(text.includes(e), `${b.file} no longer contains ${e}: update BUILT_CODES in this test to what it builds now`).toBe(true);
    }
  });

  it('registers every code the parsers, loaders and checkers emit', () => {
    const missing = [...scanned.codes].filter(([code]) => !registered.has(code));
    const advice = missing.map(
      ([code, s]) =>
        `${code} (emitted at ${s.at.join(', ')}) is not in BUILTIN_CHECKS: add '${code.slice(code.indexOf('/') + 1)}' to src/engine/builtin-checks/${familyOf(code)}.ts and a '## ${code}' section to docs/checks/${familyOf(code)}.md`,
    );
    expect(advice).toEqual([]);
  });

  it('registers no code the sources no longer emit', () => {
    const stale = familyCodes.filter((c) => !scanned.codes.has(c.id));
    const advice = stale.map((c) => `${c.id} is registered in src/engine/builtin-checks/${familyOf(c.id)}.ts but no file of packages/parser/src emits it: remove it there and its section from docs/checks/${familyOf(c.id)}.md (or, if it was renamed, register the new name)`);
    expect(advice).toEqual([]);
  });

  it('keeps each family file sorted, every id in a known family, and docs paths at the family page', () => {
    for (const f of CHECK_FAMILIES) {
      const ids = familyCodes.filter((c) => familyOf(c.id) === f).map((c) => c.id);
      expect(ids, `src/engine/builtin-checks/${f}.ts: keep the entries in alphabetical order`).toEqual([...ids].sort());
    }
    for (const c of familyCodes) expect(c.docs).toBe(checkDocsPath(familyOf(c.id), c.id));
    expect(BUILTIN_CHECKS.filter((c) => !familyCodes.includes(c)).map((c) => c.id)).toEqual(['cfglint/unused-disable-directive']);
  });

  it.each(CHECK_FAMILIES.map((f) => [f] as const))('docs/checks/%s.md documents exactly the registered codes', (f) => {
    const file = path.join(checksDir, `${f}.md`);
    expect(existsSync(file), `missing docs/checks/${f}.md`).toBe(true);
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith(`# ${f}/`), `docs/checks/${f}.md: start with a '# ${f}/…' title`).toBe(true);
    // Each page says whether its findings can be suppressed, as lint.ts does.
    const claim = unsuppressible(`${f}/x`) ? /cannot be suppressed/ : /can be suppressed/;
    expect(text, `docs/checks/${f}.md: say whether cfglint-disable comments hide these findings`).toMatch(claim);
    const documented = docSections(f).map((s) => s.code);
    const ids = familyCodes.filter((c) => familyOf(c.id) === f).map((c) => c.id);
    const undocumented = ids.filter((id) => !documented.includes(id)).map((id) => `${id} has no '## ${id}' section in docs/checks/${f}.md: add one (meaning, what the daemon does, an example, the fix)`);
    expect(undocumented).toEqual([]);
    const unknown = documented.filter((id) => !ids.includes(id)).map((id) => `docs/checks/${f}.md has a section '## ${id}' for a code not in src/engine/builtin-checks/${f}.ts: remove the section or register the code`);
    expect(unknown).toEqual([]);
    expect(new Set(documented).size, `docs/checks/${f}.md: one section per code`).toBe(documented.length);
  });

  it.each(familyCodes.map((c) => [c.id, c] as const))('%s: its section states the facts the registry and sources hold', (id, check) => {
    const section = sectionOf.get(id);
    expect(section, `no '## ${id}' section in docs/checks/${familyOf(id)}.md`).toBeDefined();
    expect(check.docs.endsWith(`#${headingAnchor(section!.code)}`)).toBe(true);
    const meta = /^- Languages: (.+?) · Default severity: (error|warning) · Suppressible: (yes|no)$/m.exec(section!.body);
    expect(meta, `${id}: start the section with '- Languages: … · Default severity: … · Suppressible: …'`).not.toBeNull();
    const [, languages, severity, suppressible] = meta!;
    expect(severity, `${id}: the section's default severity differs from BUILTIN_CHECKS`).toBe(check.severity);
    expect(suppressible === 'no', `${id}: lex/, parse/ and load/ findings cannot be suppressed, every other family can`).toBe(unsuppressible(id));
    const fromSources = [...(scanned.codes.get(id)?.languages ?? [])].sort();
    expect(languages.split(', ').sort(), `${id}: the sources emitting it are in ${fromSources.join(' and ')}`).toEqual(fromSources);
    expect(section!.fences, `${id}: show an example (a fenced block) of a line that triggers it`).toBeGreaterThan(0);
  });

  it('checks most examples for real', () => {
    // Untagged examples are for what a page cannot hold (NUL bytes, 1024-byte lines, cfglint bugs).
    const checked = familyCodes.filter((c) => sectionOf.get(c.id)?.examples.length);
    expect(checked.length / familyCodes.length).toBeGreaterThan(0.85);
  });
});

const tmp = mkdtempSync(path.join(os.tmpdir(), 'cfglint-check-docs-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let exampleCount = 0;

/** Writes an example where the daemons and cfglint read it: <tmp>/<n>/haproxy.cfg or keepalived.conf. */
function writeExample(example: Example, prefix = ''): string {
  const dir = path.join(tmp, String(++exampleCount));
  mkdirSync(dir);
  const file = path.join(dir, example.language === 'haproxy' ? 'haproxy.cfg' : 'keepalived.conf');
  writeFileSync(file, prefix + example.text);
  return file;
}

function codesFor(example: Example, prefix = ''): string[] {
  const file = writeExample(example, prefix);
  const versions = example.language === 'haproxy' ? { haproxy: example.version ?? '2.6' } : { keepalived: example.version ?? '2.2.7' };
  const outcome = lint([{ filePath: file, language: example.language }], { versions });
  return outcome.results.flatMap((r) => r.messages.map((m) => m.ruleId ?? ''));
}

const examples = sections.flatMap((s) => s.examples.map((e, i) => [`${s.code}${s.examples.length > 1 ? ` #${i + 1}` : ''}`, s.code, e] as const));

describe('docs/checks examples trigger their code', () => {
  it.each(examples)('%s', (_, code, example) => {
    expect(codesFor(example), `the example in the '## ${code}' section of docs/checks/${familyOf(code)}.md does not make cfglint report ${code}`).toContain(code);
    // As the page says: comments hide all but lex/, parse/ and load/ findings.
    const suppressed = codesFor(example, `# cfglint-disable ${code}\n`);
    expect(suppressed.includes(code), `${code}: a cfglint-disable comment ${unsuppressible(code) ? 'hid' : 'did not hide'} it`).toBe(unsuppressible(code));
  });
});

const daemonExamples = examples.filter(([, , e]) => e.daemon && !e.version);
const haproxyMissing = haproxyUnavailableReason();
const keepalivedMissing = keepalivedUnavailableReason();

describe('docs/checks examples: the real daemons do what the pages say', () => {
  it.each(daemonExamples)('%s', async (_, code, example) => {
    const missing = example.language === 'haproxy' ? haproxyMissing : keepalivedMissing;
    if (missing) return void console.warn(`skipped ${code}: ${missing}`);
    const file = writeExample(example);
    const result = example.language === 'haproxy' ? await haproxyCheck(file) : await keepalivedCheck(file);
    // haproxy -c: 0 valid, 1 errors, 2 valid but nothing to listen on; keepalived -t: non-zero on any configuration error.
    const failedCode = example.language === 'haproxy' ? result.code === 1 : result.code > 0 && result.code !== 124;
    const outcome = result.code === 0 ? 'passes' : failedCode ? 'fails' : `exited ${result.code}`;
    expect(outcome, `${code}: the page says the ${example.language} check ${example.daemon} on its example, but it exited ${result.code}:\n${result.output}`).toBe(example.daemon);
  });
});
