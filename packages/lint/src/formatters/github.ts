import * as path from 'node:path';
import type { Formatter } from './types.js';

// Workflow commands need their property values and messages escaped.
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** GitHub Actions workflow commands: each finding becomes an annotation on the pull request. */
export const formatGithub: Formatter = (results, { cwd }) => {
  const lines: string[] = [];
  for (const result of results) {
    const file = path.relative(cwd, result.filePath) || result.filePath;
    for (const m of result.messages) {
      const props = [
        `file=${escapeProperty(file)}`,
        `line=${m.line}`,
        `col=${m.column}`,
        `endLine=${m.endLine}`,
        `endColumn=${m.endColumn}`,
        `title=${escapeProperty(m.ruleId ?? 'cfglint')}`,
      ].join(',');
      lines.push(`::${m.severity === 2 ? 'error' : 'warning'} ${props}::${escapeData(m.message)}`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
};
