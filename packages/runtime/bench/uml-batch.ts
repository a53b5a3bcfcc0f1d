/**
 * A figure, not a goal: how long the 1,000 × 10 apply takes on a real kernel inside
 * user-mode Linux, where every system call is slow. Run: node packages/runtime/bench/run.mjs --uml
 * (root, user-mode-linux, ipvsadm). CFGRUN_CLI names the bundled cfgrun.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInUml, umlUnavailableReason } from '../test/harness/uml.js';

const reason = umlUnavailableReason();
if (reason) {
  console.log(`uml batch: skipped (${reason})`);
  process.exit(0);
}
const cli = process.env.CFGRUN_CLI!;
const dir = mkdtempSync(join(tmpdir(), 'cfgrun-bench-uml-'));
const config = (changed: boolean) => {
  let text = '';
  for (let i = 0; i < 1000; i++) {
    text += `virtual_server 10.${100 + Math.floor(i / 250)}.${i % 250}.1 80 {\n    lvs_sched wrr\n    lvs_method DR\n`;
    for (let r = 0; r < 10; r++) text += `    real_server 10.200.${i % 250}.${r + 10 + 20 * Math.floor(i / 250)} 80 {\n        weight ${changed && (i * 10 + r) % 10 === 0 ? 3 : 5}\n    }\n`;
    text += '}\n';
  }
  return text;
};
writeFileSync(join(dir, 'big.conf'), config(false));
writeFileSync(join(dir, 'changed.conf'), config(true));
const cfgrun = (file: string) => [process.execPath, cli, 'apply', '--driver', 'ipvs', '--yes', '--json', '--no-lint', '--state-dir', join(dir, 'state'), '--lock-file', join(dir, 'lock'), join(dir, file)];
const start = performance.now();
const { results } = await runInUml(
  [
    { name: 'big', argv: cfgrun('big.conf') },
    { name: 'changed', argv: cfgrun('changed.conf') },
  ],
  { setup: ['ip link add d0 type dummy', 'ip link set d0 up', 'ip addr add 10.200.0.1/16 dev d0'], timeoutMs: 600_000 },
);
const wall = performance.now() - start;
rmSync(dir, { recursive: true, force: true });
for (const name of ['big', 'changed']) {
  const r = results.get(name)!;
  const report = JSON.parse(r.stdout);
  const step = (prefix: string) => report.steps.find((s: { name: string }) => s.name.startsWith(prefix))?.ms;
  console.log(
    `uml ${name}: exit ${report.exitCode}, ${report.plan.operations.length} operations; read live ${step('read the live table')} ms, ipvsadm -R batch + read-back ${step('apply')} ms`,
  );
}
console.log(`uml: boot to halt ${(wall / 1000).toFixed(1)} s`);
