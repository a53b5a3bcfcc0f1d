import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  haproxyCheck,
  haproxyUnavailableReason,
  keepalivedCheck,
  keepalivedUnavailableReason,
} from '../../../test-support/daemons.js';

interface Snippet {
  prefix: string | string[];
  description: string;
  body: string | string[];
}

const here = path.resolve(import.meta.dirname, '..');
const load = (lang: string) => JSON.parse(readFileSync(path.join(here, 'snippets', `${lang}.json`), 'utf8')) as Record<string, Snippet>;

/** What VS Code inserts when every placeholder keeps its default (first choice, empty tab stops). */
export function expandSnippet(body: string | string[]): string {
  const text = Array.isArray(body) ? body.join('\n') : body;
  return text
    .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '')
    .replace(/\\([$}\\])/g, '$1');
}

const dir = mkdtempSync(path.join(tmpdir(), 'cfglint-snippets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('snippet files', () => {
  it.each(['keepalived', 'haproxy'])('%s: every snippet has a prefix, a description and a body that expands', (lang) => {
    const snippets = load(lang);
    expect(Object.keys(snippets).length).toBeGreaterThan(2);
    for (const [name, snippet] of Object.entries(snippets)) {
      expect(snippet.prefix, name).toBeTruthy();
      expect(snippet.description.length, name).toBeGreaterThan(20);
      const expanded = expandSnippet(snippet.body);
      expect(expanded, name).not.toMatch(/\$\{|\$\d/);
    }
  });

  it('the lab setups are there: a VRRP pair, LVS-DR with TCP_CHECK, a listen section and a stats page', () => {
    const ka = Object.values(load('keepalived')).map((s) => expandSnippet(s.body));
    const ha = Object.values(load('haproxy')).map((s) => expandSnippet(s.body));
    expect(ka.some((s) => /state MASTER/.test(s) && /virtual_router_id/.test(s))).toBe(true);
    expect(ka.some((s) => /state BACKUP/.test(s) && /priority 50/.test(s))).toBe(true);
    expect(ka.some((s) => /lb_kind DR/.test(s) && /TCP_CHECK/.test(s))).toBe(true);
    expect(ha.some((s) => /^listen /.test(s) && /balance/.test(s))).toBe(true);
    expect(ha.some((s) => /stats uri/.test(s) && /stats auth/.test(s) && !/admin:admin/.test(s))).toBe(true);
  });
});

// The daemons decide: every snippet, expanded with its defaults, must be accepted.
describe.skipIf(haproxyUnavailableReason())('haproxy snippets pass haproxy -c', () => {
  const prelude = 'global\n    maxconn 100\n\ndefaults\n    mode http\n    timeout connect 5s\n    timeout client 30s\n    timeout server 30s\n\n';
  const surroundings: Record<string, [string, string]> = {
    Backend: ['frontend fe\n    bind :8080\n    default_backend app\n\n', ''],
    'Content switching rule': ['frontend fe\n    bind :8080\n', '\nbackend static\n    server s1 127.0.0.1:8081\n'],
  };
  it.each(Object.entries(load('haproxy')))('%s', async (name, snippet) => {
    const [before, after] = surroundings[name] ?? ['', ''];
    const file = path.join(dir, `${name.replace(/\W+/g, '-')}.cfg`);
    writeFileSync(file, prelude + before + expandSnippet(snippet.body) + '\n' + after);
    const result = await haproxyCheck(file);
    expect(result.output).not.toMatch(/\[ALERT\]|\[WARNING\]/);
    expect(result.code).toBe(0);
  });
});

describe.skipIf(keepalivedUnavailableReason())('keepalived snippets pass keepalived -t', () => {
  const surroundings: Record<string, [string, string]> = {
    // keepalived -t warns (exit 5) when a virtual_server has no protocol or scheduler.
    'Real server with TCP_CHECK': ['virtual_server 10.0.0.1 80 {\n    lb_algo rr\n    lb_kind DR\n    protocol TCP\n', '\n}\n'],
    'Global definitions': ['', '\nvrrp_script chk {\n    script "/bin/true"\n}\n'],
  };
  it.each(Object.entries(load('keepalived')))('%s', async (name, snippet) => {
    const [before, after] = surroundings[name] ?? ['', ''];
    const file = path.join(dir, `${name.replace(/\W+/g, '-')}.conf`);
    writeFileSync(file, before + expandSnippet(snippet.body) + '\n' + after);
    const result = await keepalivedCheck(file, { interfaces: ['eth0'] });
    expect(result.output).not.toMatch(/unknown keyword|error|invalid/i);
    expect(result.code).toBe(0);
  });
});
