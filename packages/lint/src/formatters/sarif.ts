import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Formatter } from './types.js';

const level = (severity: 1 | 2) => (severity === 2 ? 'error' : 'warning');

/**
 * SARIF 2.1.0, for GitHub code scanning and other SARIF viewers. Locations are
 * relative to the working directory (uriBaseId %SRCROOT%), as code scanning expects.
 */
export const formatSarif: Formatter = (results, { cwd, rules, version }) => {
  const usedRuleIds = [...new Set(results.flatMap((r) => r.messages.map((m) => m.ruleId ?? 'cfglint/fatal')))].sort();
  const ruleIndex = new Map(usedRuleIds.map((id, i) => [id, i]));
  const uri = (file: string) => path.relative(cwd, file).split(path.sep).join('/') || path.basename(file);
  const location = (filePath: string, l: { line: number; column: number; endLine: number; endColumn: number }) => ({
    physicalLocation: {
      artifactLocation: { uri: uri(filePath), uriBaseId: '%SRCROOT%' },
      region: { startLine: l.line, startColumn: l.column, endLine: l.endLine, endColumn: l.endColumn },
    },
  });

  const log = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: {
            name: 'cfglint',
            version,
            semanticVersion: version,
            rules: usedRuleIds.map((id) => {
              const rule = rules.get(id);
              return {
                id,
                shortDescription: { text: rule?.description ?? id },
                help: { text: `${rule?.description ?? id} See packages/lint/${rule?.docs ?? 'README.md'} in cfglint.` },
                defaultConfiguration: { level: rule?.severity ?? 'error' },
                properties: { tags: [rule?.type ?? 'problem'] },
              };
            }),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToFileURL(cwd).href}/` } },
        results: results.flatMap((result) =>
          result.messages.map((m) => {
            const ruleId = m.ruleId ?? 'cfglint/fatal';
            return {
              ruleId,
              ruleIndex: ruleIndex.get(ruleId),
              level: level(m.severity),
              message: { text: m.message },
              locations: [location(result.filePath, m)],
              ...(m.related?.length
                ? {
                    relatedLocations: m.related.map((r, id) => ({ id, ...location(r.filePath, r), message: { text: r.message } })),
                  }
                : {}),
            };
          }),
        ),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
