import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { LintResult, RuleSummary } from '../src/engine/types.js';
import { formatters } from '../src/formatters/index.js';

const cwd = '/repo';
const rules = new Map<string, RuleSummary>([
  ['keepalived/vrid-mismatch', { id: 'keepalived/vrid-mismatch', description: 'VRIDs must match', severity: 'error', type: 'problem', docs: 'docs/rules/keepalived/vrid-mismatch.md' }],
]);
const results: LintResult[] = [
  {
    filePath: '/repo/web1/keepalived.conf',
    errorCount: 1,
    warningCount: 1,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    messages: [
      {
        ruleId: 'keepalived/vrid-mismatch',
        severity: 2,
        message: 'virtual_router_id 51 here, but web2 uses 52: split brain',
        line: 23,
        column: 23,
        endLine: 23,
        endColumn: 25,
        related: [{ filePath: '/repo/web2/keepalived.conf', line: 4, column: 23, endLine: 4, endColumn: 25, message: 'web2 uses 52' }],
      },
      { ruleId: 'schema/unknown-keyword', severity: 1, message: "Unknown keyword 'nb_get_retry', 50%, a:b", line: 46, column: 13, endLine: 46, endColumn: 25 },
    ],
  },
  { filePath: '/repo/web2/keepalived.conf', errorCount: 0, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0, messages: [] },
];
const context = { cwd, color: false, rules, version: '0.1.0' };

describe('stylish', () => {
  it('prints relative paths, aligned rows, related locations and a summary', () => {
    expect(formatters.stylish(results, context)).toBe(
      [
        'web1/keepalived.conf',
        '  23:23  error    virtual_router_id 51 here, but web2 uses 52: split brain  keepalived/vrid-mismatch',
        '                  ↳ web2/keepalived.conf:4:23 web2 uses 52',
        "  46:13  warning  Unknown keyword 'nb_get_retry', 50%, a:b  schema/unknown-keyword",
        '',
        '✖ 2 problems (1 error, 1 warning)',
        '',
      ].join('\n'),
    );
  });
  it('prints nothing when there is nothing to say', () => {
    expect(formatters.stylish([results[1]], context)).toBe('');
  });
});

describe('json', () => {
  it('is ESLint-shaped and round-trips', () => {
    expect(JSON.parse(formatters.json(results, context))).toEqual(results);
  });
});

describe('github', () => {
  it('writes one escaped workflow command per finding', () => {
    expect(formatters.github(results, context).split('\n')).toEqual([
      '::error file=web1/keepalived.conf,line=23,col=23,endLine=23,endColumn=25,title=keepalived/vrid-mismatch::virtual_router_id 51 here, but web2 uses 52: split brain',
      "::warning file=web1/keepalived.conf,line=46,col=13,endLine=46,endColumn=25,title=schema/unknown-keyword::Unknown keyword 'nb_get_retry', 50%25, a:b",
      '',
    ]);
  });
});

describe('sarif', () => {
  const require = createRequire(import.meta.url);
  const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);

  it('is valid against the SARIF 2.1.0 schema', () => {
    const log = JSON.parse(formatters.sarif(results, context));
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });
  it('carries rule metadata, levels, relative locations and related locations', () => {
    const log = JSON.parse(formatters.sarif(results, context));
    const run = log.runs[0];
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(['keepalived/vrid-mismatch', 'schema/unknown-keyword']);
    expect(run.tool.driver.rules[0].shortDescription.text).toBe('VRIDs must match');
    expect(run.results[0]).toMatchObject({
      ruleId: 'keepalived/vrid-mismatch',
      ruleIndex: 0,
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'web1/keepalived.conf', uriBaseId: '%SRCROOT%' }, region: { startLine: 23, startColumn: 23 } } }],
      relatedLocations: [{ id: 0, physicalLocation: { artifactLocation: { uri: 'web2/keepalived.conf' } }, message: { text: 'web2 uses 52' } }],
    });
    expect(run.results[1]).toMatchObject({ ruleIndex: 1, level: 'warning' });
  });
});
