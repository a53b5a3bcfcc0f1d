import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startInProcess, type TestClient } from './harness.js';

const dir = mkdtempSync(path.join(tmpdir(), 'cfglint-lsp-diag-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let client: TestClient;
beforeEach(async () => {
  client = await startInProcess({ rootPath: dir });
});
afterEach(async () => {
  await client.shutdown();
});

describe('initialize', () => {
  it('names the server and syncs documents incrementally', () => {
    expect(client.initializeResult.serverInfo?.name).toBe('cfglint-language-server');
    expect(client.initializeResult.capabilities.textDocumentSync).toMatchObject({ openClose: true, change: 2 });
  });
});

describe('diagnostics', () => {
  it('reports a syntax error where it is, and clears it when the edit fixes it', async () => {
    const file = path.join(dir, 'a', 'haproxy.cfg');
    const first = client.diagnostics(`file://${file}`, (d) => d.length > 0);
    const uri = await client.open(file, 'frontend fe\n    bind "abc\n    mode http\n');
    const diagnostics = await first;
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'lex/unterminated-quote',
        severity: 1,
        source: 'cfglint',
        range: { start: { line: 1, character: 9 }, end: { line: 1, character: 13 } },
      }),
    ]);
    // (lint rules may still have things to say about the file; the syntax error must be gone)
    const syntax = (d: { code?: unknown }[]) => d.filter((x) => /^(lex|parse)\//.test(String(x.code)));
    const cleared = client.diagnostics(uri, (d) => syntax(d).length === 0);
    await client.change(uri, 2, [{ range: { start: { line: 1, character: 13 }, end: { line: 1, character: 13 } }, text: '"' }]);
    expect(syntax(await cleared)).toEqual([]);
  });

  it('keeps positions right after edits above a finding (lines added and removed)', async () => {
    const file = path.join(dir, 'b', 'keepalived.conf');
    const text = 'global_defs {\n  router_id a\n}\n\nvrrp_instance X {\n  state MASTER\n}\n}\n';
    const uri = await client.open(file, text);
    const before = await client.diagnostics(uri, (d) => d.some((x) => x.code === 'parse/unexpected-close-brace'));
    expect(before.find((d) => d.code === 'parse/unexpected-close-brace')?.range.start).toEqual({ line: 7, character: 0 });
    await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# one\n# two\n' }]);
    const moved = await client.diagnostics(uri, (d) => d.some((x) => x.code === 'parse/unexpected-close-brace' && x.range.start.line === 9));
    expect(moved.filter((d) => d.code === 'parse/unexpected-close-brace')).toHaveLength(1);
    await client.change(uri, 3, [{ range: { start: { line: 0, character: 0 }, end: { line: 2, character: 0 } }, text: '' }]);
    await client.diagnostics(uri, (d) => d.some((x) => x.code === 'parse/unexpected-close-brace' && x.range.start.line === 7));
  });

  it('serves a document without a file name it recognises when the editor names the language', async () => {
    const file = path.join(dir, 'c', 'lb.conf');
    const first = client.diagnostics(`file://${file}`, (d) => d.length > 0);
    await client.open(file, 'vrrp_instance X {\n', 'keepalived');
    expect((await first)[0].code).toBe('parse/unclosed-block');
  });

  it('checks an unsaved buffer (untitled:) completely, without looking for it on disk', async () => {
    const uri = 'untitled:Untitled-1';
    const checked = client.diagnostics(uri, (d) => d.some((x) => x.code === 'lex/unterminated-quote'));
    await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'haproxy', version: 1, text: 'backend b\n    server s "x\n' } });
    await checked;
    // the complete check publishes again; nothing in it may say the file could not be read
    const complete = await client.diagnostics(uri);
    expect(complete.filter((d) => /^(load|include)\//.test(String(d.code)))).toEqual([]);
  });

  it('ignores documents of other languages', async () => {
    const uri = await client.open(path.join(dir, 'notes.txt'), 'hello {', 'plaintext');
    await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }).catch(() => null);
    expect(client.published.filter((p) => p.uri === uri)).toEqual([]);
  });

  it('clears a document\'s diagnostics when it closes', async () => {
    const file = path.join(dir, 'd', 'haproxy.cfg');
    const uri = await client.open(file, 'backend b\n    server s "x\n');
    await client.diagnostics(uri, (d) => d.length > 0);
    const cleared = client.diagnostics(uri, (d) => d.length === 0);
    await client.close(uri);
    expect(await cleared).toEqual([]);
  });

  it('re-checks when a file the document includes changes on disk', async () => {
    const base = path.join(dir, 'e');
    mkdirSync(path.join(base, 'conf.d'), { recursive: true });
    writeFileSync(path.join(base, 'conf.d', 'extra.cfg'), 'backend ok\n');
    const file = path.join(base, 'haproxy.cfg');
    const uri = await client.open(file, 'frontend fe\n    bind :80\n    default_backend ok\n');
    await client.diagnostics(uri);
    const again = client.diagnostics(uri);
    writeFileSync(path.join(base, 'conf.d', 'extra.cfg'), 'backend ok\n    server s "broken\n');
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: `file://${path.join(base, 'conf.d', 'extra.cfg')}`, type: 2 }] });
    await again; // published again after the watched-file event
  });
});
