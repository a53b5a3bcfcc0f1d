// Throughput of the haproxy parser and loader on the generated large configuration
// (bench/generate.mjs: ~62k lines, 2,000 frontends, 4,000 backends, 40,000 servers).
// Not a test (no timings in unit tests). Run:  npx tsx packages/parser/test/haproxy/measure-throughput.ts [runs]
import { generateHaproxy } from '../../../../bench/generate.mjs';
import { createMemoryFileSystem, loadHaproxy, parseHaproxy } from '../../src/index.js';

const runs = Number(process.argv[2] ?? 15);
const text: string = generateHaproxy();
const mb = Buffer.byteLength(text) / 1e6;
const fs = createMemoryFileSystem({ '/bench/haproxy.cfg': text });

function measure(name: string, f: () => unknown) {
  const times: number[] = [];
  f(); // warm-up
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times[times.length >> 1];
  const best = times[0];
  console.log(`${name.padEnd(22)} median ${median.toFixed(1).padStart(6)} ms (${(mb / (median / 1000)).toFixed(1)} MB/s)   best ${best.toFixed(1).padStart(6)} ms (${(mb / (best / 1000)).toFixed(1)} MB/s)`);
}

console.log(`input: ${mb.toFixed(2)} MB, ${text.split('\n').length} lines; ${runs} runs after one warm-up`);
measure('parseHaproxy', () => parseHaproxy(text, '/bench/haproxy.cfg'));
measure('loadHaproxy + model', () => loadHaproxy(['/bench/haproxy.cfg'], { fs }));
