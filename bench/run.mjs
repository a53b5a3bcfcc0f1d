// npm run bench: every benchmark of the project, printing figures (never pass/fail).
//   1. parse / load / schema check / rules throughput in process (bench/parse.mjs)
//   2. whole-process cfglint against haproxy -c and keepalived -t on the same files
//   3. the packages' own benchmarks: formatter, language server, runtime plan/diff
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { writeLargeConfigs } from './generate.mjs';
import { parseBenchmarks, printParseBenchmarks } from './parse.mjs';
import { compareCommands, machineLoad, withNamespace } from './whole-process.mjs';

const root = path.resolve(import.meta.dirname, '..');
process.chdir(root);
const files = writeLargeConfigs('.bench');
const cfglint = path.join(root, 'packages/lint/bin/cfglint.mjs');
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

console.log(`Large generated configs: ${files.haproxy}, ${files.keepalived}\n`);
printParseBenchmarks(parseBenchmarks(files));

/** "712 ms (CPU 990 ms)": wall time, and CPU time where it could be measured. */
const both = (wall, cpu) => `${wall.toFixed(0)} ms${cpu === undefined ? '' : ` (CPU ${cpu.toFixed(0)} ms)`}`;
const ratios = (t) => `ratio ${(t.a / t.b).toFixed(2)}${t.aCpu === undefined || !t.bCpu ? '' : `, CPU ratio ${(t.aCpu / t.bCpu).toFixed(2)}`}`;

console.log(`\nWhole process (median of 9 alternating runs, wall and CPU time; lower is better; ${machineLoad()} before the runs)`);
if (has('haproxy')) {
  const t = compareCommands([process.execPath, [cfglint, '--haproxy-version', '2.6', files.haproxy]], ['haproxy', ['-c', '-q', '-dr', '-f', files.haproxy]]);
  console.log(`  haproxy.cfg:     cfglint ${both(t.a, t.aCpu)}   haproxy -c ${both(t.b, t.bCpu)}   ${ratios(t)} (goal ≤ 0.5)`);
} else console.log('  haproxy.cfg: skipped (haproxy not installed)');
if (has('keepalived') && process.getuid?.() === 0) {
  withNamespace((ns) => {
    const t = compareCommands(
      ['ip', ['netns', 'exec', ns, process.execPath, cfglint, '--keepalived-version', '2.2.7', files.keepalived]],
      ['ip', ['netns', 'exec', ns, 'keepalived', '-t', '-f', path.resolve(files.keepalived)]],
    );
    console.log(`  keepalived.conf: cfglint ${both(t.a, t.aCpu)}   keepalived -t ${both(t.b, t.bCpu)}   ${ratios(t)} (goal ≤ 2)`);
  });
} else console.log('  keepalived.conf: skipped (needs keepalived and root for a network namespace)');

for (const script of ['packages/prettier-plugin/bench/format.mjs', 'packages/lsp/bench/latency.mjs', 'packages/runtime/bench/run.mjs']) {
  if (!existsSync(script)) continue;
  console.log(`\n== ${script}`);
  spawnSync(process.execPath, [script], { stdio: 'inherit' });
}
