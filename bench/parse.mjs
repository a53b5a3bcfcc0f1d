// In-process throughput of the parsers, loaders + models, schema checkers and lint rules on
// the large generated configs, using the shipped bundles. Medians of repeated runs after
// warm-up (so: warm code, unlike a command-line run); prints milliseconds and MB/s, of wall
// time and of CPU time (this process, all threads: garbage collection and compilation too).
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
const parser = await import(pathToFileURL(path.join(root, 'packages/parser/dist/index.js')).href);
const lintLib = await import(pathToFileURL(path.join(root, 'packages/lint/dist/index.js')).href);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Median wall and CPU milliseconds of `fn` over `runs` runs after two warm-up runs. */
function measure(fn, runs = 7) {
  fn();
  fn();
  const wall = [];
  const cpu = [];
  for (let i = 0; i < runs; i++) {
    const c0 = cpuMs();
    const t0 = performance.now();
    fn();
    wall.push(performance.now() - t0);
    cpu.push(cpuMs() - c0);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

export function parseBenchmarks(files) {
  const rows = [];
  for (const [language, file] of Object.entries(files)) {
    const text = readFileSync(file, 'utf8');
    const mb = statSync(file).size / 1e6;
    const lines = text.split('\n').length;
    const isKa = language === 'keepalived';
    const versions = isKa ? { keepalived: '2.2.7' } : { haproxy: '2.6' };
    const parse = () => (isKa ? parser.parseKeepalived(text, file) : parser.parseHaproxy(text, file));
    const load = () => (isKa ? parser.loadKeepalived(file) : parser.loadHaproxy([file]));
    const loaded = load();
    const check = () => (isKa ? parser.checkKeepalived(loaded, { version: versions.keepalived }) : parser.checkHaproxy(loaded, { version: versions.haproxy }));
    const loadAndCheck = () => {
      const l = load();
      return isKa ? parser.checkKeepalived(l, { version: versions.keepalived }) : parser.checkHaproxy(l, { version: versions.haproxy });
    };
    const target = [{ filePath: file, language }];
    const lintAll = () => lintLib.lint(target, { rules: lintLib.rules, versions });
    const lintNoRules = () => lintLib.lint(target, { rules: [], versions });
    const tLintNoRules = measure(lintNoRules, 5);
    const tLint = measure(lintAll, 5);
    rows.push({
      language,
      lines,
      mb,
      parse: measure(parse),
      load: measure(load),
      check: measure(check),
      loadAndCheck: measure(loadAndCheck),
      rules: { wall: tLint.wall - tLintNoRules.wall, cpu: tLint.cpu - tLintNoRules.cpu },
      lint: tLint,
    });
  }
  return rows;
}

export function printParseBenchmarks(rows) {
  console.log('In-process, warm (median of runs after warm-up; bundles from npm run build). Wall ms, CPU ms in parentheses.');
  for (const r of rows) {
    const rate = (ms) => `${(r.mb / (ms / 1000)).toFixed(1)} MB/s`;
    const t = (m) => `${m.wall.toFixed(1)} (${m.cpu.toFixed(0)})`;
    console.log(`  ${r.language}: ${r.lines} lines, ${r.mb.toFixed(2)} MB`);
    console.log(`    parse                         ${t(r.parse).padStart(14)} ms   ${rate(r.parse.wall)}`);
    console.log(`    load (parse + model)          ${t(r.load).padStart(14)} ms`);
    console.log(`    schema check                  ${t(r.check).padStart(14)} ms`);
    console.log(`    parse + model + schema check  ${t(r.loadAndCheck).padStart(14)} ms   ${rate(r.loadAndCheck.wall)} (goal ≥ 20 MB/s)`);
    console.log(`    rules                         ${t(r.rules).padStart(14)} ms`);
    console.log(`    whole lint                    ${t(r.lint).padStart(14)} ms   ${rate(r.lint.wall)}`);
  }
}
