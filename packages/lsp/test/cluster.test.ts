import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startInProcess, type TestClient } from './harness.js';

const repo = path.resolve(import.meta.dirname, '../../..');
const web1Text = readFileSync(path.join(repo, 'fixtures/seed/web1/keepalived.conf'), 'utf8');
const web2Text = readFileSync(path.join(repo, 'fixtures/seed/web2/keepalived.conf'), 'utf8');

const root = mkdtempSync(path.join(tmpdir(), 'cfglint-lsp-cluster-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let client: TestClient;
let lab: string;
let n = 0;
beforeEach(async () => {
  // One directory per host, as the seed lab keeps them: web1/ and web2/.
  lab = path.join(root, `lab${++n}`);
  for (const [host, text] of [['web1', web1Text], ['web2', web2Text]]) {
    mkdirSync(path.join(lab, host), { recursive: true });
    writeFileSync(path.join(lab, host, 'keepalived.conf'), text);
  }
  client = await startInProcess({ rootPath: lab });
});
afterEach(async () => {
  await client.shutdown();
});

const vridLine = (text: string) => text.split('\n').findIndex((l) => l.includes('virtual_router_id'));
const mismatch = (d: { code?: unknown }[]) => d.some((x) => x.code === 'keepalived/vrid-mismatch');

describe('diagnostics across a VRRP pair', () => {
  it('shows the virtual_router_id mismatch against the peer\'s file on disk, with related information at its line', async () => {
    const web2 = path.join(lab, 'web2', 'keepalived.conf');
    const edited = web2Text.replace('virtual_router_id 51', 'virtual_router_id 52');
    const uri = await client.open(web2, edited);
    const diagnostics = await client.diagnostics(uri, mismatch);
    const d = diagnostics.find((x) => x.code === 'keepalived/vrid-mismatch')!;
    expect(d.severity).toBe(1);
    expect(d.range.start.line).toBe(vridLine(edited));
    expect(d.message).toMatch(/split brain/);
    expect(d.relatedInformation).toEqual([
      expect.objectContaining({
        location: {
          uri: pathToFileURL(path.join(lab, 'web1', 'keepalived.conf')).href,
          range: { start: { line: vridLine(web1Text), character: 22 }, end: { line: vridLine(web1Text), character: 24 } },
        },
      }),
    ]);
  });

  it('re-checks when the peer changes on disk (file watching)', async () => {
    const web2 = path.join(lab, 'web2', 'keepalived.conf');
    const uri = await client.open(web2, web2Text);
    const first = await client.diagnostics(uri);
    expect(mismatch(first)).toBe(false);
    const web1 = path.join(lab, 'web1', 'keepalived.conf');
    writeFileSync(web1, web1Text.replace('virtual_router_id 51', 'virtual_router_id 61'));
    const flagged = client.diagnostics(uri, mismatch);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(web1).href, type: 2 }] });
    const d = (await flagged).find((x) => x.code === 'keepalived/vrid-mismatch')!;
    expect(d.message).toContain('61');
  });

  it('re-checks when the peer is edited in another editor tab, unsaved', async () => {
    const web2 = path.join(lab, 'web2', 'keepalived.conf');
    const web1 = path.join(lab, 'web1', 'keepalived.conf');
    const uri2 = await client.open(web2, web2Text);
    await client.diagnostics(uri2);
    const uri1 = await client.open(web1, web1Text);
    await client.diagnostics(uri1);
    const flagged = client.diagnostics(uri2, mismatch);
    const line = vridLine(web1Text);
    await client.change(uri1, 2, [{ range: { start: { line, character: 22 }, end: { line, character: 24 } }, text: '77' }]);
    // the open peer shows it too, at its own line
    await client.diagnostics(uri1, mismatch);
    expect((await flagged).find((x) => x.code === 'keepalived/vrid-mismatch')!.message).toContain('77');
  });

  it('honours rule severities from the editor settings', async () => {
    await client.shutdown();
    client = await startInProcess({ rootPath: lab, settings: { rules: { 'keepalived/vrid-mismatch': 'warn' } } });
    const uri = await client.open(path.join(lab, 'web2', 'keepalived.conf'), web2Text.replace('virtual_router_id 51', 'virtual_router_id 52'));
    const warned = (d: { code?: unknown; severity?: number }[]) => d.some((x) => x.code === 'keepalived/vrid-mismatch' && x.severity === 2);
    const d = (await client.diagnostics(uri, warned)).find((x) => x.code === 'keepalived/vrid-mismatch')!;
    expect(d.message).toMatch(/split brain/);
  });

  it('reads rule severities from the project\'s cfglint config file', async () => {
    writeFileSync(path.join(lab, 'cfglint.config.json'), JSON.stringify({ rules: { 'keepalived/vrid-mismatch': 'off' } }));
    const uri = await client.open(path.join(lab, 'web2', 'keepalived.conf'), web2Text.replace('virtual_router_id 51', 'virtual_router_id 52'));
    // The config is read in the background; once it is, the finding goes away.
    const quiet = await client.diagnostics(uri, (d) => !mismatch(d) && client.published.filter((p) => p.uri === uri).length > 1);
    expect(mismatch(quiet)).toBe(false);
  });
});
