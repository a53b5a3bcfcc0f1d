import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { haproxyCheck, haproxyUnavailableReason, keepalivedCheck, keepalivedUnavailableReason } from '../../../test-support/daemons.js';
import { formatText } from '../src/index.js';
import type { Language } from '../src/engine/options.js';

// The daemons are the oracle: a formatted file must get the same verdict from
// `haproxy -c` / `keepalived -t` as the original — same exit status, same messages
// (line numbers aside, since formatting moves lines). Original and formatted copies sit
// side by side in one directory, so host-dependent findings hit both alike.
const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../../..');
const corpus = path.resolve(repo, '../shared/corpus');
// CFGFMT_DAEMONS_EVERY=1 checks every corpus file (slow); the default samples it.
const every = (n: number) => Number(process.env.CFGFMT_DAEMONS_EVERY ?? n);

function pick(language: Language, every: number): string[] {
  const files: string[] = [];
  const dir = path.join(corpus, language);
  if (existsSync(dir)) readdirSync(dir).sort().forEach((name, i) => i % every === 0 && files.push(path.join(dir, name)));
  for (const host of ['proxy', 'proxy2', 'web1', 'web2']) {
    const file = path.join(repo, 'fixtures/seed', host, language === 'keepalived' ? 'keepalived.conf' : 'haproxy.cfg');
    if (existsSync(file)) files.push(file);
  }
  const cases = path.join(here, 'format', language);
  for (const name of readdirSync(cases).sort()) files.push(path.join(cases, name, language === 'keepalived' ? 'input.conf' : 'input.cfg'));
  return files;
}

/** Messages without file names and line numbers. */
function normalize(output: string, files: string[]): string[] {
  let text = output;
  for (const f of files) text = text.replaceAll(f, 'FILE');
  return text
    .replace(/FILE:\d+/g, 'FILE:N')
    .replace(/\(\d+\)/g, '(PID)')
    .replace(/\b\d{9,}\.\d+\b/g, 'TIME')
    .replace(/\b[Ll]ine \d+/g, 'line N')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .sort();
}

type Check = (file: string, text: string) => Promise<{ code: number; output: string }>;

async function compare(language: Language, files: string[], check: Check) {
  const dir = mkdtempSync(path.join(tmpdir(), `cfgfmt-${language}-`));
  const mismatches: string[] = [];
  let formatted = 0;
  for (const [i, source] of files.entries()) {
    const text = readFileSync(source, 'utf8');
    let out: string;
    try {
      out = formatText(text, language, {}, source);
    } catch {
      continue; // syntax errors: never rewritten, nothing to compare
    }
    if (out === text) continue;
    formatted++;
    const ext = language === 'keepalived' ? 'conf' : 'cfg';
    const a = path.join(dir, `o${i}.${ext}`);
    const b = path.join(dir, `f${i}.${ext}`);
    // A missing final newline is the one thing formatting is meant to change in the
    // verdict (HAProxy refuses such a file): compare with the newline already added.
    if (text.length > 0 && !text.endsWith('\n')) writeFileSync(a, text + '\n');
    else copyFileSync(source, a);
    writeFileSync(b, out);
    const [ra, rb] = [await check(a, text), await check(b, out)];
    // A run killed by the checker's time limit (keepalived exits 124) has no reliable output.
    if (ra.code === 124 && rb.code === 124) continue;
    const na = normalize(ra.output, [a]);
    const nb = normalize(rb.output, [b]);
    if (ra.code !== rb.code || JSON.stringify(na) !== JSON.stringify(nb)) {
      mismatches.push(`${source}: exit ${ra.code} → ${rb.code}\n  ${na.join('\n  ')}\n  ---\n  ${nb.join('\n  ')}`);
    }
  }
  return { formatted, mismatches };
}

describe.skipIf(haproxyUnavailableReason())('haproxy -c gives formatted files the same verdict', () => {
  it('on seed, format cases and every 6th corpus file', async () => {
    const { formatted, mismatches } = await compare('haproxy', pick('haproxy', every(6)), (f) => haproxyCheck(f));
    console.log(`haproxy -c: ${formatted} formatted files compared`);
    expect(formatted).toBeGreaterThan(50);
    expect(mismatches).toEqual([]);
  }, 300_000);
});

describe.skipIf(keepalivedUnavailableReason())('keepalived -t gives formatted files the same verdict', () => {
  it('on seed, format cases and every 8th corpus file', async () => {
    // Lines prefixed `@host` apply on that host only: check as no host and as the first host named.
    const check: Check = async (f, text) => {
      const plain = await keepalivedCheck(f);
      const host = /^[ \t]*@\^?([A-Za-z0-9_.-]+)/m.exec(text)?.[1];
      if (!host) return plain;
      const asHost = await keepalivedCheck(f, { extraArgs: ['-i', host] });
      return { code: plain.code * 1000 + asHost.code, output: `${plain.output}\n--- as ${host} ---\n${asHost.output}` };
    };
    const { formatted, mismatches } = await compare('keepalived', pick('keepalived', every(8)), check);
    console.log(`keepalived -t: ${formatted} formatted files compared`);
    expect(formatted).toBeGreaterThan(20);
    expect(mismatches).toEqual([]);
  }, 300_000);
});
