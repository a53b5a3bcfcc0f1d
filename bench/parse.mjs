// In-process throughput of the parsers, loaders + models, schema checkers and lint rules on
// the large generated configs, using the shipped bundles. Medians of repeated runs after
// warm-up; prints MB/s and milliseconds.
import { statSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
const parser = await import(pathToFileURL(path.join(root, 'packages/parser/dist/index.js')).href);
const lintLib = await import(pathToFileURL(path.join(root, 'packages/lint/dist/index.js')).href);
const { readFileSync } = await import('node:fs');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function measure(fn, runs = 7) {
  fn();
  fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

export function parseBenchmarks(files) {
  const rows = [];
  for (const [language, file] of Object.entries(files)) {
    const text = readFileSync(file, 'utf8');
    const mb = statSync(file).size / 1e6;
    const lines = text.split('\n').length;
    const isKa = language === 'keepalived';
    const parse = () => (isKa ? parser.parseKeepalived(text, file) : parser.parseHaproxy(text, file));
    const load = () => (isKa ? parser.loadKeepalived(file) : parser.loadHaproxy([file]));
    const loaded = load();
    const check = () => (isKa ? parser.checkKeepalived(loaded) : parser.checkHaproxy(loaded));
    const target = [{ filePath: file, language }];
    const lintAll = () => lintLib.lint(target, { rules: lintLib.rules });
    const lintNoRules = () => lintLib.lint(target, { rules: [] });
    const tParse = measure(parse);
    const tLoad = measure(load);
    const tCheck = measure(check);
    const tLintNoRules = measure(lintNoRules, 5);
    const tLint = measure(lintAll, 5);
    rows.push({ language, lines, mb, tParse, tLoad, tCheck, tRules: tLint - tLintNoRules, tLint });
  }
  return rows;
}

export function printParseBenchmarks(rows) {
  console.log('In-process (median of runs after warm-up; bundles from npm run build)');
  console.log('  file                      lines      MB   parse ms (MB/s)   load+model ms   schema check ms   rules ms   whole lint ms (MB/s)');
  for (const r of rows) {
    const rate = (ms) => (r.mb / (ms / 1000)).toFixed(1);
    console.log(
      `  ${`${r.language}`.padEnd(24)} ${String(r.lines).padStart(6)} ${r.mb.toFixed(2).padStart(7)}   ${r.tParse.toFixed(1).padStart(6)} (${rate(r.tParse).padStart(5)})   ${r.tLoad.toFixed(1).padStart(13)}   ${r.tCheck.toFixed(1).padStart(15)}   ${r.tRules.toFixed(1).padStart(8)}   ${r.tLint.toFixed(1).padStart(13)} (${rate(r.tLint)})`,
    );
  }
}
