/**
 * Throughput of parseKeepalived and loadKeepalived+model on the generated large
 * keepalived.conf (bench/generate.mjs: 200 VRRP instances, 1,000 virtual servers × 10
 * real servers with TCP_CHECK, ≈91k lines, 1.8 MB). Not a test: timings vary by machine.
 *
 *   npx tsx packages/parser/test/keepalived/measure-throughput.ts [rounds]
 *
 * Reports the best of N rounds (warm) and the first round (cold), wall and CPU time.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { loadKeepalived, parseKeepalived } from '../../src/keepalived/index.js';
import { generateKeepalived } from '../../../../bench/generate.mjs';

const rounds = Number(process.argv[2] ?? 15);
const text: string = generateKeepalived();
const file = path.join(mkdtempSync(path.join(tmpdir(), 'cfgl-bench-')), 'keepalived.conf');
writeFileSync(file, text);
const mb = Buffer.byteLength(text) / 1e6;
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function measure(name: string, fn: () => void): void {
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const c = cpu();
    const w = performance.now();
    fn();
    walls.push(performance.now() - w);
    cpus.push(cpu() - c);
  }
  const best = Math.min(...walls);
  const bestCpu = Math.min(...cpus);
  console.log(
    `${name.padEnd(22)} cold ${walls[0].toFixed(0)} ms | best wall ${best.toFixed(1)} ms = ${(mb / (best / 1000)).toFixed(1)} MB/s | best cpu ${bestCpu.toFixed(1)} ms = ${(mb / (bestCpu / 1000)).toFixed(1)} MB/s`,
  );
}

console.log(`${text.split('\n').length} lines, ${mb.toFixed(2)} MB, ${rounds} rounds`);
measure('parseKeepalived', () => parseKeepalived(text, file));
measure('loadKeepalived+model', () => loadKeepalived(file));
