/**
 * npm run fidelity: how well cfglint agrees with the daemons.
 *   1. the labelled corpus (../shared/corpus): scripts/fidelity/{keepalived,haproxy}.ts
 *   2. the project's fixtures: valid ones must pass the daemon and get no cfglint error,
 *      invalid ones must fail the daemon and get a cfglint error
 *   3. for transparency: lint-rule errors on files the daemons accept (configs that are
 *      valid yet wrong, which is what the rules exist for)
 * `--write` also writes docs/fidelity.md.
 */
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lint, rules } from '../../packages/lint/src/index.js';
import { haproxyCheck, haproxyUnavailableReason, keepalivedCheck, keepalivedUnavailableReason } from '../../test-support/daemons.js';
import { measureHaproxyFidelity } from './haproxy.js';
import { measureKeepalivedFidelity } from './keepalived.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cacheDir = path.join(repoRoot, 'node_modules/.cache');
const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)} %` : 'n/a');

type Language = 'keepalived' | 'haproxy';
const VERSIONS = { keepalived: '2.2.7', haproxy: '2.6' } as const;

function filesUnder(dir: string, ext: string): string[] {
  let out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) continue;
    if (entry.endsWith(ext)) out.push(full);
  }
  return out.sort();
}

interface FixtureRow {
  file: string;
  expected: 'valid' | 'invalid';
  daemonOk: boolean;
  cfglintErrors: number;
}

async function fixtures(language: Language): Promise<FixtureRow[] | string> {
  const reason = language === 'keepalived' ? keepalivedUnavailableReason() : haproxyUnavailableReason();
  if (reason) return reason;
  const ext = language === 'keepalived' ? '.conf' : '.cfg';
  const rows: FixtureRow[] = [];
  for (const expected of ['valid', 'invalid'] as const) {
    for (const file of filesUnder(path.join(repoRoot, 'fixtures', language, expected), ext)) {
      const daemon = language === 'keepalived' ? await keepalivedCheck(file) : await haproxyCheck(file);
      const outcome = lint([{ filePath: file, language }], { versions: VERSIONS, rules: [] });
      const cfglintErrors = outcome.results.reduce((n, r) => n + r.errorCount, 0);
      rows.push({ file: path.relative(repoRoot, file), expected, daemonOk: daemon.code === 0, cfglintErrors });
    }
  }
  return rows;
}

function ruleErrorsOnAccepted(language: Language, files: string[]): Map<string, number> {
  const byRule = new Map<string, number>();
  for (const file of files) {
    const outcome = lint([{ filePath: file, language }], { versions: VERSIONS, rules });
    for (const finding of outcome.findings) {
      if (finding.severity !== 'error' || !rules.some((r) => r.id === finding.ruleId)) continue;
      byRule.set(finding.ruleId, (byRule.get(finding.ruleId) ?? 0) + 1);
    }
  }
  return byRule;
}

const ka = await measureKeepalivedFidelity({ daemonCache: path.join(cacheDir, 'cfglint-keepalived-daemon.json') });
const ha = await measureHaproxyFidelity({ daemonCache: path.join(cacheDir, 'cfglint-haproxy-daemon.json') });
const corpus = path.resolve(repoRoot, '../shared/corpus');
const acceptedKa = ka.files.filter((f) => f.daemon.verdict === 'accepted').map((f) => path.join(corpus, 'keepalived', f.file));
const acceptedHa = ha.files.filter((f) => f.daemon.verdict === 'accepted').map((f) => path.join(corpus, 'haproxy', f.file));

const lines: string[] = [];
const out = (s = '') => lines.push(s);
out('# Fidelity: agreement with the daemons');
out();
out('Measured by `npm run fidelity` (scripts/fidelity/). The daemons are the oracle: keepalived 2.2.7 and');
out('HAProxy 2.6.12 (Debian 12), run here on every file (keepalived -t inside a network namespace holding');
out('the interfaces a file names), with the labels in ../shared/corpus/LABELS.tsv where the daemon cannot');
out('run. cfglint checks each file for the same versions (`--keepalived-version 2.2.7 --haproxy-version 2.6`).');
out();
out('A file the daemon **accepts** agrees when cfglint reports no error (goal 100 %). A file it **rejects**');
out('for a reason visible in the text agrees when cfglint reports at least one error (goal ≥ 95 %).');
out('Verdicts that depend on the host (missing interfaces, scripts, users, certificates, include files,');
out('DNS) or on VTest macro expansion are left out and counted.');
out();
out('## Corpus');
out();
out('| | keepalived | haproxy |');
out('| --- | --- | --- |');
out(`| files | ${ka.totals.files} | ${ha.totals.files} |`);
out(`| accepted by the daemon | ${ka.totals.accepted} | ${ha.totals.accepted} |`);
out(`| … with no cfglint error | ${ka.totals.acceptedWithoutError} (${pct(ka.totals.acceptedWithoutError, ka.totals.accepted)}) | ${ha.totals.acceptedWithoutError} (${pct(ha.totals.acceptedWithoutError, ha.totals.accepted)}) |`);
out(`| rejected for a configuration problem | ${ka.totals.rejected} | ${ha.totals.rejected} |`);
out(`| … flagged by cfglint with an error | ${ka.totals.rejectedFlagged} (${pct(ka.totals.rejectedFlagged, ka.totals.rejected)}) | ${ha.totals.rejectedFlagged} (${pct(ha.totals.rejectedFlagged, ha.totals.rejected)}) |`);
out(`| left out: verdict depends on the host | ${ka.totals.hostDependent} | ${ha.totals.hostDependent} |`);
out(`| left out: verdict depends on VTest macros | — | ${ha.totals.macroDependent} |`);
out();
out(`keepalived, stricter: of the ${ka.totals.problemLines} lines keepalived reports a problem on, cfglint reports an`);
out(`error on the same line for ${ka.totals.problemLinesFlagged} (${pct(ka.totals.problemLinesFlagged, ka.totals.problemLines)}); most of the rest are lines keepalived reports after`);
out('an unknown block (cfglint reports the cause once) or consistency errors it places at a closing brace.');
const misses = [...ka.files, ...ha.files].filter((f) => f.outcome === 'false-error' || f.outcome === 'missed');
if (misses.length) {
  out();
  out('Disagreements:');
  for (const f of misses) out(`- ${f.outcome}: ${f.file}${f.cfglint.first ? ` (cfglint: ${f.cfglint.first})` : ''}`);
}

out();
out('## Fixtures');
out();
for (const language of ['keepalived', 'haproxy'] as const) {
  const rows = await fixtures(language);
  if (typeof rows === 'string') {
    out(`- ${language}: not measured here (${rows})`);
    continue;
  }
  const valid = rows.filter((r) => r.expected === 'valid');
  const invalid = rows.filter((r) => r.expected === 'invalid');
  const validOk = valid.filter((r) => r.daemonOk && r.cfglintErrors === 0).length;
  const invalidOk = invalid.filter((r) => !r.daemonOk && r.cfglintErrors > 0).length;
  out(`- ${language}: ${validOk} of ${valid.length} valid fixtures pass the daemon with no cfglint error; ${invalidOk} of ${invalid.length} invalid fixtures fail the daemon and get a cfglint error.`);
  for (const r of rows) {
    const ok = r.expected === 'valid' ? r.daemonOk && r.cfglintErrors === 0 : !r.daemonOk && r.cfglintErrors > 0;
    if (!ok) out(`  - ${r.file}: expected ${r.expected}, daemon ${r.daemonOk ? 'accepts' : 'rejects'}, cfglint ${r.cfglintErrors} error(s)`);
  }
}

out();
out('## Lint rules on files the daemons accept');
out();
out('The rules exist to catch configurations that load yet misbehave, so they may report errors on files');
out('the daemons accept; those are not counted above. Errors per rule on the accepted corpus files:');
out();
for (const [language, files] of [['keepalived', acceptedKa], ['haproxy', acceptedHa]] as const) {
  const counts = ruleErrorsOnAccepted(language, files);
  out(`- ${language} (${files.length} files): ${counts.size ? [...counts].map(([id, n]) => `${id} ${n}`).join(', ') : 'none'}`);
}

const text = `${lines.join('\n')}\n`;
process.stdout.write(text);
if (process.argv.includes('--write')) writeFileSync(path.join(repoRoot, 'docs/fidelity.md'), text);
