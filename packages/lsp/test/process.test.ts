import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleServer } from './bundle.js';
import { startProcess } from './harness.js';

const repo = path.resolve(import.meta.dirname, '../../..');
const root = mkdtempSync(path.join(tmpdir(), 'cfglint-lsp-process-'));
let bundle: string;
beforeAll(async () => {
  bundle = await bundleServer();
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(path.dirname(bundle), { recursive: true, force: true });
});

describe('the bundled server as a process', () => {
  it('prints its version and usage, and refuses to start without a transport', () => {
    expect(spawnSync(process.execPath, [bundle, '--version'], { encoding: 'utf8' }).stdout.trim()).toBe('0.1.0');
    const help = spawnSync(process.execPath, [bundle, '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/--stdio/);
    const none = spawnSync(process.execPath, [bundle], { encoding: 'utf8' });
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/Usage/);
  });

  it('checks a VRRP pair over stdio, on its check worker', async () => {
    for (const host of ['web1', 'web2']) {
      mkdirSync(path.join(root, host), { recursive: true });
      writeFileSync(path.join(root, host, 'keepalived.conf'), readFileSync(path.join(repo, 'fixtures/seed', host, 'keepalived.conf'), 'utf8'));
    }
    const client = await startProcess(bundle, { rootPath: root });
    try {
      const text = readFileSync(path.join(root, 'web2', 'keepalived.conf'), 'utf8').replace('virtual_router_id 51', 'virtual_router_id 52');
      const uri = await client.open(path.join(root, 'web2', 'keepalived.conf'), text);
      const d = await client.diagnostics(uri, (x) => x.some((y) => y.code === 'keepalived/vrid-mismatch'));
      expect(d.find((y) => y.code === 'keepalived/vrid-mismatch')!.relatedInformation![0].location.uri).toMatch(/web1\/keepalived\.conf$/);
    } finally {
      await client.shutdown();
    }
    expect(client.child.exitCode).toBe(0);
  });

  it('never dies: bad requests get errors, and the server keeps answering', async () => {
    const client = await startProcess(bundle);
    try {
      const uri = await client.open('/virtual/robust/haproxy.cfg', 'backend b\n    server s 10.0.0.1:80\n');
      // requests for unknown documents, out-of-range positions, malformed parameters, unknown methods
      await expect(client.request('textDocument/hover', { textDocument: { uri: 'file:///nope.cfg' }, position: { line: 0, character: 0 } })).resolves.toBeNull();
      await client.request('textDocument/definition', { textDocument: { uri }, position: { line: 99, character: -5 } });
      await expect(client.request('textDocument/definition', { textDocument: { uri } })).rejects.toThrow();
      await expect(client.request('cfglint/nonsense', {})).rejects.toThrow();
      // notifications out of order: a change and a close for documents never opened
      await client.change('file:///never/haproxy.cfg', 3, [{ range: { start: { line: 5, character: 0 }, end: { line: 9, character: 0 } }, text: 'x' }]);
      await client.close('file:///never/keepalived.conf');
      // an edit whose range lies beyond the end, and binary garbage
      await client.change(uri, 2, [{ range: { start: { line: 40, character: 3 }, end: { line: 2, character: 0 } }, text: '\u0000\uffff{{{"' }]);
      const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
      expect(symbols.length).toBeGreaterThan(0);
      expect(client.child.exitCode).toBeNull();
    } finally {
      await client.shutdown();
    }
  });
});
