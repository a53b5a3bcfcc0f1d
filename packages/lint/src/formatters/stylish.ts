import * as path from 'node:path';
import pc from 'picocolors';
import type { Formatter } from './types.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** ESLint's default human format: a block per file, aligned columns, a summary line. */
export const formatStylish: Formatter = (results, { cwd, color }) => {
  const c = pc.createColors(color);
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  for (const result of results) {
    if (result.messages.length === 0) continue;
    errors += result.errorCount;
    warnings += result.warningCount;
    lines.push(c.underline(path.relative(cwd, result.filePath) || result.filePath));
    const rows = result.messages.map((m) => [
      `${m.line}:${m.column}`,
      m.severity === 2 ? 'error' : 'warning',
      m.message,
      m.ruleId ?? '',
    ]);
    const width = [0, 1].map((i) => Math.max(...rows.map((r) => r[i].length)));
    result.messages.forEach((m, i) => {
      const [position, severity, message, ruleId] = rows[i];
      const sev = severity.padEnd(width[1]);
      lines.push(`  ${c.dim(position.padStart(width[0]))}  ${severity === 'error' ? c.red(sev) : c.yellow(sev)}  ${message}  ${c.dim(ruleId)}`.trimEnd());
      for (const r of m.related ?? []) {
        const where = `${path.relative(cwd, r.filePath) || r.filePath}:${r.line}:${r.column}`;
        lines.push(`  ${' '.repeat(width[0])}  ${' '.repeat(width[1])}  ${c.dim(`↳ ${where}`)} ${r.message}`);
      }
    });
    lines.push('');
  }
  const total = errors + warnings;
  if (total === 0) return '';
  const summary = `✖ ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
  lines.push(errors > 0 ? c.red(c.bold(summary)) : c.yellow(c.bold(summary)));
  return `${lines.join('\n')}\n`;
};
