/**
 * cfgrun's plan + diff for a large director: 1,000 virtual servers × 10 real servers,
 * against a live table (`ipvsadm -Sn` text) in which 10% of the weights differ.
 * Prints figures; the goal is ≤ 100 ms for plan + diff (config load reported apart).
 * Run: node packages/runtime/bench/run.mjs (bundles this file first, as cfgrun is shipped)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKeepalivedFacts } from '../src/config/load-keepalived-facts.js';
import { desiredTable } from '../src/ipvs/desired.js';
import { planIpvs } from '../src/ipvs/driver.js';
import { parseIpvsSave } from '../src/ipvs/parse-save.js';

const SERVICES = 1000;
const REAL = 10;

function vip(i: number) {
  return `10.${100 + Math.floor(i / 250)}.${i % 250}.1`;
}

let config = '';
let live = '';
let changed = 0;
for (let i = 0; i < SERVICES; i++) {
  config += `virtual_server ${vip(i)} 80 {\n    lvs_sched wrr\n    lvs_method DR\n    protocol TCP\n`;
  live += `-A -t ${vip(i)}:80 -s wrr\n`;
  for (let r = 0; r < REAL; r++) {
    const rs = `10.200.${i % 250}.${r + 10 + 20 * Math.floor(i / 250)}`;
    config += `    real_server ${rs} 80 {\n        weight 5\n    }\n`;
    const differs = (i * REAL + r) % 10 === 0;
    if (differs) changed++;
    live += `-a -t ${vip(i)}:80 -r ${rs}:80 -g -w ${differs ? 3 : 5}\n`;
  }
  config += '}\n';
}

const dir = mkdtempSync(join(tmpdir(), 'cfgrun-bench-'));
const file = join(dir, 'keepalived.conf');
writeFileSync(file, config);

// CPU time of this thread, not wall time: figures stay meaningful on a busy shared machine.
const time = <T>(f: () => T): [T, number] => {
  const t = process.cpuUsage();
  const v = f();
  const d = process.cpuUsage(t);
  return [v, (d.user + d.system) / 1000];
};

// Warm-up once (JIT), then the median of 7 runs.
const runs: Array<Record<string, number>> = [];
let operations = 0;
for (let k = 0; k < 8; k++) {
  const [facts, loadMs] = time(() => loadKeepalivedFacts(file));
  const [desired, desiredMs] = time(() => desiredTable(facts).table);
  const [liveTable, liveMs] = time(() => parseIpvsSave(live));
  const [plan, diffMs] = time(() => planIpvs(liveTable, desired));
  operations = plan.operations.length;
  if (k > 0) runs.push({ loadMs, desiredMs, liveMs, diffMs, planMs: desiredMs + liveMs + diffMs });
}
rmSync(dir, { recursive: true, force: true });
const median = (key: string) => runs.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(runs.length / 2)];
const f = (n: number) => `${n.toFixed(1)} ms`;
console.log(`cfgrun plan+diff (CPU time, median of 7): ${SERVICES} virtual servers × ${REAL} real servers (${(config.length / 1e6).toFixed(2)} MB config, ${live.split('\n').length - 1} live lines), ${changed} weights differ`);
console.log(`  load config (parser + model)   ${f(median('loadMs'))}`);
console.log(`  desired table from the model   ${f(median('desiredMs'))}`);
console.log(`  parse live ipvsadm -Sn         ${f(median('liveMs'))}`);
console.log(`  diff + inverse + render batch  ${f(median('diffMs'))}`);
console.log(`  plan + diff (goal ≤ 100 ms)    ${f(median('planMs'))}  → ${operations} operations (${operations === changed ? 'one -e per changed weight' : 'UNEXPECTED'})`);
if (operations !== changed) process.exitCode = 1;
