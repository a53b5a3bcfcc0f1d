// Formatting benchmark: the large generated configs through the direct printer
// (what cfgfmt and the plugin use), through Prettier with the plugin, and cfgfmt as a
// whole process. Prints a table of medians. Run after `npm run build`:
//   node --expose-gc packages/prettier-plugin/bench/format.mjs [--runs N]
// With --expose-gc, a full collection runs before each timed call, so one call does not
// pay for the previous call's garbage. The generated files are already formatted; the
// "reindented" variant (2-space indentation, doubled blanks) is what a first format costs.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateHaproxy, generateKeepalived } from '../../../bench/generate.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const plugin = await import(path.join(root, 'packages/prettier-plugin/dist/index.js'));
const { formatText, parseForFormat } = plugin;

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 21;

const best = (xs) => Math.min(...xs);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const gc = typeof globalThis.gc === 'function' ? globalThis.gc : () => {};

/**
 * Median and best of `runs` warm calls, wall clock, and the best CPU time of this process
 * (user + system): on a shared machine the best, and CPU time, are the closest to an idle one.
 */
function timeWarm(fn, runs = RUNS) {
  for (let i = 0; i < 5; i++) fn();
  const times = [];
  const cpu = [];
  for (let i = 0; i < runs; i++) {
    gc();
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { median: median(times), best: best(times), cpu: best(cpu) };
}

async function timeWarmAsync(fn, runs) {
  for (let i = 0; i < 2; i++) await fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    gc();
    const t0 = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(times);
}

function timeProcess(args, runs = 7) {
  const once = () => {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    if (r.error) throw r.error;
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
  once();
  const times = [];
  for (let i = 0; i < runs; i++) times.push(once());
  return median(times);
}

const dir = path.join(root, '.bench', 'format');
mkdirSync(dir, { recursive: true });
const haproxy24k = generateHaproxy({ frontends: 800, backends: 1600, serversPerBackend: 10 }) + '\n';
const reindented = haproxy24k.replace(/^ {4}/gm, '  ').replace(/ /g, '  ');
const cases = [
  { name: 'haproxy.cfg (24k lines)', language: 'haproxy', file: 'haproxy.cfg', text: haproxy24k },
  { name: 'haproxy.cfg (24k lines, reindented)', language: 'haproxy', file: 'reindented.haproxy.cfg', text: reindented },
  { name: 'haproxy.cfg (62k lines)', language: 'haproxy', file: 'big.haproxy.cfg', text: generateHaproxy() + '\n' },
  { name: 'keepalived.conf (91k lines)', language: 'keepalived', file: 'keepalived.conf', text: generateKeepalived() + '\n' },
];

const { format } = await import('prettier');
const rows = [];
for (const c of cases) {
  const file = path.join(dir, c.file);
  writeFileSync(file, c.text);
  const lines = c.text.split('\n').length - 1;
  const mb = Buffer.byteLength(c.text) / 1e6;
  const total = timeWarm(() => formatText(c.text, c.language));
  const parse = timeWarm(() => parseForFormat(c.text, c.language));
  const aligned = c.language === 'haproxy' ? timeWarm(() => formatText(c.text, c.language, { haproxyAlignServers: true })) : undefined;
  const prettierMs = await timeWarmAsync(() => format(c.text, { parser: c.language, plugins: [plugin.default] }), 5);
  const cfgfmt = timeProcess([path.join(root, 'packages/prettier-plugin/bin/cfgfmt.mjs'), '--check', '--no-config', file]);
  const fmt = (t) => `${t.median.toFixed(1)} / ${t.best.toFixed(1)} / ${t.cpu.toFixed(1)}`;
  rows.push({
    case: c.name,
    lines,
    MB: mb.toFixed(2),
    'format ms (median / best / best CPU)': fmt(total),
    'parse alone ms': fmt(parse),
    'aligned servers ms': aligned ? fmt(aligned) : '-',
    'MB/s (best)': (mb / (total.best / 1000)).toFixed(0),
    'Prettier API ms': prettierMs.toFixed(1),
    'cfgfmt --check process ms': cfgfmt.toFixed(0),
  });
}
console.log(`Formatting (medians of ${RUNS} warm runs${typeof globalThis.gc === 'function' ? ', full GC before each' : ''}; Node ${process.version}; load average ${(await import('node:os')).loadavg()[0].toFixed(1)})`);
console.table(rows);
