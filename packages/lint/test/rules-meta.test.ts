import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_CHECKS } from '../src/engine/builtin-checks.js';
import { rules } from '../src/rules/index.js';

const root = path.resolve(import.meta.dirname, '..');
const docsDir = path.join(root, 'docs/rules');

function docFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? docFiles(path.join(dir, e.name)) : e.name.endsWith('.md') ? [path.join(dir, e.name)] : [],
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

  it.each(BUILTIN_CHECKS.map((c) => [c.id, c] as const))('built-in check %s has a doc', (id) => {
    expect(existsSync(path.join(docsDir, `${id}.md`)), `missing docs/rules/${id}.md`).toBe(true);
  });

  it('has no doc for a rule that does not exist', () => {
    const documented = docFiles(docsDir).map((f) => path.relative(docsDir, f).replace(/\.md$/, '').split(path.sep).join('/'));
    expect(documented.filter((id) => !ids.includes(id))).toEqual([]);
  });
});
