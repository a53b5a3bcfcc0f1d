/**
 * Writes docs/rules/README.md: every rule with its default severity and description,
 * linked to its page. `npx tsx --conditions=source packages/lint/scripts/rules-index.ts`;
 * test/rules-meta.test.ts fails when the committed file is out of date.
 */
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { rules } from '../src/rules/index.js';

export function rulesIndex(): string {
  const rows = rules.map((r) => {
    const marks = [r.meta.fixable ? 'fix' : '', r.meta.hasSuggestions ? 'suggestions' : ''].filter(Boolean).join(', ');
    return `| [\`${r.id}\`](${r.id}.md) | ${r.meta.severity} | ${r.meta.scope} | ${marks} | ${r.meta.description.replace(/\|/g, '\\|')} |`;
  });
  return [
    '# Rules',
    '',
    'Every rule of cfglint (`cfglint --list-rules` prints the same list). The findings of the parsers',
    'and schema checkers (`lex/`, `parse/`, `schema/`, `reference/`, `config/`…) are described in',
    '[../checks](../checks).',
    '',
    '| rule | default | scope | autofix | description |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  writeFileSync(path.join(import.meta.dirname, '../docs/rules/README.md'), rulesIndex());
}
